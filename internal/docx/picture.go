package docx

// Pictures: a briefing's local pictures as inline DrawingML pictures in
// the body, and the project's logo in the page header. Each picture file
// is one part under word/media/, named in order of first use (image1.png,
// image2.jpeg, …; the logo is logo.png or logo.jpeg), stored as it was
// read, and written after every other part, so a handout without
// pictures has the parts and bytes it always had.

import (
	"archive/zip"
	"bytes"
	"strconv"

	"handouts/internal/briefing"
	"handouts/internal/picture"
)

const (
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	relImage  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
	emuPerTwp = 635    // EMU per twip
	emuPerIn  = 914400 // EMU per inch
	// logoHeight is the logo's height in the header: 1.2 cm.
	logoHeight = 432000
)

// media is one picture part of the document.
type media struct {
	name string // under word/media/
	rid  string // the relationship id from the part that shows it
	pic  *picture.Picture
}

// pictures are the media of one document, in order of first use.
type pictures struct {
	list   []*media
	byData map[[32]byte]*media // by the picture's SHA-256: two pictures with the same bytes are one part
	nextID int                 // wp:docPr ids, from 1
}

// add returns the media for p, adding it on first use.
func (ps *pictures) add(p *picture.Picture) *media {
	sum := p.SHA256() // made once a picture
	if m, ok := ps.byData[sum]; ok {
		return m
	}
	if ps.byData == nil {
		ps.byData = map[[32]byte]*media{}
	}
	n := len(ps.list) + 1
	m := &media{name: "image" + strconv.Itoa(n) + "." + p.Ext(), rid: "rIdImage" + strconv.Itoa(n), pic: p}
	ps.list = append(ps.list, m)
	ps.byData[sum] = m
	return m
}

// mediaRels adds the image relationships to a part's relationships.
func mediaRels(rels []byte, list []*media) []byte {
	if len(list) == 0 {
		return rels
	}
	var b bytes.Buffer
	for _, m := range list {
		b.WriteString(`<Relationship Id="` + m.rid + `" Type="` + relImage + `" Target="media/` + m.name + `"/>`)
	}
	i := bytes.LastIndex(rels, []byte(`</Relationships>`))
	out := make([]byte, 0, len(rels)+b.Len())
	out = append(out, rels[:i]...)
	out = append(out, b.Bytes()...)
	return append(out, rels[i:]...)
}

// size is the picture's size in EMU: its natural size (its pixels at its
// resolution, never enlarged), or widthPct of the text width, within the
// text width and the page's height.
func size(p *picture.Picture, widthPct int, textW, textH int64) (cx, cy int64) {
	cx, cy = picture.Fit(p, int64(float64(p.Width)*emuPerIn/p.Resolution()), widthPct, textW, textH)
	return max(cx, 1), max(cy, 1)
}

