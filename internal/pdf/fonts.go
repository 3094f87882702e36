package pdf

import (
	"encoding/binary"
	"errors"
	"math"
	"sync"
	"unicode/utf8"

	"github.com/go-fonts/liberation/liberationmonoregular"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"

	"handouts/internal/truetype"
)

// face is one of the embedded typefaces.
type face uint8

const (
	sans face = iota
	sansBold
	sansItalic
	sansBoldItalic
	mono
	numFaces
)

// faceInfo names a face and holds its TrueType data.
type faceInfo struct {
	family, style string
	ttf           []byte
}

var faces = [numFaces]faceInfo{
	sans:           {"sans", "", liberationsansregular.TTF},
	sansBold:       {"sans", "B", liberationsansbold.TTF},
	sansItalic:     {"sans", "I", liberationsansitalic.TTF},
	sansBoldItalic: {"sans", "BI", liberationsansbolditalic.TTF},
	mono:           {"mono", "", liberationmonoregular.TTF},
}

// with returns the face with bold or italic added.
func (f face) with(bold, italic bool) face {
	if f == mono {
		return mono
	}
	b := bold || f == sansBold || f == sansBoldItalic
	i := italic || f == sansItalic || f == sansBoldItalic
	switch {
	case b && i:
		return sansBoldItalic
	case b:
		return sansBold
	case i:
		return sansItalic
	}
	return sans
}

// metrics are the widths of a face's characters, read from the font's
// cmap and hmtx tables, in thousandths of an em, rounded as the font's
// Widths give them (fontobjs.go), so our measure of a line is the width
// a reader draws. They are read ahead of time (fontmetrics.go) and used
// where they lie in the program's data: a process touches only the
// parts its text needs.
type metrics struct {
	// has says which characters of the Basic Multilingual Plane the
	// face has a glyph for, a bit each (r>>3, 1<<(r&7)); w holds their
	// widths.
	has *[hasSize]byte
	w   blockTable
	// ascent and descent in thousandths of an em (descent negative).
	ascent, descent float64
	// desc is what the face's font descriptor says.
	desc fontDesc
	// enc places the face's characters on the pages embedded.
	enc *encoding
	// replacement is the character drawn for one the font lacks.
	replacement rune
}

var (
	metricsOnce sync.Once
	allMetrics  [numFaces]*metrics
	metricsErr  error
)

// faceMetrics returns the metrics of every face.
func faceMetrics() ([numFaces]*metrics, error) {
	metricsOnce.Do(func() { metricsErr = readFaces(sans, faces[:], allMetrics[:]) })
	return allMetrics, metricsErr
}

// readFaces reads the metrics and encoding of each of faces into out,
// the first numbered first (as fontSet.use numbers them), from the data
// made ahead of time: TestPregeneratedMetrics sees that every face has
// them.
func readFaces(first face, faces []faceInfo, out []*metrics) error {
	for i, f := range faces {
		b := pregeneratedMetrics(first + face(i))
		if b == nil {
			return errors.New("pdf: no metrics made ahead of time for embedded font " + f.family + f.style)
		}
		m, err := decodeFace(b)
		if err != nil {
			return errors.New("pdf: reading embedded font " + f.family + f.style + ": " + err.Error())
		}
		out[i] = m
	}
	return nil
}

func (m *metrics) hasGlyph(r rune) bool {
	return r >= 0 && r < 1<<16 && m.has[(r>>3)&(hasSize-1)]&(1<<(r&7)) != 0
}

// hasWord is the i'th 64 bits of has: bit r&63 of word r>>6 is r's.
func (m *metrics) hasWord(i int) uint64 { return binary.LittleEndian.Uint64(m.has[8*i:]) }

// adv is the width of character r, which the face has (0 otherwise).
func (m *metrics) adv(r rune) uint16 { return m.w.get(r) }

// blockTable holds a uint16 for each character of the plane, in blocks
// of 256 characters (little-endian), those with nothing but zeros left
// out: the widths, or the places, of a face's characters.
type blockTable struct {
	// index is the block of each 256 characters (r>>8); block 0, all
	// zeros, stands for every block left out.
	index  *[256]byte
	blocks []*[512]byte
	// latin are the entries of the first 256 characters, those of most
	// text, copied out of the blocks: a plain array is read faster.
	latin [256]uint16
}

// newBlockTable is the table of index and data, its blocks.
func newBlockTable(index *[256]byte, data []byte) blockTable {
	t := blockTable{index: index, blocks: make([]*[512]byte, len(data)/512)}
	for i := range t.blocks {
		t.blocks[i] = (*[512]byte)(data[512*i : 512*i+512])
	}
	for r := range t.latin {
		t.latin[r] = t.inBlocks(rune(r))
	}
	return t
}

// get is r's entry; 0 beyond the plane.
func (t *blockTable) get(r rune) uint16 {
	if uint32(r) < 256 {
		return t.latin[uint8(r)]
	}
	return t.inBlocks(r)
}

