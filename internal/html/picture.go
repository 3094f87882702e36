package html

// Pictures: a briefing's local pictures and the library's logo, written
// into the page itself as data: addresses, so the page stays one file
// that fetches nothing and works from a zip or a shared drive. A picture
// is shown at its natural size (its pixels at the resolution it
// declares, as the PDF draws it), never wider than the text, or at most
// the share of the text width the briefing asks for.

import (
	"encoding/base64"
	"math"
	"slices"
	"strconv"
	"strings"

	"handouts/internal/picture"
)

// defaultDPI is the resolution of a picture that declares none: one
// pixel is one CSS pixel, as browsers, Word and the PDF take it.
const defaultDPI = 96

// cssSize is the picture's natural size in CSS pixels (96 to the inch).
func cssSize(pic *picture.Picture) (w, h int) {
	dpi := pic.Resolution()
	w = max(1, int(math.Round(float64(pic.Width)*defaultDPI/dpi)))
	h = max(1, int(math.Round(float64(w)*float64(pic.Height)/float64(pic.Width))))
	return w, h
}

// writeDataURI writes the picture as an address holding its bytes,
// unchanged, straight into b: room is made for it first, so that b
// grows once and no copy of the address is made on the way.
func writeDataURI(b *strings.Builder, pic *picture.Picture) {
	b.Grow(len("data:;base64,") + len(pic.MIME()) + base64.StdEncoding.EncodedLen(len(pic.Data)) + 1<<10)
	b.WriteString("data:")
	b.WriteString(pic.MIME())
	b.WriteString(";base64,")
	enc := base64.NewEncoder(base64.StdEncoding, b)
	enc.Write(pic.Data)
	enc.Close()
}

// img writes a picture: alt is its alternative text ("" for a decorative
// one, which screen readers then pass over), pct the share of the text
// width it may take at most (0 for no limit but the text's), class its
// class.
func (p *page) img(pic *picture.Picture, alt string, pct int, class string) {
	w, h := cssSize(pic)
	if pct > 0 && pct < 100 {
		if p.widths == nil {
			p.widths = map[int]bool{}
		}
		p.widths[pct] = true
		class = strings.TrimSpace(class + " w" + strconv.Itoa(pct))
	}
	p.s("<img")
	if class != "" {
		p.s(" class=\"", class, "\"")
	}
	p.s(" src=\"")
	writeDataURI(p.b, pic)
	p.s("\" alt=\"")
	p.text(oneLine(alt))
	p.s("\" width=\"", strconv.Itoa(w), "\" height=\"", strconv.Itoa(h), "\"/>")
}

// widthCSS is the rule of each share of the text width a picture of the
// page asks for, in order: only those used.
func widthCSS(widths map[int]bool) string {
	if len(widths) == 0 {
		return ""
	}
	ws := make([]int, 0, len(widths))
	for w := range widths {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	var b strings.Builder
	for _, w := range ws {
		n := strconv.Itoa(w)
		b.WriteString("img.w" + n + "{max-width:" + n + "%}\n")
	}
	return b.String()
}

// logo writes the library's logo, if any, at the top of a page's header.
func (p *page) logo(pic *picture.Picture, alt string) {
	if pic == nil {
		return
	}
	p.img(pic, alt, 0, "logo")
	p.s("\n")
}
