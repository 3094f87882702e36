// Package readonly makes a folder unwritable for the running process, for
// tests of what happens when a handout cannot be written. Permission bits
// do not bind root, so as root it sets the immutable attribute with
// chattr. Only tests import it.
package readonly

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
)

// ErrUnsupported says that this process cannot be denied writing to a
// folder here: it is root, and chattr +i failed or did not take.
var ErrUnsupported = errors.New("cannot make a folder read-only for this process")

// Make takes away write permission on dir; as root it sets the immutable
// attribute instead. It fails with an error wrapping ErrUnsupported when
// the folder stays writable, and with the error of chmod when that fails.
// Undo gives the permission back.
func Make(dir string) error {
	if err := os.Chmod(dir, 0o555); err != nil {
		return err
	}
	if !Writable(dir) {
		return nil
	}
	if out, err := exec.Command("chattr", "+i", dir).CombinedOutput(); err != nil {
		return fmt.Errorf("%w: chattr +i: %v: %s", ErrUnsupported, err, out)
	}
	if Writable(dir) {
		return fmt.Errorf("%w: %s is still writable after chattr +i", ErrUnsupported, dir)
	}
	return nil
}

// Undo makes dir writable again, whatever Make did to it.
func Undo(dir string) {
	exec.Command("chattr", "-i", dir).Run()
	os.Chmod(dir, 0o755)
}

// Writable reports whether this process can create a file in dir.
func Writable(dir string) bool {
	f, err := os.CreateTemp(dir, "probe")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
