package pdf

import (
	"fmt"
	"strings"
	"testing"

	"handouts/internal/gentest"
)

// TestPregeneratedFontPages checks that every page made ahead of time in
// fontpages/ is what cutPage makes now from the embedded fonts, with the
// size recorded, and that no other file is there. With -update (or go
// generate) it writes them.
func TestPregeneratedFontPages(t *testing.T) {
	if _, err := faceMetrics(); err != nil {
		t.Fatal(err)
	}
	th := &Theme{}
	th.Fonts.Text = FamilySerif
	serif, err := themeFonts(th)
	if err != nil {
		t.Fatal(err)
	}
	metricsOf := func(f face) *metrics {
		if f >= numFaces {
			return serif.m[f-numFaces]
		}
		return allMetrics[f]
	}
	var sizes strings.Builder
	want := map[string][]byte{}
	for _, pf := range pregeneratedFaces() {
		name := family(pf.face, 0)
		z, size := cutPage(pf.ttf, metricsOf(pf.face).enc.pages[0].runes)
		want[name+".z"] = z
		fmt.Fprintf(&sizes, "%s %d\n", name, size)
	}
	want["sizes.txt"] = []byte(sizes.String())

	gentest.Dir(t, pregenFS, "fontpages", want, *update, "go generate ./internal/pdf")
	if *update {
		return
	}
	// And the build uses them: every pregenerated page is found.
	for _, pf := range pregeneratedFaces() {
		if z, _ := pregenerated(family(pf.face, 0)); z == nil {
			t.Errorf("page %s made ahead of time is not used", family(pf.face, 0))
		}
	}
}
