package pdf

import (
	"io"
	"testing"
)

// BenchmarkWrite writes the hand-made briefing with one of everything
// (two pages) with the default look.
func BenchmarkWrite(b *testing.B) {
	d := rich()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
