package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// startLimit is the memory a process may reach before its first garbage
// collection (see leanStart).
const startLimit = 32 << 20

// leanStart lets a process run without garbage collection until its
// memory reaches startLimit, then collects as Go does by default
// (GOGC=100, no memory limit) for the rest of its life.
//
// A build of one briefing, the commonest run from a librarian's command
// line, allocates a few megabytes and exits: its collections (two, at
// 4 and 5 MB) marked a heap about to be thrown away, and cost about a
// tenth of its CPU time. A large build reaches startLimit within its
// first briefings, and from its first collection on runs exactly as
// before, so its peak memory is unchanged. GOGC or GOMEMLIMIT set in the
// environment are respected: then nothing is changed; and settings the
// program makes itself before the first collection are kept.
func leanStart() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(startLimit)
	// The first collection, which the limit triggers, finds the
	// sentinel unreachable and puts back what was set before, unless
	// the program has set its own values since.
	runtime.AddCleanup(new(*byte), func(struct{}) {
		if p := debug.SetGCPercent(percent); p != -1 {
			debug.SetGCPercent(p)
		}
		if l := debug.SetMemoryLimit(-1); l == startLimit {
			debug.SetMemoryLimit(limit)
		}
	}, struct{}{})
}
