package build

import (
	"os"
	"path/filepath"
	"testing"

	"handouts/internal/config"
	"handouts/internal/picture"
	"handouts/internal/picture/picturetest"
)

func testLogo(t *testing.T) *picture.Picture {
	t.Helper()
	p, err := picture.Check("logo.png", picturetest.PNG(30, 10))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A briefing's pictures are inputs of its handouts: changing a picture's
// bytes rebuilds them, and nothing else does.
func TestPicturesAreInputs(t *testing.T) {
	fakes(t)
	project(t, map[string]string{
		"sources/a.md":         "alpha\n\n![A map](images/map.png)\n",
		"sources/b.md":         "beta",
		"sources/images/x.txt": "",
	})
	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), picturetest.PNG(20, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Config: config.Default()}
	run(t, opts)
	res := run(t, opts)
	equal(t, "unchanged", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})

	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), picturetest.PNG(21, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	res = run(t, opts)
	equal(t, "after the picture changed", statuses(res), []string{"sources/a.md built", "sources/b.md unchanged"})
	res = run(t, opts)
	equal(t, "again", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})

	if err := os.Remove(filepath.Join("sources", "images", "map.png")); err != nil {
		t.Fatal(err)
	}
	res = run(t, opts)
	equal(t, "after the picture went", statuses(res), []string{"sources/a.md built", "sources/b.md unchanged"})
}
