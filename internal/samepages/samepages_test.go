package samepages

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/docx"
	"handouts/internal/extprog"
	"handouts/internal/handout"
	"handouts/internal/pdf"
)

// corpusSize is how many generated briefings the check takes, from half a
// page to four pages of content.
const corpusSize = 40

func pages(t *testing.T, dir, file string) int {
	t.Helper()
	out := extprog.Run(t, dir, "pdfinfo", file)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", file)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// TestInteropSamePages writes the Word and PDF handouts of every example
// and corpus briefing, with and without an adapter, on A4 (the Word
// handout's paper), has LibreOffice convert the Word handouts to PDF,
// and compares the page counts. A PDF tightened onto fewer pages (pdf's
// fit.go) has its Word handout tightened as far, so every one must match.
func TestInteropSamePages(t *testing.T) {
	extprog.Need(t, "soffice")
	extprog.Need(t, "pdfinfo")
	docs := map[string]*briefing.Document{}
	for name, d := range bt.Examples(t) {
		docs[name] = d
	}
	for _, d := range bt.Corpus(corpusSize) {
		docs[d.Name] = d
	}
	dir := t.TempDir()
	var names, paths []string
	for _, name := range bt.Names(docs) {
		for _, adapter := range []string{"", "Mid Cheshire Library Service"} {
			file := name
			if adapter != "" {
				file += "-adapted"
			}
			ho := handout.Options{AdaptedBy: adapter}
			var w, p bytes.Buffer
			// As the build writes them: with the QR code of the driver's address.
			if err := docx.Write(&w, docs[name], docx.Options{Handout: ho, QR: true}); err != nil {
				t.Fatal(err)
			}
			if err := pdf.Write(&p, docs[name], pdf.Options{Handout: ho, QR: true}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, file+".docx"), w.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, file+".pdf"), p.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			names = append(names, file)
			paths = append(paths, file+".docx")
		}
	}
	lo := filepath.Join(dir, "lo")
	extprog.Run(t, dir, "soffice", append([]string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", lo}, paths...)...)
	same := 0
	for _, f := range names {
		want := pages(t, dir, f+".pdf")
		got := pages(t, lo, f+".pdf")
		if got != want {
			t.Errorf("%s: LibreOffice sets the Word handout on %d pages, the PDF is %d", f, got, want)
			continue
		}
		same++
	}
	t.Logf("%d of %d handouts on as many pages in Word as in PDF", same, len(names))
}
