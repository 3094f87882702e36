// Package docx writes a briefing as a Word document (WordprocessingML,
// Office Open XML) of our own making: archive/zip and careful templates,
// no third-party library.
//
// The look comes from a reference: by default the readable parts under
// templates/docx (styles, numbering, settings, page set-up, header,
// footer, fonts), or a .docx a librarian restyled in Word, read with
// LoadReference the way pandoc reads a reference.docx. The writer itself
// uses styles only: every paragraph and run names a style, lists are real
// Word lists through numbering.xml, tables are real tables, footnotes are
// real footnotes.
//
// Output is reproducible: the zip entries come in a fixed order, each
// dated 1980-01-01 00:00 (the zip epoch, the same on every machine and in
// every time zone), relationship ids are numbered in order of first use,
// there are no random ids, and the document's created and modified
// properties are the briefing's updated date, never the clock. Web images
// are never fetched: such an image is written as "[Image: alt text]"
// followed by its address as a hyperlink. Local pictures and the logo are
// embedded (picture.go).
package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"regexp"
	"sync"

	"handouts/internal/briefing"
	"handouts/internal/deflate"
	"handouts/internal/handout"
	"handouts/internal/pdf"
	"handouts/internal/picture"
)

// Options choose the words and the look of a handout.
type Options struct {
	// Handout are the project's choices of wording.
	Handout handout.Options
	// Reference gives the styles, page set-up, header and footer; nil is
	// the default look from templates/docx.
	Reference *Reference
	// Logo is the library's logo, shown in the header of every page;
	// LogoAlt is its alternative text. Nil for none.
	Logo    *picture.Picture
	LogoAlt string
	// QR shows a QR code of the driver document's address (the
	// briefing's link) in the source panel, as the PDF handout does.
	QR bool
	// LayOut lays out the PDF handout whose tightening the Word handout
	// follows (fit.go); nil is pdf.LayOut. A caller writing the PDF
	// handout too passes one that keeps the layout for it, so that the
	// handout is laid out once.
	LayOut func(*briefing.Document, pdf.Options) (*pdf.Layout, error)
}

// Limits of the writer; the validator reports briefings beyond them
// earlier, with file and line.
const (
	// MaxDepth bounds the nesting of blocks (lists, quotes) and of
	// inlines (emphasis inside strong inside a link...).
	MaxDepth = 64
	// maxListLevel is the deepest list level Word has (levels 0–8);
	// deeper lists are drawn at the ninth level.
	maxListLevel = 8
)

// ErrTooDeep is returned for a model nested beyond MaxDepth.
var ErrTooDeep = errors.New("docx: briefing nested too deeply")

// Write writes d as a .docx to w. It is safe for concurrent use.
func Write(w io.Writer, d *briefing.Document, o Options) error {
	return write(w, d, o, false)
}

// write is Write; keepPlaceholders leaves the header and footer
// placeholders unfilled, for the default reference document.
func write(w io.Writer, d *briefing.Document, o Options, keepPlaceholders bool) error {
	if d == nil {
		return errors.New("docx: no document")
	}
	ref := o.Reference
	if ref == nil {
		var err error
		ref, err = defaultReference()
		if err != nil {
			return err
		}
	}
	h := handout.New(d, o.Handout)
	g := &gen{d: d, h: h, ref: ref, qr: o.QR}
	g.docRels.first = len(ref.fixedRels) + 1
	g.fnRels.first = 1

	doc, err := g.document()
	if err != nil {
		return err
	}
	fn, err := g.footnotes()
	if err != nil {
		return err
	}
	if ref.rename != nil {
		doc = []byte(ref.rename.Replace(string(doc)))
		fn = []byte(ref.rename.Replace(string(fn)))
	}

	var logo *media
	if o.Logo != nil {
		logo = &media{name: "logo." + o.Logo.Ext(), rid: "rIdLogo", pic: o.Logo}
	}
	z := &partList{}         // written at the end, partlist.go
	static := ref.static[:2] // [Content_Types].xml, _rels/.rels
	if len(g.pics.list) > 0 || logo != nil {
		ct, err := compressSame("[Content_Types].xml", withImageTypes(ref.contentTypes))
		if err != nil {
			return err
		}
		static = []rawPart{ct, ref.static[1]}
	}
	for _, p := range static {
		z.addRaw(p)
	}
	dyn := func(name string, data []byte) error {
		p, err := compressSame(name, data)
		if err != nil {
			return err
		}
		z.addRaw(p)
		return nil
	}
	if err := dyn("docProps/core.xml", g.core()); err != nil {
		return err
	}
	z.addRaw(ref.static[2]) // docProps/app.xml
	if err := dyn("word/document.xml", doc); err != nil {
		return err
	}
	if err := dyn("word/_rels/document.xml.rels", mediaRels(g.docRels.xml(ref.fixedRels), g.pics.list)); err != nil {
		return err
	}
	if err := dyn("word/numbering.xml", g.numbering()); err != nil {
		return err
	}
	if err := dyn("word/footnotes.xml", fn); err != nil {
		return err
	}
	// Footnotes always have a relationships part, so that the part list
	// (and [Content_Types].xml) is the same for every briefing.
	if err := dyn("word/_rels/footnotes.xml.rels", g.fnRels.xml(nil)); err != nil {
		return err
	}
	hdr, ftr := ref.header, ref.footer
	if !keepPlaceholders {
		hdr, ftr = g.fill(hdr), g.fill(ftr)
	}
	if logo != nil {
		hdr = withLogo(hdr, logo, o.LogoAlt)
	}
	if err := dyn("word/header1.xml", hdr); err != nil {
		return err
	}
	if logo != nil {
		if err := dyn("word/_rels/header1.xml.rels", headerRels(logo)); err != nil {
			return err
		}
	}
	if err := dyn("word/footer1.xml", ftr); err != nil {
		return err
	}
	rest := ref.static[3:] // styles, settings, fonts, theme
	styles := ref.styles
	if h.Meta.Language != "en-GB" {
		// The briefing's own language, as the default of its text.
		styles = langRE().ReplaceAll(ref.styles, []byte(`${1}`+h.Meta.Language+`"`))
	}
	tightened := false
	if !keepPlaceholders && isDefaultLook(ref) {
		// The default look, tightened as the PDF handout is (fit.go).
		tight, ok, err := tightStyles(d, o, styles)
		if err != nil {
			return err
		}
		if ok {
			rest = append([]rawPart{tight}, rest[1:]...)
			tightened = true
		}
	}
	if !tightened && h.Meta.Language != "en-GB" {
		rest = append([]rawPart{compressBest("word/styles.xml", styles)}, rest[1:]...)
	}
	for _, p := range rest {
		z.addRaw(p)
	}
	for _, m := range g.pics.list {
		z.addMedia("word/media/"+m.name, m.pic.Data)
	}
	if logo != nil {
		z.addMedia("word/media/"+logo.name, logo.pic.Data)
	}
	return z.writeTo(w)
}

