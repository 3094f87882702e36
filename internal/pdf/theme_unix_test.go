//go:build unix

package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestLoadThemeNotRegular: a theme that is a named pipe or a device is
// refused without being opened (opening a pipe waits for a writer).
func TestLoadThemeNotRegular(t *testing.T) {
	dir := themeDir(t, "")
	p := filepath.Join(dir, filepath.FromSlash(ThemeFile))
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("cannot make a named pipe:", err)
	}
	if _, err := LoadTheme(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("pipe: %v", err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Skip("cannot make a symbolic link:", err)
	}
	if _, err := LoadTheme(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file") {
		t.Errorf("/dev/zero: %v", err)
	}
}
