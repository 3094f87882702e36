package pdf

import (
	"bytes"
	"strconv"

	"codeberg.org/go-pdf/fpdf"
)

// textWriter writes the operators that show a run of text into fpdf's
// page content: the bytes fpdf's Text writes, without its cost (a
// Sprintf a run, and a colour formatted anew each time it changes).
// fpdf holds no font of ours (fontobjs.go), so Text would do nothing
// more.
type textWriter struct {
	f      *fpdf.Fpdf
	colour Colour // the text's colour
	op     []byte // its operator, as fpdf writes it
	buf    []byte
	r      bytes.Reader
}

// setColour makes c the colour of the text shown next.
func (t *textWriter) setColour(c Colour) {
	t.colour = c
	t.op = t.op[:0]
	comp := func(v uint8) { t.op = strconv.AppendFloat(t.op, float64(v)/255, 'f', 3, 64) }
	if c.R == c.G && c.R == c.B {
		comp(c.R)
		t.op = append(t.op, " g"...)
		return
	}
	comp(c.R)
	t.op = append(t.op, ' ')
	comp(c.G)
	t.op = append(t.op, ' ')
	comp(c.B)
	t.op = append(t.op, " rg"...)
}

// show shows code, a run of one font page's codes, with its baseline
// starting at x, y (pt from the top left), as fpdf's Text does: in the
// text colour, set within q … Q when the fill colour differs.
func (t *textWriter) show(x, y float64, code []byte) {
	_, h := t.f.GetPageSize()
	fr, fg, fb := t.f.GetFillColor()
	wrap := fr != int(t.colour.R) || fg != int(t.colour.G) || fb != int(t.colour.B)
	b := t.buf[:0]
	if wrap {
		b = append(append(append(b, "q "...), t.op...), ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, h-y, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, c := range code {
		switch c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	b = append(b, ") Tj ET"...)
	if wrap {
		b = append(b, " Q"...)
	}
	t.buf = b
	t.r.Reset(b)
	t.f.RawWriteBuf(&t.r)
}

// qrWriter draws a QR code's runs of dark modules into fpdf's page
// content: the bytes fpdf's SetFillColor(0, 0, 0) and Rect(…, "F") wrote
// for each run, a black fill and a rectangle, made without fpdf's
// strings for each (a code is a few hundred runs in every handout).
type qrWriter struct {
	f   *fpdf.Fpdf
	buf []byte
	r   bytes.Reader
}

// draw draws the code o (an opQR, placed). The first run goes through
// fpdf, which so knows the fill colour is black; the others are written
// as fpdf would have written them.
func (q *qrWriter) draw(o op) error {
	_, pageH := q.f.GetPageSize()
	k := q.f.GetConversionRatio()
	b := q.buf[:0]
	first := true
	err := qrRuns(o, func(x, y, w, h float64) {
		if first {
			q.f.SetFillColor(0, 0, 0)
			q.f.Rect(x, y, w, h, "F")
			first = false
			return
		}
		if len(b) > 0 {
			b = append(b, '\n')
		}
		b = append(b, "0.000 g\n"...)
		b = strconv.AppendFloat(b, x*k, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, (pageH-y)*k, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, w*k, 'f', 2, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, -h*k, 'f', 2, 64)
		b = append(b, " re f"...)
	})
	q.buf = b
	if len(b) > 0 {
		q.r.Reset(b)
		q.f.RawWriteBuf(&q.r) // adds the last line's end
	}
	return err
}
