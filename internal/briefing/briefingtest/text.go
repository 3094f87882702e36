package briefingtest

import (
	"strings"

	"handouts/internal/briefing"
)

// Norm folds every run of white space to one space and trims the ends.
func Norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// Want gathers, in reading order, the pieces of text a reader of a handout
// must find, each whitespace-normalised; empty pieces are dropped. A
// paragraph is cut at images (whose alternative text is a piece of its
// own) and at footnote references, which a writer shows in its own way.
type Want struct {
	// CutAtLinks cuts a paragraph at links too, with the link's text a
	// piece of its own: for a writer that prints the address after it.
	CutAtLinks bool
	// CodeLines makes each line of a code block a piece, rather than the
	// whole block.
	CodeLines bool
	// NoPictureText leaves out the alternative text of local pictures:
	// for a writer that draws the picture and keeps its description out
	// of the visible text.
	NoPictureText bool

	pieces []string
}

// Pieces returns what has been gathered.
func (w *Want) Pieces() []string { return w.pieces }

// Add adds each non-empty string as a piece.
func (w *Want) Add(ss ...string) {
	for _, s := range ss {
		if s = Norm(s); s != "" {
			w.pieces = append(w.pieces, s)
		}
	}
}

// Inlines adds the text of ins.
func (w *Want) Inlines(ins []briefing.Inline) {
	var cur []briefing.Inline
	for _, in := range ins {
		switch n := in.(type) {
		case *briefing.Image:
			if n.Picture != nil && w.NoPictureText {
				w.Add(briefing.PlainText(cur))
			} else {
				w.Add(briefing.PlainText(cur), n.Alt)
			}
			cur = nil
		case *briefing.FootnoteRef:
			w.Add(briefing.PlainText(cur))
			cur = nil
		case *briefing.Link:
			if !w.CutAtLinks {
				cur = append(cur, in)
				continue
			}
			w.Add(briefing.PlainText(cur), briefing.PlainText(n.Inlines))
			cur = nil
		default:
			cur = append(cur, in)
		}
	}
	w.Add(briefing.PlainText(cur))
}

// Blocks adds the text of every paragraph, heading, list item, quote, code
// block and table cell of bs.
func (w *Want) Blocks(bs []briefing.Block) {
	for _, b := range bs {
		switch n := b.(type) {
		case *briefing.Paragraph:
			w.Inlines(n.Inlines)
		case *briefing.Heading:
			w.Inlines(n.Inlines)
		case *briefing.List:
			for _, it := range n.Items {
				w.Blocks(it.Blocks)
			}
		case *briefing.Quote:
			w.Blocks(n.Blocks)
		case *briefing.CodeBlock:
			if w.CodeLines {
				w.Add(strings.Split(n.Text, "\n")...)
			} else {
				w.Add(n.Text)
			}
		case *briefing.Table:
			for _, c := range n.Header {
				w.Inlines(c)
			}
			for _, r := range n.Rows {
				for _, c := range r {
					w.Inlines(c)
				}
			}
		}
	}
}

// Body adds the lead and then each section's heading and blocks, in
// handout order.
func (w *Want) Body(d *briefing.Document) {
	w.Blocks(d.Lead)
	for _, s := range d.Sections() {
		w.Add(s.Heading)
		w.Blocks(s.Blocks)
	}
}

// Notes adds the text of every footnote.
func (w *Want) Notes(d *briefing.Document) {
	for _, f := range d.Footnotes {
		w.Blocks(f.Blocks)
	}
}
