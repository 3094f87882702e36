package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

// gcSettings returns GOGC and the memory limit without changing them.
func gcSettings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// afterLeanStart calls leanStart, then between (the program's own doing
// before its first collection), then makes garbage, a megabyte at a
// time, until the memory limit is gone (at most 64 times startLimit),
// and returns how many collections ran meanwhile. The settings of the
// test process are put back afterwards.
func afterLeanStart(t *testing.T, between func()) (collections uint32) {
	t.Helper()
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT set: leanStart changes nothing")
	}
	p0, l0 := gcSettings()
	t.Cleanup(func() {
		debug.SetGCPercent(p0)
		debug.SetMemoryLimit(l0)
	})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	leanStart()
	between()
	var sink []byte
	for i := 0; i < 64*startLimit>>20; i++ {
		sink = make([]byte, 1<<20)
		sink[0] = byte(i)
		if _, l := gcSettings(); l == math.MaxInt64 {
			break
		}
		runtime.Gosched() // let the cleanup run
	}
	_ = sink
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

// TestLeanStart checks that a process starts without collections up to
// startLimit, that reaching it collects (nothing here calls runtime.GC),
// and that from then on the defaults hold: GOGC=100 and no limit.
func TestLeanStart(t *testing.T) {
	n := afterLeanStart(t, func() {
		if p, l := gcSettings(); p != -1 || l != startLimit {
			t.Fatalf("after leanStart: GOGC %d, limit %d; want off, %d", p, l, startLimit)
		}
	})
	if n == 0 {
		t.Error("no collection although the limit was passed many times over")
	}
	if p, l := gcSettings(); p != 100 || l != math.MaxInt64 {
		t.Errorf("after the first collection: GOGC %d, limit %d; want 100 and none", p, l)
	}
}

// TestLeanStartKeepsTheProgramsOwnSettings checks that a GOGC the
// program sets before the first collection is not undone by it.
func TestLeanStartKeepsTheProgramsOwnSettings(t *testing.T) {
	afterLeanStart(t, func() { debug.SetGCPercent(50) })
	if p, l := gcSettings(); p != 50 || l != math.MaxInt64 {
		t.Errorf("GOGC %d, limit %d; want the program's 50, and no limit", p, l)
	}
}
