//go:build unix

package boundedfile

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func fifo(t *testing.T, dir string) string {
	p := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	return p
}

func symlink(target func(*testing.T, string) string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		to := target(t, dir)
		p := filepath.Join(dir, "link")
		if err := os.Symlink(to, p); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func TestReadUnix(t *testing.T) {
	runCases(t, []readCase{
		// A named pipe with no writer: opening it for reading would wait
		// for ever; Read must refuse it at once.
		{name: "named pipe", setup: fifo, limit: 100, check: isNotRegular},
		{name: "link to a named pipe", setup: symlink(fifo), limit: 100, check: isNotRegular},
		{
			// Endless: read it all and the test never ends.
			name:  "/dev/zero",
			setup: func(*testing.T, string) string { return "/dev/zero" },
			limit: 100, check: isNotRegular,
		},
		{name: "link to a file", setup: symlink(file("linked\n")), limit: 100, want: []byte("linked\n")},
		{name: "link to a file too large", setup: symlink(file("linked\n")), limit: 3, check: tooLarge(3)},
		{name: "link to a folder", setup: symlink(func(_ *testing.T, dir string) string { return dir }), limit: 100, check: isFolder},
		{
			name: "dangling link",
			setup: symlink(func(_ *testing.T, dir string) string {
				return filepath.Join(dir, "gone")
			}),
			limit: 100,
			check: func(err error) bool { return os.IsNotExist(err) },
		},
	})
}

// TestReadPathSwapped: a path that is a regular file when looked at and a
// named pipe with no writer when opened is refused, not waited on.
func TestReadPathSwapped(t *testing.T) {
	dir := t.TempDir()
	p := file("x")(t, dir)
	defer func(f func()) { afterStat = f }(afterStat)
	swapped := false
	afterStat = func() {
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skipf("cannot make a named pipe here: %v", err)
		}
		swapped = true
	}
	got, err := Read(p, 100)
	if !swapped {
		t.Fatal("the path was not swapped between look and open")
	}
	if !isNotRegular(err) || got != nil {
		t.Fatalf("Read of a path swapped for a named pipe = %q, %v; want ErrNotRegular", got, err)
	}
}

// TestReadAfterNonBlockingOpen: the file is read in full after the
// non-blocking open, with blocking mode back on.
func TestReadAfterNonBlockingOpen(t *testing.T) {
	want := make([]byte, 3<<20)
	for i := range want {
		want[i] = byte(i * 7)
	}
	p := filepath.Join(t.TempDir(), "big")
	if err := os.WriteFile(p, want, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Read(p, int64(len(want)))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("read %d bytes, not the %d written", len(got), len(want))
	}
}
