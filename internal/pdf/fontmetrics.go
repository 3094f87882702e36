package pdf

import (
	_ "embed" // the metrics read ahead of time
	"encoding/binary"
	"errors"
	"math"
)

//go:generate go test -run ^TestPregeneratedMetrics$ -update .

// The metrics of every face (widths, the characters it has, where each
// is embedded) are read ahead of time into fontmetrics/faces.bin, one
// face after another, fontmetrics/index.txt saying where each is
// ("name offset length" a line, named as family names a face's pages,
// less the page). Embedded as a []byte, they are used where they lie:
// reading them from the fonts in every process cost a couple of
// milliseconds, most of it faulting in the pages of the tables made,
// while a handout in English looks at a few blocks of each.
// TestPregeneratedMetrics checks that they are what readMetrics makes
// now, so they cannot go stale (go generate, or the test with -update,
// rewrites them).

//go:embed fontmetrics/faces.bin
var pregenMetrics []byte

//go:embed fontmetrics/index.txt
var pregenMetricsIndex string

// The layout of a face's data: a header of faceHeader bytes (the
// descriptor's eleven numbers as int32, ascent and descent as float64
// bits, the replacement character as uint32, the numbers of blocks and
// of pages as uint16), then has (8 KB), the block index (256 bytes), the widths'
// blocks and the placement's blocks, 512 bytes a block; all little-endian.
const (
	faceHeader = 11*4 + 2*8 + 4 + 4
	hasSize    = 1 << 16 / 8
)

// faceName names face f: its metrics made ahead of time, and its
// pages after it (family).
func faceName(f face) string { return "f" + string(rune('a'+f)) }

// pregeneratedMetrics returns the data made ahead of time for face f
// (numbered as fontSet.use numbers it); nil when there is none. It is
// the embedded bytes themselves: not to be changed.
func pregeneratedMetrics(f face) []byte {
	return indexedPart(pregenMetricsIndex, pregenMetrics, faceName(f))
}

// encodeFace writes a face's tables and placement in the layout above,
// blocks of 256 characters in which the face has none left out.
func encodeFace(t *faceTables, at *[1 << 16]uint16) []byte {
	var index [256]byte
	blocks := 1 // block 0: all zeros
	for hi := range 256 {
		for lo := range 256 {
			r := rune(hi<<8 | lo)
			if t.w[r] != 0 || at[r] != 0 || t.hasGlyph(r) {
				index[hi] = byte(blocks)
				blocks++
				break
			}
		}
		if blocks > 255 {
			panic("pdf: a face with characters in every block of 256") // not one of ours
		}
	}
	b := make([]byte, 0, faceHeader+hasSize+256+2*512*blocks)
	d := t.desc
	for _, v := range []int{d.Ascent, d.Descent, d.CapHeight, d.Flags, d.FontBBox.Xmin, d.FontBBox.Ymin,
		d.FontBBox.Xmax, d.FontBBox.Ymax, d.ItalicAngle, d.StemV, d.MissingWidth} {
		b = binary.LittleEndian.AppendUint32(b, uint32(int32(v)))
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.ascent))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t.descent))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.replacement))
	pages := 0
	for _, a := range at {
		pages = max(pages, int(a>>8)+1)
	}
	b = binary.LittleEndian.AppendUint16(b, uint16(blocks))
	b = binary.LittleEndian.AppendUint16(b, uint16(pages))
	for _, w := range t.has {
		b = binary.LittleEndian.AppendUint64(b, w)
	}
	b = append(b, index[:]...)
	for _, table := range []*[1 << 16]uint16{&t.w, at} {
		b = append(b, make([]byte, 512)...) // block 0
		for hi := range 256 {
			if index[hi] == 0 {
				continue
			}
			for lo := range 256 {
				b = binary.LittleEndian.AppendUint16(b, table[hi<<8|lo])
			}
		}
	}
	return b
}

// errFaceData is the error of data not in the layout above.
var errFaceData = errors.New("metrics made ahead of time are damaged")

// decodeFace reads a face's metrics and encoding from b, which they
// keep using: b must not change.
func decodeFace(b []byte) (*metrics, error) {
	if len(b) < faceHeader+hasSize+256 {
		return nil, errFaceData
	}
	var v [11]int
	for i := range v {
		v[i] = int(int32(binary.LittleEndian.Uint32(b[4*i:])))
	}
	m := &metrics{
		ascent:      math.Float64frombits(binary.LittleEndian.Uint64(b[44:])),
		descent:     math.Float64frombits(binary.LittleEndian.Uint64(b[52:])),
		replacement: rune(binary.LittleEndian.Uint32(b[60:])),
		desc: fontDesc{Ascent: v[0], Descent: v[1], CapHeight: v[2], Flags: v[3],
			FontBBox: fontBox{v[4], v[5], v[6], v[7]}, ItalicAngle: v[8], StemV: v[9], MissingWidth: v[10]},
	}
	blocks := int(binary.LittleEndian.Uint16(b[64:]))
	pages := int(binary.LittleEndian.Uint16(b[66:]))
	rest := b[faceHeader:]
	m.has, rest = (*[hasSize]byte)(rest[:hasSize]), rest[hasSize:]
	index, rest := (*[256]byte)(rest[:256]), rest[256:]
	if blocks < 1 || blocks > 256 || len(rest) != 2*512*blocks || pages < 1 || pages > 256 {
		return nil, errFaceData
	}
	for _, i := range index {
		if int(i) >= blocks {
			return nil, errFaceData
		}
	}
	m.w = newBlockTable(index, rest[:512*blocks])
	m.enc = &encoding{at: newBlockTable(index, rest[512*blocks:]), pages: make([]fontPage, pages)}
	return m, nil
}
