package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestIsTerminal: /dev/null is a character device but not a terminal, so
// a build with its standard error thrown away draws no progress bar and
// "template docx > /dev/null" is not refused; a file is no terminal
// either.
func TestIsTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s counts as a terminal", os.DevNull)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "f"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Error("a file counts as a terminal")
	}
}
