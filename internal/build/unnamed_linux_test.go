package build

import (
	"context"
	"strings"
	"testing"

	"handouts/internal/build/buildtest"
)

// A handout that does not exist yet is staged without a name and linked
// into place: while a cold build renames, the folder holds no temporary
// file. A handout replaced is staged under a temporary name, as before.
func TestNewHandoutsAreStagedUnnamed(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	var seen [][]string
	beforeRename = func(context.Context, string) error {
		seen = append(seen, buildtest.TempNames(t, "out"))
		return nil
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md built"})
	for i, names := range seen {
		if len(names) != 0 {
			t.Errorf("cold build, rename %d: temporary files %v", i, names)
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d renames, not 4", len(seen))
	}
	buildtest.CheckConsistent(t, "out")

	write(t, "sources/a.md", "alpha 2")
	seen = nil
	res = run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md unchanged"})
	if len(seen) != 2 || len(seen[0]) != 2 {
		t.Errorf("replacing build: temporary files at each rename %v, want a.docx's and a.pdf's at the first", seen)
	}
	if left := buildtest.TempNames(t, "out"); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if got := tree(t, "out")["a.docx"]; !strings.Contains(got, "alpha 2") {
		t.Errorf("a.docx: %q", got)
	}
	buildtest.CheckConsistent(t, "out")
}
