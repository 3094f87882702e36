package pdf

import (
	"slices"
	"testing"
)

// TestEncodingPlacesEveryGlyph checks placeChars and the pages layOut
// makes from it against the plainest reading of their rule, walking the
// whole plane: page 0 is Windows-1252; every other character the face has (not dropped by clean) follows in
// code-point order, 224 to a page from code 32, named uniXXXX in the
// page's Differences.
func TestEncodingPlacesEveryGlyph(t *testing.T) {
	th := &Theme{}
	th.Fonts.Text = FamilySerif
	serif, err := themeFonts(th)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	all := append(ms[:], serif.m[sans:sansBoldItalic+1]...)
	for i, m := range all {
		e := m.enc
		var rest []rune
		for r := rune(0x20); r < 1<<16; r++ {
			if m.hasGlyph(r) && !invisible(r) && !slices.Contains(e.page(0).runes, r) {
				rest = append(rest, r)
			}
		}
		var got []rune
		for pi := range len(e.pages) - 1 {
			p := e.page(pi + 1)
			got = append(got, p.runes...)
			want := "32"
			for j, r := range p.runes {
				if p.codes[j] != byte(32+j) {
					t.Fatalf("face %d page %d: U+%04X has code %d, want %d", i, pi+1, r, p.codes[j], 32+j)
				}
				if e.place(r) != uint16(pi+1)<<8|uint16(32+j) {
					t.Fatalf("face %d: U+%04X placed at %#x, want page %d code %d", i, r, e.place(r), pi+1, 32+j)
				}
				want += " /uni" + hex4(r)
			}
			if got := differences(p.runes); got != want {
				t.Errorf("face %d page %d: Differences %.60q…, want %.60q…", i, pi+1, got, want)
			}
			if len(p.runes) != 224 && pi+2 < len(e.pages) {
				t.Errorf("face %d page %d holds %d characters; only the last may hold fewer than 224", i, pi+1, len(p.runes))
			}
		}
		if !slices.Equal(got, rest) {
			t.Errorf("face %d: pages 1 on hold %d characters, want %d in code-point order", i, len(got), len(rest))
		}
		if len(rest) < 1000 {
			t.Errorf("face %d: only %d characters beyond Windows-1252", i, len(rest))
		}
	}
}

func hex4(r rune) string {
	const digits = "0123456789ABCDEF"
	return string([]byte{digits[r>>12&15], digits[r>>8&15], digits[r>>4&15], digits[r&15]})
}
