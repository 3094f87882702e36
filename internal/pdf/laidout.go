package pdf

import (
	"io"

	"handouts/internal/briefing"
)

// Laying a handout out is most of the PDF writer's time, and fitting it
// onto fewer pages can take several layouts. The Word writer needs the
// same layout to follow its tightening, so a caller writing both
// handouts of a briefing lays it out once (LayOut) and hands the Layout
// to both: WriteLayout draws it, (*Layout).Tightening reads it.

// Layout is a briefing's PDF handout laid out onto pages, ready to draw.
type Layout struct {
	d     *briefing.Document
	o     Options
	paper paper  // o.Paper, resolved
	theme *Theme // o.Theme, resolved: the default theme when nil
	l     *layouter
	pages []page
}

// LayOut lays out the PDF handout of d with o, for WriteLayout and
// Tightening.
func LayOut(d *briefing.Document, o Options) (*Layout, error) {
	l, pages, err := layOut(d, o)
	if err != nil {
		return nil, err
	}
	pp, th, err := resolve(o)
	if err != nil {
		return nil, err
	}
	return &Layout{d: d, o: o, paper: pp, theme: th, l: l, pages: pages}, nil
}

// WriteLayout writes the PDF handout laid out as lay: the same bytes as
// Write with the document and options lay was laid out with.
func WriteLayout(w io.Writer, lay *Layout) error {
	l := lay.l
	return render(w, l.paper, l.th, l.h, lay.d, lay.pages, l.figs, l.tags)
}

// Of reports whether lay is the layout of d with o: the same document
// and options, the paper and theme as they resolve (an empty paper is
// A4, a nil theme the default theme).
func (lay *Layout) Of(d *briefing.Document, o Options) bool {
	if lay == nil || lay.d != d {
		return false
	}
	pp, th, err := resolve(o)
	if err != nil {
		return false
	}
	a, b := lay.o, o
	a.Paper, a.Theme, b.Paper, b.Theme = "", nil, "", nil
	return a == b && pp == lay.paper && th == lay.theme
}

// Tightening reports how far lay is tightened to fit, as the function
// Tightening does.
func (lay *Layout) Tightening() (line, space float64) {
	return tightening(lay.l, lay.theme)
}

// resolve returns the paper and theme o stands for.
func resolve(o Options) (paper, *Theme, error) {
	pp, err := paperOf(o.Paper)
	if err != nil {
		return paper{}, nil, err
	}
	th := o.Theme
	if th == nil {
		if th, err = DefaultTheme(); err != nil {
			return paper{}, nil, err
		}
	}
	return pp, th, nil
}
