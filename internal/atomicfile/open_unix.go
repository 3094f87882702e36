//go:build unix

package atomicfile

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"strconv"
	"syscall"
)

// A build creates thousands of temporary files. os.CreateTemp offers each
// to the runtime's poller, which a regular file always refuses: four fcntl
// calls and a failed epoll_ctl per file, each a trip into the kernel. The
// file is opened here directly and wrapped without the poller (a regular
// file's reads and writes block either way), and renamed without the
// lstat os.Rename makes first to refuse a folder as the target (rename(2)
// refuses a file over a folder too).

// tempSuffix draws the random part of a temporary file's name; tests
// replace it to make names collide.
var tempSuffix = rand.Uint32

// maxTries bounds the names tried before giving up, as os.CreateTemp does.
const maxTries = 10000

// createTemp creates a new file in dir named prefix followed by random
// digits, readable and writable by the owner only.
func createTemp(dir, prefix string) (*os.File, error) {
	for range maxTries {
		name := dir + string(os.PathSeparator) + prefix + strconv.FormatUint(uint64(tempSuffix()), 10)
		fd, err := openExcl(name)
		if err == syscall.EEXIST {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		return os.NewFile(uintptr(fd), name), nil
	}
	return nil, &fs.PathError{Op: "createtemp", Path: dir + string(os.PathSeparator) + prefix + "*", Err: fs.ErrExist}
}

// openExcl creates name, failing if it exists, retrying when interrupted.
func openExcl(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_RDWR|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o600)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// rename renames oldpath to newpath.
func rename(oldpath, newpath string) error {
	if err := syscall.Rename(oldpath, newpath); err != nil {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: err}
	}
	return nil
}
