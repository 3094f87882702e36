package briefing

import (
	"fmt"
	"strings"
	"testing"

	"handouts/internal/diag"
)

// Every limit of docs/format.md holds exactly at its value and refuses one
// past it, with the message of that limit.
func TestLimitsAtTheirBoundary(t *testing.T) {
	body := func(s string) string {
		return policyFront + "## Impact on library policy/practice\n\n" + s + "\n\n## Summary of driver\nThe summary.\n"
	}
	table := func(cols, rows int) string {
		row := "|" + strings.Repeat(" x |", cols) + "\n"
		return row + "|" + strings.Repeat("---|", cols) + "\n" + strings.Repeat(row, rows)
	}
	nested := func(n int) string { return strings.Repeat("- ", n) + "deep" }
	quotes := func(n int) string { return strings.Repeat("> ", n) + "deep" }
	emph := func(n int) string { return strings.Repeat("*a ", n) + "x" + strings.Repeat(" b*", n) }
	footnotes := func(n int) string {
		var refs, defs strings.Builder
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&refs, "Note[^%d]. ", i)
			fmt.Fprintf(&defs, "[^%d]: Text %d.\n", i, i)
		}
		return refs.String() + "\n\n" + defs.String()
	}
	links := func(n int) string { return strings.Repeat("[a](https://example.org/) ", n) }
	indented := func(cols int) string { return "- top\n\n" + strings.Repeat(" ", cols) + "- item" }
	brackets := func(n int) string {
		return strings.Repeat("[", n) + "a" + strings.Repeat("]", n) + strings.Repeat(" [b]", 200)
	}
	stars := func(n int) string { return strings.Repeat("a_", n) }
	cases := []struct {
		name     string
		at, past string
		msg      string
	}{
		{"table columns", table(MaxTableColumns, 1), table(MaxTableColumns+1, 1), "columns"},
		{"table cells", table(1, MaxTableCells-1), table(1, MaxTableCells), "cells"},
		{"lists nested", nested(MaxDepth), nested(MaxDepth + 1), "nested more than 16 deep"},
		{"quotes nested", quotes(MaxDepth), quotes(MaxDepth + 1), "nested more than 16 deep"},
		{"emphasis nested", emph(MaxInlineDepth), emph(MaxInlineDepth + 1), "nested more than 16 deep"},
		{"indentation", indented(MaxIndent), indented(MaxIndent + 1), "indented 129 columns"},
		{"footnotes", footnotes(MaxFootnotes), footnotes(MaxFootnotes + 1), "more than 200 footnotes"},
		{"links on a line", links(MaxLinksPerLine), links(MaxLinksPerLine + 1), "links on one line"},
		{"brackets open at once", brackets(MaxOpenBrackets), brackets(MaxOpenBrackets + 1), "square brackets [ open at once"},
		{"emphasis marks in a paragraph", stars(MaxEmphasisPerParagraph), stars(MaxEmphasisPerParagraph + 1), "* and _"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if d := limitDiags(body(c.at)); d != "" {
				t.Errorf("refused at the limit:\n%s", d)
			}
			if d := limitDiags(body(c.past)); !strings.Contains(d, c.msg) {
				t.Errorf("one past the limit: want %q, got:\n%s", c.msg, d)
			}
		})
	}
	// The file size, in bytes.
	at := body("x")
	at += strings.Repeat("\n", MaxFileSize-len(at))
	if d := limitDiags(at); d != "" {
		t.Errorf("a file of exactly %d bytes refused:\n%s", MaxFileSize, d)
	}
	if d := limitDiags(at + "\n"); !strings.Contains(d, "larger than 1 MiB") {
		t.Errorf("a file one byte past the limit: %s", d)
	}
}

// limitDiags returns the errors of src, ignoring warnings (an uncited
// further-reading item, say).
func limitDiags(src string) string {
	_, diags := Parse("x.md", []byte(src), Options{})
	var out []string
	for _, d := range diags {
		if d.Severity != diag.Warning {
			out = append(out, d.String())
		}
	}
	return strings.Join(out, "\n")
}
