package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

	if *update {
		os.RemoveAll("fontpages")
		if err := os.MkdirAll("fontpages", 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join("fontpages", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := pregenFS.ReadDir("fontpages")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name()] = true
		got, err := pregenFS.ReadFile("fontpages/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[e.Name()]; !ok {
			t.Errorf("fontpages/%s: not a page made ahead of time; run go generate ./internal/pdf", e.Name())
		} else if !bytes.Equal(got, w) {
			t.Errorf("fontpages/%s is stale (%d bytes, now %d); run go generate ./internal/pdf", e.Name(), len(got), len(w))
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("fontpages/%s missing; run go generate ./internal/pdf", name)
		}
	}
	// And the build uses them: every pregenerated page is found.
	for _, pf := range pregeneratedFaces() {
		if z, _ := pregenerated(family(pf.face, 0)); z == nil {
			t.Errorf("page %s made ahead of time is not used", family(pf.face, 0))
		}
	}
}
