package pdf

import (
	"bytes"
	"testing"

	"handouts/internal/gentest"
)

// TestPregeneratedCMaps checks that every ToUnicode map made ahead of
// time in fontcmaps/ is what toUnicode makes now for page 0 of its face,
// that there is one for every face of ours and no other file, and that
// a page's objects use them. With -update (or go generate) it
// writes them.
func TestPregeneratedCMaps(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for f := sans; f < numFaces; f++ {
		// A page of its own, so the map is made here, not taken from
		// what a handout may have made already.
		p0 := ms[f].enc.page(0)
		p := &fontPage{runes: p0.runes, codes: p0.codes, diff: p0.diff}
		want[family(f, 0)+".cmap"] = p.toUnicode()
	}
	gentest.Dir(t, cmapFS, "fontcmaps", want, *update, "go generate ./internal/pdf")
	if *update {
		return
	}
	// And the writer uses them: page 0 of every face is given the map
	// made ahead of time, and never makes its own.
	for f := sans; f < numFaces; f++ {
		got := ms[f].enc.page(0).load(f, 0, ms[f]).cmap
		if w := want[family(f, 0)+".cmap"]; len(w) == 0 || !bytes.Equal(got, w) {
			t.Errorf("face %d: page 0's ToUnicode map has %d bytes, not the %d made ahead of time", f, len(got), len(w))
		}
		if ms[f].enc.page(0).cmap != nil {
			t.Errorf("face %d: page 0 made its own ToUnicode map", f)
		}
	}
}
