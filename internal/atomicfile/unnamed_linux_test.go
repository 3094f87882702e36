package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// stageNew stages data for path with New, failing the test on error.
func stageNew(t *testing.T, path, data string) *Staged {
	t.Helper()
	s, err := Stage(path, []byte(data), Options{Sync: true, New: true, Perm: 0o640})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// flushCommit flushes and commits staged files of dir, as a build does.
func flushCommit(t *testing.T, dir string, staged ...*Staged) {
	t.Helper()
	f, err := NewFlusher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Flush(staged); err != nil {
		t.Fatal(err)
	}
	for _, s := range staged {
		if err := s.Commit(nil); err != nil {
			t.Fatal(err)
		}
	}
}

// checkFile checks that path holds data with mode 0o640.
func checkFile(t *testing.T, path, data string) {
	t.Helper()
	b, err := os.ReadFile(path)
	st, _ := os.Stat(path)
	if err != nil || string(b) != data || st.Mode().Perm() != 0o640 {
		t.Errorf("%s: %q, %v, %v", path, b, st, err)
	}
}

// A new file is staged with no name at all: nothing is in the folder
// until it is committed, then the file alone, with its mode.
func TestStageNewIsUnnamedUntilCommitted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	s := stageNew(t, p, "new a")
	if s.f == nil {
		t.Fatal("not staged unnamed")
	}
	if n := names(t, dir); len(n) != 0 {
		t.Errorf("files while staged: %v", n)
	}
	flushCommit(t, dir, s)
	checkFile(t, p, "new a")
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf"}) {
		t.Errorf("files left: %v", n)
	}
	if k := unnamedOpen.Load(); k != 0 {
		t.Errorf("%d unnamed files still open", k)
	}
}

// A file that appears at the target while a new one is staged is
// replaced, as a rename would have, and no temporary name is left.
func TestStageNewReplacesAFileThatAppeared(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	s := stageNew(t, p, "new a")
	os.WriteFile(p, []byte("appeared"), 0o644)
	flushCommit(t, dir, s)
	checkFile(t, p, "new a")
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf"}) {
		t.Errorf("files left: %v", n)
	}
}

// A folder at the target is not replaced: the error names the target and
// nothing is left.
func TestStageNewOverAFolder(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	s := stageNew(t, p, "new a")
	os.Mkdir(p, 0o755)
	if err := s.Commit(nil); err == nil || !strings.HasPrefix(err.Error(), "rename "+p+":") {
		t.Errorf("err = %v", err)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf"}) {
		t.Errorf("files left: %v", n)
	}
	if k := unnamedOpen.Load(); k != 0 {
		t.Errorf("%d unnamed files still open", k)
	}
}

// Abandoned, or refused by beforeRename, an unnamed file leaves nothing.
func TestStageNewAbandoned(t *testing.T) {
	dir := t.TempDir()
	stop := errors.New("stopped")
	s := stageNew(t, filepath.Join(dir, "a.pdf"), "a")
	if err := s.Commit(func() error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Commit: %v", err)
	}
	stageNew(t, filepath.Join(dir, "b.pdf"), "b").Abandon()
	if n := names(t, dir); len(n) != 0 {
		t.Errorf("files left: %v", n)
	}
	if k := unnamedOpen.Load(); k != 0 {
		t.Errorf("%d unnamed files still open", k)
	}
}

// Where the file system has no unnamed files, a named temporary file is
// staged instead.
func TestStageNewWithoutUnnamedFiles(t *testing.T) {
	old := openUnnamed
	t.Cleanup(func() { openUnnamed = old })
	openUnnamed = func(string) (*os.File, error) { return nil, syscall.EOPNOTSUPP }
	dir := t.TempDir()
	p := filepath.Join(dir, "a.pdf")
	s := stageNew(t, p, "new a")
	if n := names(t, dir); len(n) != 1 || !strings.HasPrefix(n[0], TempPrefix+"a.pdf-") {
		t.Errorf("files while staged: %v", n)
	}
	flushCommit(t, dir, s)
	checkFile(t, p, "new a")
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf"}) {
		t.Errorf("files left: %v", n)
	}
}

