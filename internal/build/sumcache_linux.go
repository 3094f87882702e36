package build

import "io/fs"

// stampOf is what the cache keeps of a file's lstat: inStampOf's, less
// the device (the output folder is one).
func stampOf(st fs.FileInfo) (fileStamp, bool) {
	s, ok := inStampOf(st)
	return fileStamp{ino: s.ino, size: s.size, mtime: s.mtime, ctime: s.ctime}, ok
}
