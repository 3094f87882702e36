package pdf

import (
	"bytes"
	"encoding/binary"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

func TestStripHints(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for f := face(0); f < numFaces; f++ {
		p := ms[f].enc.page(0)
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
			if !b.hasGlyph(r) || a.adv(r) != b.adv(r) || b.adv(r) != ms[f].adv(r) {
				t.Errorf("face %d: %q is %v/%d without hints, %v/%d with", f, r, b.hasGlyph(r), b.adv(r), a.hasGlyph(r), a.adv(r))
			}
		}
		checkGlyphs(t, small)
		if checksum(small) != 0xB1B0AFBA {
			t.Errorf("face %d: whole-font checksum %#x, want 0xB1B0AFBA", f, checksum(small))
		}
	}
	if _, err := stripHints([]byte("not a font")); err == nil {
		t.Error("no error for a file that is not a font")
	}
}

// checkGlyphs reads every glyph of a TrueType font through its loca
// table and fails on one whose outline data runs past its end, or that
// still has instructions.
func checkGlyphs(t *testing.T, ttf []byte) {
	t.Helper()
	be := binary.BigEndian
	tables := map[string][]byte{}
	for i := 0; i < int(be.Uint16(ttf[4:])); i++ {
		rec := ttf[12+16*i:]
		off, ln := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		tables[string(rec[:4])] = ttf[off : off+ln]
	}
	head, loca, glyf := tables["head"], tables["loca"], tables["glyf"]
	count := int(be.Uint16(tables["maxp"][4:]))
	if be.Uint16(head[50:]) != 1 {
		t.Fatal("loca is not in long form")
	}
	for g := 0; g < count; g++ {
		from, to := be.Uint32(loca[4*g:]), be.Uint32(loca[4*g+4:])
		d := glyf[from:to]
		if len(d) == 0 {
			continue
		}
		n := int(int16(be.Uint16(d)))
		if n < 0 {
			continue // composites: checked by the widths they keep
		}
		p := 10 + 2*n
		points := int(be.Uint16(d[p-2:])) + 1
		if be.Uint16(d[p:]) != 0 {
			t.Errorf("glyph %d keeps instructions", g)
		}
		p += 2
		xs, ys := 0, 0
		for k := 0; k < points; {
			if p >= len(d) {
				t.Fatalf("glyph %d: flags run past its end", g)
			}
			f := d[p]
			p++
			rep := 1
			if f&8 != 0 {
				rep += int(d[p])
				p++
			}
			for ; rep > 0; rep-- {
				switch {
				case f&2 != 0:
					xs++
				case f&16 == 0:
					xs += 2
				}
				switch {
				case f&4 != 0:
					ys++
				case f&32 == 0:
					ys += 2
				}
				k++
			}
		}
		if p+xs+ys > len(d) {
			t.Errorf("glyph %d: %d bytes of points after its flags, %d left", g, xs+ys, len(d)-p)
		}
	}
}
