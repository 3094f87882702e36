package main

import (
	"os"

	"golang.org/x/term"
)

// isTTY asks the system whether f is a terminal: terminal settings on
// Linux and macOS, a console mode on Windows. /dev/null and NUL are not.
func isTTY(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// terminalWidth is the number of columns of the terminal f, or 0 when it
// cannot be told.
func terminalWidth(f *os.File) int {
	w, _, err := term.GetSize(int(f.Fd()))
	if err != nil || w < 0 {
		return 0
	}
	return w
}
