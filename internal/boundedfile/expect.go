package boundedfile

import (
	"errors"
	"io/fs"
)

// ErrReplaced is returned by ReadExpected for a path that no longer names
// the file expected: a symbolic link where none may be, or another file
// put in its place since it was listed.
var ErrReplaced = errors.New("replaced since it was listed (by another file or a symbolic link)")

// Expect says what ReadExpected must find at a path.
type Expect struct {
	// NoFollow refuses a symbolic link as the last part of the path:
	// the open itself refuses it, so no link can be swapped in between a
	// look and the read.
	NoFollow bool
	// Same, when set, is the file the path named when it was listed
	// (after any link); the file opened must be that very file.
	Same fs.FileInfo
}

// ReadExpected is Read for a file listed earlier: the checks are made on
// the file opened, not on the path, so that what is checked is what is
// read. A link or another file swapped in since is refused with
// ErrReplaced.
func ReadExpected(path string, limit int64, x Expect) ([]byte, error) {
	f, err := openLooked(path, x.NoFollow)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit, x.Same)
}
