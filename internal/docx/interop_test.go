package docx

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
	"handouts/internal/handout"
)

// interopDocs are the briefings the interoperability checks write: the
// hand-made one with every element, the reference sample, and the
// example briefings of the project.
func interopDocs(t *testing.T) map[string]*briefing.Document {
	docs := map[string]*briefing.Document{"rich": bt.Rich(), "sample": sampleBriefing()}
	for name, d := range bt.Examples(t) {
		docs[name] = d
	}
	return docs
}

// writeDocx writes d into dir as name.docx and returns its path.
func writeDocx(t *testing.T, dir, name string, d *briefing.Document) string {
	t.Helper()
	path := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(path, docxOf(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInteropXmllint(t *testing.T) {
	extprog.Need(t, "xmllint")
	for name, d := range interopDocs(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			var files []string
			for _, p := range unzip(t, docxOf(t, d)) {
				if strings.HasPrefix(p.name, "word/media/") {
					continue // pictures, not XML
				}
				f := filepath.Join(dir, strings.NewReplacer("/", "_", "[", "", "]", "").Replace(p.name))
				if err := os.WriteFile(f, p.data, 0o644); err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			extprog.Run(t, dir, "xmllint", append([]string{"--noout", "--nonet"}, files...)...)
		})
	}
}

// wantText lists the pieces of text a reader of the handout must find:
// every paragraph, heading, list item, table cell and footnote of the
// model, and the words around it, each as one whitespace-normalised
// string. A paragraph is cut at images and footnote references, which a
// reader shows in its own way.
func wantText(d *briefing.Document) []string {
	var w bt.Want
	h := handout.New(d, handout.Options{})
	w.Add(h.Title, h.Subtitle, h.Acknowledgement)
	for _, r := range append(append([]handout.Row(nil), h.SourcePanel...), h.AboutPanel...) {
		w.Add(r.Label, r.Value)
	}
	w.Body(d)
	w.Notes(d)
	return w.Pieces()
}

func TestInteropPandocReadsAllText(t *testing.T) {
	extprog.Need(t, "pandoc")
	for name, d := range interopDocs(t) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := writeDocx(t, dir, name, d)
			got := bt.Norm(string(extprog.Run(t, dir, "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "--columns=100000", path)))
			for _, w := range wantText(d) {
				if !strings.Contains(got, w) {
					t.Errorf("pandoc's reading lacks %q", w)
				}
			}
			if t.Failed() {
				t.Logf("pandoc read:\n%s", got)
			}
		})
	}
}

func TestInteropLibreOfficeConverts(t *testing.T) {
	extprog.Need(t, "soffice")
	dir := t.TempDir()
	var paths []string
	for name, d := range interopDocs(t) {
		paths = append(paths, writeDocx(t, dir, name, d))
	}
	// One LibreOffice start for every handout: its start is slow.
	extprog.Run(t, dir, "soffice", append([]string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, paths...)...)
	for _, p := range paths {
		pdf := strings.TrimSuffix(p, ".docx") + ".pdf"
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Errorf("LibreOffice made no PDF of %s: %v", filepath.Base(p), err)
			continue
		}
		if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 1000 {
			t.Errorf("%s is not a PDF", filepath.Base(pdf))
		}
	}
	// The text LibreOffice laid out includes the footer's page counter.
	if _, err := os.Stat("/usr/bin/pdftotext"); err == nil {
		text := string(extprog.Run(t, dir, "pdftotext", filepath.Join(dir, "rich.pdf"), "-"))
		m := regexp.MustCompile(`Page 1 of (\d+)`).FindStringSubmatch(text)
		if m == nil || !strings.Contains(text, handout.PageLabel(1, atoi(m[1]))) || !strings.Contains(text, "Test Library") {
			t.Errorf("the PDF of rich.docx lacks the footer:\n%s", text)
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// TestInteropLibreOfficeSavedReference is the librarian's round trip in
// LibreOffice: the default reference document saved again as .docx (which
// renames some style ids), read as a reference, and used for a handout
// that LibreOffice converts.
func TestInteropLibreOfficeSavedReference(t *testing.T) {
	extprog.Need(t, "soffice")
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "reference.docx"), DefaultReference(), 0o644); err != nil {
		t.Fatal(err)
	}
	extprog.Run(t, dir, "soffice", "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, filepath.Join(in, "reference.docx"))
	saved := filepath.Join(dir, "reference.docx")
	ref, err := LoadReference(saved)
	if err != nil {
		t.Fatalf("LoadReference of LibreOffice's save: %v", err)
	}
	if len(ref.Notes) != 0 {
		t.Errorf("notes on LibreOffice's save of the default reference: %q", ref.Notes)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Rich(), Options{Reference: ref}); err != nil {
		t.Fatal(err)
	}
	checkParts(t, b.Bytes())
	// Every style the handout names is defined in its styles part.
	styles := partOf(t, b.Bytes(), "word/styles.xml")
	for _, name := range []string{"word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml"} {
		for _, m := range regexp.MustCompile(`w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"`).FindAllStringSubmatch(partOf(t, b.Bytes(), name), -1) {
			if !strings.Contains(styles, `w:styleId="`+m[1]+`"`) {
				t.Errorf("%s names style %s, which is not defined", name, m[1])
			}
		}
	}
	out := filepath.Join(dir, "restyled.docx")
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	extprog.Run(t, dir, "soffice", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, out)
	if pdf, err := os.ReadFile(filepath.Join(dir, "restyled.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("LibreOffice made no PDF with the saved reference: %v", err)
	}
	text := bt.Norm(string(extprog.Run(t, dir, "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "--columns=100000", out)))
	for _, w := range wantText(bt.Rich()) {
		if !strings.Contains(text, w) {
			t.Errorf("pandoc's reading lacks %q", w)
		}
	}
}

// TestInteropAdaptedBy is reuse with acknowledgement as a reader sees it:
// a handout built for another library says who adapted it from whom, and
// still names the original producer and carries its acknowledgement, in
// the text and in the file's properties.
func TestInteropAdaptedBy(t *testing.T) {
	extprog.Need(t, "pandoc")
	const adapter = "Leighton Community Health Library"
	docs := bt.Examples(t)
	for _, name := range bt.Names(docs) {
		d := docs[name]
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, d, Options{Handout: handout.Options{AdaptedBy: adapter}}); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			path := filepath.Join(dir, name+".docx")
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			producer := d.Meta.Producer
			text := bt.Norm(string(extprog.Run(t, dir, "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "--columns=100000", path)))
			plain := handout.New(d, handout.Options{})
			for _, w := range []string{
				"Adapted by " + adapter + " from a briefing by " + producer + ".",
				bt.Norm(plain.Acknowledgement), // the original wording, unchanged
				"Produced by " + producer,
			} {
				if !strings.Contains(text, w) {
					t.Errorf("pandoc's reading lacks %q", w)
				}
			}
			if t.Failed() {
				t.Logf("pandoc read:\n%s", text)
			}
			// pandoc (2.17) does not read the core properties, so read
			// them here: the author names both organisations, and the
			// description says who adapted it and keeps the original
			// acknowledgement.
			core := partOf(t, b.Bytes(), "docProps/core.xml")
			creator := regexp.MustCompile(`<dc:creator>([^<]*)</dc:creator>`).FindStringSubmatch(core)
			if creator == nil || !strings.Contains(creator[1], escString(adapter)) || !strings.Contains(creator[1], escString(producer)) {
				t.Errorf("core properties: creator %q should name %q and %q", creator, adapter, producer)
			}
			if !strings.Contains(core, "<dc:description>"+escString("Adapted by "+adapter+" from a briefing by "+producer+". "+plain.Acknowledgement)+"</dc:description>") {
				t.Errorf("core properties lack the original acknowledgement %q:\n%s", plain.Acknowledgement, core)
			}
		})
	}
}
