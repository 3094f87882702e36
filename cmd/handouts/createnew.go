package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// createNew makes the folder dir and creates the file path in it, never
// over an existing file: for one, it returns an error that is fs.ErrExist,
// for the caller's own message. Other errors name the folder and the file
// as shownDir and shownPath.
func createNew(dir, shownDir, path, shownPath string) (*os.File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot create %s: %v", shownDir, describeErr(err))
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("cannot create %s: %v", shownPath, describeErr(err))
	}
	return f, nil
}
