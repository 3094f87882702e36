package main

import (
	"os"
	"testing"
)

// TestUsageErrorsExitTwo: an unknown command or flag, at any level, exits
// with status 2.
func TestUsageErrorsExitTwo(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	oldErr, oldOut := os.Stderr, os.Stdout
	os.Stderr, os.Stdout = null, null
	defer func() { os.Stderr, os.Stdout = oldErr, oldOut }()
	for _, args := range [][]string{
		{"biuld"},
		{"help", "biuld"},
		{"build", "--frce"},
		{"--cnfig", "x", "build"},
		{"status", "--fail-overdu"},
		{"template", "docx", "--x"},
		{"new", "A title", "--knd", "hot-topic"},
	} {
		if got := run(append([]string{"handouts"}, args...)); got != exitUsage {
			t.Errorf("handouts %q exited %d; want %d", args, got, exitUsage)
		}
	}
}
