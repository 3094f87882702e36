package pdf

import (
	"bytes"
	"testing"

	"github.com/go-pdf/fpdf"
)

func TestStripHints(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for f := face(0); f < numFaces; f++ {
		p := ms[f].enc.pages[0]
		sub := fpdf.UTF8CutFont(faces[f].ttf, string(p.runes))
		small, err := stripHints(sub)
		if err != nil {
			t.Fatalf("face %d: %v", f, err)
		}
		if len(small) > len(sub)*3/4 {
			t.Errorf("face %d: %d bytes without hints, %d with", f, len(small), len(sub))
		}
		for _, tag := range []string{"fpgm", "prep", "cvt "} {
			if bytes.Contains(small[:12+16*int(small[5])], []byte(tag)) {
				t.Errorf("face %d: table %q kept", f, tag)
			}
		}
		// The same characters, the same widths.
		a, err := readMetrics(sub)
		if err != nil {
			t.Fatal(err)
		}
		b, err := readMetrics(small)
		if err != nil {
			t.Fatalf("face %d: the font without hints does not read: %v", f, err)
		}
		for _, r := range p.runes {
			if !b.hasGlyph(r) || a.w[r] != b.w[r] || b.w[r] != ms[f].w[r] {
				t.Errorf("face %d: %q is %v/%d without hints, %v/%d with", f, r, b.hasGlyph(r), b.w[r], a.hasGlyph(r), a.w[r])
			}
		}
		if checksum(small) != 0xB1B0AFBA {
			t.Errorf("face %d: whole-font checksum %#x, want 0xB1B0AFBA", f, checksum(small))
		}
	}
	if _, err := stripHints([]byte("not a font")); err == nil {
		t.Error("no error for a file that is not a font")
	}
}
