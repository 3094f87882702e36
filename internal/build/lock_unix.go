//go:build unix

package build

import (
	"errors"
	"os"
	"syscall"
)

// errLocked: another build holds the output folder.
var errLocked = errors.New("another handouts build is writing to this folder")

// lockFolder takes an exclusive lock on the folder dir for as long as this
// build writes to it, so that two builds into one folder at once cannot
// remove each other's temporary files or leave a manifest that records
// one build's inputs for the other's files. The lock is the kernel's and
// goes with the process, so a killed build leaves none behind.
func lockFolder(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errLocked
		}
		// A file system without locks: build unlocked, as before.
		return func() {}, nil
	}
	return func() { f.Close() }, nil
}
