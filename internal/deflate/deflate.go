// Package deflate keeps the process's Deflate writers: klauspost/
// compress's at its fastest level, about ten times faster than
// compress/flate's on the small parts the handouts are made of, a little
// smaller, and the same bytes for the same input every time.
//
// A writer costs about 1.2 MB of memory (its tables and history), more
// than a handout's parts, and compress/flate's at least 600 KB whatever
// the level: so writers are made once and shared by every user in the
// process (the Word writer's parts, the QR code's PNG), never more of
// them than are compressing at once. A sync.Pool keeps a writer put back
// in the slot of the processor that put it, where a goroutine that has
// moved to another processor since does not look: a process that built
// one briefing made a second writer. This list is one for the process.
package deflate

import (
	"io"
	"sync"

	kflate "github.com/klauspost/compress/flate"
)

var list struct {
	mu   sync.Mutex
	free []*kflate.Writer
}

// Get returns a writer that writes to w; Put gives it back once closed.
func Get(w io.Writer) *kflate.Writer {
	list.mu.Lock()
	if n := len(list.free); n > 0 {
		fw := list.free[n-1]
		list.free = list.free[:n-1]
		list.mu.Unlock()
		fw.Reset(w)
		return fw
	}
	list.mu.Unlock()
	fw, _ := kflate.NewWriter(w, kflate.BestSpeed) // a known level: no error
	return fw
}

// Put gives a writer back for the next user.
func Put(fw *kflate.Writer) {
	list.mu.Lock()
	list.free = append(list.free, fw)
	list.mu.Unlock()
}
