package briefingtest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"handouts/internal/briefing"
)

// kinds returns the Go types of every block and inline of d, sorted.
func kinds(d *briefing.Document) []string {
	seen := map[string]bool{}
	var inl func([]briefing.Inline)
	inl = func(ins []briefing.Inline) {
		for _, in := range ins {
			seen[fmt.Sprintf("%T", in)] = true
			switch n := in.(type) {
			case *briefing.Emph:
				inl(n.Inlines)
			case *briefing.Strong:
				inl(n.Inlines)
			case *briefing.Link:
				inl(n.Inlines)
			}
		}
	}
	var blocks func([]briefing.Block)
	blocks = func(bs []briefing.Block) {
		for _, b := range bs {
			seen[fmt.Sprintf("%T", b)] = true
			switch n := b.(type) {
			case *briefing.Paragraph:
				inl(n.Inlines)
			case *briefing.Heading:
				inl(n.Inlines)
			case *briefing.List:
				for _, it := range n.Items {
					blocks(it.Blocks)
				}
			case *briefing.Quote:
				blocks(n.Blocks)
			case *briefing.Table:
				for _, c := range n.Header {
					inl(c)
				}
				for _, r := range n.Rows {
					for _, c := range r {
						inl(c)
					}
				}
			}
		}
	}
	blocks(d.Lead)
	for _, s := range d.Sections() {
		blocks(s.Blocks)
	}
	for _, f := range d.Footnotes {
		blocks(f.Blocks)
	}
	var out []string
	for k := range seen {
		out = append(out, strings.TrimPrefix(k, "*briefing."))
	}
	slices.Sort(out)
	return out
}

func TestRichHasEveryElement(t *testing.T) {
	want := []string{"Code", "CodeBlock", "Emph", "FootnoteRef", "Heading", "Image", "LineBreak", "Link",
		"List", "Paragraph", "Quote", "Rule", "Strong", "Table", "Text"}
	if got := kinds(Rich()); !slices.Equal(got, want) {
		t.Errorf("Rich holds %v, want %v", got, want)
	}
	d := Rich()
	if d.Impact == nil || d.Summary == nil || d.FurtherReading == nil || len(d.Others) == 0 || len(d.Footnotes) != 2 || d.Meta.Subtitle == "" {
		t.Error("Rich lacks a section, a note or the subtitle")
	}
	// Each call builds a new briefing.
	d.Meta.Title = "changed"
	if Rich().Meta.Title == "changed" {
		t.Error("Rich shares its briefing between calls")
	}
}

func TestFromFuzz(t *testing.T) {
	shape := FuzzShape{Str: 24, StartScale: 1, Cols: 4, Rows: 3, Cells: 5}
	if d := FromFuzz(nil, shape); d.Meta.Title != "" || d.Lead != nil || d.Impact != nil || d.Footnotes != nil {
		t.Errorf("no bytes make an empty briefing, got %+v", d)
	}
	// "\x05Title": a five-byte title; "\x03Lib": a subtitle.
	d := FromFuzz([]byte("\x05Title\x03Lib"), shape)
	if d.Meta.Title != "Title" || d.Meta.Subtitle != "Lib" {
		t.Errorf("title %q, subtitle %q", d.Meta.Title, d.Meta.Subtitle)
	}
	// A link's address gains "https://" only with LinkScheme, on an even byte.
	// Seventeen zero bytes leave the front matter empty; then the lead:
	// one block (1), a paragraph (0), one inline (1), a link (5), the
	// address "x" (1, 'x'), the scheme byte (0), and no link text (0).
	in := append(make([]byte, 17), 1, 0, 1, 5, 1, 'x', 0, 0)
	link := func(s FuzzShape) string {
		d := FromFuzz(in, s)
		if len(d.Lead) != 1 {
			t.Fatalf("lead %#v", d.Lead)
		}
		return d.Lead[0].(*briefing.Paragraph).Inlines[0].(*briefing.Link).URL
	}
	if got := link(shape); got != "x" {
		t.Errorf("without LinkScheme: %q", got)
	}
	shape.LinkScheme = true
	if got := link(shape); got != "https://x" {
		t.Errorf("with LinkScheme: %q", got)
	}
}

func TestWant(t *testing.T) {
	d := Minimal(
		Para(Text("Read  the "), Link("https://example.org/", Text("guide")), Text(" now"), &briefing.FootnoteRef{N: 1}, Text("."),
			&briefing.Image{URL: "i.png", Alt: "a chart"}),
		&briefing.CodeBlock{Text: "one\ntwo"},
	)
	d.Footnotes = []*briefing.Footnote{{N: 1, Blocks: []briefing.Block{Para(Text("A note."))}}}
	for _, tc := range []struct {
		w    Want
		want []string
	}{
		{Want{}, []string{"Impact on library policy/practice", "Read the guide now", ".", "a chart", "one two", "A note."}},
		{Want{CutAtLinks: true, CodeLines: true}, []string{"Impact on library policy/practice", "Read the", "guide", "now", ".", "a chart", "one", "two", "A note."}},
	} {
		tc.w.Body(d)
		tc.w.Notes(d)
		if got := tc.w.Pieces(); !slices.Equal(got, tc.want) {
			t.Errorf("%+v:\n got %q\nwant %q", tc.w, got, tc.want)
		}
	}
}

func TestExamples(t *testing.T) {
	docs := Examples(t)
	names := Names(docs)
	if len(names) == 0 || !slices.IsSorted(names) {
		t.Fatalf("names %v", names)
	}
	for _, n := range names {
		if docs[n].Meta.Title == "" {
			t.Errorf("%s has no title", n)
		}
	}
}

func TestMarkdownParses(t *testing.T) {
	titles := map[string]bool{}
	for _, i := range []int{0, 1, 42, 599} {
		d, diags := briefing.Parse(fmt.Sprintf("b%d.md", i), []byte(Markdown(i)), briefing.Options{})
		if d == nil || len(diags) > 0 {
			t.Fatalf("Markdown(%d) does not parse cleanly: %v", i, diags)
		}
		if d.Impact == nil || d.Summary == nil || d.FurtherReading == nil || len(d.Footnotes) != 1 {
			t.Errorf("Markdown(%d) lacks a standard section or its note", i)
		}
		titles[d.Meta.Title] = true
	}
	if len(titles) != 4 {
		t.Errorf("titles %v: each number must make its own briefing", titles)
	}
}

func TestDiffLines(t *testing.T) {
	for _, tc := range []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\nc", "a\nB\nc", "line 2:\n- b\n+ B\n"},
		{"a", "a\nb", "line 2:\n- \n+ b\n"},
		{"a\n", "a\n\n", "(the texts differ only in empty lines at the end)"},
		{strings.Repeat("x\n", 12), strings.Repeat("y\n", 12), strings.Repeat("- x\n+ y\n", 10)},
	} {
		got := DiffLines(tc.want, tc.got)
		if strings.Count(tc.diff, "\n+ ") == 10 {
			got = regexp.MustCompile(`line \d+:\n`).ReplaceAllString(got, "")
		}
		if got != tc.diff {
			t.Errorf("DiffLines(%q, %q) = %q, want %q", tc.want, tc.got, got, tc.diff)
		}
	}
}
