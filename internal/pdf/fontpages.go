package pdf

import (
	"bytes"
	"compress/zlib"
	"math/bits"
	"strconv"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
)

// Fonts are embedded as simple TrueType fonts in "pages" of at most 224
// characters, each page a subset of the face with an 8-bit encoding:
//
//   - page 0: Windows-1252 in WinAnsiEncoding: ASCII, the typographic
//     marks (curly quotes, dashes, bullet, ellipsis, €), the Latin-1
//     signs (£, ©, °...) and accented letters (é, ö, ñ...);
//   - pages 1 on: every other character of the face (Ł, ő, Greek,
//     Cyrillic, arrows...) in code-point order, named uniXXXX in the
//     encoding's Differences.
//
// A handout embeds only the pages its text uses, so an English briefing
// carries one small subset per face. Each page's objects (the font
// dictionary with its widths, the descriptor, the compressed subset and
// the ToUnicode map) are made once per process and reused by every
// handout: a page is the same bytes whichever handouts came before it,
// so output does not depend on build order. We write these objects
// ourselves (fontobjs.go) rather than through fpdf: fpdf decodes a JSON
// font definition, hashes it again for the font's resource name and
// formats its widths anew in every document, about a sixth of the time
// of writing a PDF. (fpdf's own UTF-8 fonts re-read the whole TrueType
// font and re-serialise a 65,536-entry width table for every document.)

// fontDesc is what a face's FontDescriptor says of it.
type fontDesc struct {
	Ascent, Descent, CapHeight, Flags int
	FontBBox                          fontBox
	ItalicAngle, StemV, MissingWidth  int
}

type fontBox struct{ Xmin, Ymin, Xmax, Ymax int }

// fontPage is one page of a face: the characters it holds and, once
// made, its objects.
type fontPage struct {
	fill  sync.Once // runes and codes are laid out when first asked for (encoding.page)
	runes []rune    // runes[i] is drawn with code codes[i]
	codes []byte
	diff  string // Differences, made with the page (load); "" for page 0, WinAnsiEncoding

	once sync.Once
	objs pageObjects

	cmapOnce sync.Once
	cmap     []byte // the ToUnicode stream object (tagged.go)
}

// encoding places each character of a face on a page.
type encoding struct {
	// at holds page<<8 | code for each character of the BMP, 0 when
	// the face lacks it.
	at blockTable
	// pages are the pages of the face, each empty until asked for.
	pages []fontPage
}

// page returns page i, its characters laid out.
func (e *encoding) page(i int) *fontPage {
	p := &e.pages[i]
	p.fill.Do(func() { e.layOut(p, i) })
	return p
}

// at is where character r is: page<<8 | code; 0 if nowhere.
func (e *encoding) place(r rune) uint16 { return e.at.get(r) }

// winAnsiHigh are the characters of Windows-1252 codes 0x80–0x9F.
var winAnsiHigh = map[byte]rune{
	0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡',
	0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘',
	0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜',
	0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
}

// winAnsi is the character of Windows-1252 code c, from 0x20 on; false
// for the codes with none (0x7F and five of 0x80–0x9F).
func winAnsi(c byte) (rune, bool) {
	if c >= 0x7f && c < 0xa0 {
		r, ok := winAnsiHigh[c]
		return r, ok
	}
	return rune(c), true
}

// placeChars lays out the pages of a face with tables m: where each
// character is, page<<8 | code.
func placeChars(m *faceTables) *[1 << 16]uint16 {
	at := new([1 << 16]uint16)
	page, n := 0, 0
	put := func(r rune, code byte) {
		if !m.hasGlyph(r) || at[r] != 0 || invisible(r) { // no glyph, placed already, or dropped by clean
			return
		}
		at[r] = uint16(page)<<8 | uint16(code)
		n++
	}
	// Page 0: Windows-1252, in WinAnsiEncoding.
	for c := 0x20; c <= 0xff; c++ {
		if r, ok := winAnsi(byte(c)); ok {
			put(r, byte(c))
		}
	}
	// Pages 1 on: the rest, 224 to a page, named in Differences (made
	// when a page is first embedded: see differences).
	n = 224
	// The characters the face has, in code-point order, found a word of
	// m.has at a time: most of the plane is empty.
	for wi, word := range m.has[:] { // a slice: ranging over the array would copy it
		for ; word != 0; word &= word - 1 {
			r := rune(wi<<6 + bits.TrailingZeros64(word))
			if r < 0x20 || at[r] != 0 || invisible(r) {
				continue
			}
			if n == 224 {
				page, n = page+1, 0
			}
			put(r, byte(32+n))
		}
	}
	return at
}

