package docx

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
)

const hdrOpen = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:xi="http://www.w3.org/2001/XInclude" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:x="urn:example">`

// field is a complex field: begin, instruction, separate, result, end.
func field(instr, result string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">` + instr + `</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>` + result + `</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// withHeader is the default reference with its header replaced, and
// extra parts added.
func withHeader(t *testing.T, hdr string, extra ...part) []byte {
	t.Helper()
	parts := append(unzip(t, DefaultReference()), extra...)
	return rezip(t, parts, func(name string, data []byte) []byte {
		if name == "word/header1.xml" {
			return []byte(hdr)
		}
		return data
	})
}

// A reference header's fields and elements that could fetch, include or
// run anything are dropped, each named in a note; its text, formatting
// and PAGE field are kept.
func TestReferenceHeaderKeepsOnlyWhatIsSafe(t *testing.T) {
	hdr := hdrOpen + `<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="right"/></w:pPr>` +
		`<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{kind}: {title}</w:t></w:r><w:r><w:tab/></w:r>` +
		field(` INCLUDEPICTURE "http://tracker.example/p.png" \d `, "pic") +
		field(` DDEAUTO c:\\windows\\system32\\cmd.exe "/c calc" `, "dde") +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPER</w:instrText></w:r><w:r><w:instrText>LINK "http://split.example/" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\host\\share\\x&quot; "><w:r><w:t>included</w:t></w:r></w:fldSimple>` +
		`<w:hyperlink w:anchor="top"><w:r><w:t>link text</w:t></w:r></w:hyperlink>` +
		`<xi:include href="http://xinclude.example/x.xml"/>` +
		`<x:unknown><w:r><w:t>hidden</w:t></w:r></x:unknown>` +
		`<w:r><w:t xml:space="preserve"> Page </w:t></w:r>` + field(` PAGE \* MERGEFORMAT `, "1") +
		`<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>` +
		`</w:p></w:hdr>`
	r, err := readRef(withHeader(t, hdr))
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(r.Notes, "\n")
	for _, want := range []string{"an INCLUDEPICTURE field", "a DDEAUTO field", "a HYPERLINK field", "an INCLUDETEXT field", "w:hyperlink", "xi:include", "unknown element"} {
		if !strings.Contains(notes, want) {
			t.Errorf("no note of %s:\n%s", want, notes)
		}
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	checkParts(t, b.Bytes())
	got := partOf(t, b.Bytes(), "word/header1.xml")
	for _, bad := range []string{"INCLUDEPICTURE", "DDEAUTO", "HYPER", "LINK", "INCLUDETEXT", "tracker.example", "split.example", "xinclude.example", `\\host`, "xi:", "include", "hidden", "link text", "calc", "anchor"} {
		if strings.Contains(got, bad) {
			t.Errorf("the handout's header holds %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{`<w:b>`, `<w:jc w:val="right">`, `<w:tab>`, " PAGE ", " Page ", `w:instr=" NUMPAGES "`, bt.Rich().Meta.Title} {
		if !strings.Contains(got, want) {
			t.Errorf("the handout's header lost %q:\n%s", want, got)
		}
	}
}

func pngBytes(t testing.TB) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 2))
	img.Set(1, 1, color.NRGBA{200, 0, 0, 128})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func drawingXML(attr string) string {
	return `<w:r><w:drawing><wp:anchor behindDoc="0"><wp:extent cx="914400" cy="457200"/><wp:docPr id="7" name="Logo" descr="Mid Cheshire Library Service"/>` +
		`<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip ` + attr + `/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>`
}