// drawing writes an inline picture: descr is the alternative text, and
// a decorative picture is marked so (Word 365's decorative flag), with no
// description.
func drawing(b *bytes.Buffer, m *media, id int, descr string, decorative bool, cx, cy int64) {
	ext := `<wp:extent cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"/>`
	sid := strconv.Itoa(id)
	b.WriteString(`<w:r><w:drawing><wp:inline xmlns:wp="` + nsWP + `" distT="0" distB="0" distL="0" distR="0">`)
	b.WriteString(ext)
	b.WriteString(`<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="` + sid + `" name="Picture ` + sid + `" descr="`)
	esc(b, descr)
	b.WriteString(`">`)
	if decorative {
		b.WriteString(`<a:extLst xmlns:a="` + nsA + `"><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>`)
	}
	b.WriteString(`</wp:docPr><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="` + nsA + `" noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic xmlns:a="` + nsA + `"><a:graphicData uri="` + nsPic + `"><pic:pic xmlns:pic="` + nsPic + `">`)
	b.WriteString(`<pic:nvPicPr><pic:cNvPr id="` + sid + `" name="` + m.name + `" descr="`)
	esc(b, descr)
	b.WriteString(`"/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>`)
	b.WriteString(`<pic:blipFill><a:blip r:embed="` + m.rid + `" xmlns:r="` + nsR + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + strconv.FormatInt(cx, 10) + `" cy="` + strconv.FormatInt(cy, 10) + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
}

// figure writes a local picture as a paragraph of its own, kept with
// the paragraph after it when that is its caption-like text.
func (g *gen) figure(img *briefing.Image, c ctx) {
	m := g.pics.add(img.Picture)
	g.pics.nextID++
	cx, cy := size(img.Picture, img.Width, int64(g.ref.textWidth)*emuPerTwp, int64(g.ref.textHeight)*emuPerTwp)
	g.pStart(c.style, `<w:keepLines/>`)
	alt := img.Alt
	if img.Decorative {
		alt = ""
	}
	drawing(g.b, m, g.pics.nextID, alt, img.Decorative, cx, cy)
	g.b.WriteString(`</w:p>`)
}

// withLogo puts the logo in a paragraph of its own at the top of the
// header, so it shows on every page.
func withLogo(hdr []byte, logo *media, alt string) []byte {
	start := bytes.Index(hdr, []byte("<w:hdr"))
	if start < 0 {
		return hdr
	}
	end := bytes.IndexByte(hdr[start:], '>')
	if end < 0 || hdr[start+end-1] == '/' {
		return hdr
	}
	at := start + end + 1
	p := logo.pic
	cy := int64(logoHeight)
	cx := cy * int64(p.Width) / int64(p.Height)
	if maxW := int64(6 * emuPerIn); cx > maxW {
		cx = maxW
		cy = cx * int64(p.Height) / int64(p.Width)
	}
	var b bytes.Buffer
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	drawing(&b, logo, 1000, alt, false, max(cx, 1), max(cy, 1))
	b.WriteString(`</w:p>`)
	out := make([]byte, 0, len(hdr)+b.Len())
	out = append(out, hdr[:at]...)
	out = append(out, b.Bytes()...)
	return append(out, hdr[at:]...)
}

// headerRels are the relationships of a header showing the logo.
func headerRels(logo *media) []byte {
	return mediaRels([]byte(xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`), []*media{logo})
}

// withImageTypes adds the picture formats to [Content_Types].xml.
func withImageTypes(ct []byte) []byte {
	const add = `<Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>`
	i := bytes.Index(ct, []byte(`<Default `))
	if i < 0 {
		i = bytes.LastIndex(ct, []byte(`</Types>`))
	}
	return append(append(append([]byte{}, ct[:i]...), add...), ct[i:]...)
}

// writeMedia stores a picture part as read: it is compressed already.
func writeMedia(z *zip.Writer, name string, data []byte) error {
	fw, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store, ModifiedDate: dosDate, ModifiedTime: dosTime})
	if err != nil {
		return err
	}
	_, err = fw.Write(data)
	return err
}

// drawingNS declares the drawing namespaces on the document's root too,
// for readers (pandoc) that resolve prefixes there only.
const drawingNS = ` xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"`

// hasFigures reports whether the document shows a local picture.
func hasFigures(d *briefing.Document) bool {
	has := func(bs []briefing.Block) bool {
		for _, b := range bs {
			if p, ok := b.(*briefing.Paragraph); ok && briefing.Figure(p) != nil {
				return true
			}
		}
		return false
	}
	if has(d.Lead) {
		return true
	}
	// Not d.Sections(), which allocates: this runs for every handout.
	for _, s := range [...]*briefing.Section{d.Impact, d.Summary, d.KeyFeatures, d.FurtherReading} {
		if s != nil && has(s.Blocks) {
			return true
		}
	}
	for _, s := range d.Others {
		if has(s.Blocks) {
			return true
		}
	}
	return false
}
