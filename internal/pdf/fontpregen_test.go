package pdf

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"testing"

	"handouts/internal/gentest"
)

//go:embed fontpages
var pregenFS embed.FS

// TestPregeneratedFontPages checks that every page made ahead of time in
// fontpages/ is the font file object of what cutPage makes now from the
// embedded fonts, and that no other file is there. With -update (or go
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
	var files bytes.Buffer
	var index strings.Builder
	for _, pf := range pregeneratedFaces() {
		obj := fontFileObject(cutPage(pf.ttf, metricsOf(pf.face).enc.page(0).runes))
		fmt.Fprintf(&index, "%s %d %d\n", family(pf.face, 0), files.Len(), len(obj))
		files.Write(obj)
	}
	want := map[string][]byte{"files.bin": files.Bytes(), "index.txt": []byte(index.String())}

	gentest.Dir(t, pregenFS, "fontpages", want, *update, "go generate ./internal/pdf")
	if *update {
		return
	}
	// And the build uses them: every pregenerated page is found, and
	// written from the embedded bytes, not a copy.
	for _, pf := range pregeneratedFaces() {
		name := family(pf.face, 0)
		if obj := pregenerated(name); obj == nil {
			t.Errorf("page %s made ahead of time is not used", name)
		}
	}
	m := allMetrics[sans]
	if got, want := m.enc.page(0).load(sans, 0, m).file, pregenerated(family(sans, 0)); len(got) == 0 || &got[0] != &want[0] {
		t.Error("page 0 of the sans face is not written from the embedded bytes")
	}
}