// With maxUnnamed files open, the next is staged named; one committed
// makes room again.
func TestStageNewBoundsOpenFiles(t *testing.T) {
	old := maxUnnamed
	t.Cleanup(func() { maxUnnamed = old })
	maxUnnamed = 1
	dir := t.TempDir()
	a := stageNew(t, filepath.Join(dir, "a.pdf"), "a")
	b := stageNew(t, filepath.Join(dir, "b.pdf"), "b")
	if a.f == nil || b.f != nil {
		t.Errorf("unnamed: a %t, b %t; want a only", a.f != nil, b.f != nil)
	}
	flushCommit(t, dir, a, b)
	c := stageNew(t, filepath.Join(dir, "c.pdf"), "c")
	if c.f == nil {
		t.Error("c is not unnamed once a is committed")
	}
	flushCommit(t, dir, c)
	for _, n := range []string{"a", "b", "c"} {
		checkFile(t, filepath.Join(dir, n+".pdf"), n)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf", "b.pdf", "c.pdf"}) {
		t.Errorf("files left: %v", n)
	}
}

// When the unnamed file cannot be linked (no /proc, say), its bytes are
// copied to a named temporary file, flushed and renamed into place; a
// link that fails only under the target's own name is made under a
// temporary one instead.
func TestStageNewWhenTheLinkFails(t *testing.T) {
	old := linkUnnamed
	t.Cleanup(func() { linkUnnamed = old })
	for _, tc := range []struct {
		name string
		link func(f *os.File, path string) error
	}{
		{"no link at all", func(*os.File, string) error { return syscall.ENOENT }},
		{"only temporary names", func(f *os.File, path string) error {
			if !strings.HasPrefix(filepath.Base(path), TempPrefix) {
				return syscall.EEXIST
			}
			return old(f, path)
		}},
		{"the temporary name fails", func(f *os.File, path string) error {
			if !strings.HasPrefix(filepath.Base(path), TempPrefix) {
				return syscall.EEXIST
			}
			return syscall.EPERM
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			linkUnnamed = tc.link
			dir := t.TempDir()
			p := filepath.Join(dir, "a.pdf")
			data := strings.Repeat("large handout ", 20000)
			flushCommit(t, dir, stageNew(t, p, data))
			checkFile(t, p, data)
			if n := names(t, dir); !slices.Equal(n, []string{"a.pdf"}) {
				t.Errorf("files left: %v", n)
			}
			if k := unnamedOpen.Load(); k != 0 {
				t.Errorf("%d unnamed files still open", k)
			}
		})
	}
}

// A small batch of unnamed files is flushed file by file through the
// open files; a large one with the file system.
func TestFlushUnnamedBatches(t *testing.T) {
	for _, n := range []int{1, smallBatch + 1} {
		dir := t.TempDir()
		var batch []*Staged
		for i := range n {
			batch = append(batch, stageNew(t, filepath.Join(dir, strings.Repeat("h", i+1)+".pdf"), "x"))
		}
		flushCommit(t, dir, batch...)
		if got := names(t, dir); len(got) != n {
			t.Errorf("%d files: %v", n, got)
		}
	}
}

// The unnamed files open at once are at most 256, and at most a quarter
// of the files the process may open.
func TestUnnamedBound(t *testing.T) {
	for _, tc := range []struct {
		openFiles uint64
		want      int64
	}{{0, 0}, {3, 0}, {64, 16}, {1024, 256}, {1 << 20, 256}, {^uint64(0), 256}} {
		if got := unnamedBound(tc.openFiles); got != tc.want {
			t.Errorf("unnamedBound(%d) = %d, want %d", tc.openFiles, got, tc.want)
		}
	}
	if maxUnnamed < 1 {
		t.Errorf("maxUnnamed = %d for this process", maxUnnamed)
	}
}
