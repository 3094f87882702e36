package wordread

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/docx"
	"handouts/internal/importer"
)

// zipOf makes a zip of the named parts, in order.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := z.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[i+1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const docStart = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`

func readBytes(b []byte) (importer.Source, error) { return Read(bytes.NewReader(b), int64(len(b))) }

// TestLimits: a file that is not a Word document, one with too many
// entries, a part that expands beyond its limit, and XML nested too deep
// are each refused with a sentence, never read in full.
func TestLimits(t *testing.T) {
	many := []string{}
	for i := 0; i <= MaxEntries; i++ {
		many = append(many, fmt.Sprintf("x/%d.xml", i), "<a/>")
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("plain text"), "is not a Word document"},
		{"no document", zipOf(t, "a.xml", "<a/>"), "has no main document"},
		{"too many entries", zipOf(t, many...), "entries, more than"},
		{"expands too far", zipOf(t, "word/document.xml", docStart+strings.Repeat(" ", MaxPartBytes+1)), "expands beyond the size limit"},
		{"nested too deep", zipOf(t, "word/document.xml", docStart+strings.Repeat("<w:x>", MaxXMLDepth+1)), "nested more than"},
		{"not well-formed", zipOf(t, "word/document.xml", docStart+"<w:p>"), "not well-formed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readBytes(tc.data)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v; want one containing %q", err, tc.want)
			}
		})
	}
}

// TestWordFeatures reads what a Word document holds: heading styles,
// lists with their numbers and nesting, bold, italic, hyperlinks (only
// their addresses: nothing is fetched), tables, footnotes, deleted text
// left out, and a HYPERLINK field.
func TestWordFeatures(t *testing.T) {
	doc := docStart +
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Summary</w:t></w:r></w:p>` +
		`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:rPr><w:b w:val="0"/><w:i/></w:rPr><w:t xml:space="preserve"> italic</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>nested</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>second</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>` +
		`<w:p><w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>a link</w:t></w:r></w:hyperlink></w:p>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://www.example.org/f" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>field link</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
		`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`</w:body></w:document>`
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.org/" TargetMode="External"/></Relationships>`
	numbering := `<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num></w:numbering>`
	notes := `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A note.</w:t></w:r></w:p></w:footnote></w:footnotes>`
	src, err := readBytes(zipOf(t, "word/document.xml", doc, "word/_rels/document.xml.rels", rels,
		"word/numbering.xml", numbering, "word/footnotes.xml", notes))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range src.Blocks {
		s := fmt.Sprintf("%d/%d/%v/%d:", b.Kind, b.Level, b.Ordered, b.Number)
		for _, in := range b.Inlines {
			s += fmt.Sprintf("[%s b%v i%v %s n%d]", in.Text, in.Bold, in.Italic, in.Link, in.Note)
		}
		for _, r := range b.Rows {
			for _, c := range r {
				s += "|" + importer.PlainText(c)
			}
		}
		got = append(got, s)
	}
	want := []string{
		"1/1/false/0:[Summary bfalse ifalse  n0]",
		"0/0/false/0:[Bold btrue ifalse  n0][ italic bfalse itrue  n0]",
		"2/0/true/4:[first bfalse ifalse  n0]",
		"2/1/false/0:[nested bfalse ifalse  n0]",
		"2/0/true/5:[second bfalse ifalse  n0][ bfalse ifalse  n1]",
		"0/0/false/0:[a link bfalse ifalse https://www.example.org/ n0]",
		"0/0/false/0:[field link bfalse ifalse https://www.example.org/f n0]",
		"3/0/false/0:|A|B",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(src.Notes) != 1 || strings.TrimSpace(importer.PlainText(src.Notes[0])) != "A note." {
		t.Errorf("notes %v", src.Notes)
	}
}

// FuzzRead: any bytes are read or refused without panicking, and what is
// read gives a briefing whose front matter parses.
func FuzzRead(f *testing.F) {
	for _, p := range []string{"../importer/testdata/tidy.docx", "../importer/testdata/hurried.docx"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	var b bytes.Buffer
	if err := docx.Write(&b, bt.Rich(), docx.Options{}); err == nil {
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := readBytes(data)
		if err != nil {
			return
		}
		md := importer.Convert(src).Markdown("x.docx")
		doc, diags := briefing.Parse("x.md", md, briefing.Options{})
		if doc == nil {
			t.Fatalf("unreadable:\n%s", md)
		}
		for _, d := range diags {
			if strings.Contains(d.Message, "not valid YAML") || strings.Contains(d.Message, "unknown key") {
				t.Fatalf("%s\n%s", d, md)
			}
		}
	})
}
