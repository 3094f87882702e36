package briefing

import (
	"fmt"
	"strings"
	"testing"
)

// TestHostile feeds the parser files of nearly 1 MiB (a quarter of that
// under the race detector) built to exhaust a
// naive Markdown reader: deep nesting on one line or over many, runs of
// brackets, emphasis and backticks, huge tables and many footnotes. Each
// must come back (the test's own time limit catches a hang) with a
// document that keeps the invariants, and with the limit reported where
// one applies.
func TestHostile(t *testing.T) {
	n := MaxFileSize - 4096
	if raceEnabled {
		n = MaxFileSize / 4
	}
	fill := func(unit string) string { return strings.Repeat(unit, (n-len(policyFront))/len(unit)) }
	staircase := func(marker string) string {
		var b strings.Builder
		for i := 0; b.Len() < n-len(policyFront)-200; i++ {
			b.WriteString(strings.Repeat(" ", 2*(i%2000)) + marker + "x\n")
		}
		return b.String()
	}
	footnotes := func(k int) string {
		var b strings.Builder
		for i := 0; i < k; i++ {
			fmt.Fprintf(&b, "a[^%d] ", i)
		}
		b.WriteString("\n\n")
		for i := 0; i < k; i++ {
			fmt.Fprintf(&b, "[^%d]: n\n", i)
		}
		return b.String()
	}
	tests := []struct {
		name, body, want string
	}{
		{"quotes on one line", fill(">") + " x\n", "nested more than 16 deep"},
		{"spaced quotes on one line", fill("> ") + "x\n", "nested more than 16 deep"},
		{"bullets on one line", fill("- ") + "x\n", "nested more than 16 deep"},
		{"numbers on one line", fill("1. ") + "x\n", "nested more than 16 deep"},
		{"footnote definitions on one line", "a[^a]\n\n" + fill("[^a]: ") + "x\n", "nested more than 16 deep"},
		{"quotes in a footnote on one line", "a[^a]\n\n- [^a]: " + fill("> ") + "x\n", "nested more than 16 deep"},
		{"list staircase", staircase("- "), "indented"},
		{"quote staircase", staircase("> "), "indented"},
		{"many quoted lines", fill("> > > > > > > > x\n"), ""},
		{"emphasis", fill("*a ")[:n/2] + fill("a* ")[:n/4], ""},
		{"nested emphasis", strings.Repeat("*a **b ", 20) + strings.Repeat(" b** a*", 20), "nested more than 16 deep"},
		{"nested emphasis, many", strings.Repeat("*a **b ", n/16) + strings.Repeat(" b** a*", n/16), "the limit keeps the parser quick"},
		{"open brackets", fill("["), ""},
		{"link openers", fill("[a]("), "links on one line"},
		{"link openers on many lines", fill(strings.Repeat("[a](", 100) + "\n"), ""},
		{"images", fill("![a](b "), ""},
		{"backticks", fill("`a"), ""},
		{"underscores", fill("_a"), ""},
		{"quotes for the typographer", fill("\"a '"), ""},
		{"dashes", fill("-"), ""},
		{"citations", fill("(1) "), ""},
		{"footnote openers", fill("[^"), ""},
		{"html", fill("<a "), ""},
		{"entities", fill("&#1; &amp; "), "control character"},
		{"wide table", "|" + fill("a|")[:n/3] + "\n|" + fill("-|")[:n/3] + "\n", "columns"},
		{"long table", "| a | b |\n|---|---|\n" + fill("| 1 | 2 |\n"), "cells"},
		{"escaped pipes in code in one cell", "| a |\n|---|\n| " + fill("`a\\|` ") + "|\n", ""},
		{"many footnotes", footnotes(20000), "more than 200 footnotes"},
		{"footnotes at the limit", footnotes(MaxFootnotes), ""},
		{"one long line", fill("word "), ""},
		{"blank lines", fill("\n"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := policyFront + tt.body
			if len(src) > MaxFileSize {
				t.Fatalf("test input is %d bytes, over the limit", len(src))
			}
			doc, diags := Parse("h.md", []byte(src), Options{})
			if doc == nil {
				t.Fatal("no document")
			}
			checkInvariants(t, doc, strings.Count(src, "\n")+1)
			if tt.want != "" {
				found := false
				for _, d := range diags {
					found = found || strings.Contains(d.Message, tt.want)
				}
				if !found {
					t.Errorf("no diagnostic containing %q in %v", tt.want, diags)
				}
			}
		})
	}
}
