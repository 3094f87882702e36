package pdf

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"testing"

	"handouts/internal/gentest"
)

//go:embed fontmetrics
var pregenMetricsFS embed.FS

// TestPregeneratedMetrics checks that the metrics made ahead of time in
// fontmetrics/ are what readTables, placeChars and encodeFace make now
// from the embedded fonts, for every face and no other, and that the
// faces' metrics are read from them, where they lie. With -update (or
// go generate) it writes them.
func TestPregeneratedMetrics(t *testing.T) {
	all := append(faces[:], serifFaces[:]...)
	var data bytes.Buffer
	var index bytes.Buffer
	for i, fi := range all {
		tb, err := readTables(fi.ttf)
		if err != nil {
			t.Fatal(err)
		}
		b := encodeFace(tb, placeChars(tb))
		fmt.Fprintf(&index, "%s %d %d\n", faceName(face(i)), data.Len(), len(b))
		data.Write(b)
	}
	want := map[string][]byte{"faces.bin": data.Bytes(), "index.txt": index.Bytes()}
	gentest.Dir(t, pregenMetricsFS, "fontmetrics", want, *update, "go generate ./internal/pdf")
	if *update {
		return
	}
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	serif, err := serifFaceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range append(ms[:], serif[:]...) {
		b := pregeneratedMetrics(face(i))
		if b == nil {
			t.Fatalf("face %d: no metrics made ahead of time", i)
		}
		if &m.has[0] != &b[faceHeader] {
			t.Errorf("face %d: metrics not read where they lie", i)
		}
		// The same as read from the font now, pages and all.
		fresh, err := readMetrics(all[i].ttf)
		if err != nil {
			t.Fatal(err)
		}
		if !sameMetrics(fresh, m) {
			t.Errorf("face %d: metrics made ahead of time differ from the font's", i)
		}
	}
	if pregeneratedMetrics(numFaces+face(len(serifFaces))) != nil {
		t.Error("metrics for a face that does not exist")
	}
}

// TestDecodeFaceRejectsDamage checks that data of the wrong length or
// with a block beyond those there is refused, not read out of bounds.
func TestDecodeFaceRejectsDamage(t *testing.T) {
	good := pregeneratedMetrics(sans)
	if _, err := decodeFace(good); err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)-1],
		"longer":    append(bytes.Clone(good), 0),
		"bad block": func() []byte {
			b := bytes.Clone(good)
			b[faceHeader+hasSize+0x20] = 255
			return b
		}(),
	} {
		if _, err := decodeFace(b); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}

// sameMetrics compares what metrics are made of, not what their pages
// have made since.
func sameMetrics(a, b *metrics) bool {
	if len(a.enc.pages) != len(b.enc.pages) {
		return false
	}
	for i := range a.enc.pages {
		p, q := a.enc.page(i), b.enc.page(i)
		if !slices.Equal(p.runes, q.runes) || !bytes.Equal(p.codes, q.codes) {
			return false
		}
	}
	for r := range rune(1 << 16) {
		if a.adv(r) != b.adv(r) || a.enc.place(r) != b.enc.place(r) {
			return false
		}
	}
	return *a.has == *b.has && *a.w.index == *b.w.index && *a.enc.at.index == *b.enc.at.index &&
		a.ascent == b.ascent && a.descent == b.descent && a.desc == b.desc && a.replacement == b.replacement
}

// readMetrics reads the metrics of a TrueType font, as the data made
// ahead of time holds them.
func readMetrics(ttf []byte) (*metrics, error) {
	t, err := readTables(ttf)
	if err != nil {
		return nil, err
	}
	return decodeFace(encodeFace(t, placeChars(t)))
}
