//go:build unix

package boundedfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestOpen: a regular file, or a link to one, is opened; a named pipe,
// a link to one, a device and a folder are refused at once.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte("bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{p, symlink(func(*testing.T, string) string { return p })(t, dir)} {
		f, err := Open(q)
		if err != nil {
			t.Fatalf("Open(%s): %v", q, err)
		}
		b, _ := io.ReadAll(f)
		f.Close()
		if string(b) != "bytes" {
			t.Errorf("read %q", b)
		}
	}
	pipe := fifo(t, t.TempDir())
	for _, q := range []string{pipe, "/dev/zero", dir} {
		if f, err := Open(q); err == nil || !(errors.Is(err, ErrNotRegular) || errors.Is(err, ErrFolder)) {
			if f != nil {
				f.Close()
			}
			t.Errorf("Open(%s) = %v; want it refused", q, err)
		}
	}
}
