package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

// rezip writes parts as a new zip, through edit (which may change a
// part's data or drop it by returning nil).
func rezip(t testing.TB, parts []part, edit func(name string, data []byte) []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range parts {
		data := p.data
		if edit != nil {
			data = edit(p.name, data)
		}
		if data == nil {
			continue
		}
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readRef(b []byte) (*Reference, error) {
	return ReadReference(bytes.NewReader(b), int64(len(b)))
}

func TestDefaultReferenceRoundTrip(t *testing.T) {
	ref := DefaultReference()
	checkParts(t, ref)
	if !bytes.Equal(ref, DefaultReference()) {
		t.Fatal("DefaultReference differs between calls")
	}
	ftr := partOf(t, ref, "word/footer1.xml")
	if !strings.Contains(ftr, "{footer}") {
		t.Errorf("the reference footer lost its placeholder: %s", ftr)
	}
	r, err := readRef(ref)
	if err != nil {
		t.Fatalf("ReadReference(DefaultReference()): %v", err)
	}
	if len(r.Notes) != 0 {
		t.Errorf("notes on the default reference: %q", r.Notes)
	}
	// Writing with the default reference read back gives the very same
	// handout as writing with no reference.
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	if want := docxOf(t, bt.Rich()); !bytes.Equal(b.Bytes(), want) {
		for i, p := range unzip(t, want) {
			got := unzip(t, b.Bytes())
			if i < len(got) && !bytes.Equal(got[i].data, p.data) {
				t.Errorf("%s differs:\n got %.600s\nwant %.600s", p.name, got[i].data, p.data)
			}
		}
	}
}

func TestRestyledReference(t *testing.T) {
	parts := unzip(t, DefaultReference())
	restyled := rezip(t, parts, func(name string, data []byte) []byte {
		s := string(data)
		switch name {
		case "word/styles.xml":
			// Heading 1 in red, 20 pt, as a librarian might in Word.
			re := regexp.MustCompile(`(?s)(<w:style w:type="paragraph" w:styleId="Heading1">.*?)<w:color w:val="005EB8"/>(.*?)<w:sz w:val="26"/>`)
			if !re.MatchString(s) {
				t.Fatal("test setup: Heading1 style not found")
			}
			s = re.ReplaceAllString(s, `${1}<w:color w:val="FF0000"/>${2}<w:sz w:val="40"/>`)
		case "word/document.xml":
			// US Letter, 1 inch margins.
			s = strings.Replace(s, `<w:pgSz w:w="11906" w:h="16838"/>`, `<w:pgSz w:w="12240" w:h="15840"/>`, 1)
			s = regexp.MustCompile(`<w:pgMar [^>]*/>`).ReplaceAllString(s, `<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>`)
		case "word/footer1.xml":
			s = strings.Replace(s, "{footer}", "Our own footer for {footer}", 1)
		}
		return []byte(s)
	})
	dir := t.TempDir()
	path := filepath.Join(dir, "ref.docx")
	if err := os.WriteFile(path, restyled, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := LoadReference(path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	checkParts(t, b.Bytes())
	styles := partOf(t, b.Bytes(), "word/styles.xml")
	if !regexp.MustCompile(`(?s)w:styleId="Heading1">.*?<w:color w:val="FF0000"/>.*?<w:sz w:val="40"/>`).MatchString(styles) {
		t.Error("the restyled Heading 1 did not carry over")
	}
	doc := partOf(t, b.Bytes(), "word/document.xml")
	if !strings.Contains(doc, `<w:pgSz w:w="12240" w:h="15840"/>`) {
		t.Error("the page size did not carry over")
	}
	// Tables fill the new text width: 12240 − 2 × 1440 = 9360.
	grid := regexp.MustCompile(`<w:tblGrid>(.*?)</w:tblGrid>`).FindAllStringSubmatch(doc, -1)
	if len(grid) == 0 {
		t.Fatal("no table grid")
	}
	for _, g := range grid {
		sum := 0
		for _, w := range regexp.MustCompile(`<w:gridCol w:w="(\d+)"/>`).FindAllStringSubmatch(g[1], -1) {
			n, _ := strconv.Atoi(w[1])
			sum += n
		}
		if sum != 9360 {
			t.Errorf("table columns add up to %d, not the reference's text width 9360", sum)
		}
	}
	if got := texts(t, partOf(t, b.Bytes(), "word/footer1.xml")); !strings.HasPrefix(got, "Our own footer for Test Library\t") {
		t.Errorf("footer %q", got)
	}
}

func TestReferenceLackingStyles(t *testing.T) {
	parts := unzip(t, DefaultReference())
	ref := rezip(t, parts, func(name string, data []byte) []byte {
		if name != "word/styles.xml" {
			return data
		}
		re := regexp.MustCompile(`(?s)<w:style [^>]*w:styleId="(PanelTable|Quote)">.*?</w:style>`)
		return re.ReplaceAll(data, nil)
	})
	r, err := readRef(ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "Quote, PanelTable") {
		t.Errorf("notes %q should name Quote and PanelTable", r.Notes)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	checkParts(t, b.Bytes())
	styles := partOf(t, b.Bytes(), "word/styles.xml")
	for _, id := range []string{"PanelTable", "Quote"} {
		if !strings.Contains(styles, `w:styleId="`+id+`"`) {
			t.Errorf("missing style %s was not filled in", id)
		}
	}
}

func TestReferenceErrors(t *testing.T) {
	good := DefaultReference()
	parts := unzip(t, good)
	without := func(n string) []byte {
		return rezip(t, parts, func(name string, data []byte) []byte {
			if name == n {
				return nil
			}
			return data
		})
	}
	replace := func(n, with string) []byte {
		return rezip(t, parts, func(name string, data []byte) []byte {
			if name == n {
				return []byte(with)
			}
			return data
		})
	}
	many := make([]part, MaxReferenceEntries+1)
	for i := range many {
		many[i] = part{fmt.Sprintf("f%d.xml", i), []byte("<a/>")}
	}
	big := func(name string, n int) []byte {
		return rezip(t, parts, func(pn string, data []byte) []byte {
			if pn == name {
				return append(append([]byte("<a>"), bytes.Repeat([]byte(" "), n)...), "</a>"...)
			}
			return data
		})
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a Word document"},
		{"text", []byte("just some text, not a zip"), "not a Word document"},
		{"truncated", good[:len(good)/2], "not a Word document"},
		{"no styles", without("word/styles.xml"), "has no styles"},
		{"styles not XML", replace("word/styles.xml", "<w:styles><unclosed>"), "styles.xml is not well-formed"},
		{"doctype", replace("word/styles.xml", `<!DOCTYPE x [<!ENTITY a "aaaa">]><w:styles/>`), "document type declaration"},
		{"bad rels", replace("word/_rels/document.xml.rels", "<Relationships"), "document.xml.rels is not well-formed"},
		{"too many entries", rezip(t, many, nil), "more than the 1000 allowed"},
		{"bomb part", big("word/styles.xml", MaxReferencePartBytes+10), "expands beyond the size limit"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := readRef(c.data)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("ReadReference: %v (ref %v), want an error containing %q", err, r != nil, c.want)
			}
		})
	}
	// Every part under the per-part limit, but together beyond the total.
	total := rezip(t, parts, func(name string, data []byte) []byte {
		switch name {
		case "word/document.xml", "word/styles.xml", "word/footer1.xml", "word/header1.xml", "word/fontTable.xml":
			// White space after the root element is well-formed.
			return append(append([]byte(nil), data...), bytes.Repeat([]byte(" "), MaxReferencePartBytes-len(data)-1)...)
		}
		return data
	})
	if _, err := readRef(total); err == nil || !strings.Contains(err.Error(), "expands beyond") {
		t.Errorf("parts beyond the total limit: %v", err)
	}
	// A header that lies about the size is caught while reading.
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	data := bytes.Repeat([]byte("a"), 1<<20)
	p, _ := compress("word/styles.xml", data)
	fw, _ := z.CreateRaw(&zip.FileHeader{Name: "word/styles.xml", Method: zip.Deflate, CRC32: p.crc, CompressedSize64: uint64(len(p.compressed)), UncompressedSize64: 10})
	fw.Write(p.compressed)
	z.Close()
	if _, err := readRef(b.Bytes()); err == nil {
		t.Error("a part larger than its header says was accepted")
	}
	if _, err := LoadReference(filepath.Join(t.TempDir(), "missing.docx")); err == nil {
		t.Error("LoadReference of a missing file did not fail")
	}
}

// LibreOffice saves "Body Text" under the id TextBody and "Hyperlink"
// under InternetLink; the handout then uses those ids.
func TestReferenceStylesFoundByName(t *testing.T) {
	ref := rezip(t, unzip(t, DefaultReference()), func(name string, data []byte) []byte {
		if name != "word/styles.xml" {
			return data
		}
		s := strings.NewReplacer(`"BodyText"`, `"TextBody"`, `w:styleId="Hyperlink"`, `w:styleId="InternetLink"`).Replace(string(data))
		return []byte(s)
	})
	r, err := readRef(ref)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Notes) != 0 {
		t.Errorf("notes %q", r.Notes)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
		t.Fatal(err)
	}
	doc := partOf(t, b.Bytes(), "word/document.xml")
	if strings.Contains(doc, `"BodyText"`) || !strings.Contains(doc, `<w:pStyle w:val="TextBody"/>`) {
		t.Error("Body Text not written under the reference's id TextBody")
	}
	if strings.Contains(doc, `w:val="Hyperlink"`) || !strings.Contains(doc, `<w:rStyle w:val="InternetLink"/>`) {
		t.Error("Hyperlink not written under the reference's id InternetLink")
	}
	if fn := partOf(t, b.Bytes(), "word/footnotes.xml"); !strings.Contains(fn, `<w:rStyle w:val="InternetLink"/>`) {
		t.Error("the footnotes' links do not use the reference's id")
	}
}
