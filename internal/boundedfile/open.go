package boundedfile

import (
	"io/fs"
	"os"
)

// Open opens the regular file at path for reading, following a symbolic
// link, as Read does but without reading it: for a caller that reads a
// large file a piece at a time. It never waits on a named pipe; anything
// but a regular file is ErrFolder or ErrNotRegular.
func Open(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := check(st.Mode()); err != nil {
		return nil, err
	}
	afterStat()
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	if st, err = f.Stat(); err == nil {
		if err = check(st.Mode()); err == nil {
			err = blocking(f)
		}
	}
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return f, nil
}
