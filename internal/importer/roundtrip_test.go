package importer_test

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/diag"
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
			md, back, diags := importInto(t, t.TempDir(), name, src)
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
			if w, g := pictures(orig), pictures(back); !slices.EqualFunc(w, g, samePicture) {
				t.Errorf("the pictures differ after the round trip:\n got %v\nwant %v", g, w)
			}
		})
	}
}

// importInto imports src as the import command does: the briefing as
// dir/name.md, its pictures in dir/images; then parses it from there.
func importInto(t *testing.T, dir, name string, src importer.Source) ([]byte, *briefing.Document, diag.List) {
	t.Helper()
	b := importer.Convert(src)
	b.NamePictures(name, nil)
	for _, p := range b.Pictures() {
		f := filepath.Join(dir, filepath.FromSlash(p.Name))
		if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f, p.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := b.Markdown(name + ".docx")
	d, diags := briefing.Parse(filepath.Join(dir, name+".md"), md, briefing.Options{Root: dir})
	return md, d, diags
}

// shown is a picture as a reader meets it: its bytes, its alternative
// text, whether it is decorative.
type shown struct {
	sum        [32]byte
	alt        string
	decorative bool
}

func samePicture(a, b shown) bool { return a == b }

// pictures lists a briefing's local pictures in order.
func pictures(d *briefing.Document) []shown {
	var out []shown
	for _, s := range d.Sections() {
		for _, bl := range s.Blocks {
			if p, ok := bl.(*briefing.Paragraph); ok {
				if img := briefing.Figure(p); img != nil {
					out = append(out, shown{sha256.Sum256(img.Picture.Data), img.Alt, img.Decorative})
				}
			}
		}
	}
	return out
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
			_, back, diags := importInto(t, t.TempDir(), name, src)
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
	// As the build writes it: the source panel has a QR code, which the
	// import leaves out (the address is in the panel's text).
	if err := docx.Write(&b, d, docx.Options{QR: true}); err != nil {
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
