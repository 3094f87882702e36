package build

import (
	"io/fs"
	"syscall"
)

// stampOf is what the cache keeps of a file's lstat.
func stampOf(st fs.FileInfo) (fileStamp, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok || !st.Mode().IsRegular() {
		return fileStamp{}, false
	}
	return fileStamp{
		ino:   int64(s.Ino),
		size:  s.Size,
		mtime: s.Mtim.Sec*1e9 + s.Mtim.Nsec,
		ctime: s.Ctim.Sec*1e9 + s.Ctim.Nsec,
	}, true
}
