package pdf

import (
	"io"
	"testing"

	"handouts/internal/briefing"
)

// BenchmarkWrite writes the hand-made briefing with one of everything
// (two pages, six font pages) and each example briefing, with the
// default look.
func BenchmarkWrite(b *testing.B) {
	docs := map[string]*briefing.Document{"rich": rich()}
	for name, d := range exampleDocs(b) {
		docs["example-"+name] = d
	}
	for _, name := range names(docs) {
		d := docs[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, d, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
