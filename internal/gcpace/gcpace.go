// Package gcpace lets a build spend memory it can afford on fewer garbage
// collections. Go collects by default whenever the heap has doubled since
// the last collection; a build's live heap is small (a few briefings
// being rendered) while it allocates fast, so it collected every few
// megabytes, and collecting cost a tenth of its CPU. With a budget the
// heap may grow to the budget before a collection, or to twice the live
// heap where that is more: never more often than Go's default, and never
// a heap above the budget unless the default would have made one too. A
// process that builds one briefing then never collects at all.
package gcpace

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Budget is the heap a build may grow to before a collection: together
// with the runtime's own memory it keeps a build's peak well under
// 100 MB.
const Budget = 40 << 20

// Cap is a soft limit on the memory the Go runtime holds (heap, stacks
// and its own), so that a large build, whose live heap grows with the
// briefings it has to remember (tens of megabytes at 10,000), does not
// double it as Go's default would: its peak stays under 100 MB. Where
// the live heap is too large for Cap to leave room, the limit rises with
// it (see limitFor), so collections never come much more often than
// Go's default would make them.
const Cap = 80 << 20

// minRoom is the least room the limit leaves above the live heap.
const minRoom = 32 << 20

// maxPercent bounds the collector's setting, whatever the live heap.
const maxPercent = 10000

var (
	mu      sync.Mutex
	running bool
	budget  uint64
	live    = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	paced   int // collections after which the pace was set (for tests)
)

// Start paces collections to budget bytes, within the limit of Cap, until
// stop is called. It does nothing when GOGC or GOMEMLIMIT is set: the
// user's setting stands.
func Start(b uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	mu.Lock()
	defer mu.Unlock()
	if running {
		return func() {}
	}
	running, budget = true, b
	old := debug.SetGCPercent(percentFor(0, b))
	oldLimit := debug.SetMemoryLimit(limitFor(0))
	arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		running = false
		debug.SetGCPercent(old)
		debug.SetMemoryLimit(oldLimit)
	}
}

// percentFor is the GOGC that lets a heap of live bytes grow to b before
// the next collection, and never below Go's default of 100. Before the
// first collection (live 0) the runtime counts from its 4 MB minimum.
func percentFor(live, b uint64) int {
	if live == 0 {
		live = 4 << 20
	}
	if b <= 2*live {
		return 100
	}
	return int(min(b*100/live-100, maxPercent))
}

// limitFor is the soft memory limit for a live heap of live bytes: Cap,
// or the live heap and half again (at least minRoom more) where that is
// more. Half again keeps collections at most about twice as frequent as
// Go's default (which lets the heap double), however large the heap.
func limitFor(live uint64) int64 {
	return int64(max(Cap, live+max(live/2, minRoom)))
}

// sentinel is garbage the moment it is made; its finalizer runs after
// the next collection, sets the pace for the one after, and makes another.
type sentinel struct{ _ [16]byte }

func arm() {
	runtime.SetFinalizer(&sentinel{}, func(*sentinel) { afterCollection() })
}

func afterCollection() {
	mu.Lock()
	defer mu.Unlock()
	if !running {
		return
	}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		l := live[0].Value.Uint64()
		debug.SetGCPercent(percentFor(l, budget))
		debug.SetMemoryLimit(limitFor(l))
	}
	paced++
	arm()
}
