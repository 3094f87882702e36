package atomicfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// flushesFileSystem: Linux flushes a whole file system with one syncfs,
// which also reports (since Linux 5.8) any write error on it since the
// folder was opened.
const flushesFileSystem = true

func flushFileSystem(d *os.File) error {
	if err := unix.Syncfs(int(d.Fd())); err != nil {
		return &os.PathError{Op: "sync", Path: d.Name(), Err: err}
	}
	return nil
}
