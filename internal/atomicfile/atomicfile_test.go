package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesWholeOrNotAtAll(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.docx")
	if err := Write(p, []byte("first"), Options{}); err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stopped")
	err := Write(p, []byte("second"), Options{BeforeRename: func() error { return stop }})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "first" {
		t.Errorf("an abandoned write changed the file: %q", b)
	}
	if err := Write(p, []byte("third"), Options{Sync: true, Perm: 0o600}); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if b, _ := os.ReadFile(p); string(b) != "third" || st.Mode().Perm() != 0o600 {
		t.Errorf("got %q, mode %v", b, st.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestWriteErrorNamesTheTarget(t *testing.T) {
	dir := t.TempDir()
	err := Write(filepath.Join(dir, "missing", "a.pdf"), []byte("x"), Options{})
	if err == nil || strings.Contains(err.Error(), TempPrefix) {
		t.Errorf("err = %v", err)
	}
	// A folder in the way of the rename: the temporary file goes.
	target := filepath.Join(dir, "b.pdf")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "keep"), nil, 0o644)
	err = Write(target, []byte("x"), Options{})
	if err == nil || !strings.HasPrefix(err.Error(), "rename "+target+":") {
		t.Errorf("err = %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
}

func TestRemoveLeftovers(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{TempPrefix + "a.docx-123", "a.docx", ".other"} {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	got, err := RemoveLeftovers(dir)
	if err != nil || len(got) != 1 || got[0] != TempPrefix+"a.docx-123" {
		t.Errorf("removed %v, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left %v", entries)
	}
	if got, err := RemoveLeftovers(filepath.Join(dir, "none")); err != nil || got != nil {
		t.Errorf("missing folder: %v %v", got, err)
	}
}

// A target whose name is as long as a file name may be still gets a
// temporary name within the limit.
func TestLongTargetName(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{strings.Repeat("a", 255), strings.Repeat("é", 127)} {
		p := filepath.Join(dir, name)
		if err := Write(p, []byte("x"), Options{}); err != nil {
			t.Fatalf("%d-byte name: %v", len(name), err)
		}
		if data, err := os.ReadFile(p); err != nil || string(data) != "x" {
			t.Errorf("%d-byte name: %q %v", len(name), data, err)
		}
	}
}
