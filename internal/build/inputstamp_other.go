//go:build !linux

package build

import "io/fs"

// inStampOf: elsewhere the change time is not read, so no input is
// cached and every briefing is read.
func inStampOf(fs.FileInfo) (inStamp, bool) { return inStamp{}, false }
