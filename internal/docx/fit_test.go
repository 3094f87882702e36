package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/pdf"
)

func TestTighten(t *testing.T) {
	in := `<w:pPr><w:spacing w:before="240" w:after="100" w:line="271" w:lineRule="auto"/></w:pPr>` +
		`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="exact"/></w:pPr>` +
		`<w:rPr><w:spacing w:val="20"/></w:rPr>`
	want := `<w:pPr><w:spacing w:before="120" w:after="50" w:line="244" w:lineRule="auto"/></w:pPr>` +
		`<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="exact"/></w:pPr>` +
		`<w:rPr><w:spacing w:val="20"/></w:rPr>`
	if got := string(tighten([]byte(in), 0.9, 0.5)); got != want {
		t.Errorf("tighten:\n got %s\nwant %s", got, want)
	}
}

// TestTightStyles: a briefing whose PDF is tightened onto fewer pages
// gets tightened styles in its Word handout; one that is not, and any
// handout made with a reference document, keeps the styles as they are.
func TestTightStyles(t *testing.T) {
	var tight, plain int
	for _, d := range bt.Corpus(20) {
		line, space, err := pdf.Tightening(d, pdf.Options{})
		if err != nil {
			t.Fatal(err)
		}
		b := docxOf(t, d)
		styles := partOf(t, b, "word/styles.xml")
		def := partOf(t, DefaultReference(), "word/styles.xml")
		if line == 1 && space == 1 {
			plain++
			if styles != def {
				t.Errorf("%s: not tightened in PDF, but its Word styles differ", d.Name)
			}
			continue
		}
		tight++
		if styles == def {
			t.Errorf("%s: tightened in PDF (%.2f, %.2f), but its Word styles are the default", d.Name, line, space)
		}
		// With a reference document of the librarian's own styles,
		// those styles stay as they are.
		own := rezip(t, unzip(t, DefaultReference()), func(name string, data []byte) []byte {
			if name == "word/styles.xml" {
				return bytes.ReplaceAll(data, []byte(`w:val="005EB8"`), []byte(`w:val="FF0000"`))
			}
			return data
		})
		path := filepath.Join(t.TempDir(), "ref.docx")
		if err := os.WriteFile(path, own, 0o644); err != nil {
			t.Fatal(err)
		}
		ref, err := LoadReference(path)
		if err != nil {
			t.Fatal(err)
		}
		var w bytes.Buffer
		if err := Write(&w, d, Options{Reference: ref}); err != nil {
			t.Fatal(err)
		}
		if got := partOf(t, w.Bytes(), "word/styles.xml"); got != partOf(t, own, "word/styles.xml") {
			t.Errorf("%s: a reference document's own styles were changed", d.Name)
		}
		// The default reference read back is the default look: tightened.
		dr, err := readRef(DefaultReference())
		if err != nil {
			t.Fatal(err)
		}
		w.Reset()
		if err := Write(&w, d, Options{Reference: dr}); err != nil {
			t.Fatal(err)
		}
		if partOf(t, w.Bytes(), "word/styles.xml") != styles {
			t.Errorf("%s: the default reference read back is not tightened as the default look", d.Name)
		}
	}
	if tight == 0 || plain == 0 {
		t.Errorf("%d tightened and %d plain: the corpus should have both", tight, plain)
	}
}

// TestSharedLayout: a Word handout given the PDF layout through
// Options.LayOut is the one it makes by itself, byte for byte, and asks
// for the layout once, with the options the PDF handout's tightening is
// judged by.
func TestSharedLayout(t *testing.T) {
	tight := 0
	for _, d := range bt.Corpus(12) {
		calls := 0
		var b bytes.Buffer
		err := Write(&b, d, Options{QR: true, LayOut: func(dd *briefing.Document, o pdf.Options) (*pdf.Layout, error) {
			calls++
			if dd != d || o.Paper != "" || o.Theme != nil || !o.QR {
				t.Errorf("%s: laid out with %+v", d.Name, o)
			}
			return pdf.LayOut(dd, o)
		}})
		if err != nil {
			t.Fatal(err)
		}
		var own bytes.Buffer
		if err := Write(&own, d, Options{QR: true}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), own.Bytes()) {
			t.Errorf("%s: differs with the layout handed in", d.Name)
		}
		if calls != 1 {
			t.Errorf("%s: laid out %d times", d.Name, calls)
		}
		if line, _, _ := pdf.Tightening(d, pdf.Options{QR: true}); line < 1 {
			tight++
		}
	}
	if tight == 0 {
		t.Error("no handout tightened: the test shows nothing")
	}
}
