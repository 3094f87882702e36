//go:build unix

package config

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadFileNotRegular: a named pipe or a device as the config is
// refused without being opened (opening a pipe waits for a writer, so a
// regression shows as the test binary's time limit).
func TestLoadFileNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), FileName)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	for _, p := range []string{fifo, "/dev/zero"} {
		_, diags := LoadFile(p)
		if len(diags) != 1 || !strings.Contains(diags[0].Message, "is not a regular file") {
			t.Errorf("%s: %v", p, diags)
		}
	}
	if _, diags := Load(filepath.Dir(fifo)); len(diags) != 1 || !strings.Contains(diags[0].Message, "is not a regular file") {
		t.Errorf("Load with a pipe for %s: %v", FileName, diags)
	}
}
