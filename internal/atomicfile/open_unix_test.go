//go:build unix

package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A temporary name already taken is passed over for another; the file
// made is new, empty, and the owner's alone until it is committed.
func TestCreateTempSkipsATakenName(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "p-7")
	if err := os.WriteFile(taken, []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	draws := []uint32{7, 7, 8}
	t.Cleanup(func() { tempSuffix = defaultSuffix })
	tempSuffix = func() uint32 { d := draws[0]; draws = draws[1:]; return d }
	f, err := createTemp(dir, "p-")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Name() != filepath.Join(dir, "p-8") {
		t.Errorf("name %q", f.Name())
	}
	st, err := f.Stat()
	if err != nil || st.Size() != 0 || st.Mode().Perm() != 0o600 {
		t.Errorf("new file: %v, %v", st, err)
	}
	if b, _ := os.ReadFile(taken); string(b) != "someone else's" {
		t.Errorf("the taken name's file changed: %q", b)
	}
	if _, err := f.Write([]byte("x")); err != nil {
		t.Errorf("write: %v", err)
	}
}

// When every name tried is taken, createTemp gives up with ErrExist
// instead of trying for ever.
func TestCreateTempGivesUp(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "p-1"), nil, 0o644)
	t.Cleanup(func() { tempSuffix = defaultSuffix })
	tries := 0
	tempSuffix = func() uint32 { tries++; return 1 }
	_, err := createTemp(dir, "p-")
	if !errors.Is(err, fs.ErrExist) || tries != maxTries {
		t.Errorf("err %v after %d tries", err, tries)
	}
	if n := names(t, dir); !slices.Equal(n, []string{"p-1"}) {
		t.Errorf("files: %v", n)
	}
}

var defaultSuffix = tempSuffix