// inBlocks is get, read from the blocks.
func (t *blockTable) inBlocks(r rune) uint16 {
	if uint32(r) >= 1<<16 {
		return 0
	}
	b := t.blocks[t.index[byte(r>>8)]]
	lo := uint(byte(r)) << 1
	return uint16(b[lo&511]) | uint16(b[(lo|1)&511])<<8 // masked: no bounds check
}

// width of s in thousandths of an em; s holds only characters the font
// has (see clean).
func (m *metrics) width(s string) int {
	w := 0
	for _, r := range s {
		if r < 1<<16 {
			w += int(m.adv(r))
		}
	}
	return w
}

// clean returns s with every character the face cannot draw dealt with:
// controls and invisible formatting characters dropped, tabs and line
// ends made spaces, and any other character the font lacks (or beyond
// what fpdf can address) replaced by the replacement character.
func (m *metrics) clean(s string) string {
	ok := true
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size <= 1) || invisible(r) || !m.hasGlyph(r) {
			ok = false
			break
		}
		i += size
	}
	if ok {
		return s
	}
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			out = append(out, ' ')
		case invisible(r):
			// controls and invisible formatting: nothing to draw
		case m.hasGlyph(r):
			out = append(out, r)
		default:
			out = append(out, m.replacement)
		}
	}
	return string(out)
}

// invisible reports the controls and formatting characters that clean
// drops: they have nothing to draw.
func invisible(r rune) bool {
	return r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xad || (r >= 0x200b && r <= 0x200f) ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2060 && r <= 0x206f) || r == 0xfeff
}

// faceTables are a face's metrics over the whole plane, as read from
// its TrueType data: what the metrics made ahead of time are made of.
type faceTables struct {
	w   [1 << 16]uint16
	has [1 << 16 / 64]uint64
	// ascent and descent in thousandths of an em (descent negative).
	ascent, descent float64
	desc            fontDesc
	replacement     rune
}

func (m *faceTables) hasGlyph(r rune) bool {
	return r >= 0 && r < 1<<16 && m.has[r>>6]&(1<<(r&63)) != 0
}

// readTables reads the widths and character map of a TrueType font.
func readTables(ttf []byte) (*faceTables, error) {
	tables, err := truetype.Tables(ttf)
	if err != nil {
		return nil, err
	}
	head, hhea, cmap, maxp := tables["head"], tables["hhea"], tables["cmap"], tables["maxp"]
	if len(maxp) < 6 || cmap == nil {
		return nil, errors.New("missing a maxp or cmap table")
	}
	adv, err := truetype.ReadAdvances(tables)
	if err != nil {
		return nil, err
	}
	scale := 1000 / float64(adv.UnitsPerEm)
	advance := adv.Of
	m := &faceTables{
		ascent:  float64(int16(binary.BigEndian.Uint16(hhea[4:]))) * scale,
		descent: float64(int16(binary.BigEndian.Uint16(hhea[6:]))) * scale,
	}
	fu := func(b []byte, off int) int {
		return int(math.Round(float64(int16(binary.BigEndian.Uint16(b[off:]))) * scale))
	}
	d := &m.desc
	d.Ascent, d.Descent = int(math.Round(m.ascent)), int(math.Round(m.descent))
	d.CapHeight = d.Ascent
	d.FontBBox = fontBox{fu(head, 36), fu(head, 38), fu(head, 40), fu(head, 42)}
	d.Flags = 32 // non-symbolic: characters by their standard names
	d.StemV = 70
	if post := tables["post"]; len(post) >= 16 {
		d.ItalicAngle = int(int16(binary.BigEndian.Uint16(post[4:])))
		if d.ItalicAngle != 0 {
			d.Flags |= 64
		}
		if binary.BigEndian.Uint32(post[12:]) != 0 {
			d.Flags |= 1 // fixed pitch
		}
	}
	if os2 := tables["OS/2"]; len(os2) >= 90 {
		weight := float64(binary.BigEndian.Uint16(os2[4:]))
		d.StemV = 50 + int(math.Pow(weight/65, 2))
		if binary.BigEndian.Uint16(os2) >= 2 {
			d.CapHeight = fu(os2, 88)
		}
	}
	d.MissingWidth = int(math.Round(scale * float64(advance(0))))
	set := func(r, gid int) {
		if r <= 0 || r >= 1<<16 || gid == 0 || r == 0xffff {
			return
		}
		w := int(math.Round(scale * float64(advance(gid))))
		if w >= 65535 {
			w = 65534
		}
		m.w[r] = uint16(w)
		m.has[r>>6] |= 1 << (r & 63)
	}
	if err := truetype.Chars(cmap, set); err != nil {
		return nil, err
	}
	// fpdf counts a glyph of no advance as present and drawn with no
	// width; so do we (m.w stays 0).
	// A white square, the usual sign of a character that cannot be
	// shown (Liberation has no U+FFFD).
	m.replacement = '?'
	if m.hasGlyph(0x25a1) {
		m.replacement = 0x25a1
	}
	return m, nil
}
