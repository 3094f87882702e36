// Package boundedfile reads a file that the user names and that must be a
// regular file of at most a given size: a briefing, a project config, a
// theme, a skeleton, a reference document. A folder, a named pipe, a
// device or a socket is refused without reading it, and a file larger
// than the limit is refused after reading one byte past the limit, never
// all of it.
//
// The errors are for callers to turn into their own messages:
// ErrFolder and ErrNotRegular (errors.Is), *TooLargeError (errors.As),
// and otherwise the *fs.PathError of the os package, whose Op says what
// failed ("stat", "open", "read").
package boundedfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular is returned for a path that is not a regular file: a
// folder, a named pipe, a device or a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrFolder is returned for a path that is a folder. It is also
// ErrNotRegular, for callers that need not tell the two apart.
var ErrFolder = fmt.Errorf("%w: a folder", ErrNotRegular)

// TooLargeError is returned for a regular file of more than Limit bytes.
type TooLargeError struct {
	Limit int64 // the limit given to Read, in bytes
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than %d bytes", e.Limit)
}

// Read returns the contents of the regular file at path, which must be
// at most limit bytes long. A symbolic link is followed.
//
// It never waits on a named pipe. It looks at the path before opening it,
// so that nothing but a regular file is opened in the usual case (opening
// a named pipe waits for a writer; opening a device may do something).
// Should the path be replaced between the look and the open, the open
// does not wait (on Unix it is non-blocking) and the opened file is
// looked at again before anything is read from it.
func Read(path string, limit int64) ([]byte, error) {
	f, err := openLooked(path, false)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpen(f, path, limit, nil)
}

// openLooked opens path, without waiting, once a look at it finds a
// regular file (following a link). With noFollow a symbolic link as the
// last part of the path is refused with ErrReplaced, by the look and by
// the open itself, so that none can be swapped in between the two.
func openLooked(path string, noFollow bool) (*os.File, error) {
	look := os.Stat
	if noFollow {
		look = os.Lstat
	}
	st, err := look(path)
	if err != nil {
		return nil, err
	}
	if noFollow && st.Mode()&fs.ModeSymlink != 0 {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrReplaced}
	}
	if err := check(st.Mode()); err != nil {
		return nil, err
	}
	afterStat()
	f, err := openNoWait(path, noFollow)
	if err != nil {
		if noFollow && isLoop(err) {
			return nil, &fs.PathError{Op: "open", Path: path, Err: ErrReplaced}
		}
		return nil, err
	}
	return f, nil
}

// readOpen reads the opened file f (of path) after checking it again
// (ready).
func readOpen(f *os.File, path string, limit int64, same fs.FileInfo) ([]byte, error) {
	st, err := ready(f, path, same)
	if err != nil {
		return nil, err
	}
	if limit < 0 {
		limit = 0
	}
	// One byte past the limit is enough to know the file is too large.
	// Room for the size stat gives at once (ReadAll would grow a buffer
	// from 512 bytes, copying as it goes); the file may still grow.
	data := make([]byte, 0, min(st.Size(), limit)+1)
	for r := io.LimitReader(f, limit+1); ; {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return data, nil
}

// ready checks the opened file f (of path) again: it must be regular
// and, when same is set, the very file same is; it is then made to
// block on reads as usual. It returns the file's stat.
func ready(f *os.File, path string, same fs.FileInfo) (fs.FileInfo, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if err := check(st.Mode()); err != nil {
		return nil, err
	}
	if same != nil && !os.SameFile(st, same) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: ErrReplaced}
	}
	if err := blocking(f); err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return st, nil
}

func check(m fs.FileMode) error {
	switch {
	case m.IsDir():
		return ErrFolder
	case !m.IsRegular():
		return ErrNotRegular
	}
	return nil
}

// afterStat is called between the look at the path and its opening; a
// test replaces it to change what the path names in between.
var afterStat = func() {}
