//go:build unix

package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadNotRegular: a manifest that is a named pipe or a folder is an
// error and an empty manifest, never a wait (a regression shows as the
// test binary's time limit).
func TestLoadNotRegular(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(p string) error
		want string
	}{
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "not a regular file"},
		{"folder", func(p string) error { return os.Mkdir(p, 0o755) }, FileName + ": is a directory"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := c.make(filepath.Join(dir, FileName)); err != nil {
				t.Skipf("cannot make a %s: %v", c.name, err)
			}
			m, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Load: error %v, want one saying %q", err, c.want)
			}
			if m == nil || len(m.Names()) != 0 {
				t.Errorf("Load: manifest %v, want an empty one", m)
			}
		})
	}
}
