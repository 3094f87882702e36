//go:build unix

package boundedfile

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting, as opening a named
// pipe with no writer would.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// blocking turns non-blocking mode off again on a file known to be
// regular, so that reads wait for the data as usual.
func blocking(f *os.File) error {
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.SetNonblock(int(fd), false) }); err != nil {
		return err
	}
	return serr
}
