//go:build !unix

package atomicfile

import "os"

// createTemp creates a new file in dir named prefix followed by random
// digits, readable and writable by the owner only.
func createTemp(dir, prefix string) (*os.File, error) {
	return os.CreateTemp(dir, prefix+"*")
}

// rename renames oldpath to newpath.
func rename(oldpath, newpath string) error {
	return os.Rename(oldpath, newpath)
}
