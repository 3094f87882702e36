package atomicfile

import (
	"io/fs"
	"os"
	"sync"
)

// A build writes thousands of files, and flushing each one with its own
// fsync costs most of what writing a new handout costs: each call waits
// for the disk and, on a virtual machine, pays the hypervisor for its own
// round of I/O. Staging splits Write in two, so that one flush serves a
// batch: Stage writes a whole temporary file; Flusher.Flush makes a
// batch of them durable at once; Commit then renames each into
// place. A file is still flushed before it is renamed, so after a power
// cut a target is the old whole file or the new whole file, as with Write.

// Staged is a whole temporary file waiting to be renamed over its target.
type Staged struct {
	tmp, path string
	f         *os.File // the open unnamed file, if it is one (unnamed_linux.go)
}

// Path is the target the staged file will replace.
func (s *Staged) Path() string { return s.path }

// Stage writes data to a new temporary file beside path. With o.Sync, the
// data is on the disk once a Flusher opened on path's folder before Stage
// was called has flushed (on systems without a file-system-wide flush,
// Stage flushes the file itself). With o.New, path is not expected to
// exist, and the temporary file may be one without a name, linked into
// place by Commit (unnamed_linux.go). o.BeforeRename is not used: Commit
// takes it.
func Stage(path string, data []byte, o Options) (*Staged, error) {
	if o.New && flushesFileSystem {
		if s, ok, err := stageUnnamed(path, data, o.Perm); ok {
			return s, err
		}
	}
	return stage(path, data, o.Perm, o.Sync && !flushesFileSystem)
}

// stage writes the temporary file, flushing it when sync is set.
func stage(path string, data []byte, perm fs.FileMode, sync bool) (*Staged, error) {
	w, err := Create(path, Options{Perm: perm})
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		w.Abort()
		return nil, err
	}
	return w.finish(sync)
}

// Commit renames the staged file into place. beforeRename, if not nil, is
// called first; an error from it, or from the rename, abandons the file.
func (s *Staged) Commit(beforeRename func() error) error {
	if beforeRename != nil {
		if err := beforeRename(); err != nil {
			s.Abandon()
			return err
		}
	}
	if s.f != nil {
		return s.commitUnnamed()
	}
	if err := rename(s.tmp, s.path); err != nil {
		s.Abandon()
		return &fs.PathError{Op: "rename", Path: s.path, Err: unwrap(err)}
	}
	return nil
}

// Abandon removes the staged file, leaving the target as it was.
func (s *Staged) Abandon() {
	if s.f != nil {
		s.closeUnnamed()
		return
	}
	os.Remove(s.tmp)
}

// Flusher makes the files staged in one folder durable together.
type Flusher struct {
	dir *os.File
}

// NewFlusher opens dir for flushing. Open it before staging: a flush of
// the file system reports its write errors since then.
func NewFlusher(dir string) (*Flusher, error) {
	if !flushesFileSystem {
		return &Flusher{}, nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	return &Flusher{dir: d}, nil
}

// smallBatch is the most staged files flushed one by one: a file
// system's flush also waits for other programs' unwritten data, which
// for a handful of files may cost more than flushing each.
const smallBatch = 8

// Flush returns once every file in batch, staged with Sync, is on the
// disk, or with the write error that kept one from it.
func (f *Flusher) Flush(batch []*Staged) error {
	if f.dir == nil {
		return nil // Stage flushed each file
	}
	if len(batch) > smallBatch {
		return flushFileSystem(f.dir)
	}
	if len(batch) == 1 {
		return batch[0].sync()
	}
	// Together: the disk serves the flushes at once, where one after
	// another each waits for the one before (a one-briefing build
	// flushes three handouts).
	errs := make([]error, len(batch))
	var wg sync.WaitGroup
	for i, s := range batch {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = s.sync()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err // the first in the batch's order
		}
	}
	return nil
}

// sync flushes one staged file, opened again. A write error the kernel
// met before the file was opened again is still reported: it has not
// been seen by anyone.
func (s *Staged) sync() error {
	if s.f != nil {
		if err := s.f.Sync(); err != nil {
			return &fs.PathError{Op: "sync", Path: s.path, Err: unwrap(err)}
		}
		return nil
	}
	f, err := os.Open(s.tmp)
	if err != nil {
		return &fs.PathError{Op: "sync", Path: s.path, Err: unwrap(err)}
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return &fs.PathError{Op: "sync", Path: s.path, Err: unwrap(err)}
	}
	return nil
}

// Close releases the folder.
func (f *Flusher) Close() error {
	if f.dir == nil {
		return nil
	}
	return f.dir.Close()
}
