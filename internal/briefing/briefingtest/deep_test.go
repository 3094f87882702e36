package briefingtest_test

import (
	"bytes"
	"errors"
	"runtime/debug"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/docx"
	"handouts/internal/pdf"
)

// TestWritersRefuseDeepModels hands both writers models nested 100,000
// deep, built in code rather than by the parser (which bounds nesting),
// in every place a model can nest: inlines in a paragraph, a link, a
// table cell and a heading; blocks in a section, the lead and a
// footnote. With the goroutine stack held to 8 MiB, each writer must
// refuse the model with its ErrTooDeep rather than recurse through it.
func TestWritersRefuseDeepModels(t *testing.T) {
	const n = 100000
	inlines := func() briefing.Inline {
		var in briefing.Inline = bt.Text("x")
		for i := 0; i < n; i++ {
			switch i % 3 {
			case 0:
				in = bt.Emph(in)
			case 1:
				in = bt.Strong(in)
			default:
				in = bt.Link("https://example.org/", in)
			}
		}
		return in
	}
	blocks := func() briefing.Block {
		var b briefing.Block = bt.Para(bt.Text("x"))
		for i := 0; i < n; i++ {
			if i%2 == 0 {
				b = &briefing.Quote{Blocks: []briefing.Block{b}}
			} else {
				b = bt.Bullets(bt.Item(b))
			}
		}
		return b
	}
	docs := []struct {
		name string
		doc  func() *briefing.Document
	}{
		{"inlines in a paragraph", func() *briefing.Document { return bt.Minimal(bt.Para(inlines())) }},
		{"inlines in a link", func() *briefing.Document {
			return bt.Minimal(bt.Para(bt.Link("https://example.org/", inlines())))
		}},
		{"inlines in a table cell", func() *briefing.Document {
			return bt.Minimal(&briefing.Table{
				Align:  []briefing.Align{briefing.AlignNone},
				Header: []briefing.Cell{{inlines()}},
				Rows:   [][]briefing.Cell{{{bt.Text("a")}}},
			})
		}},
		{"inlines in a heading", func() *briefing.Document {
			return bt.Minimal(&briefing.Heading{Level: 3, Inlines: []briefing.Inline{inlines()}})
		}},
		{"blocks in a section", func() *briefing.Document { return bt.Minimal(blocks()) }},
		{"blocks in the lead", func() *briefing.Document {
			d := bt.Minimal(bt.Para(bt.Text("x")))
			d.Lead = []briefing.Block{blocks()}
			return d
		}},
		{"blocks in a footnote", func() *briefing.Document {
			d := bt.Minimal(bt.Para(bt.Text("x"), &briefing.FootnoteRef{N: 1}))
			d.Footnotes = []*briefing.Footnote{{N: 1, Blocks: []briefing.Block{blocks()}}}
			return d
		}},
	}
	defer debug.SetMaxStack(debug.SetMaxStack(8 << 20))
	for _, tt := range docs {
		t.Run(tt.name, func(t *testing.T) {
			if err := docx.Write(&bytes.Buffer{}, tt.doc(), docx.Options{}); !errors.Is(err, docx.ErrTooDeep) {
				t.Errorf("docx: %v, want ErrTooDeep", err)
			}
			if err := pdf.Write(&bytes.Buffer{}, tt.doc(), pdf.Options{}); !errors.Is(err, pdf.ErrTooDeep) {
				t.Errorf("pdf: %v, want ErrTooDeep", err)
			}
		})
	}
}
