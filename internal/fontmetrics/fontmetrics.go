// Package fontmetrics measures text in Liberation Sans, which the handouts
// are set in (metric-compatible with Arial), from
// the advance widths in the embedded TrueType files, so that a writer can
// size a table's columns to what its text really needs rather than to a
// count of characters.
package fontmetrics

import (
	"errors"
	"sync"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"

	"handouts/internal/truetype"
)

// Face is one of the faces measured: those the Word writer sizes table
// columns with.
type Face uint8

const (
	Sans Face = iota
	SansBold
	numFaces
)

var ttfs = [numFaces][]byte{
	Sans:     liberationsansregular.TTF,
	SansBold: liberationsansbold.TTF,
}

// widths are a face's advance widths in ems, by character of the Basic
// Multilingual Plane; a character the font lacks has its .notdef width.
// They are kept by blocks of 256 characters, only for the blocks the
// font has characters in (a few dozen of the 256): a whole table of the
// plane was a quarter of a megabyte a face to fill in every process.
type widths struct {
	blocks [256]*[256]float32
	notdef float32
}

// of returns the width of character r of the BMP.
func (w *widths) of(r rune) float32 {
	if b := w.blocks[r>>8&255]; b != nil {
		return b[r&255]
	}
	return w.notdef
}

// set records the width of character c of the BMP.
func (w *widths) set(c int, v float32) {
	b := w.blocks[c>>8&255]
	if b == nil {
		b = new([256]float32)
		for i := range b {
			b[i] = w.notdef
		}
		w.blocks[c>>8&255] = b
	}
	b[c&255] = v
}

var (
	once [numFaces]sync.Once
	all  [numFaces]*widths
	errs [numFaces]error
)

func load(f Face) (*widths, error) {
	if f >= numFaces {
		f = Sans
	}
	once[f].Do(func() { all[f], errs[f] = read(ttfs[f]) })
	return all[f], errs[f]
}

// Width returns the advance width of s set in face f at size points, in
// points. The embedded fonts are part of the program: a font that does not
// read is a broken build, and panics.
func Width(f Face, s string, size float64) float64 {
	w, err := load(f)
	if err != nil {
		panic("fontmetrics: " + err.Error())
	}
	total := 0.0
	for _, r := range s {
		if r >= 0 && r < 1<<16 {
			total += float64(w.of(r))
		} else {
			total += float64(w.notdef)
		}
	}
	return total * size
}

// read reads the advance width of every character from a TrueType file's
// head, hhea, hmtx and cmap (format 4, Windows Unicode) tables.
func read(ttf []byte) (*widths, error) {
	tables, err := truetype.Tables(ttf)
	if err != nil {
		return nil, err
	}
	cmap := tables["cmap"]
	if cmap == nil {
		return nil, errors.New("missing cmap")
	}
	adv, err := truetype.ReadAdvances(tables)
	if err != nil {
		return nil, err
	}
	upem := float32(adv.UnitsPerEm)
	advance := func(glyph int) float32 { return float32(adv.Of(glyph)) / upem }
	w := &widths{notdef: advance(0)}
	mapped := false
	err = truetype.Chars(cmap, func(c, glyph int) {
		w.set(c, advance(glyph))
		mapped = true
	})
	if err != nil {
		return nil, err
	}
	if !mapped {
		return nil, errors.New("no characters mapped")
	}
	return w, nil
}
