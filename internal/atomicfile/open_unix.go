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

// tryNames calls try with prefix followed by random digits until try
// takes a name (it returns EEXIST for a name taken), at most maxTries
// times. It returns the name taken or the error from try; when every
// name was taken, the name is empty.
func tryNames(prefix string, try func(name string) error) (string, error) {
	for range maxTries {
		name := prefix + strconv.FormatUint(uint64(tempSuffix()), 10)
		if err := try(name); err != syscall.EEXIST {
			return name, err
		}
	}
	return "", fs.ErrExist
}

// createTemp creates a new file in dir named prefix followed by random
// digits, readable and writable by the owner only.
func createTemp(dir, prefix string) (*os.File, error) {
	var fd int
	name, err := tryNames(dir+string(os.PathSeparator)+prefix, func(name string) (err error) {
		fd, err = openExcl(name)
		return err
	})
	switch {
	case name == "":
		return nil, &fs.PathError{Op: "createtemp", Path: dir + string(os.PathSeparator) + prefix + "*", Err: err}
	case err != nil:
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return os.NewFile(uintptr(fd), name), nil
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
