package importer_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/docx"
	"handouts/internal/extprog"
	"handouts/internal/importer"
	"handouts/internal/pdf"
	"handouts/internal/wordread"
)

// TestRoundTripExamples imports the Word handout of every example
// briefing and builds the result again: the new handouts must carry the
// same text as the originals, in Word (the text of every paragraph of
// word/document.xml); TestInteropRoundTripPDFText compares the PDFs.
func TestRoundTripExamples(t *testing.T) {
	docs := bt.Examples(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			orig := docs[name]
			origDocx := writeDocx(t, orig)
			src, err := wordread.Read(bytes.NewReader(origDocx), int64(len(origDocx)))
			if err != nil {
				t.Fatalf("reading our own handout: %v", err)
			}
			md := importer.Convert(src).Markdown(name + ".docx")
			back, diags := briefing.Parse(name+".md", md, briefing.Options{})
			for _, d := range diags {
				t.Errorf("imported briefing: %s", d)
			}
			if back == nil || diags.HasErrors() {
				t.Fatalf("the imported briefing does not parse:\n%s", md)
			}
			want, got := docxText(t, origDocx), docxText(t, writeDocx(t, back))
			if want != got {
				t.Errorf("the Word text differs after the round trip:\n%s\nimported Markdown:\n%s", bt.DiffLines(want, got), md)
			}
		})
	}
}

// TestInteropRoundTripPDFText is the round trip of TestRoundTripExamples
// read from the PDFs: pdftotext must find the same text in the handout
// built from the imported briefing as in the original.
func TestInteropRoundTripPDFText(t *testing.T) {
	extprog.Need(t, "pdftotext")
	docs := bt.Examples(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			orig := docs[name]
			b := writeDocx(t, orig)
			src, err := wordread.Read(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				t.Fatal(err)
			}
			back, diags := briefing.Parse(name+".md", importer.Convert(src).Markdown(name+".docx"), briefing.Options{})
			if back == nil || diags.HasErrors() {
				t.Fatalf("the imported briefing does not parse: %v", diags)
			}
			if w, g := pdfText(t, writePDF(t, orig)), pdfText(t, writePDF(t, back)); w != g {
				t.Errorf("the PDF text differs after the round trip:\n%s", bt.DiffLines(w, g))
			}
		})
	}
}

func writeDocx(t *testing.T, d *briefing.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := docx.Write(&b, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writePDF(t *testing.T, d *briefing.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := pdf.Write(&b, d, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var (
	reParaEnd = regexp.MustCompile(`</w:p>|<w:br/>|<w:tab/>`)
	reTag     = regexp.MustCompile(`<[^>]*>`)
)

// docxText is the text of word/document.xml, a line per paragraph.
func docxText(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		x, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		return reTag.ReplaceAllString(reParaEnd.ReplaceAllString(string(x), "\n"), "")
	}
	t.Fatal("no word/document.xml")
	return ""
}

func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "h.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return string(extprog.Run(t, dir, "pdftotext", "-layout", "h.pdf", "-"))
}
