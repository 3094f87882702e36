package docx

import (
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

// fastWriters keeps the writers of the parts made for every document:
// klauspost/compress's Deflate at its fastest level, which makes these
// small parts about ten times faster than compress/flate's and a little
// smaller, with the same bytes for the same input every time.
//
// A writer costs about 1.2 MB of memory (its tables and history), more
// than the parts of a document. A sync.Pool keeps a writer put back in
// the slot of the processor that put it, where a goroutine that has
// moved to another processor since does not look, so a process that
// builds one briefing made a second writer for the same parts. This list
// is one for the process: there are never more writers than parts being
// compressed at once (one per build worker).
var fastWriters writerList

type writerList struct {
	mu   sync.Mutex
	free []*kflate.Writer
}

// get returns a writer to Reset before use.
func (l *writerList) get() *kflate.Writer {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		fw := l.free[n-1]
		l.free = l.free[:n-1]
		l.mu.Unlock()
		return fw
	}
	l.mu.Unlock()
	fw, _ := kflate.NewWriter(nil, kflate.BestSpeed)
	return fw
}

// put gives a writer back for the next part.
func (l *writerList) put(fw *kflate.Writer) {
	l.mu.Lock()
	l.free = append(l.free, fw)
	l.mu.Unlock()
}
