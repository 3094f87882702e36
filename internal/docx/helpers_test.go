package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"handouts/internal/briefing"
)

// docxOf writes d with the default look, failing the test on error.
func docxOf(t testing.TB, d *briefing.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// part is one entry of a written .docx.
type part struct {
	name string
	data []byte
}

// unzip reads every entry of a .docx, in order.
func unzip(t testing.TB, b []byte) []part {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var out []part
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		out = append(out, part{f.Name, data})
	}
	return out
}

func partOf(t testing.TB, b []byte, name string) string {
	t.Helper()
	for _, p := range unzip(t, b) {
		if p.name == name {
			return string(p.data)
		}
	}
	t.Fatalf("no part %s", name)
	return ""
}

// checkParts checks that every part is well-formed XML that
// encoding/xml reads back, and holds no character XML forbids.
func checkParts(t testing.TB, b []byte) {
	t.Helper()
	for _, p := range unzip(t, b) {
		if strings.HasPrefix(p.name, "word/media/") {
			continue // pictures, not XML
		}
		if err := parseXML(p.data); err != nil {
			t.Errorf("%s is not well-formed: %v", p.name, err)
		}
	}
}

func parseXML(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// texts returns the text of the w:t elements of a part, each paragraph
// on a line of its own.
func texts(t testing.TB, part string) string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(part))
	var b strings.Builder
	inT := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("texts: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "t":
				inT = true
			case "tab":
				b.WriteString("\t")
			case "br":
				b.WriteString("\n")
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "t":
				inT = false
			case "p":
				b.WriteString("\n")
			}
		case xml.CharData:
			if inT {
				b.Write(e)
			}
		}
	}
	return b.String()
}

// withoutKeeps is doc without the keeps set on paragraphs directly
// (keeps.go), for tests about other things.
func withoutKeeps(doc string) string {
	return strings.NewReplacer("<w:keepNext/>", "", "<w:keepLines/>", "").Replace(doc)
}
