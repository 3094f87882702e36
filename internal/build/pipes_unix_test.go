//go:build unix

package build

import (
	"os"
	"syscall"
	"testing"

	"handouts/internal/build/buildtest"
	"handouts/internal/manifest"
)

// TestPipesInOutputFolder: a named pipe where the build reads its own
// files back (the manifest, SHA256SUMS) is never waited on: the build
// finishes and puts a regular file in its place. A regression shows as
// the test binary's time limit.
func TestPipesInOutputFolder(t *testing.T) {
	for _, c := range []struct {
		name  string
		diags []string
	}{
		{manifest.FileName, []string{"out/" + manifest.FileName + ": warning: cannot be read (not a regular file); handouts it recorded are treated as not made by handouts"}},
		{SumsName, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			fakes(t)
			project(t, map[string]string{"sources/a.md": "alpha"})
			if err := os.MkdirAll("out", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo("out/"+c.name, 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			res := run(t, Options{})
			equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
			var got []string
			for _, d := range res.Diags {
				got = append(got, d.String())
			}
			equal(t, "diagnostics", got, c.diags)
			if st, err := os.Lstat("out/" + c.name); err != nil || !st.Mode().IsRegular() {
				t.Errorf("out/%s after the build: %v, %v; want a regular file", c.name, st, err)
			}
			buildtest.CheckConsistent(t, "out")
		})
	}
}
