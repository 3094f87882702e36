package readonly

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestMakeAndUndo(t *testing.T) {
	dir := t.TempDir()
	if !Writable(dir) {
		t.Fatal("a new temporary folder is not writable")
	}
	t.Cleanup(func() { Undo(dir) })
	err := Make(dir)
	if errors.Is(err, ErrUnsupported) {
		t.Skipf("no read-only folders for this process here: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	if Writable(dir) {
		t.Fatal("writable after Make")
	}
	if err := os.WriteFile(filepath.Join(dir, "f"), nil, 0o644); err == nil {
		t.Fatal("wrote a file into the read-only folder")
	}
	Undo(dir)
	if !Writable(dir) {
		t.Fatal("not writable after Undo")
	}
}

func TestMakeMissingFolder(t *testing.T) {
	err := Make(filepath.Join(t.TempDir(), "missing"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want a missing folder", err)
	}
}

func TestWritableMissingFolder(t *testing.T) {
	if Writable(filepath.Join(t.TempDir(), "missing")) {
		t.Error("a missing folder is writable")
	}
}
