//go:build !windows

package main

import "os"

// enableANSI: terminals on Linux and macOS understand escape sequences.
func enableANSI(*os.File) bool { return true }
