package docx

// The QR code of the driver document's address in the source panel, as
// the PDF handout prints it (internal/pdf, qr.go): the same modules
// (internal/qrcode), at the same physical size, at the panel's right,
// level with its first row, the panel growing to hold it. It is a PNG of
// a whole number of pixels per module, so that no module is blurred, in a
// third column of the panel merged down its rows.

import (
	"math"
	"strconv"

	"handouts/internal/handout"
	"handouts/internal/picture"
	"handouts/internal/qrcode"
)

const (
	qrPixels  = 8     // pixels per module of the picture
	emuPerPt  = 12700 // EMU per point
	cellMarLR = 2 * 113
)

// panelCode is a panel's QR code picture.
type panelCode struct {
	m     *media
	id    int    // the wp:docPr id
	descr string // alternative text
	side  int64  // in EMU, quiet zone included
	w     int    // the column's width in twips, cell margins included
}

// panelQR returns the QR code of the first address in rows, or nil for
// none (no address, or one too long for a code; the PDF prints none
// either).
func (g *gen) panelQR(rows []handout.Row) *panelCode {
	link := ""
	for _, r := range rows {
		if r.Link != "" {
			link = r.Link
			break
		}
	}
	if link == "" {
		return nil
	}
	c, err := qrcode.Encode(link)
	if err != nil {
		return nil
	}
	data, err := c.PNG(qrPixels)
	if err != nil {
		return nil
	}
	px := (c.N + 2*qrcode.Quiet) * qrPixels
	// The picture's resolution is that of its physical size.
	dpi := float64(px) * 72 / c.Side()
	m := g.pics.add(&picture.Picture{Path: "qrcode.png", Format: picture.PNG, Data: data, Width: px, Height: px, DPI: dpi})
	g.pics.nextID++
	return &panelCode{
		m: m, id: g.pics.nextID,
		descr: qrcode.Alt(link),
		side:  int64(math.Round(c.Side() * emuPerPt)),
		w:     int(math.Ceil(c.Side()*20)) + cellMarLR,
	}
}

// cell writes the code's cell of a panel row: the picture in the first
// row, merged with the cells below it in the others.
func (c *panelCode) cell(g *gen, first bool) {
	b := g.b
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(c.w) + `" w:type="dxa"/>`)
	if !first {
		b.WriteString(`<w:vMerge/></w:tcPr><w:p><w:pPr><w:pStyle w:val="PanelValue"/></w:pPr></w:p></w:tc>`)
		return
	}
	b.WriteString(`<w:vMerge w:val="restart"/></w:tcPr>`)
	// Single line spacing of its own: a tightened style's (below single)
	// would cut the top off the picture.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="PanelValue"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="right"/></w:pPr>`)
	drawing(b, c.m, c.id, c.descr, false, c.side, c.side)
	b.WriteString(`</w:p></w:tc>`)
}
