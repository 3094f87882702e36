//go:build !unix

package main

import "os"

// peakMemory: not measured where there is no getrusage; the report
// shows 0.
func peakMemory(*os.ProcessState) int64 { return 0 }
