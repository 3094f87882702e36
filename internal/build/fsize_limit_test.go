//go:build linux || darwin

package build

import (
	"os/signal"
	"syscall"
)

// limitFileSize makes a write past n bytes fail with EFBIG, as on a full
// disk; n < 0 only asks whether the limit can be set.
func limitFileSize(n int64) error {
	if n < 0 {
		return nil
	}
	signal.Ignore(syscall.SIGXFSZ)
	lim := syscall.Rlimit{Cur: uint64(n), Max: uint64(n)}
	return syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim)
}
