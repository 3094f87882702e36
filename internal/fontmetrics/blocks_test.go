package fontmetrics

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The widths are kept by blocks of 256 characters. Every character of
// the plane measures what another reader of the font (x/image's sfnt)
// says: its glyph's advance, or the .notdef glyph's for one the font
// lacks; and only the blocks the font has characters in are made.
func TestWidthsByBlock(t *testing.T) {
	for f := Sans; f < numFaces; f++ {
		fnt, err := sfnt.Parse(ttfs[f])
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		upem := fnt.UnitsPerEm()
		advance := func(g sfnt.GlyphIndex) float32 {
			a, err := fnt.GlyphAdvance(&buf, g, fixed.I(int(upem)), font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			return float32(a.Round()) / float32(upem)
		}
		notdef := advance(0)
		bad := 0
		for r := rune(0); r < 0xffff; r++ {
			if !utf8.ValidRune(r) {
				continue
			}
			want := notdef
			if g, err := fnt.GlyphIndex(&buf, r); err == nil && g != 0 {
				want = advance(g)
			}
			if got := Width(f, string(r), 1); float32(got) != want && bad < 5 {
				bad++
				t.Errorf("face %d: width of U+%04X = %v em, sfnt says %v", f, r, got, want)
			}
		}
		w, err := load(f)
		if err != nil {
			t.Fatal(err)
		}
		made := 0
		for _, b := range w.blocks {
			if b != nil {
				made++
			}
		}
		if made == 0 || made > 64 {
			t.Errorf("face %d: %d blocks of widths made; want the few the font has characters in", f, made)
		}
	}
}
