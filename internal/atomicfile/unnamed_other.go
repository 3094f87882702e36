//go:build !linux

package atomicfile

import "io/fs"

// stageUnnamed: unnamed files are Linux's (O_TMPFILE); elsewhere every
// staged file is named.
func stageUnnamed(string, []byte, fs.FileMode) (*Staged, bool, error) { return nil, false, nil }

func (s *Staged) commitUnnamed() error { return nil }

func (s *Staged) closeUnnamed() {}
