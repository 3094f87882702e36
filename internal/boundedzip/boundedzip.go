// Package boundedzip reads the parts of a zip that comes from outside (a
// Word document) within limits: how many entries the zip may have, how
// far one part may expand and how far all the parts read may expand
// together. A part is read through these limits whatever size its header
// claims, so a zip bomb costs at most one byte past a limit.
//
// The errors are *Error values, for callers to turn into their own
// messages.
package boundedzip

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
)

// The steps that can fail, as Error.Op says them.
const (
	OpZip     = "zip"     // the file cannot be opened as a zip
	OpEntries = "entries" // the zip has more entries than allowed
	OpOpen    = "open"    // a part cannot be opened
	OpRead    = "read"    // a part cannot be read to its end
	OpExpand  = "expand"  // a part expands beyond a limit
)

// Error says which step failed, on which part.
type Error struct {
	Op      string // one of the Op constants
	Name    string // the part; empty for OpZip and OpEntries
	Entries int    // for OpEntries: how many entries the zip has
	Err     error  // the cause from archive/zip, for OpZip, OpOpen and OpRead
}

func (e *Error) Error() string {
	switch e.Op {
	case OpZip:
		return fmt.Sprintf("not a zip: %v", e.Err)
	case OpEntries:
		return fmt.Sprintf("%d entries, more than allowed", e.Entries)
	case OpExpand:
		return e.Name + " expands beyond the size limit"
	}
	return fmt.Sprintf("%s: %s: %v", e.Name, e.Op, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Reader reads parts of one zip and counts what they have expanded to.
type Reader struct {
	zr     *zip.Reader
	maxAll int64 // every part read, expanded
	total  int64 // expanded so far
}

// Open opens the zip of size bytes in ra, which may have at most
// maxEntries entries; the parts read from it may expand to maxAll bytes
// in all.
func Open(ra io.ReaderAt, size int64, maxEntries int, maxAll int64) (*Reader, error) {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, &Error{Op: OpZip, Err: err}
	}
	if len(zr.File) > maxEntries {
		return nil, &Error{Op: OpEntries, Entries: len(zr.File)}
	}
	return &Reader{zr: zr, maxAll: maxAll}, nil
}

// Find returns the entry of that name, or else the first whose name is
// the same but for case (Word does not mind case); nil when there is none.
func (r *Reader) Find(name string) *zip.File {
	var f *zip.File
	for _, zf := range r.zr.File {
		if zf.Name == name {
			return zf
		}
		if f == nil && strings.EqualFold(zf.Name, name) {
			f = zf
		}
	}
	return f
}

// Part returns the bytes of the named part (see Find) expanded, at most
// most bytes and within what is left of the limit on all parts; nil, and
// no error, when there is no such part.
func (r *Reader) Part(name string, most int64) ([]byte, error) {
	f := r.Find(name)
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, &Error{Op: OpOpen, Name: name, Err: err}
	}
	defer rc.Close()
	limit := most
	if left := r.maxAll - r.total; left < limit {
		limit = left
	}
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, &Error{Op: OpRead, Name: name, Err: err}
	}
	if int64(len(b)) > limit {
		return nil, &Error{Op: OpExpand, Name: name}
	}
	r.total += int64(len(b))
	return b, nil
}
