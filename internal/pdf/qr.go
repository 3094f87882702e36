package pdf

// The QR code of the driver document's address, printed in the source
// panel beside the address so that a reader of the paper copy can open
// it with a phone. It is drawn as filled rectangles (vector, sharp at any
// size), dark on white with the quiet zone of four modules the standard
// asks for, at a module size that phones read from paper.

import (
	"slices"

	"handouts/internal/handout"
	"handouts/internal/qrcode"
)

// qrCode is an encoded address (internal/qrcode), drawn here.
type qrCode struct {
	*qrcode.Code
	link string // the address encoded
}

// encodeQR encodes s at error correction level M, as UTF-8 bytes.
func encodeQR(s string) (*qrCode, error) {
	c, err := qrcode.Encode(s)
	if err != nil {
		return nil, err
	}
	return &qrCode{c, s}, nil
}

// appendOps appends to out the drawing of the code with its top left
// corner (quiet zone included) at x, y: a white square, then the dark
// modules (an opQR, drawn by qrRuns).
func (c *qrCode) appendOps(out []op, x, y float64) []op {
	out = slices.Grow(out, 2)
	out = append(out, op{kind: opRect, x: x, y: y, w: c.Side(), h: c.Side(), colour: Colour{255, 255, 255}})
	// The code's top is kept in h, and y is left 0 for placing to add
	// the row's place to: the runs then stand where they stood when
	// each was an op of its own (see qrRuns).
	return append(out, op{kind: opQR, x: x, h: y, text: c.link})
}

// qrRuns calls run with the box of each run of dark modules in a row of
// the code o draws (an opQR, placed): the rectangles, the same to the
// last bit, that appendOps once made an op each of. A code was a few
// hundred ops in every layout a handout was fitted with.
func qrRuns(o op, run func(x, y, w, h float64)) error {
	code, err := qrcode.Encode(o.text) // the code laid out, kept by qrcode
	if err != nil {
		return err
	}
	c := &qrCode{code, o.text}
	m, n := c.Module(), c.N
	x0, y0 := o.x+qrcode.Quiet*m, o.h+qrcode.Quiet*m
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !c.Dark[row*n+col] {
				col++
				continue
			}
			end := col
			for end < n && c.Dark[row*n+end] {
				end++
			}
			run(x0+float64(col)*m, y0+float64(row)*m+o.y, float64(end-col)*m, m+0.05)
			col = end
		}
	}
	return nil
}

// sourcePanel lays out the source panel; with QR codes on and a driver
// address in the panel, the code stands at the panel's right, level with
// its first row, and the panel is made tall enough to hold it.
func (l *layouter) sourcePanel(heading string, rows []handout.Row, bx box) {
	link := ""
	for _, r := range rows {
		if r.Link != "" && link == "" {
			link = r.Link
		}
	}
	var code *qrCode
	if l.qr && link != "" {
		code, _ = encodeQR(link) // an address too long for a code has none
	}
	if code == nil {
		l.panel(heading, rows, bx)
		return
	}
	pad := l.th.Spacing.CellPadding
	side := code.Side()
	l.panelSide = side + pad
	n := len(l.rows)
	l.panel(heading, rows, bx)
	l.panelSide = 0
	// The panel's rows: the heading's first, then one or more per row.
	first := n
	for first < len(l.rows) && !hasRect(l.rows[first]) {
		first++
	}
	if first >= len(l.rows) {
		return
	}
	// The code is drawn with the last row, over the backgrounds of the
	// rows above it, which are on the same page (a panel is kept whole).
	x := bx.x + bx.w - side - pad
	var above float64 // from the first panel row's top to the last's
	for i := first + 1; i < len(l.rows); i++ {
		above += l.rows[i-1].h + l.rows[i].before
	}
	last := l.rows[len(l.rows)-1]
	if above+last.h > l.bodyH*0.8 {
		return // a panel cut across pages: no code rather than a stray one
	}
	if extra := side + 2*pad - (above + last.h); extra > 0 {
		last.h += extra
		for i := range last.ops {
			if last.ops[i].kind == opRect && last.ops[i].y == 0 {
				last.ops[i].h = last.h
			}
		}
	}
	// The code is a figure of its own: its address is printed beside it.
	from := len(last.ops)
	last.ops = code.appendOps(last.ops, x, pad-above)
	t := l.figure(qrcode.Alt(link))
	for i := range last.ops[from:] {
		last.ops[from+i].tag = t
	}
}

// hasRect reports whether a row draws a rectangle: a panel row does,
// its heading does not.
func hasRect(r *row) bool {
	for _, o := range r.ops {
		if o.kind == opRect {
			return true
		}
	}
	return false
}
