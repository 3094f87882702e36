package build

import (
	"io/fs"
	"syscall"
)

// inStampOf is what the cache keeps of an input file's stat.
func inStampOf(st fs.FileInfo) (inStamp, bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok || !st.Mode().IsRegular() {
		return inStamp{}, false
	}
	return inStamp{
		dev:   int64(s.Dev),
		ino:   int64(s.Ino),
		size:  s.Size,
		mtime: s.Mtim.Sec*1e9 + s.Mtim.Nsec,
		ctime: s.Ctim.Sec*1e9 + s.Ctim.Nsec,
	}, true
}
