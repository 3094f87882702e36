package pdf

import (
	"bytes"
	"io"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/handout"
)

// TestWriteLayoutIsWrite: a handout laid out once and drawn by
// WriteLayout is Write's, byte for byte, and its Tightening is the
// function Tightening's, tightened or not, on either paper.
func TestWriteLayoutIsWrite(t *testing.T) {
	docs := bt.Corpus(24)
	for _, d := range bt.Examples(t) {
		docs = append(docs, d)
	}
	tightened := 0
	for _, d := range docs {
		for _, o := range []Options{{}, {Paper: "letter", QR: true}} {
			lay, err := LayOut(d, o)
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := WriteLayout(&b, lay); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), pdfOf(t, d, o)) {
				t.Errorf("%s on %q: WriteLayout differs from Write", d.Name, o.Paper)
			}
			line, space, err := Tightening(d, o)
			if err != nil {
				t.Fatal(err)
			}
			if l, s := lay.Tightening(); l != line || s != space {
				t.Errorf("%s on %q: the layout's tightening %.3f, %.3f; Tightening says %.3f, %.3f", d.Name, o.Paper, l, s, line, space)
			}
			if line < 1 {
				tightened++
			}
		}
	}
	if tightened == 0 {
		t.Error("no handout tightened: the test shows nothing")
	}
}

// TestLayoutOf: a layout stands for the options that resolve to its
// own (an empty paper is A4, no theme the default), and no others.
func TestLayoutOf(t *testing.T) {
	d := bt.Corpus(1)[0]
	lay, err := LayOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	def, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	other := *def
	for _, c := range []struct {
		d    *briefing.Document
		o    Options
		want bool
	}{
		{d, Options{}, true},
		{d, Options{Paper: "A4", Theme: def}, true},
		{d, Options{Paper: "letter"}, false},
		{d, Options{Theme: &other}, false},
		{d, Options{QR: true}, false},
		{d, Options{Handout: handout.Options{AdaptedBy: "Mid Cheshire Library Service"}}, false},
		{d, Options{Paper: "a3"}, false},
		{bt.Corpus(2)[1], Options{}, false},
	} {
		if got := lay.Of(c.d, c.o); got != c.want {
			t.Errorf("Of(%s, paper %q, theme %p, QR %v, %+v) = %v", c.d.Name, c.o.Paper, c.o.Theme, c.o.QR, c.o.Handout, got)
		}
	}
	var none *Layout
	if none.Of(d, Options{}) {
		t.Error("a nil layout stands for a handout")
	}
}

// TestWriteToAnyWriter: written to a writer that cannot grow ahead (a
// file, a pipe), a handout is the bytes it is in a buffer, which it
// grows once to its size.
func TestWriteToAnyWriter(t *testing.T) {
	d := bt.Rich()
	var b bytes.Buffer
	if err := Write(struct{ io.Writer }{&b}, d, Options{QR: true}); err != nil {
		t.Fatal(err)
	}
	var direct bytes.Buffer
	if err := Write(&direct, d, Options{QR: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), direct.Bytes()) {
		t.Error("the handout written through a plain writer differs")
	}
	if c := direct.Cap(); c > direct.Len()+direct.Len()/8+4096 {
		t.Errorf("a %d-byte handout in a buffer of %d: grown by doubling, not once", direct.Len(), c)
	}
	if err := Write(failing{}, d, Options{}); err == nil {
		t.Error("a failed write is not reported")
	}
}

// failing is a growable writer that fails.
type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, io.ErrShortWrite }
func (failing) Grow(int)                  {}
