//go:build !(linux || darwin)

package build

import "errors"

// limitFileSize: there is no RLIMIT_FSIZE here.
func limitFileSize(int64) error { return errors.New("no file size limit on this system") }
