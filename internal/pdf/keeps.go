package pdf

// Keeps a typesetter would make, besides a paragraph's first and last
// lines (keepLines) and a heading's lines of what follows (headingKeep):
// a paragraph that introduces a list or table keeps with it, and the
// last item of a list never starts a page alone.

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
