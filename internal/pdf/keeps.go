package pdf

import (
	"strings"

	"handouts/internal/briefing"
)

// Keeps a typesetter would make, besides a paragraph's first and last
// lines (keepLines) and a heading's lines of what follows (headingKeep):
// a paragraph that introduces a list or table keeps with it, and the
// last item of a list never starts a page alone.

// introduces reports whether block b, a paragraph ending with a colon,
// introduces next, a list or table: "…in three ways:" then the table.
// A list whose last item ends with such a paragraph introduces what
// follows it too (a table after a list of points).
func introduces(b, next briefing.Block) bool {
	switch next.(type) {
	case *briefing.List, *briefing.Table:
	default:
		return false
	}
	for depth := 0; depth < MaxDepth; depth++ {
		switch n := b.(type) {
		case *briefing.Paragraph:
			return strings.HasSuffix(strings.TrimSpace(briefing.PlainText(n.Inlines)), ":")
		case *briefing.List:
			if len(n.Items) == 0 {
				return false
			}
			bs := n.Items[len(n.Items)-1].Blocks
			if len(bs) == 0 {
				return false
			}
			b = bs[len(bs)-1]
		default:
			return false
		}
	}
	return false
}

// keepIntro makes the last row before from (the end of an introducing
// paragraph) keep with the first row from it on.
func (l *layouter) keepIntro(from int) {
	if from > 0 && from < len(l.rows) {
		r := l.rows[from-1]
		r.keepNext = max(r.keepNext, 1)
	}
}

// keepLastItem makes the row before a list's last item keep with the
// whole of that item, so the item never starts a page with the rest of
// its list on the page before. last is the index of the item's first
// row.
func (l *layouter) keepLastItem(last int) {
	if last > 0 && last < len(l.rows) {
		r := l.rows[last-1]
		r.keepNext = max(r.keepNext, len(l.rows)-last)
	}
}
