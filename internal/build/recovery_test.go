package build

import (
	"context"
	"io"
	"os"
	"strings"
	"testing"

	"handouts/internal/atomicfile"
	"handouts/internal/briefing"
	"handouts/internal/build/buildtest"
)

// A build killed while writing leaves its temporary file behind; the
// next build into the folder removes it (and nothing else).
func TestNextBuildRemovesAKilledBuildsTemporaryFile(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "out/README.md": "mine", "out/handouts-tmp-note.txt": "mine too"})
	planted := "out/" + atomicfile.TempPrefix + "a.pdf-123456"
	write(t, planted, "half a handout")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
	if _, err := os.Stat(planted); !os.IsNotExist(err) {
		t.Errorf("the killed build's temporary file is still there (%v)", err)
	}
	equal(t, "left", names(tree(t, "out")), []string{".handouts-manifest.json", "README.md", "SHA256SUMS", "a.docx", "a.pdf", "handouts-tmp-note.txt"})
	buildtest.CheckConsistent(t, "out")
}

// An interrupted build never prunes: what it did not get to look at may
// be a briefing's handout, and the orphans it did see stay until a
// build that runs to the end.
func TestInterruptedBuildPrunesNothing(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "sources/c.md": "gamma"})
	run(t, Options{})
	os.Remove("sources/c.md") // c's handouts are now orphans
	write(t, "sources/a.md", "alpha 2")
	before := tree(t, "out")

	ctx, cancel := context.WithCancel(context.Background())
	writers = map[string]writeFunc{
		"docx": func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
			cancel() // a signal while the first handout is being made
			return fakeWriter("docx")(w, d, e, s)
		},
		"pdf": fakeWriter("pdf"),
	}
	res, err := Run(ctx, Options{Prune: true, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interrupted {
		t.Fatal("not interrupted")
	}
	for _, o := range res.Orphans {
		if o.Removed {
			t.Errorf("%s removed by an interrupted build", o.Path)
		}
	}
	after := tree(t, "out")
	for name := range before {
		if _, ok := after[name]; !ok {
			t.Errorf("%s is gone after an interrupted --prune build", name)
		}
	}
	for _, name := range []string{"out/c.docx", "out/c.pdf"} {
		if _, err := os.Stat(strings.TrimPrefix(name, "")); err != nil {
			t.Errorf("orphan %s removed: %v", name, err)
		}
	}
	buildtest.CheckConsistent(t, "out")

	// The next, whole build with --prune removes the orphans.
	writers = map[string]writeFunc{"docx": fakeWriter("docx"), "pdf": fakeWriter("pdf")}
	res = run(t, Options{Prune: true})
	if c := res.Counts(); c.Pruned != 1 {
		t.Errorf("counts %+v; want c pruned", c)
	}
}
