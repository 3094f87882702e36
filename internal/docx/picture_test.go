package docx

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
)

func picturesDocx(t testing.TB) []byte {
	t.Helper()
	d, logo := bt.Pictures()
	var b bytes.Buffer
	if err := Write(&b, d, Options{Logo: logo, LogoAlt: bt.LogoAlt}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The pictures are parts under word/media/, stored once each and in a
// fixed order, each shown by an inline picture whose description is its
// alternative text; the logo is in the header.
func TestPictures(t *testing.T) {
	b := picturesDocx(t)
	var names []string
	media := map[string][]byte{}
	for _, p := range unzip(t, b) {
		names = append(names, p.name)
		if strings.HasPrefix(p.name, "word/media/") {
			media[p.name] = p.data
		}
	}
	want := []string{"word/media/image1.png", "word/media/image2.jpeg", "word/media/logo.png"}
	if got := names[len(names)-3:]; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("last parts %v, want %v", got, want)
	}
	_, logo := bt.Pictures()
	if !bytes.Equal(media["word/media/logo.png"], logo.Data) {
		t.Error("the logo part is not the logo's bytes")
	}

	doc := partOf(t, b, "word/document.xml")
	descrs := regexp.MustCompile(`<wp:docPr id="(\d+)" name="[^"]*" descr="([^"]*)"`).FindAllStringSubmatch(doc, -1)
	var got []string
	for _, m := range descrs {
		got = append(got, m[1]+" "+m[2])
	}
	if w := []string{"1 " + bt.DiscAlt, "2 " + bt.PhotoAlt, "3 "}; strings.Join(got, "|") != strings.Join(w, "|") {
		t.Errorf("docPr %q, want %q", got, w)
	}
	if n := strings.Count(doc, `<adec:decorative`); n != 1 {
		t.Errorf("%d pictures marked decorative, want 1", n)
	}
	if !strings.Contains(doc, `r:embed="rIdImage1"`) || !strings.Contains(doc, `r:embed="rIdImage2"`) || strings.Contains(doc, "rIdImage3") {
		t.Error("the body does not show image1 and image2 (and only them)")
	}
	rels := partOf(t, b, "word/_rels/document.xml.rels")
	for _, r := range []string{`Id="rIdImage1" Type="` + relImage + `" Target="media/image1.png"`, `Id="rIdImage2" Type="` + relImage + `" Target="media/image2.jpeg"`} {
		if !strings.Contains(rels, r) {
			t.Errorf("no relationship %s in %s", r, rels)
		}
	}
	ct := partOf(t, b, "[Content_Types].xml")
	for _, c := range []string{`Extension="png" ContentType="image/png"`, `Extension="jpeg" ContentType="image/jpeg"`} {
		if !strings.Contains(ct, c) {
			t.Errorf("content types lack %s", c)
		}
	}
	hdr := partOf(t, b, "word/header1.xml")
	if !strings.Contains(hdr, `descr="`+bt.LogoAlt+`"`) || !strings.Contains(hdr, `r:embed="rIdLogo"`) {
		t.Errorf("the header lacks the logo:\n%s", hdr)
	}
	if hr := partOf(t, b, "word/_rels/header1.xml.rels"); !strings.Contains(hr, `Target="media/logo.png"`) {
		t.Errorf("header relationships: %s", hr)
	}
	// Every part is well-formed XML.
	for _, p := range unzip(t, b) {
		if strings.HasSuffix(p.name, ".xml") || strings.HasSuffix(p.name, ".rels") {
			dec := xml.NewDecoder(bytes.NewReader(p.data))
			for {
				if _, err := dec.Token(); err != nil {
					if err.Error() != "EOF" {
						t.Errorf("%s: %v", p.name, err)
					}
					break
				}
			}
		}
	}
	// The photograph at half the text width, in proportion.
	m := regexp.MustCompile(`name="image2.jpeg"[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/>`).FindStringSubmatch(doc)
	if m == nil || m[1] != "3096260" || m[2] != "2322195" {
		t.Errorf("photograph extent %v, want half of 9752 twips (the text width) wide, 4:3", m)
	}
}

// Same briefing, same bytes; a handout without pictures has no picture
// parts and its content types are those it always had.
func TestPicturesReproducible(t *testing.T) {
	if !bytes.Equal(picturesDocx(t), picturesDocx(t)) {
		t.Error("two writes differ")
	}
	plain := docxOf(t, bt.Rich())
	if strings.Contains(partOf(t, plain, "[Content_Types].xml"), "image/png") {
		t.Error("a handout without pictures declares picture types")
	}
	for _, p := range unzip(t, plain) {
		if strings.HasPrefix(p.name, "word/media/") || p.name == "word/_rels/header1.xml.rels" {
			t.Errorf("part %s in a handout without pictures", p.name)
		}
	}
}

// LibreOffice opens the handout with its pictures and logo.
func TestInteropLibreOfficePictures(t *testing.T) {
	extprog.Need(t, "soffice")
	extprog.Need(t, "pdfimages")
	dir := t.TempDir()
	path := filepath.Join(dir, "pictures.docx")
	if err := os.WriteFile(path, picturesDocx(t), 0o644); err != nil {
		t.Fatal(err)
	}
	extprog.Run(t, dir, "soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, path)
	list := string(extprog.Run(t, dir, "pdfimages", "-list", filepath.Join(dir, "pictures.pdf")))
	for _, want := range []string{" 240    80 ", " 300   200 ", " 640   480 "} {
		if !strings.Contains(list, want) {
			t.Errorf("LibreOffice's PDF lacks a %s picture:\n%s", strings.Join(strings.Fields(want), "×"), list)
		}
	}
}
