package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestPregeneratedCMaps checks that every ToUnicode map made ahead of
// time in fontcmaps/ is what toUnicode makes now for page 0 of its face,
// that there is one for every face toUnicodeOf serves and no other file,
// and that toUnicodeOf uses them. With -update (or go generate) it
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
		p0 := ms[f].enc.pages[0]
		p := &fontPage{runes: p0.runes, codes: p0.codes, diff: p0.diff}
		want[family(f, 0)+".cmap"] = p.toUnicode()
	}
	if *update {
		os.RemoveAll("fontcmaps")
		if err := os.MkdirAll("fontcmaps", 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join("fontcmaps", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := cmapFS.ReadDir("fontcmaps")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name()] = true
		got, err := cmapFS.ReadFile("fontcmaps/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[e.Name()]; !ok {
			t.Errorf("fontcmaps/%s: not a map made ahead of time; run go generate ./internal/pdf", e.Name())
		} else if !bytes.Equal(got, w) {
			t.Errorf("fontcmaps/%s is stale (%d bytes, now %d); run go generate ./internal/pdf", e.Name(), len(got), len(w))
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("fontcmaps/%s missing; run go generate ./internal/pdf", name)
		}
	}
	// And the writer uses them: page 0 of every face is given the map
	// made ahead of time, and never makes its own.
	for f := sans; f < numFaces; f++ {
		font := []byte("<</Type /Font /BaseFont /HO" + string(rune('A'+f)) + "AAA+" + psNames[f] + ">>")
		got := toUnicodeOf(font)
		if w := want[family(f, 0)+".cmap"]; len(w) == 0 || !bytes.Equal(got, w) {
			t.Errorf("face %d: toUnicodeOf gives %d bytes, not the %d made ahead of time", f, len(got), len(w))
		}
		if ms[f].enc.pages[0].cmap != nil {
			t.Errorf("face %d: page 0 made its own ToUnicode map", f)
		}
	}
}
