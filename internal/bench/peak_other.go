//go:build !linux

package main

// resetPeak: only Linux counts the parent's memory in a child's peak.
func resetPeak() {}
