package briefing

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse feeds the parser arbitrary files. It must never panic, and
// whatever document it returns must be one the writers can trust: clean
// text, lines inside the file, consistent footnotes and tables, nesting
// within the limits, and sorted diagnostics.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.md"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		if len(b) > MaxFileSize {
			continue // only the size check reads it; mutating it would slow the fuzzer
		}
		f.Add(b)
	}
	f.Add([]byte(benchBriefing))
	f.Add([]byte(hotFront + "## Impact\n- a[^1] (1)\n  > b\n\n| a |\n|---|\n| `c` |\n\n[^1]: n\n\n## Further reading\n1. x\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, diags := Parse("f.md", src, Options{Today: Date{2026, 11, 25}})
		lines := bytes.Count(src, []byte("\n")) + 1
		sorted := slices.Clone(diags)
		sorted.Sort()
		if !slices.Equal(sorted, diags) {
			t.Errorf("diagnostics are not sorted")
		}
		for _, d := range diags {
			if d.Line < 0 || d.Line > lines {
				t.Errorf("diagnostic on line %d of a %d-line file: %s", d.Line, lines, d)
			}
			if !utf8.ValidString(d.Message) {
				t.Errorf("diagnostic is not valid UTF-8: %q", d.Message)
			}
			if strings.ContainsAny(d.Message, "\r\n") {
				t.Errorf("diagnostic is not one line: %q", d.Message)
			}
		}
		if doc == nil {
			// Only a file too large, or in UTF-16, is refused whole.
			if len(src) <= MaxFileSize && utf16Order(src) == "" {
				t.Fatalf("no document for a UTF-8 file within the size limit")
			}
			if !diags.HasErrors() {
				t.Fatalf("no document and no error")
			}
			return
		}
		checkInvariants(t, doc, lines)
		samePictures(t, "f.md", src)
	})
}

// checkInvariants checks what every writer relies on.
func checkInvariants(t *testing.T, doc *Document, lines int) {
	t.Helper()
	str := func(where, s string) {
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8 %q", where, s)
		}
		for _, r := range s {
			if forbidden(r) {
				t.Errorf("%s: forbidden character %U in %q", where, r, s)
			}
		}
	}
	line := func(where string, n int) {
		if n < 1 || n > lines {
			t.Errorf("%s: line %d outside the file's %d lines", where, n, lines)
		}
	}
	m := doc.Meta
	for _, s := range []string{m.Title, m.Subtitle, string(m.Kind), m.Producer, m.Source, m.Link, m.Format, m.Responsible, m.Acknowledgement} {
		str("meta", s)
	}
	for _, s := range append(append([]string{}, m.Audience...), m.Tags...) {
		str("meta list", s)
	}
	if m.Kind != PolicyBriefing && m.Kind != HotTopic {
		t.Errorf("kind %q", m.Kind)
	}
	var inlines func([]Inline, int)
	inLink := false
	inlines = func(ins []Inline, depth int) {
		if depth > MaxInlineDepth {
			t.Errorf("inlines nested %d deep", depth)
			return
		}
		for _, in := range ins {
			switch n := in.(type) {
			case *Text:
				str("text", n.Value)
			case *Code:
				str("code", n.Value)
			case *Emph:
				inlines(n.Inlines, depth+1)
			case *Strong:
				inlines(n.Inlines, depth+1)
			case *Link:
				str("link", n.URL)
				if inLink {
					t.Errorf("a link inside a link: %s", n.URL)
				}
				inLink = true
				inlines(n.Inlines, depth+1)
				inLink = false
			case *Image:
				str("image", n.URL)
				str("alt", n.Alt)
			case *FootnoteRef:
				if n.N < 1 || n.N > len(doc.Footnotes) {
					t.Errorf("footnote reference %d of %d footnotes", n.N, len(doc.Footnotes))
				}
			case *LineBreak:
			case nil:
				t.Errorf("nil inline")
			}
		}
	}
	var blocks func([]Block, int)
	blocks = func(bs []Block, depth int) {
		if depth > MaxDepth {
			t.Errorf("blocks nested %d deep", depth)
			return
		}
		for _, b := range bs {
			switch n := b.(type) {
			case *Paragraph:
				line("paragraph", n.Line)
				inlines(n.Inlines, 0)
			case *Heading:
				line("heading", n.Line)
				if n.Level < 3 || n.Level > 6 {
					t.Errorf("heading level %d in a section", n.Level)
				}
				inlines(n.Inlines, 0)
			case *List:
				line("list", n.Line)
				for _, it := range n.Items {
					line("item", it.Line)
					blocks(it.Blocks, depth+1)
				}
			case *Quote:
				line("quote", n.Line)
				blocks(n.Blocks, depth+1)
			case *Table:
				line("table", n.Line)
				if len(n.Header) != len(n.Align) {
					t.Errorf("table header has %d cells for %d columns", len(n.Header), len(n.Align))
				}
				if len(n.Align) > MaxTableColumns || (len(n.Rows)+1)*len(n.Align) > MaxTableCells {
					t.Errorf("table over the limits: %d columns, %d rows", len(n.Align), len(n.Rows))
				}
				for _, c := range n.Header {
					inlines(c, 0)
				}
				for _, r := range n.Rows {
					if len(r) != len(n.Align) {
						t.Errorf("table row has %d cells for %d columns", len(r), len(n.Align))
					}
					for _, c := range r {
						inlines(c, 0)
					}
				}
			case *CodeBlock:
				line("code", n.Line)
				str("code", n.Text)
				str("lang", n.Lang)
			case *Rule:
				line("rule", n.Line)
			case nil:
				t.Errorf("nil block")
			}
		}
	}
	blocks(doc.Lead, 0)
	for _, s := range doc.Sections() {
		line("section", s.Line)
		str("section heading", s.Heading)
		blocks(s.Blocks, 0)
	}
	if len(doc.Footnotes) > MaxFootnotes {
		t.Errorf("%d footnotes", len(doc.Footnotes))
	}
	for i, fn := range doc.Footnotes {
		if fn.N != i+1 {
			t.Errorf("footnote %d numbered %d", i+1, fn.N)
		}
		str("footnote label", fn.Label)
		blocks(fn.Blocks, 1)
	}
}
