package wordread

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/importer"
	"handouts/internal/picture/picturetest"
)

// drawingXML is an inline picture as Word writes it: docPr carries the
// description (and the decorative flag), the blip the relationship.
func drawingXML(descr, blip string, decorative bool) string {
	dec := ""
	if decorative {
		dec = `<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>`
	}
	return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">` +
		`<wp:extent cx="914400" cy="685800"/><wp:docPr id="1" name="Picture 1" descr="` + descr + `">` + dec + `</wp:docPr>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>` + blip +
		`</pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

func embed(id string) string {
	return `<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="` + id + `"/>`
}

// TestPictures: embedded PNG and JPEG pictures come over with their
// description, the decorative flag, or the placeholder when Word has no
// description; each stands in a paragraph of its own, the text around it
// kept in order. A linked picture is not fetched, a chart not read, a
// file that is not a picture not taken: each is a remark.
func TestPictures(t *testing.T) {
	png, jpeg := picturetest.PNG(60, 40), picturetest.JPEG(80, 60)
	const chart = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="9" name="Chart 1"/>` +
		`<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r>`
	doc := docStart +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Summary of driver</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>` + drawingXML("A map &amp; its key", embed("rId10"), false) + `<w:r><w:t xml:space="preserve"> after.</w:t></w:r></w:p>` +
		`<w:p>` + drawingXML("", embed("rId10"), true) + `</w:p>` +
		`<w:p>` + drawingXML("", embed("rId11"), false) + `</w:p>` +
		`<w:p>` + drawingXML("A remote chart", `<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:link="rId12"/>`, false) + `</w:p>` +
		`<w:p>` + chart + `</w:p>` +
		`<w:p>` + drawingXML("Not a picture", embed("rId13"), false) + `</w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>an item</w:t></w:r>` + drawingXML("In a list", embed("rId10"), false) + `</w:p>` +
		`</w:body></w:document>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>` +
		`<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image2.jpeg"/>` +
		`<Relationship Id="rId12" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="https://www.example.org/chart.png" TargetMode="External"/>` +
		`<Relationship Id="rId13" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/notes.png"/>` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`
	numbering := `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num></w:numbering>`
	src, err := readBytes(zipOf(t, "word/document.xml", doc, "word/_rels/document.xml.rels", rels, "word/numbering.xml", numbering,
		"word/media/image1.png", string(png), "word/media/image2.jpeg", string(jpeg), "word/media/notes.png", "just text"))
	if err != nil {
		t.Fatal(err)
	}
	b := importer.Convert(src)
	b.NamePictures("t", nil)
	md := string(b.Markdown("t.docx"))
	for _, want := range []string{
		"\nBefore\n\n![A map \\& its key](images/t-1.png)\n\nafter.\n",
		"\n![](images/t-2.png \"decorative\")\n",
		"\n![" + importer.PlaceholderAlt + "](images/t-3.jpeg)\n",
		"\n- an item\n\n![In a list](images/t-4.png)\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown has no %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "example.org/chart") || strings.Contains(md, "Not a picture") {
		t.Errorf("a linked picture or a file that is not a picture was written:\n%s", md)
	}
	pics := b.Pictures()
	if len(pics) != 4 || !bytes.Equal(pics[0].Data, png) || !bytes.Equal(pics[2].Data, jpeg) || pics[2].Ext != "jpeg" {
		t.Fatalf("%d pictures, or not the files' bytes", len(pics))
	}
	remarks := strings.Join(b.Remarks, "\n")
	for _, want := range []string{
		`picture 4 is linked to "https://www.example.org/chart.png", not embedded in the document; it was not fetched`,
		"drawing 5 is not a picture",
		"picture 6 (word/media/notes.png) was left out: it is not a PNG or JPEG picture",
		"1 picture in a heading, list, quote or table was moved to a paragraph of its own after it",
	} {
		if !strings.Contains(remarks, want) {
			t.Errorf("no remark %q in:\n%s", want, remarks)
		}
	}

	// Written beside the briefing, the pictures are found and checked;
	// the placeholder is reported at its line.
	dir := t.TempDir()
	for _, p := range pics {
		f := filepath.Join(dir, filepath.FromSlash(p.Name))
		os.MkdirAll(filepath.Dir(f), 0o755)
		if err := os.WriteFile(f, p.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	d, diags := briefing.Parse(filepath.Join(dir, "t.md"), []byte(md), briefing.Options{Root: dir})
	if d == nil {
		t.Fatal("does not parse")
	}
	var alts []string
	for _, s := range d.Sections() {
		for _, bl := range s.Blocks {
			if p, ok := bl.(*briefing.Paragraph); ok {
				if img := briefing.Figure(p); img != nil {
					alts = append(alts, img.Alt)
				}
			}
		}
	}
	if got := strings.Join(alts, "|"); got != "A map & its key||In a list" {
		t.Errorf("alt texts read back %q", got) // the placeholder's picture is refused
	}
	var placeholder int
	for _, dg := range diags {
		if strings.Contains(dg.Message, "picture") {
			if !strings.Contains(dg.Message, `has the placeholder "`+importer.PlaceholderAlt+`"`) || !strings.Contains(dg.Message, "images/t-3.jpeg") {
				t.Errorf("unexpected: %s", dg)
			}
			placeholder++
		}
	}
	if placeholder != 1 {
		t.Errorf("the placeholder reported %d times: %v", placeholder, diags)
	}
}

// TestPictureLimits: a picture over internal/picture's file limit is
// left out without being read in full, with a remark.
func TestPictureLimits(t *testing.T) {
	doc := docStart + `<w:p>` + drawingXML("Big", embed("rId10"), false) + `</w:p></w:body></w:document>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/big.png"/></Relationships>`
	big := string(picturetest.PNG(10, 10)) + strings.Repeat("\x00", 8<<20)
	src, err := readBytes(zipOf(t, "word/document.xml", doc, "word/_rels/document.xml.rels", rels, "word/media/big.png", big))
	if err != nil {
		t.Fatal(err)
	}
	b := importer.Convert(src)
	if len(b.Pictures()) != 0 || !strings.Contains(strings.Join(b.Remarks, "\n"), "picture 1 was left out: word/media/big.png expands beyond the size limit (8 MiB") {
		t.Errorf("pictures %d, remarks %q", len(b.Pictures()), b.Remarks)
	}
}
