package html

import (
	"io"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/pdf"
)

// BenchmarkWrite writes each example briefing and the hand-made one as a
// web page (html) and, in the same run for comparison, as a PDF (pdf).
// The target: a web page costs at most a fifth of the PDF's time
// (docs/performance.md).
func BenchmarkWrite(b *testing.B) {
	docs := map[string]*briefing.Document{"rich": bt.Rich()}
	for name, d := range bt.Examples(b) {
		docs["example-"+name] = d
	}
	for _, name := range bt.Names(docs) {
		d := docs[name]
		b.Run("html/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, d, Options{Docx: "a.docx", PDF: "a.pdf"}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("pdf/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := pdf.Write(io.Discard, d, pdf.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCatalogue writes the catalogue and the feed of 1,000
// briefings.
func BenchmarkCatalogue(b *testing.B) {
	base := exampleEntries(b, briefing.Date{Year: 2018, Month: 5, Day: 20})
	es := make([]Entry, 0, 1000)
	for i := range 1000 {
		e := base[i%len(base)]
		e.Name = e.Name + "-" + string(rune('a'+i%26)) + string(rune('a'+i/26%26))
		es = append(es, e)
	}
	SortEntries(es)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCatalogue(io.Discard, es, SiteOptions{}); err != nil {
			b.Fatal(err)
		}
		if err := WriteFeed(io.Discard, es, SiteOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
