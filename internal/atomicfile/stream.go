package atomicfile

import (
	"io/fs"
	"os"
	"path/filepath"
)

// File is a file written atomically a piece at a time, for output too
// large to hold in memory whole: Create, Write, then Commit to rename it
// into place, or Abort. Until Commit, readers see the file as it was.
type File struct {
	f    *os.File
	path string
	o    Options
}

// Create starts an atomic write of path.
func Create(path string, o Options) (*File, error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := createTemp(filepath.Clean(dir), TempPrefix+tempStem(base)+"-")
	if err != nil {
		return nil, &fs.PathError{Op: "create", Path: path, Err: unwrap(err)}
	}
	return &File{f: f, path: path, o: o}, nil
}

func (w *File) Write(b []byte) (int, error) {
	n, err := w.f.Write(b)
	if err != nil {
		return n, &fs.PathError{Op: "write", Path: w.path, Err: unwrap(err)}
	}
	return n, nil
}

// Commit makes the bytes written the file at path, as Write does. On
// error the write is abandoned.
func (w *File) Commit() error {
	s, err := w.finish(w.o.Sync)
	if err != nil {
		return err
	}
	return s.Commit(w.o.BeforeRename)
}

// finish gives the temporary file its mode, flushes it when sync is set
// and closes it, leaving it staged; on error it is removed.
func (w *File) finish(sync bool) (*Staged, error) {
	s := &Staged{tmp: w.f.Name(), path: w.path}
	fail := func(op string, err error) (*Staged, error) {
		w.f.Close()
		os.Remove(s.tmp)
		return nil, &fs.PathError{Op: op, Path: w.path, Err: unwrap(err)}
	}
	perm := w.o.Perm
	if perm == 0 {
		perm = 0o644
	}
	if err := w.f.Chmod(perm); err != nil {
		return fail("chmod", err)
	}
	if sync {
		if err := w.f.Sync(); err != nil {
			return fail("sync", err)
		}
	}
	if err := w.f.Close(); err != nil {
		os.Remove(s.tmp)
		return nil, &fs.PathError{Op: "close", Path: w.path, Err: unwrap(err)}
	}
	return s, nil
}

// Abort abandons the write: the temporary file is removed and the file
// at path left as it was.
func (w *File) Abort() {
	w.f.Close()
	os.Remove(w.f.Name())
}
