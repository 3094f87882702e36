//go:build unix

package docx

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadReferenceNotAFile: a reference that is a folder, a named pipe
// or a device is refused without being opened (opening a pipe waits for
// a writer).
func TestLoadReferenceNotAFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "reference.docx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	for _, p := range []string{dir, fifo, "/dev/zero"} {
		if _, err := LoadReference(p); err == nil || !strings.Contains(err.Error(), "is not a file") {
			t.Errorf("%s: %v", p, err)
		}
	}
}
