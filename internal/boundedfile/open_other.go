//go:build !unix

package boundedfile

import "os"

// openNoWait opens path for reading. Outside Unix there are no named
// pipes in the file system to wait on, and the identity check after the
// open (Expect.Same) stands in for O_NOFOLLOW.
func openNoWait(path string, _ bool) (*os.File, error) {
	return os.Open(path)
}

func blocking(*os.File) error { return nil }

func isLoop(error) bool { return false }