// layOut lays out the characters of page i, p, from the placement.
func (e *encoding) layOut(p *fontPage, i int) {
	p.runes, p.codes = make([]rune, 0, 224), make([]byte, 0, 224)
	if i == 0 {
		// In the order of its codes.
		for c := 0x20; c <= 0xff; c++ {
			if r, ok := winAnsi(byte(c)); ok && e.place(r) == uint16(c) {
				p.runes = append(p.runes, r)
				p.codes = append(p.codes, byte(c))
			}
		}
		return
	}
	// In the order of the characters, which is that of their codes;
	// only the blocks with characters are looked through.
	for hi := range 256 {
		if e.at.index[hi] == 0 {
			continue
		}
		for lo := range 256 {
			r := rune(hi<<8 | lo)
			if at := e.place(r); int(at>>8) == i {
				p.runes = append(p.runes, r)
				p.codes = append(p.codes, byte(at))
			}
		}
	}
}

// psNames are the PostScript names of the faces.
var psNames = [numFaces]string{
	sans:           "LiberationSans",
	sansBold:       "LiberationSans-Bold",
	sansItalic:     "LiberationSans-Italic",
	sansBoldItalic: "LiberationSans-BoldItalic",
	mono:           "LiberationMono",
}

// family names a face's page: its pregenerated files and, after "F",
// its font resource.
func family(f face, page int) string { return faceName(f) + strconv.Itoa(page) }

// load makes the page's objects, once.
func (p *fontPage) load(f face, page int, m *metrics) *pageObjects {
	return p.loadFace(f, faces[f].ttf, psNames[f], page, m)
}

// loadFace is load for a face given by its TrueType data and PostScript
// name; f numbers it for the subset's tag and its resource name.
func (p *fontPage) loadFace(f face, ttf []byte, psName string, page int, m *metrics) *pageObjects {
	p.once.Do(func() {
		file := pregenerated(family(f, page))
		if file == nil {
			file = fontFileObject(cutPage(ttf, p.runes))
		}
		if page > 0 && p.diff == "" {
			p.diff = differences(p.runes)
		}
		var cmap []byte
		if page == 0 && f < numFaces {
			cmap = pregeneratedCMap(f) // made ahead of time (fontcmaps.go)
		}
		if cmap == nil {
			cmap = p.toUnicode()
		}
		p.objs = makePageObjects(subsetName(f, page, psName), p, m, file, cmap)
	})
	return &p.objs
}

// subsetName is the PostScript name of a page's subset: a subset's name
// starts with a tag of six capitals of its own.
func subsetName(f face, page int, psName string) string {
	tag := []byte("HOAAAA")
	tag[2] = byte('A' + f)
	tag[3] = byte('A' + page/676%26)
	tag[4] = byte('A' + page/26%26)
	tag[5] = byte('A' + page%26)
	return string(tag) + "+" + psName
}

// cutPage makes a page's subset of a face: the glyphs of runes cut from
// the TrueType font, hinting stripped, compressed with zlib. It returns
// the compressed subset and its size before compression.
func cutPage(ttf []byte, runes []rune) (z []byte, size int) {
	sub := fpdf.UTF8CutFont(ttf, string(runes))
	if small, err := stripHints(sub); err == nil {
		sub = small
	}
	var b bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&b, zlib.BestCompression)
	zw.Write(sub)
	zw.Close()
	return b.Bytes(), len(sub)
}

// differences is the Differences of a page beyond the first: its
// characters from code 32 on, named uniXXXX.
func differences(runes []rune) string {
	var names strings.Builder
	names.Grow(len("32") + len(runes)*len(" /uniXXXX"))
	names.WriteString("32")
	const hex = "0123456789ABCDEF"
	for _, r := range runes {
		names.WriteString(" /uni")
		names.Write([]byte{hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15]}) // %04X, without fmt
	}
	return names.String()
}
