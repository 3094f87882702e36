//go:build unix

package boundedfile

import (
	"errors"
	"os"
	"syscall"
)

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

// openNoWait opens path for reading without waiting, as opening a named
// pipe with no writer would; with noFollow it refuses a symbolic link as
// the last part of the path.
func openNoWait(path string, noFollow bool) (*os.File, error) {
	flags := os.O_RDONLY | syscall.O_NONBLOCK
	if noFollow {
		flags |= syscall.O_NOFOLLOW
	}
	return os.OpenFile(path, flags, 0)
}

// isLoop reports the error of opening a symbolic link with O_NOFOLLOW.
func isLoop(err error) bool { return errors.Is(err, syscall.ELOOP) }
