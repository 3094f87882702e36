package pdf

import (
	"io"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

// BenchmarkWrite writes the hand-made briefing with one of everything
// (two pages, six font pages) and each example briefing, with the
// default look.
func BenchmarkWrite(b *testing.B) {
	docs := map[string]*briefing.Document{"rich": bt.Rich()}
	for name, d := range bt.Examples(b) {
		docs["example-"+name] = d
	}
	for _, name := range bt.Names(docs) {
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

// BenchmarkGlyphs checks the characters of each example briefing
// against the fonts, as a build does before each PDF handout.
func BenchmarkGlyphs(b *testing.B) {
	docs := bt.Examples(b)
	for _, name := range bt.Names(docs) {
		d := docs[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if g := Glyphs(d, nil, nil); len(g) > 0 {
					b.Fatal(g)
				}
			}
		})
	}
}
