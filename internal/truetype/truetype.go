// Package truetype reads the table directory of a TrueType font, which
// the PDF writer (to embed and slim its fonts) and the text measurer
// (internal/fontmetrics) both start from.
package truetype

import (
	"encoding/binary"
	"errors"
)

// Tables returns the font's tables by tag ("head", "cmap", "OS/2", …),
// each a slice of ttf. It checks that the directory and every table lie
// within the file, and nothing else.
func Tables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errors.New("too short")
	}
	be := binary.BigEndian
	tables := map[string][]byte{}
	n := int(be.Uint16(ttf[4:]))
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errors.New("table directory cut short")
		}
		tag := string(ttf[rec : rec+4])
		off, ln := int(be.Uint32(ttf[rec+8:])), int(be.Uint32(ttf[rec+12:]))
		if off < 0 || ln < 0 || off+ln > len(ttf) {
			return nil, errors.New("table " + tag + " out of range")
		}
		tables[tag] = ttf[off : off+ln]
	}
	return tables, nil
}

// Chars calls fn for each character of the Basic Multilingual Plane that
// the cmap table's Windows Unicode subtable (format 4) maps to a glyph
// other than .notdef, in the subtable's order. The PDF writer and the
// text measurer both take their widths from it.
func Chars(cmap []byte, fn func(c, glyph int)) error {
	be := binary.BigEndian
	if len(cmap) < 4 {
		return errors.New("no Unicode character map")
	}
	var sub []byte
	for i := 0; i < int(be.Uint16(cmap[2:])); i++ {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		if be.Uint16(cmap[rec:]) == 3 && be.Uint16(cmap[rec+2:]) == 1 {
			off := int(be.Uint32(cmap[rec+4:]))
			if off+14 <= len(cmap) && be.Uint16(cmap[off:]) == 4 {
				sub = cmap[off:]
			}
		}
	}
	if sub == nil {
		return errors.New("no Unicode character map")
	}
	segs := int(be.Uint16(sub[6:])) / 2
	ends, starts := 14, 16+2*segs
	deltas, ranges := 16+4*segs, 16+6*segs
	if ranges+2*segs > len(sub) {
		return errors.New("character map cut short")
	}
	for s := 0; s < segs; s++ {
		end, start := int(be.Uint16(sub[ends+2*s:])), int(be.Uint16(sub[starts+2*s:]))
		delta, ro := int(be.Uint16(sub[deltas+2*s:])), int(be.Uint16(sub[ranges+2*s:]))
		for c := start; c <= end && c < 0xFFFF; c++ {
			glyph := 0
			if ro == 0 {
				glyph = (c + delta) & 0xFFFF
			} else if at := ranges + 2*s + ro + 2*(c-start); at+2 <= len(sub) {
				if glyph = int(be.Uint16(sub[at:])); glyph != 0 {
					glyph = (glyph + delta) & 0xFFFF
				}
			}
			if glyph != 0 {
				fn(c, glyph)
			}
		}
	}
	return nil
}

// Advances are a font's horizontal advance widths, in font units, from
// its head, hhea and hmtx tables: what both the PDF writer and the text
// measurer size characters by.
type Advances struct {
	// UnitsPerEm is the font's em, in font units: never 0.
	UnitsPerEm int
	hmtx       []byte
	n          int // the number of advances hmtx holds
}

// ReadAdvances reads the advances of the font whose tables are given
// (as Tables returns them).
func ReadAdvances(tables map[string][]byte) (Advances, error) {
	be := binary.BigEndian
	head, hhea, hmtx := tables["head"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(hhea) < 36 {
		return Advances{}, errors.New("missing a head or hhea table")
	}
	a := Advances{UnitsPerEm: int(be.Uint16(head[18:])), hmtx: hmtx, n: int(be.Uint16(hhea[34:]))}
	if a.UnitsPerEm == 0 {
		return Advances{}, errors.New("units per em is 0")
	}
	if a.n == 0 || 4*a.n > len(hmtx) {
		return Advances{}, errors.New("hmtx table too short")
	}
	return a, nil
}

// Of is the advance of glyph: glyphs beyond those hmtx lists have the
// last advance it gives.
func (a Advances) Of(glyph int) int {
	return int(binary.BigEndian.Uint16(a.hmtx[4*min(glyph, a.n-1):]))
}
