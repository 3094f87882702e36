//go:build !unix

package boundedfile

import "os"

// openNoWait opens path for reading. Outside Unix there are no named
// pipes in the file system to wait on.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}

func blocking(*os.File) error { return nil }
