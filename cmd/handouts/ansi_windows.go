package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableANSI turns on the console's handling of escape sequences (colour,
// clearing the progress line), which Windows Terminal has on and the
// older console window has off. Where the console refuses, the build
// prints plain lines.
func enableANSI(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
