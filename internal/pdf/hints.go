package pdf

import (
	"encoding/binary"
	"errors"
	"sort"

	"handouts/internal/truetype"
)

// stripHints returns a TrueType font without its hinting: the glyphs'
// instructions and the fpgm, prep, cvt and gasp tables. Hints fit
// outlines to the pixels of a screen; on paper, and in PDF viewers,
// which mostly ignore them, they only make the file larger (about half
// of a subset of Liberation Sans). Errors leave the font to the caller.
func stripHints(ttf []byte) ([]byte, error) {
	be := binary.BigEndian
	tables, err := truetype.Tables(ttf)
	if err != nil {
		return nil, err
	}
	head, maxp, loca, glyf := tables["head"], tables["maxp"], tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || loca == nil || glyf == nil {
		return nil, errors.New("no glyphs")
	}
	count := int(be.Uint16(maxp[4:]))
	long := be.Uint16(head[50:]) == 1
	at := func(i int) int {
		if long {
			return int(be.Uint32(loca[4*i:]))
		}
		return 2 * int(be.Uint16(loca[2*i:]))
	}
	if (long && len(loca) < 4*(count+1)) || (!long && len(loca) < 2*(count+1)) {
		return nil, errors.New("loca too short")
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(count+1))
	for g := 0; g < count; g++ {
		be.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		from, to := at(g), at(g+1)
		if from > to || to > len(glyf) {
			return nil, errors.New("glyph out of range")
		}
		data := glyf[from:to]
		if len(data) >= 10 {
			out, err := stripGlyph(data)
			if err != nil {
				return nil, err
			}
			newGlyf = append(newGlyf, out...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	be.PutUint32(newLoca[4*count:], uint32(len(newGlyf)))

	head = append([]byte(nil), head...)
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1) // long offsets
	tables["head"], tables["loca"], tables["glyf"] = head, newLoca, newGlyf
	for _, t := range []string{"fpgm", "prep", "cvt ", "gasp"} {
		delete(tables, t)
	}
	if len(maxp) >= 28 {
		maxp = append([]byte(nil), maxp...)
		be.PutUint16(maxp[26:], 0) // maxSizeOfInstructions
		tables["maxp"] = maxp
	}

	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	nt := len(tags)
	es := 0
	for 1<<(es+1) <= nt {
		es++
	}
	out := make([]byte, 12+16*nt)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(nt))
	be.PutUint16(out[6:], uint16(16<<es))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*nt-16<<es))
	headAt := 0
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		be.PutUint32(rec[4:], checksum(data))
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		if t == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out, nil
}

// stripGlyph drops one glyph's instructions.
func stripGlyph(g []byte) ([]byte, error) {
	be := binary.BigEndian
	contours := int(int16(be.Uint16(g)))
	if contours >= 0 {
		ins := 10 + 2*contours
		if ins+2 > len(g) {
			return nil, errors.New("simple glyph cut short")
		}
		skip := int(be.Uint16(g[ins:]))
		if ins+2+skip > len(g) {
			return nil, errors.New("glyph instructions out of range")
		}
		out := make([]byte, 0, len(g)-skip)
		out = append(out, g[:ins]...)
		out = append(out, 0, 0)
		return append(out, g[ins+2+skip:]...), nil
	}
	// A composite: clear "we have instructions" and cut them off the end.
	out := append([]byte(nil), g...)
	p := 10
	for {
		if p+4 > len(out) {
			return nil, errors.New("composite glyph cut short")
		}
		flags := be.Uint16(out[p:])
		be.PutUint16(out[p:], flags&^0x100)
		p += 4
		if flags&1 != 0 { // arguments are words
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x08 != 0: // a scale
			p += 2
		case flags&0x40 != 0: // x and y scales
			p += 4
		case flags&0x80 != 0: // a two by two
			p += 8
		}
		if flags&0x20 == 0 { // no more components
			break
		}
	}
	if p > len(out) {
		return nil, errors.New("composite glyph cut short")
	}
	return out[:p], nil
}

// checksum is the TrueType table checksum: the sum of its big-endian
// 32-bit words, the last padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
