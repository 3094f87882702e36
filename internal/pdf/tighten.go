package pdf

import (
	"slices"

	"handouts/internal/briefing"
)

// Fitting a handout onto as few sheets as it needs. A handout whose last
// page would hold only the closing panel, or a few stray lines, wastes a
// sheet at every print run. Two things prevent it:
//
//   - the closing panel keeps with the last panelKeep rows before it, so
//     a last page never holds the panel alone, and
//   - a handout of more than one page is laid out again with its vertical
//     space tightened to the bounds; when that saves pages, the least
//     tightening that saves as many is kept. Type sizes never change, nor
//     do margins: only the line spacing (down to minLineHeight) and the
//     space between paragraphs, headings, items and blocks (down to
//     minSpacing of the theme's).

const (
	// panelKeep is how many rows of content the closing panel keeps with.
	panelKeep = 5
	// fitSteps is how many layouts, each a little tighter, are tried
	// between the theme's spacing and the tightest allowed.
	fitSteps = 4
	// minLineHeight is the tightest line spacing, a multiple of the type
	// size (a theme already tighter keeps its own).
	minLineHeight = 1.18
	// minSpacing is the least fraction of the theme's spacing kept.
	minSpacing = 0.5
)

// keepBeforePanel makes the last panelKeep rows laid out keep with what
// comes next, the closing panel (whose rows keep together).
func (l *layouter) keepBeforePanel() {
	if len(l.h.AboutPanel) == 0 || len(l.rows) == 0 {
		return
	}
	from := max(len(l.rows)-panelKeep, 0)
	r := l.rows[from]
	r.keepNext = max(r.keepNext, len(l.rows)-from)
}

// tighten returns th with its vertical space tightened by step of
// fitSteps: step 0 is th itself, fitSteps the tightest allowed.
func tighten(th *Theme, step int) *Theme {
	if step <= 0 {
		return th
	}
	t := *th
	f := float64(min(step, fitSteps)) / fitSteps
	if th.LineHeight > minLineHeight {
		t.LineHeight = th.LineHeight - f*(th.LineHeight-minLineHeight)
	}
	s := 1 - f*(1-minSpacing)
	t.Spacing.Paragraph *= s
	t.Spacing.HeadingBefore *= s
	t.Spacing.HeadingAfter *= s
	t.Spacing.ListItem *= s
	t.Spacing.Block *= s
	return &t
}

// fit lays out with th, and when the handout runs to more than one page
// and the tightest layout allowed takes fewer pages, with the least
// tightening that takes as few.
func fit(th *Theme, lay func(*Theme) (*layouter, []page, error)) (*layouter, []page, error) {
	l, pages, err := lay(th)
	if err != nil || len(pages) < 2 || !mightSave(l, pages, th) {
		return l, pages, err
	}
	tl, tp, err := lay(tighten(th, fitSteps))
	if err != nil || len(tp) >= len(pages) {
		return l, pages, err
	}
	for step := 1; step < fitSteps; step++ {
		if !mightFit(l, th, step, len(tp)) {
			continue // too much for len(tp) pages, however it falls
		}
		sl, sp, err := lay(tighten(th, step))
		if err != nil {
			return nil, nil, err
		}
		if len(sp) == len(tp) {
			return sl, sp, nil
		}
	}
	return tl, tp, nil
}

// Tightening reports how far the PDF handout of d is tightened to fit
// (see fit): its line spacing and its other vertical space, each as a
// fraction of the theme's; 1 and 1 when it is not. The Word writer
// tightens the Word handout as far, so both take as many pages.
func Tightening(d *briefing.Document, o Options) (line, space float64, err error) {
	l, _, err := layOut(d, o)
	if err != nil {
		return 0, 0, err
	}
	th := o.Theme
	if th == nil {
		if th, err = DefaultTheme(); err != nil {
			return 0, 0, err
		}
	}
	line, space = tightening(l, th)
	return line, space, nil
}

// tightening is how far l is tightened from th, as Tightening says.
func tightening(l *layouter, th *Theme) (line, space float64) {
	line, space = 1, 1
	if th.LineHeight > 0 {
		line = l.th.LineHeight / th.LineHeight
	}
	for _, p := range [][2]float64{{l.th.Spacing.Block, th.Spacing.Block}, {l.th.Spacing.Paragraph, th.Spacing.Paragraph}} {
		if p[1] > 0 {
			space = p[0] / p[1]
			break
		}
	}
	return line, space
}

// mightSave reports whether tightening could take a page off: whether the
// last page's rows are no more than what tightening can save at most (the
// line spacing and the spaces between rows shrunk to the bounds) plus the
// room left at the foot of the other pages. Most handouts fill their last
// page well beyond that, and are laid out once.
func mightSave(l *layouter, pages []page, th *Theme) bool {
	lineCut := 0.0
	if th.LineHeight > minLineHeight {
		lineCut = 1 - minLineHeight/th.LineHeight
	}
	used := func(p page) float64 {
		u := 0.0
		for k, i := range p.rows {
			if i < 0 {
				continue // a repeated table header: counted with its table
			}
			r := l.rows[i]
			u += r.h
			if k > 0 {
				u += r.before
			}
		}
		return u
	}
	save := 0.0
	for _, r := range l.rows {
		save += lineCut*r.h + (1-minSpacing)*r.before
	}
	for _, p := range pages[:len(pages)-1] {
		save += max(l.bodyH-used(p), 0)
	}
	return used(pages[len(pages)-1]) <= save
}

// mightFit reports whether the handout laid out as l, with th itself,
// might take no more than n pages when tightened by step; when it
// reports false, it cannot, and fit need not lay that step out. The
// bound: tightening keeps the same rows (widths, so line breaks, do not
// change), none shorter than its height scaled as the line spacing is,
// nor its space above scaled less than the spacing is; every page holds
// at most the body's height; and a page's first row drops its space
// above, at most the n largest of them. A row that overflows a page on
// its own breaks the bound: then fit lays the step out.
func mightFit(l *layouter, th *Theme, step, n int) bool {
	const eps = 0.01 // as paginate allows
	lineKeep := 1.0
	if th.LineHeight > 0 {
		lineKeep = tighten(th, step).LineHeight / th.LineHeight
	}
	spaceKeep := 1 - float64(min(step, fitSteps))/fitSteps*(1-minSpacing)
	least := 0.0
	befores := make([]float64, len(l.rows))
	for i, r := range l.rows {
		h := r.h
		if r.header != nil {
			h += r.header.h
		}
		if h > l.bodyH+eps {
			return true
		}
		least += lineKeep*r.h + spaceKeep*r.before
		befores[i] = r.before
	}
	slices.Sort(befores)
	for _, b := range befores[max(len(befores)-n, 0):] {
		least -= spaceKeep * b
	}
	return least <= float64(n)*(l.bodyH+eps)
}
