//go:build !unix

package main

import (
	"os"
	"time"
)

// peakMemory: not measured where there is no getrusage; the report
// shows 0.
func peakMemory(*os.ProcessState) int64 { return 0 }

// cpuTime: not measured where there is no getrusage.
func cpuTime() time.Duration { return 0 }
