// Package atomicfile writes files so that a reader only ever sees the old
// complete file or the new complete file: the bytes go to a temporary file
// in the same folder, which is renamed over the target once it is whole
// (a new file staged on Linux may instead have no name until it is
// linked into place: unnamed_linux.go).
// A failed or interrupted write removes its temporary file.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// TempPrefix starts the name of every temporary file this package makes,
// so that a later run can recognise (and remove) one left behind by a
// process that was killed outright.
const TempPrefix = ".handouts-tmp-"

// Options tune a write.
type Options struct {
	// Perm is the mode of a new file; 0 means 0o644.
	Perm fs.FileMode
	// Sync flushes the data to the disk before the rename, so that the
	// file survives a power cut too, at a cost of a few milliseconds.
	Sync bool
	// New says the target is not expected to exist (Stage only): the
	// temporary file may then have no name until it is linked into place.
	New bool
	// BeforeRename, if set, is called when the temporary file is whole;
	// an error from it abandons the write (the target is left as it was).
	BeforeRename func() error
}

// Write writes data to path atomically.
func Write(path string, data []byte, o Options) error {
	s, err := stage(path, data, o.Perm, o.Sync)
	if err != nil {
		return err
	}
	return s.Commit(o.BeforeRename)
}

// unwrap drops the temporary file's name from an error: messages name the
// target, which is what the user knows.
func unwrap(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// RemoveLeftovers removes the temporary files of this package in dir that
// an earlier process, killed before it could clean up, left behind. It
// returns the names removed.
func RemoveLeftovers(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var removed []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), TempPrefix) {
			if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
				return removed, err
			}
			removed = append(removed, e.Name())
		}
	}
	return removed, nil
}

// maxStem bounds the part of the target's name kept in the temporary
// file's name, so that a target name as long as a file system allows
// (255 bytes) still has a temporary name within that limit: prefix,
// stem, "-" and up to 20 digits.
const maxStem = 255 - len(TempPrefix) - 1 - 20

// tempStem is base cut to maxStem bytes, at a character boundary.
func tempStem(base string) string {
	if len(base) <= maxStem {
		return base
	}
	cut := maxStem
	for cut > 0 && !utf8.RuneStart(base[cut]) {
		cut--
	}
	return base[:cut]
}
