package atomicfile

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"
)

// A new handout is written to a temporary file that has no name at all
// (O_TMPFILE) and linked into place once it is on the disk: one entry
// added to the folder, where a named temporary file costs an entry
// added, then a rename that removes it and adds the target's. A build
// killed before the link leaves nothing behind, not even a temporary
// file. The file stays open from Stage to Commit, since the open file is
// its only handle.
//
// Where the file system has no unnamed files, too many are open, or the
// link cannot be made, the named temporary file of Stage is used
// instead; a target that appeared meanwhile is replaced, as a rename
// would have.

// maxUnnamed bounds the unnamed files open at once, so that a build's
// staged handouts never take more than a few hundred descriptors, nor
// more than a quarter of those the process may open.
var maxUnnamed = unnamedLimit()

var unnamedOpen atomic.Int64

// unnamedLimit is maxUnnamed for this process's limit on open files.
func unnamedLimit() int64 {
	var l unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_NOFILE, &l); err != nil {
		return 0
	}
	return unnamedBound(l.Cur)
}

// unnamedBound is maxUnnamed for a limit of open files.
func unnamedBound(openFiles uint64) int64 {
	return int64(min(256, openFiles/4))
}

// openUnnamed opens a new unnamed file in dir; tests replace it to
// stand for a file system without unnamed files.
var openUnnamed = func(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_RDWR|unix.O_TMPFILE|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), dir), nil
}

// linkUnnamed gives the unnamed file f the name path, failing with
// EEXIST if path exists; tests replace it to make the link fail.
var linkUnnamed = func(f *os.File, path string) error {
	// The open file's /proc entry, followed, is the file: this needs no
	// privilege, where linkat's AT_EMPTY_PATH needs CAP_DAC_READ_SEARCH.
	return unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(f.Fd())), unix.AT_FDCWD, path, unix.AT_SYMLINK_FOLLOW)
}

// stageUnnamed writes data to a new unnamed file in path's folder,
// giving it its mode; ok is false when the folder cannot hold one (or
// too many are open), and the caller stages a named file instead.
func stageUnnamed(path string, data []byte, perm fs.FileMode) (s *Staged, ok bool, err error) {
	if unnamedOpen.Add(1) > maxUnnamed {
		unnamedOpen.Add(-1)
		return nil, false, nil
	}
	f, err := openUnnamed(filepath.Dir(path))
	if err != nil {
		unnamedOpen.Add(-1)
		return nil, false, nil
	}
	s = &Staged{f: f, path: path}
	if perm == 0 {
		perm = 0o644
	}
	if _, err := f.Write(data); err != nil {
		s.Abandon()
		return nil, true, &fs.PathError{Op: "write", Path: path, Err: unwrap(err)}
	}
	if err := f.Chmod(perm); err != nil {
		s.Abandon()
		return nil, true, &fs.PathError{Op: "chmod", Path: path, Err: unwrap(err)}
	}
	return s, true, nil
}

// commitUnnamed links the flushed unnamed file into place, replacing a
// file that is there by way of a named link and a rename, and closes it.
func (s *Staged) commitUnnamed() error {
	defer s.closeUnnamed()
	err := linkUnnamed(s.f, s.path)
	if err == nil {
		return nil
	}
	if err != syscall.EEXIST {
		return s.commitCopy()
	}
	// A file is in place: link under a temporary name, then rename.
	dir, base := filepath.Split(s.path)
	tmp, err := tryNames(filepath.Join(dir, TempPrefix+tempStem(base)+"-"), func(name string) error {
		return linkUnnamed(s.f, name)
	})
	switch {
	case tmp == "":
		return &fs.PathError{Op: "rename", Path: s.path, Err: err}
	case err != nil:
		return s.commitCopy()
	}
	if err := rename(tmp, s.path); err != nil {
		os.Remove(tmp)
		return &fs.PathError{Op: "rename", Path: s.path, Err: unwrap(err)}
	}
	return nil
}

// commitCopy puts the unnamed file's bytes in place through a named
// temporary file when the unnamed one cannot be linked. The copy is
// flushed before its rename: the unnamed file's flush does not cover it.
func (s *Staged) commitCopy() error {
	st, err := s.f.Stat()
	if err != nil {
		return &fs.PathError{Op: "write", Path: s.path, Err: unwrap(err)}
	}
	w, err := Create(s.path, Options{Perm: st.Mode().Perm(), Sync: true})
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, io.NewSectionReader(s.f, 0, st.Size())); err != nil {
		w.Abort()
		return err
	}
	return w.Commit()
}

// closeUnnamed closes the unnamed file: if it was not linked, it is gone.
func (s *Staged) closeUnnamed() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
		unnamedOpen.Add(-1)
	}
}
