//go:build !unix

package boundedfile

import "os"

// openNoWait opens path for reading. Outside Unix there are no named
// pipes in the file system to wait on.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}

func blocking(*os.File) error { return nil }

// openNoWaitFlags is openNoWait; the identity check after the open
// (Expect.Same) stands in for O_NOFOLLOW here.
func openNoWaitFlags(path string, _ bool) (*os.File, error) { return os.Open(path) }

func isLoop(error) bool { return false }
