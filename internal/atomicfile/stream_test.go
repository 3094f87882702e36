package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateCommitAndAbort(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	left := func() []string {
		var names []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}

	w, err := Create(p, Options{Sync: true})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("new "))
	w.Write([]byte("bytes"))
	if b, _ := os.ReadFile(p); string(b) != "old" {
		t.Errorf("before Commit the file holds %q", b)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new bytes" {
		t.Errorf("after Commit the file holds %q", b)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}

	w, _ = Create(p, Options{})
	w.Write([]byte("abandoned"))
	w.Abort()
	if b, _ := os.ReadFile(p); string(b) != "new bytes" {
		t.Errorf("after Abort the file holds %q", b)
	}

	stop := errors.New("stop")
	w, _ = Create(p, Options{BeforeRename: func() error { return stop }})
	w.Write([]byte("refused"))
	if err := w.Commit(); !errors.Is(err, stop) {
		t.Errorf("Commit = %v; want the error of BeforeRename", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "new bytes" {
		t.Errorf("after a refused rename the file holds %q", b)
	}
	if names := left(); len(names) != 1 {
		t.Errorf("files left: %v", names)
	}
}