// rawPart is one zip entry, already compressed.
type rawPart struct {
	name       string
	crc        uint32
	size       uint64
	compressed []byte
}

// The zip epoch, 1980-01-01 00:00, in MS-DOS date and time form.
const (
	dosDate = 1<<5 | 1 // year 0 (1980), month 1, day 1
	dosTime = 0
)

func writeRaw(z *zip.Writer, p rawPart) error {
	fw, err := z.CreateRaw(&zip.FileHeader{
		Name:         p.name,
		Method:       zip.Deflate,
		ModifiedDate: dosDate,
		ModifiedTime: dosTime,
		CRC32:        p.crc,
		// Version 2.0 (deflate) made by and needed to extract, as Word,
		// LibreOffice and pandoc write; Go leaves 0.0 in a raw entry.
		CreatorVersion:     20,
		ReaderVersion:      20,
		CompressedSize64:   uint64(len(p.compressed)),
		UncompressedSize64: p.size,
	})
	if err != nil {
		return err
	}
	_, err = fw.Write(p.compressed)
	return err
}

// compress deflates one part. Parts written for every document use the
// fastest level; the fixed parts of a reference are compressed once, at
// the best level.
func compress(name string, data []byte) (rawPart, error) {
	var out bytes.Buffer
	out.Grow(len(data)/3 + 64)
	fw := deflate.Get(&out)
	_, err := fw.Write(data)
	if err == nil {
		err = fw.Close()
	}
	deflate.Put(fw)
	if err != nil {
		return rawPart{}, fmt.Errorf("docx: compressing %s: %w", name, err)
	}
	return rawPart{name: name, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), compressed: out.Bytes()}, nil
}

// bestPool keeps the best-compression writers of compressBest: the six
// static parts of the default styles are compressed in every process.
var bestPool sync.Pool

func compressBest(name string, data []byte) rawPart {
	if z := precompressed(data); z != nil {
		return rawPart{name: name, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), compressed: z}
	}
	return deflateBest(name, data)
}

// deflateBest is compressBest without the parts made ahead of time.
func deflateBest(name string, data []byte) rawPart {
	var out bytes.Buffer
	fw, _ := bestPool.Get().(*flate.Writer)
	if fw == nil {
		fw, _ = flate.NewWriter(&out, flate.BestCompression)
	} else {
		fw.Reset(&out) // the same output as a new writer, without its megabyte of state
	}
	fw.Write(data)
	fw.Close()
	bestPool.Put(fw)
	return rawPart{name: name, crc: crc32.ChecksumIEEE(data), size: uint64(len(data)), compressed: out.Bytes()}
}

// langRE finds the language of the text in the styles' defaults (the
// first w:lang, in w:docDefaults), but for East Asian and bidi text.
var langRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(<w:lang\b[^>]*?\bw:val=")[^"]*"`) })