// A logo stored in the reference's header is carried into every
// handout's header as a picture of its own; a linked one is dropped.
func TestReferenceHeaderLogoIsCarriedOver(t *testing.T) {
	logo := pngBytes(t)
	rels := part{"word/_rels/header1.xml.rels", []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>` +
		`<Relationship Id="rIdFar" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://tracker.example/logo.png" TargetMode="External"/></Relationships>`)}
	hdr := hdrOpen + `<w:p>` + drawingXML(`r:embed="rIdLogo"`) + drawingXML(`r:embed="rIdFar"`) + drawingXML(`r:link="rIdFar"`) +
		`<w:r><w:t>{title}</w:t></w:r></w:p></w:hdr>`
	r, err := readRef(withHeader(t, hdr, rels, part{"word/media/image1.png", logo}))
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, "a linked picture") || strings.Count(notes, "\n") != 0 {
		t.Errorf("notes:\n%s", notes)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	out := b.Bytes()
	checkParts(t, out)
	if got := partOf(t, out, "word/media/reference-header1.png"); got != string(logo) {
		t.Error("the logo's image is not in word/media")
	}
	hdrOut := partOf(t, out, "word/header1.xml")
	if strings.Count(hdrOut, "<w:drawing>") != 1 || !strings.Contains(hdrOut, `r:embed="rIdRefPic1"`) ||
		!strings.Contains(hdrOut, `descr="Mid Cheshire Library Service"`) || !strings.Contains(hdrOut, `cx="914400" cy="457200"`) ||
		strings.Contains(hdrOut, "tracker") || strings.Contains(hdrOut, "r:link") {
		t.Errorf("header:\n%s", hdrOut)
	}
	if rels := partOf(t, out, "word/_rels/header1.xml.rels"); !strings.Contains(rels, `Id="rIdRefPic1"`) || !strings.Contains(rels, `Target="media/reference-header1.png"`) || strings.Contains(rels, "External") {
		t.Errorf("header relationships:\n%s", rels)
	}
	if ct := partOf(t, out, "[Content_Types].xml"); !strings.Contains(ct, `<Override PartName="/word/media/reference-header1.png" ContentType="image/png"/>`) {
		t.Errorf("content types:\n%s", ct)
	}
	// The same bytes every time.
	var again bytes.Buffer
	Write(&again, bt.Rich(), Options{Reference: r})
	if !bytes.Equal(out, again.Bytes()) {
		t.Error("two writes differ")
	}
}

// A picture in another format, or whose image is not what it claims,
// is dropped with a note.
func TestReferenceHeaderPictureNotPNGOrJPEG(t *testing.T) {
	rels := part{"word/_rels/header1.xml.rels", []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`)}
	hdr := hdrOpen + `<w:p>` + drawingXML(`r:embed="rIdLogo"`) + `</w:p></w:hdr>`
	r, err := readRef(withHeader(t, hdr, rels, part{"word/media/image1.png", []byte("GIF89a not a png")}))
	if err != nil {
		t.Fatal(err)
	}
	if notes := strings.Join(r.Notes, "\n"); !strings.Contains(notes, "not a PNG or JPEG") {
		t.Errorf("notes:\n%s", notes)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	for _, p := range unzip(t, b.Bytes()) {
		if strings.HasPrefix(p.name, "word/media/") {
			t.Errorf("%s written", p.name)
		}
	}
}

// LibreOffice opens a handout whose header carries a reference's logo
// and draws the picture: pdfimages lists it in the PDF it makes.
func TestInteropReferenceLogo(t *testing.T) {
	extprog.Need(t, "soffice")
	extprog.Need(t, "pdfimages")
	rels := part{"word/_rels/header1.xml.rels", []byte(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`)}
	hdr := hdrOpen + `<w:p>` + drawingXML(`r:embed="rIdLogo"`) + `<w:r><w:t>{title}</w:t></w:r></w:p></w:hdr>`
	r, err := readRef(withHeader(t, hdr, rels, part{"word/media/image1.png", pngBytes(t)}))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "logo.docx")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	extprog.Run(t, dir, "soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, p)
	list := string(extprog.Run(t, dir, "pdfimages", "-list", filepath.Join(dir, "logo.pdf")))
	if !regexp.MustCompile(`(?m)^\s+1\s+\d+\s+image\s+4\s+2\s`).MatchString(list) {
		t.Errorf("the 4×2 logo is not in the PDF:\n%s", list)
	}
}

// FuzzSanitizeHF: whatever a reference's header holds, what is carried
// over is well-formed, uses only the namespaces of text and pictures,
// and is kept whole when read again (nothing left to drop).
func FuzzSanitizeHF(f *testing.F) {
	f.Add([]byte(hdrOpen + `<w:p><w:r><w:t>{title}</w:t></w:r>` + field(" PAGE ", "1") + field(" INCLUDETEXT x ", "y") + `</w:p></w:hdr>`))
	f.Add([]byte(hdrOpen + `<w:p>` + drawingXML(`r:embed="rIdLogo"`) + drawingXML(`r:link="rIdLogo"`) + `</w:p></w:hdr>`))
	f.Add([]byte(hdrOpen + `<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:fldSimple w:instr="NUMPAGES"><w:r><w:t>2</w:t></w:r></w:fldSimple></w:p></w:sdtContent></w:sdt><w:tbl><w:tr><w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p></w:tc></w:tr></w:tbl><xi:include/>text</w:hdr>`))
	f.Add(mustRead(f, "header.xml"))
	f.Add(mustRead(f, "footer.xml"))
	logo := pngBytes(f)
	rels := map[string]string{"rIdLogo": "word/media/image1.png"}
	image := func(string) ([]byte, error) { return logo, nil }
	allowed := map[string]bool{nsW: true, refNsWP: true, refNsA: true, refNsPic: true, nsR: true, refNsXML: true}
	f.Fuzz(func(t *testing.T, data []byte) {
		if wellFormed(data) != nil {
			return // ReadReference refuses such a part before this
		}
		out, _, _, err := sanitizeHF("header", data, rels, image, 1)
		if err != nil {
			return
		}
		if err := parseXML(out); err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		d := xml.NewDecoder(bytes.NewReader(out))
		for {
			tok, err := d.Token()
			if err != nil {
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				if !allowed[se.Name.Space] {
					t.Fatalf("element %v carried over:\n%s", se.Name, out)
				}
				for _, a := range se.Attr {
					if a.Name.Space != "" && a.Name.Space != "xmlns" && !allowed[a.Name.Space] {
						t.Fatalf("attribute %v carried over:\n%s", a.Name, out)
					}
				}
			}
		}
		again, _, dropped, err := sanitizeHF("header", out, map[string]string{"rIdRefPic1": "x", "rIdRefPic2": "x", "rIdRefPic3": "x", "rIdRefPic4": "x"}, image, 1)
		if err != nil || len(dropped) > 0 {
			t.Fatalf("read again: %v, dropped %q\n%s", err, dropped, out)
		}
		_ = again
	})
}

func mustRead(f *testing.F, name string) []byte {
	b, err := readTemplate(name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}
