//go:build unix

package briefing

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestParseFileNotRegular: a named pipe or a device given as a briefing
// is refused without being opened (opening a pipe waits for a writer, so
// a regression shows as the test binary's time limit).
func TestParseFileNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	for _, p := range []string{fifo, "/dev/null"} {
		doc, diags := ParseFile(p, Options{})
		if doc != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "is not a regular file") {
			t.Errorf("%s: doc %v, diags %v", p, doc != nil, diags)
		}
	}
}
