package docx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

// TestZipVersions checks every entry says version 2.0 made it and is
// needed to extract it, in the central directory and in its local
// header, as Word, LibreOffice and pandoc write.
func TestZipVersions(t *testing.T) {
	b := docxOf(t, bt.Rich())
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.ReaderVersion != 20 || f.CreatorVersion&0xff != 20 {
			t.Errorf("%s: version needed %d, made by %d; want 20 (2.0) each", f.Name, f.ReaderVersion, f.CreatorVersion&0xff)
		}
		off, err := f.DataOffset()
		if err != nil {
			t.Fatal(err)
		}
		local := off - 30 - int64(len(f.Name)) - int64(len(f.Extra))
		if local < 0 || !bytes.Equal(b[local:local+4], []byte("PK\x03\x04")) {
			t.Fatalf("%s: no local header found", f.Name)
		}
		if v := binary.LittleEndian.Uint16(b[local+4:]); v != 20 {
			t.Errorf("%s: the local header says version %d is needed, want 20", f.Name, v)
		}
	}
	if len(z.File) < 10 {
		t.Errorf("only %d entries", len(z.File))
	}
}

// TestPanelHeaderColumn checks the panels' labels are marked as the
// tables' header column, and real tables keep their header row.
func TestPanelHeaderColumn(t *testing.T) {
	doc := (partOf(t, docxOf(t, bt.Rich()), "word/document.xml"))
	panel := `<w:tblStyle w:val="PanelTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0680" w:firstRow="0" w:lastRow="0" w:firstColumn="1"`
	if n := strings.Count(doc, panel); n != 2 {
		t.Errorf("%d panels with a header column, want 2 (source and about)", n)
	}
	if strings.Count(doc, `w:val="PanelTable"`) != 2 {
		t.Error("want exactly two panel tables")
	}
	if !strings.Contains(doc, `<w:tblLook w:val="0420" w:firstRow="1"`) || !strings.Contains(doc, `<w:tblHeader/>`) {
		t.Error("the briefing's table lost its repeated header row")
	}
}

// TestLanguage checks the briefing's language is the text's default
// language and the document's.
func TestLanguage(t *testing.T) {
	d := bt.Rich()
	b := docxOf(t, d)
	if s := (partOf(t, b, "word/styles.xml")); !strings.Contains(s, `<w:lang w:val="en-GB"`) {
		t.Error("an English briefing's styles are not in en-GB")
	}
	d.Meta.Lang = "cy"
	b = docxOf(t, d)
	styles := (partOf(t, b, "word/styles.xml"))
	if !strings.Contains(styles, `<w:lang w:val="cy"`) || strings.Contains(styles, `w:val="en-GB"`) {
		t.Errorf("a Welsh briefing's default language is not cy")
	}
	if core := (partOf(t, b, "docProps/core.xml")); !strings.Contains(core, "<dc:language>cy</dc:language>") {
		t.Errorf("core.xml's language is not cy:\n%s", core)
	}
}
