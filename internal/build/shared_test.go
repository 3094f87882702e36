package build

import (
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/pdf"
)

// TestSharedLayout: the Word and PDF writers of a briefing get one
// layout when the PDF handout is laid out as the Word handout's
// tightening is judged (A4, the default theme), and two otherwise.
func TestSharedLayout(t *testing.T) {
	d := bt.Corpus(1)[0]
	def, err := pdf.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	var s shared
	word, err := s.layOut(d, pdf.Options{QR: true}) // as the Word writer asks
	if err != nil {
		t.Fatal(err)
	}
	if p, err := s.layOut(d, pdf.Options{Paper: "a4", Theme: def, QR: true}); err != nil || p != word {
		t.Errorf("the PDF writer on A4 laid the handout out again (%v)", err)
	}
	letter, err := s.layOut(d, pdf.Options{Paper: "letter", Theme: def, QR: true})
	if err != nil || letter == word || !letter.Of(d, pdf.Options{Paper: "letter", QR: true}) {
		t.Errorf("on letter paper: the A4 layout, or not the letter one (%v)", err)
	}
	var none *shared // a writer called on its own
	if p, err := none.layOut(d, pdf.Options{}); err != nil || !p.Of(d, pdf.Options{}) {
		t.Errorf("without a shared layout: %v", err)
	}
}
