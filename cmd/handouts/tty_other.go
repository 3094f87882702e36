//go:build !linux

package main

import "os"

// isTTY: where the terminal request is not wired up, every character
// device counts as a terminal.
func isTTY(*os.File) bool { return true }

// terminalWidth: unknown here.
func terminalWidth(*os.File) int { return 0 }
