package docx

import (
	"bytes"
	"sync"

	"handouts/internal/briefing"
	"handouts/internal/pdf"
)

// A PDF handout that would waste a page is tightened onto fewer pages
// (internal/pdf, fit.go): its line spacing and the space between blocks
// shrink within set bounds. The Word handout follows, so the two are
// printed on as many sheets: with the default look (no reference
// document, or one whose styles are the default's; a librarian's own
// styles are left as they are), the spacing in its styles is scaled by
// the same fractions.

// isDefaultLook reports whether ref has the default styles.
func isDefaultLook(ref *Reference) bool {
	def, err := defaultReference()
	return err == nil && (ref == def || bytes.Equal(ref.styles, def.styles))
}

// tightStyles returns the styles part of the default look tightened as
// the PDF handout of d is, and whether it is tightened at all.
func tightStyles(d *briefing.Document, o Options, styles []byte) (rawPart, bool, error) {
	layOut := o.LayOut
	if layOut == nil {
		layOut = pdf.LayOut
	}
	lay, err := layOut(d, pdf.Options{Handout: o.Handout, Logo: o.Logo, LogoAlt: o.LogoAlt, QR: o.QR})
	if err != nil {
		return rawPart{}, false, err
	}
	line, space := lay.Tightening()
	if line == 1 && space == 1 {
		return rawPart{}, false, nil
	}
	// A handful of steps of tightening exist: each is made once.
	key := tightKey{line, space, string(styles)}
	if p, ok := tightParts.Load(key); ok {
		return p.(rawPart), true, nil
	}
	p, err := compress("word/styles.xml", tighten(styles, line, space))
	if err != nil {
		return rawPart{}, false, err
	}
	tightParts.Store(key, p)
	return p, true, nil
}

// tightKey names a tightened styles part: the fractions and the styles.
type tightKey struct {
	line, space float64
	styles      string
}

// tightParts holds the tightened styles parts made, by tightKey: only the
// default styles are tightened, in one of the PDF's few steps.
var tightParts sync.Map
