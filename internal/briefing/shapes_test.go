package briefing

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// shapes are the Markdown constructs whose parsing cost might grow
// faster than their size: each makes a body of about n bytes.
var shapes = []struct {
	name string
	make func(n int) string
}{
	{"brackets", func(n int) string { return strings.Repeat("[", n/2) + strings.Repeat("]", n/2) }},
	{"brackets-lines", func(n int) string { return lines(strings.Repeat("[", 70)+strings.Repeat("]", 70), n) }},
	{"link-openers", func(n int) string { return strings.Repeat("[a](", n/4) }},
	{"image-openers", func(n int) string { return strings.Repeat("![a", n/3) }},
	{"bracket-paren", func(n int) string { return strings.Repeat("[a]", n/6) + strings.Repeat("(", n/2) }},
	{"emphasis-stars", func(n int) string { return strings.Repeat("*a", n/2) }},
	{"emphasis-mixed", func(n int) string { return strings.Repeat("*a_", n/3) }},
	{"emphasis-open", func(n int) string { return strings.Repeat("**a ", n/4) }},
	{"emphasis-runs", func(n int) string { return strings.Repeat("*", n/2) + "a" + strings.Repeat("_", n/2) }},
	{"underscores", func(n int) string { return strings.Repeat("a_", n/2) }},
	{"backticks", func(n int) string { return strings.Repeat("`", n) }},
	{"backtick-runs", func(n int) string { return backtickRuns(n) }},
	{"backtick-a", func(n int) string { return strings.Repeat("`a", n/2) }},
	{"entities", func(n int) string { return strings.Repeat("&amp;", n/5) }},
	{"entity-starts", func(n int) string { return strings.Repeat("&#", n/2) }},
	{"ampersands", func(n int) string { return strings.Repeat("&", n) }},
	{"angles", func(n int) string { return strings.Repeat("<", n) }},
	{"autolink-starts", func(n int) string { return strings.Repeat("<http://a", n/9) }},
	{"www", func(n int) string { return strings.Repeat("www.", n/4) }},
	{"bare-urls", func(n int) string { return strings.Repeat("http://a.b ", n/11) }},
	{"bare-domains", func(n int) string { return strings.Repeat("www."+strings.Repeat("a", 300)+" ", n/305) }},
	{"emails", func(n int) string { return strings.Repeat("me@x.org ", n/9) }},
	{"email-locals", func(n int) string { return strings.Repeat("~a", n/2) }},
	{"links", func(n int) string { return lines(strings.Repeat("[a](https://example.org/) ", 50), n) }},
	{"footnote-refs", func(n int) string { return strings.Repeat("[^a]", n/4) + "\n\n[^a]: note\n" }},
	{"nested-lists", func(n int) string { return nestedLists(n) }},
	{"nested-quotes", func(n int) string { return lines(strings.Repeat("> ", 16)+"a", n) }},
	{"quote-list", func(n int) string { return lines(strings.Repeat("> - ", 8)+"a", n) }},
	{"long-table", func(n int) string { return "| a | b |\n|---|---|\n" + lines("| x | y |", n) }},
	{"wide-table", func(n int) string {
		row := "|" + strings.Repeat(" x |", 32)
		return row + "\n|" + strings.Repeat("---|", 32) + "\n" + lines(row, n)
	}},
	{"table-pipes", func(n int) string { return "| a |\n|---|\n" + strings.Repeat("|", n) }},
	{"paragraph-lines", func(n int) string { return lines("a", n) }},
	{"hard-breaks", func(n int) string { return lines("a  ", n) }},
	{"setext", func(n int) string { return lines("a\n=", n) }},
	{"list-items", func(n int) string { return lines("- a", n) }},
	{"html-comments", func(n int) string { return strings.Repeat("<!--", n/4) }},
	{"escapes", func(n int) string { return strings.Repeat("\\[", n/2) }},
	{"citations", func(n int) string { return strings.Repeat("(1) ", n/4) }},
	{"quotes", func(n int) string { return strings.Repeat("'", n) }},
	{"double-quotes", func(n int) string { return strings.Repeat("\"", n) }},
	{"dashes-dots", func(n int) string { return strings.Repeat("a--- b...", n/9) }},
	// The densest paragraphs the limits allow.
	{"brackets-at-limit", func(n int) string {
		return paragraphs(strings.Repeat(strings.Repeat("[", MaxOpenBrackets)+strings.Repeat("]", MaxOpenBrackets), 30), n)
	}},
	{"emphasis-at-limit", func(n int) string { return paragraphs(strings.Repeat("*a_", MaxEmphasisPerParagraph/2), n) }},
	{"stars-at-limit", func(n int) string { return paragraphs(strings.Repeat("*a", MaxEmphasisPerParagraph), n) }},
	{"images-at-limit", func(n int) string {
		return paragraphs(strings.Repeat(strings.Repeat("![a", MaxOpenBrackets)+strings.Repeat("]", MaxOpenBrackets), 30), n)
	}},
	{"links-at-limit", func(n int) string {
		return paragraphs(strings.Repeat("[a](https://example.org/) ", MaxLinksPerLine), n)
	}},
}

