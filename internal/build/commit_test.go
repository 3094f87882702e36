package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"handouts/internal/atomicfile"
	"handouts/internal/build/buildtest"
)

// A failed flush fails every handout of its batch, with the file system's
// error: none of them is renamed into place, an earlier handout stays
// (and is stale), and no temporary file is left.
func TestFailedFlushFailsItsBatch(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{Paths: []string{"sources/a.md"}})
	write(t, "sources/a.md", "alpha 2")
	flushStaged = func(*atomicfile.Flusher, []*atomicfile.Staged) error {
		return &os.PathError{Op: "sync", Path: "out", Err: syscall.EIO}
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md stale", "sources/b.md failed"})
	for _, it := range res.Items {
		for _, out := range it.Outputs {
			want := out.Path + ": cannot write: input/output error"
			if !strings.Contains(fmt.Sprint(it.Diags), want) {
				t.Errorf("%s: diagnostics %v lack %q", it.Source, it.Diags, want)
			}
		}
	}
	if got := tree(t, "out")["a.docx"]; !strings.Contains(got, "alpha") || strings.Contains(got, "alpha 2") {
		t.Errorf("a.docx is not the earlier handout: %q", got)
	}
	if _, err := os.Lstat("out/b.pdf"); !os.IsNotExist(err) {
		t.Errorf("b.pdf is in place after a failed flush: %v", err)
	}
	left, _ := filepath.Glob("out/" + atomicfile.TempPrefix + "*")
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	buildtest.CheckConsistent(t, "out")

	// With the disk well again, the next build makes them.
	flushStaged = (*atomicfile.Flusher).Flush
	res = run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md built"})
	buildtest.CheckConsistent(t, "out")
}

// More briefings than a batch: every handout is in place, flushed in
// batches, and reported in source order.
func TestManyBatches(t *testing.T) {
	fakes(t)
	files := map[string]string{}
	n := FlushBatch + 7 // two formats each: three flushes
	for i := range n {
		files[fmt.Sprintf("sources/b%03d.md", i)] = fmt.Sprint("briefing ", i)
	}
	project(t, files)
	flushes := 0
	flushStaged = func(f *atomicfile.Flusher, batch []*atomicfile.Staged) error {
		flushes++ // only the committer flushes
		return f.Flush(batch)
	}
	var order []string
	res := run(t, Options{Jobs: 3, Observe: func(ev Event) {
		if ev.Kind == Finished {
			order = append(order, ev.Item.Source)
		}
	}})
	if c := res.Counts(); c.Built != n || !res.OK() {
		t.Fatalf("counts %+v", c)
	}
	for i, s := range order {
		if want := fmt.Sprintf("sources/b%03d.md", i); s != want {
			t.Fatalf("reported %d is %s, want %s", i, s, want)
		}
	}
	if flushes < 2 || flushes > 4 {
		t.Errorf("%d flushes for %d handouts in batches of %d", flushes, 2*n, FlushBatch)
	}
	buildtest.CheckConsistent(t, "out")
}
