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
