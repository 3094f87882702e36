package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// names lists the files in dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// A staged file leaves its target as it was until it is committed after
// the flush; then the target is the new file, and nothing else is left.
func TestStageFlushCommit(t *testing.T) {
	dir := t.TempDir()
	f, err := NewFlusher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, b := filepath.Join(dir, "a.pdf"), filepath.Join(dir, "b.pdf")
	if err := os.WriteFile(a, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	var staged []*Staged
	for _, p := range []string{a, b} {
		s, err := Stage(p, []byte("new "+filepath.Base(p)), Options{Sync: true, Perm: 0o640})
		if err != nil {
			t.Fatal(err)
		}
		if s.Path() != p {
			t.Errorf("Path() = %q, want %q", s.Path(), p)
		}
		staged = append(staged, s)
	}
	if got, _ := os.ReadFile(a); string(got) != "old" {
		t.Errorf("staging changed the target: %q", got)
	}
	if _, err := os.Lstat(b); !os.IsNotExist(err) {
		t.Errorf("a staged file is in place before its commit: %v", err)
	}
	if n := names(t, dir); len(n) != 3 {
		t.Errorf("files while staged: %v", n)
	}
	if err := f.Flush(staged); err != nil {
		t.Fatal(err)
	}
	for _, s := range staged {
		if err := s.Commit(nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []string{a, b} {
		got, _ := os.ReadFile(p)
		st, _ := os.Stat(p)
		if string(got) != "new "+filepath.Base(p) || st.Mode().Perm() != 0o640 {
			t.Errorf("%s: %q, mode %v", p, got, st.Mode())
		}
	}
	if n := names(t, dir); !slices.Equal(n, []string{"a.pdf", "b.pdf"}) {
		t.Errorf("files left: %v", n)
	}
}

// A commit refused by beforeRename, or abandoned, leaves the target as it
// was and no temporary file.
func TestStagedAbandoned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.docx")
	os.WriteFile(p, []byte("old"), 0o644)
	stop := errors.New("stopped")
	s, err := Stage(p, []byte("new"), Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(func() error { return stop }); !errors.Is(err, stop) {
		t.Errorf("Commit: %v", err)
	}
	s, err = Stage(p, []byte("newer"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Abandon()
	if got, _ := os.ReadFile(p); string(got) != "old" {
		t.Errorf("target changed: %q", got)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"a.docx"}) {
		t.Errorf("files left: %v", n)
	}
}

// Errors name the target, never the temporary file.
func TestStageErrorNamesTheTarget(t *testing.T) {
	dir := t.TempDir()
	_, err := Stage(filepath.Join(dir, "missing", "a.pdf"), []byte("x"), Options{Sync: true})
	if err == nil || strings.Contains(err.Error(), TempPrefix) || !strings.Contains(err.Error(), "a.pdf") {
		t.Errorf("err = %v", err)
	}
	target := filepath.Join(dir, "b.pdf")
	os.Mkdir(target, 0o755)
	s, err := Stage(target, []byte("x"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(nil); err == nil || !strings.HasPrefix(err.Error(), "rename "+target+":") {
		t.Errorf("err = %v", err)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"b.pdf"}) {
		t.Errorf("files left: %v", n)
	}
}

func TestFlusherOfAMissingFolder(t *testing.T) {
	f, err := NewFlusher(filepath.Join(t.TempDir(), "missing"))
	if flushesFileSystem && err == nil {
		t.Error("no error for a missing folder")
	}
	if err == nil {
		if err := f.Flush(nil); err != nil {
			t.Errorf("Flush: %v", err)
		}
		f.Close()
	}
}

// A batch larger than smallBatch is flushed with the file system, a
// smaller one file by file: both leave every file in place.
func TestFlushBatchSizes(t *testing.T) {
	for _, n := range []int{1, smallBatch, smallBatch + 5} {
		dir := t.TempDir()
		f, err := NewFlusher(dir)
		if err != nil {
			t.Fatal(err)
		}
		var batch []*Staged
		var want []string
		for i := range n {
			name := fmt.Sprintf("h%02d.pdf", i)
			s, err := Stage(filepath.Join(dir, name), []byte(name), Options{Sync: true})
			if err != nil {
				t.Fatal(err)
			}
			batch, want = append(batch, s), append(want, name)
		}
		if err := f.Flush(batch); err != nil {
			t.Fatalf("%d files: %v", n, err)
		}
		for _, s := range batch {
			if err := s.Commit(nil); err != nil {
				t.Fatal(err)
			}
		}
		f.Close()
		if got := names(t, dir); !slices.Equal(got, want) {
			t.Errorf("%d files: %v", n, got)
		}
		for _, name := range want {
			if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != name {
				t.Errorf("%s: %q", name, b)
			}
		}
	}
}

// A staged file removed before its flush is an error of that flush,
// naming the target.
func TestFlushOfAVanishedFile(t *testing.T) {
	dir := t.TempDir()
	f, err := NewFlusher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Stage(filepath.Join(dir, "a.pdf"), []byte("x"), Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Abandon()
	err = f.Flush([]*Staged{s})
	if flushesFileSystem && (err == nil || !strings.Contains(err.Error(), "a.pdf")) {
		t.Errorf("err = %v", err)
	}
}

// A small batch is flushed file by file, all at once; the error reported
// is that of the first file in the batch that could not be flushed.
func TestSmallBatchReportsItsFirstError(t *testing.T) {
	dir := t.TempDir()
	f, err := NewFlusher(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var batch []*Staged
	for _, name := range []string{"a.pdf", "b.pdf", "c.pdf", "d.pdf"} {
		s, err := Stage(filepath.Join(dir, name), []byte(name), Options{Sync: true})
		if err != nil {
			t.Fatal(err)
		}
		batch = append(batch, s)
	}
	batch[3].Abandon()
	batch[1].Abandon()
	err = f.Flush(batch)
	if flushesFileSystem && (err == nil || !strings.Contains(err.Error(), "b.pdf")) {
		t.Errorf("err = %v, want b.pdf's", err)
	}
	batch[0].Abandon()
	batch[2].Abandon()
}
