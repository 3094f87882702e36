package pdf

// Pictures: a briefing's local pictures, each a row of its own (never
// split across pages), and the library's logo beside the kind label and
// title. Each picture file is embedded once per handout, at its own
// resolution: a JPEG is passed through, a PNG keeps its transparency as
// a soft mask. Drawing is one op (opImage) carrying its figure, whose
// alternative text goes with it to the page.

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"handouts/internal/briefing"
	"handouts/internal/picture"
)

// figure is a picture drawn on a page, with what a reader who cannot see
// it is told.
type figure struct {
	pic        *picture.Picture
	alt        string // alternative text; "" for a decorative picture
	decorative bool
}

// logoHeight is the logo's height on the first page, in points (12 mm).
const logoHeight = 34

// naturalSize is the picture's size in points at its resolution.
func naturalSize(p *picture.Picture) (w, h float64) {
	dpi := p.Resolution()
	return float64(p.Width) * 72 / dpi, float64(p.Height) * 72 / dpi
}

// fitPicture scales a picture to its natural size, or to pct of the
// width available (never larger than its natural size, so never
// enlarged beyond it), within maxW and maxH.
func fitPicture(p *picture.Picture, pct int, maxW, maxH float64) (w, h float64) {
	w, _ = naturalSize(p)
	return picture.Fit(p, w, pct, maxW, maxH)
}

// figureRow lays out a local picture as one row, with block spacing
// around it.
func (l *layouter) figureRow(img *briefing.Image, bx box) {
	w, h := fitPicture(img.Picture, img.Width, bx.w, l.bodyH-2*l.th.Spacing.Block)
	fig := &figure{pic: img.Picture, alt: img.Alt, decorative: img.Decorative}
	if img.Decorative {
		fig.alt = ""
	}
	o := l.figureOp(fig, bx.x, w, h)
	o.tag = tagArtifact // a decorative picture is an artifact
	if !img.Decorative {
		o.tag = l.figure(fig.alt)
	}
	l.want(l.th.Spacing.Block)
	l.add(&row{h: h, ops: []op{o}}, bx)
	l.want(l.th.Spacing.Block)
}

// logoOp is the logo at the top right of the text, and the width it
// takes from the kind label and title beside it (0 without a logo).
func (l *layouter) logoOp(bx box) (op, float64) {
	p := l.logo
	if p == nil {
		return op{}, 0
	}
	w, h := fitPicture(p, 0, bx.w*0.35, logoHeight)
	if nw, _ := naturalSize(p); nw > w {
		// A logo is drawn at its height whatever its pixels.
		h = logoHeight
		w = h * float64(p.Width) / float64(p.Height)
		if w > bx.w*0.35 {
			w = bx.w * 0.35
			h = w * float64(p.Height) / float64(p.Width)
		}
	}
	return l.figureOp(&figure{pic: p, alt: l.logoAlt}, bx.x+bx.w-w, w, h), w + 12
}

// figureOp is the op drawing fig at x in a row, w × h, with its
// alternative text as the op's text.
func (l *layouter) figureOp(fig *figure, x, w, h float64) op {
	l.figs = append(l.figs, fig)
	return op{kind: opImage, fig: uint16(len(l.figs)), x: x, w: w, h: h, text: fig.alt}
}

// images registers each picture with fpdf once, on first use, under a
// name numbered in that order; two pictures with the same bytes are one.
type images struct {
	f      *fpdf.Fpdf
	figs   []*figure           // by op.fig
	byData map[[32]byte]string // image name by the picture's SHA-256
}

// draw draws a figure op.
func (im *images) draw(o op) {
	if o.fig == 0 || int(o.fig) > len(im.figs) {
		return
	}
	p := im.figs[o.fig-1].pic
	sum := p.SHA256() // made once a picture
	name, ok := im.byData[sum]
	if !ok {
		if im.byData == nil {
			im.byData = map[[32]byte]string{}
		}
		name = "pic" + strconv.Itoa(len(im.byData)+1)
		im.byData[sum] = name
		typ, data := "jpg", p.Data
		if p.Format == picture.PNG {
			typ, data = "png", pngForPDF(p.Data)
		}
		im.f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	}
	im.f.ImageOptions(name, o.x, o.y, o.w, o.h, false, fpdf.ImageOptions{}, 0, "")
}

// pngForPDF returns the PNG as fpdf can embed it: an interlaced PNG, one
// of 16 bits a channel, or a palette with transparency is decoded and
// written again as 8-bit RGBA (the same bytes every time); any other is
// passed through.
func pngForPDF(data []byte) []byte {
	if len(data) < 33 {
		return data
	}
	depth, ctype, interlace := data[24], data[25], data[28]
	trnsPalette := ctype == 3 && bytes.Contains(data, []byte("tRNS"))
	if depth <= 8 && interlace == 0 && !trnsPalette {
		return data
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return data // checked when read; fpdf reports it
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, rgba); err != nil {
		return data
	}
	return b.Bytes()
}

// placeLogo puts the logo in the first row of the title block and, when
// the block is shorter than the logo, keeps what follows below it.
func (l *layouter) placeLogo(first int, logo op) {
	if first >= len(l.rows) {
		return
	}
	logo.tag = l.figure(l.logoAlt)
	l.rows[first].ops = append(l.rows[first].ops, logo)
	var height float64
	for i := first; i < len(l.rows); i++ {
		if i > first {
			height += l.rows[i].before
		}
		height += l.rows[i].h
	}
	if height < logo.h {
		l.want(logo.h - height + 6)
	}
}
