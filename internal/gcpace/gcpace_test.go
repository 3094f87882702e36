package gcpace

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestPercentFor(t *testing.T) {
	for _, c := range []struct {
		live, budget uint64
		want         int
	}{
		{0, 64 << 20, 1500},        // from the runtime's 4 MB start
		{16 << 20, 64 << 20, 300},  // grows to the budget
		{32 << 20, 64 << 20, 100},  // twice the live heap is the budget
		{100 << 20, 64 << 20, 100}, // never below Go's default
		{1, 64 << 20, maxPercent},  // bounded
		{20 << 20, 100 << 20, 400}, // another budget
		{63 << 20, 128 << 20, 103}, // just above twice
		{64 << 20, 128 << 20, 100}, // exactly twice
		{4 << 20, 8 << 20, 100},    // a budget no more than the default
		{8 << 20, 4 << 20, 100},    // a live heap above the budget
		{6 << 20, 64 << 20, 966},   // rounds down
		{12 << 20, 48 << 20, 300},  // another ratio
		{50 << 20, 1 << 30, 1948},  // a large budget
		{1 << 20, 1 << 40, maxPercent},
	} {
		if got := percentFor(c.live, c.budget); got != c.want {
			t.Errorf("percentFor(%d, %d) = %d, want %d", c.live, c.budget, got, c.want)
		}
	}
}

func TestLimitFor(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		live uint64
		want int64
	}{
		{0, Cap},
		{20 * mib, Cap},
		{48 * mib, Cap},        // 48 + 32 = 80
		{50 * mib, 82 * mib},   // at least 32 MiB of room
		{64 * mib, 96 * mib},   // half again = 32
		{100 * mib, 150 * mib}, // half again
		{1000 * mib, 1500 * mib},
	} {
		if got := limitFor(c.live); got != c.want {
			t.Errorf("limitFor(%d MiB) = %d MiB, want %d MiB", c.live/mib, got/mib, c.want/mib)
		}
	}
}

// Start sets the pace at once, keeps it through collections, and stop
// restores what was set before.
func TestStartAndStop(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	beforeLimit := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(beforeLimit)
	stop := Start(64 << 20)
	if l := debug.SetMemoryLimit(-1); l != Cap {
		t.Errorf("after Start, the memory limit is %d, want %d", l, Cap)
	}
	if p := debug.SetGCPercent(-1); p <= 100 {
		t.Errorf("after Start, GOGC = %d, want more than 100", p)
	}
	// With 24 MB live, the pace after a collection lets the heap grow
	// to the budget: GOGC about 64/24-1, well under the 1500 of the start.
	ballast := make([]byte, 24<<20)
	mu.Lock()
	start := paced
	mu.Unlock()
	for i := 0; i < 1000; i++ {
		runtime.GC() // the finalizer runs on its own goroutine afterwards
		time.Sleep(time.Millisecond)
		mu.Lock()
		n := paced
		mu.Unlock()
		if n > start+1 {
			break
		}
	}
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	if p < 100 || p > 200 {
		t.Errorf("with 24 MB live, GOGC = %d, want 100 to 200", p)
	}
	runtime.KeepAlive(ballast)
	stop()
	if p := debug.SetGCPercent(77); p != 77 {
		t.Errorf("after stop, GOGC = %d, want the 77 set before Start", p)
	}
	if l := debug.SetMemoryLimit(-1); l != 1<<40 {
		t.Errorf("after stop, the memory limit is %d, want the one set before Start", l)
	}
}

// A user's GOGC stands.
func TestUserSettingStands(t *testing.T) {
	t.Setenv("GOGC", "50")
	before := debug.SetGCPercent(50)
	defer debug.SetGCPercent(before)
	stop := Start(64 << 20)
	defer stop()
	if p := debug.SetGCPercent(50); p != 50 {
		t.Errorf("GOGC = %d with GOGC=50 set", p)
	}
}