func paragraphs(p string, n int) string {
	return strings.Repeat(p+"\n\n", max(n/(len(p)+2), 1))
}

func lines(line string, n int) string {
	k := max(n/(len(line)+1), 1)
	return strings.Repeat(line+"\n", k)
}

func nestedLists(n int) string {
	var b strings.Builder
	for b.Len() < n {
		for d := 0; d < 16; d++ {
			b.WriteString(strings.Repeat("  ", d) + "- a\n")
		}
	}
	return b.String()
}

func backtickRuns(n int) string {
	var b strings.Builder
	for k := 1; b.Len() < n; k++ {
		b.WriteString(strings.Repeat("`", k) + " ")
	}
	return b.String()
}

// shapeBriefing wraps a body shape in a valid briefing.
func shapeBriefing(body string) []byte {
	return []byte(policyFront + "## Impact on library policy/practice\n\n" + body + "\n\n## Summary of driver\nThe summary.\n")
}

// BenchmarkShapes parses each shape at sizes n, 2n, 4n and 8n, up to
// the file size limit; docs/performance.md has the figures.
func BenchmarkShapes(b *testing.B) {
	const n = MaxFileSize / 8
	for _, s := range shapes {
		for _, k := range []int{1, 2, 4, 8} {
			src := shapeBriefing(s.make(n*k - 400))
			b.Run(fmt.Sprintf("%s/%dn", s.name, k), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					Parse("x.md", src, Options{})
				}
			})
		}
	}
}

// TestShapeTimes prints the time of each shape at n and 8n: a quick look
// for super-linear growth (HANDOUTS_SHAPES=n in bytes), not a check.
func TestShapeTimes(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("HANDOUTS_SHAPES"))
	if n == 0 {
		t.Skip("set HANDOUTS_SHAPES=n (bytes) to print the times at n and 8n")
	}
	for _, s := range shapes {
		t.Run(s.name, func(t *testing.T) {
			var d [2]time.Duration
			for i, k := range []int{1, 8} {
				src := shapeBriefing(s.make(n * k))
				start := time.Now()
				Parse("x.md", src, Options{})
				d[i] = time.Since(start)
			}
			t.Logf("%-16s n %8.1f ms  8n %8.1f ms  ratio %5.1f", s.name, d[0].Seconds()*1000, d[1].Seconds()*1000, float64(d[1])/float64(d[0]))
		})
	}
}

// The shapes that once took tens of seconds at the size limit are now
// refused before the Markdown parser sees them, with the line where the
// paragraph starts: half a million "[" then "]", emphasis marks, images
// opened and never closed.
func TestPathologicalShapesAreRefusedWithTheirLine(t *testing.T) {
	for _, name := range []string{"brackets", "brackets-lines", "image-openers", "emphasis-stars", "emphasis-mixed", "emphasis-open"} {
		for _, s := range shapes {
			if s.name != name {
				continue
			}
			src := shapeBriefing(s.make(MaxFileSize - 400))
			_, diags := Parse("x.md", src, Options{})
			if len(diags) != 1 || diags[0].Line != 12 || !strings.Contains(diags[0].Message, "the limit keeps the parser quick") {
				t.Errorf("%s: %v", name, diags)
			}
		}
	}
}
