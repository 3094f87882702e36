package boundedfile

import "os"

// Open opens the regular file at path for reading, following a symbolic
// link, as Read does but without reading it: for a caller that reads a
// large file a piece at a time. It never waits on a named pipe; anything
// but a regular file is ErrFolder or ErrNotRegular.
func Open(path string) (*os.File, error) {
	f, err := openLooked(path, false)
	if err != nil {
		return nil, err
	}
	if _, err := ready(f, path, nil); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
