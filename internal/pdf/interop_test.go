package pdf

import (
	"bytes"
	"encoding/json"
	"flag"
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

var update = flag.Bool("update", false, "rewrite the golden text files in testdata")

// interopDocs are the briefings the checks with outside programs write:
// the hand-made one with every element, the long one that runs over
// many pages, and the project's examples.
func interopDocs(t *testing.T) map[string]*briefing.Document {
	docs := map[string]*briefing.Document{"rich": bt.Rich(), "long": longBriefing()}
	for name, d := range bt.Examples(t) {
		docs["example-"+name] = d
	}
	return docs
}

// eachInteropPDF runs check in a subtest for each of interopDocs, in the
// order of their names, with the briefing written with the default look
// to dir/name.pdf at path.
func eachInteropPDF(t *testing.T, check func(t *testing.T, name string, d *briefing.Document, dir, path string)) {
	docs := interopDocs(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			check(t, name, docs[name], dir, writePDF(t, dir, name, docs[name], Options{}))
		})
	}
}

// writePDF writes d into dir as name.pdf and returns its path.
func writePDF(t *testing.T, dir, name string, d *briefing.Document, o Options) string {
	t.Helper()
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, pdfOf(t, d, o), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestInteropQpdfCheck(t *testing.T) {
	extprog.Need(t, "qpdf")
	docs := interopDocs(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for _, paper := range []string{"a4", "letter"} {
				path := writePDF(t, dir, name+"-"+paper, docs[name], Options{Paper: paper})
				out := string(extprog.Run(t, dir, "qpdf", "--check", path))
				if !strings.Contains(out, "No syntax or stream encoding errors found") {
					t.Errorf("qpdf --check %s:\n%s", paper, out)
				}
			}
		})
	}
}

func TestInteropFontsEmbedded(t *testing.T) {
	extprog.Need(t, "pdffonts")
	eachInteropPDF(t, func(t *testing.T, name string, d *briefing.Document, dir, path string) {
		out := string(extprog.Run(t, dir, "pdffonts", path))
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) < 3 {
			t.Fatalf("pdffonts lists no fonts:\n%s", out)
		}
		for _, l := range lines[2:] {
			f := strings.Fields(l)
			// name type encoding emb sub uni object ID
			if len(f) < 7 || f[len(f)-5] != "yes" || !strings.HasPrefix(f[0], "HO") || !strings.Contains(f[0], "+Liberation") {
				t.Errorf("font not embedded as a Liberation subset: %s", l)
			}
		}
	})
}

// wantText lists the pieces of text a reader of the handout must find,
// in reading order: the words around the briefing, every paragraph,
// heading, list item, table cell and note. A paragraph is cut at images
// and note marks, which print in their own way.
func wantText(d *briefing.Document) []string {
	w := bt.Want{CutAtLinks: true, CodeLines: true, NoPictureText: true}
	h := handout.New(d, handout.Options{})
	w.Add(h.KindLabel, h.Title, h.Subtitle, h.Acknowledgement, h.SourceHeading)
	for _, r := range h.SourcePanel {
		w.Add(r.Label, r.Value)
	}
	w.Body(d)
	if len(d.Footnotes) > 0 {
		w.Add("Notes")
	}
	w.Notes(d)
	w.Add(h.AboutHeading)
	for _, r := range h.AboutPanel {
		w.Add(r.Label, r.Value)
	}
	return w.Pieces()
}

// squeeze removes all white space, so text can be compared however the
// extractor breaks lines and spaces columns.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// bodyText is the text of a PDF without its page footers.
func bodyText(text, footer string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if regexp.MustCompile(`Page \d+ of \d+\s*$`).MatchString(l) {
			continue
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

func TestInteropTextInReadingOrder(t *testing.T) {
	extprog.Need(t, "pdftotext")
	eachInteropPDF(t, func(t *testing.T, name string, d *briefing.Document, dir, path string) {
		// -raw keeps the order the text is drawn in, which is the
		// reading order: row by row, cell by cell.
		text := string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", "-raw", path, "-"))
		got := squeeze(bodyText(text, ""))
		at := 0
		for _, w := range wantText(d) {
			i := strings.Index(got[at:], squeeze(w))
			if i < 0 {
				if strings.Contains(got, squeeze(w)) {
					t.Errorf("%q is out of reading order", w)
				} else {
					t.Errorf("pdftotext lacks %q", w)
				}
				continue
			}
			at += i + len(squeeze(w))
		}
		// The footer of every page: the producer and the page counter.
		pages := len(regexp.MustCompile(`Page \d+ of \d+`).FindAllString(text, -1))
		m := regexp.MustCompile(`Page 1 of (\d+)`).FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("no \"Page 1 of N\":\n%s", text)
		}
		n, _ := strconv.Atoi(m[1])
		if pages != n {
			t.Errorf("%d page counters for %d pages", pages, n)
		}
		for p := 1; p <= n; p++ {
			if !strings.Contains(text, handout.PageLabel(p, n)) {
				t.Errorf("no %q", handout.PageLabel(p, n))
			}
		}
		if producer := d.Meta.Producer; strings.Count(text, producer) < n {
			t.Errorf("the producer %q is not in every page's footer", producer)
		}
		if t.Failed() {
			t.Logf("pdftotext:\n%s", text)
		}
	})
}

func TestInteropLinkAddressesPrinted(t *testing.T) {
	extprog.Need(t, "pdftotext")
	dir := t.TempDir()
	path := writePDF(t, dir, "rich", bt.Rich(), Options{})
	text := squeeze(string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", path, "-")))
	for _, tc := range []struct {
		want  string
		count int
	}{
		{"link(https://example.org/a)", 1}, // text, then its address
		{"https://example.org/kf", 1},      // a bare address, once
		{"library@example.org", 1},         // a mail address, once, without mailto:
		{"mailto:", 0},                     // never printed
		{"(https://example.org/note)", 1},  // in a note too
		{"[Image:achart](https://example.org/i.png)", 1},
		{"https://example.org/driver", 1}, // the source panel's link
	} {
		if got := strings.Count(text, tc.want); got != tc.count {
			t.Errorf("%q printed %d times, want %d", tc.want, got, tc.count)
		}
	}
	// And clickable: one annotation per address.
	b := string(pdfOf(t, bt.Rich(), Options{}))
	for _, u := range []string{"https://example.org/a", "https://example.org/kf", "mailto:library@example.org", "https://example.org/driver", "https://example.org/i.png"} {
		if !strings.Contains(b, "/URI ("+u+")") {
			t.Errorf("no link annotation to %s", u)
		}
	}
}

func TestInteropPdfinfo(t *testing.T) {
	extprog.Need(t, "pdfinfo")
	dir := t.TempDir()
	d := bt.Rich()
	d.Meta.Title = "Making sense of “care” — Zoë’s café"
	for _, tc := range []struct{ paper, size string }{
		{"", "595.28 x 841.89 pts (A4)"},
		{"letter", "612 x 792 pts (letter)"},
	} {
		path := writePDF(t, dir, "info"+tc.paper, d, Options{Paper: tc.paper, Handout: handout.Options{AdaptedBy: "Other Library"}})
		out := string(extprog.Run(t, dir, "pdfinfo", "-enc", "UTF-8", path))
		h := handout.New(d, handout.Options{AdaptedBy: "Other Library"})
		for _, want := range []string{
			"Page size:       " + tc.size,
			"Title:           " + h.Meta.Title,
			"Author:          " + h.Meta.Author,
			"Subject:         " + h.Meta.Subject,
			"Keywords:        one, two",
			"Creator:         handouts",
			"CreationDate:    Wed Mar 14 00:00:00 2018 UTC",
			"ModDate:         Wed Mar 14 00:00:00 2018 UTC",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("pdfinfo lacks %q:\n%s", want, out)
			}
		}
	}
}

// TestInteropPageBreaks checks on the printed pages of the long briefing
// that no page's text ends with a heading, and that every page the
// table runs onto starts the table with its header row.
func TestInteropPageBreaks(t *testing.T) {
	extprog.Need(t, "pdftotext")
	dir := t.TempDir()
	d := longBriefing()
	path := writePDF(t, dir, "long", d, Options{})
	all := string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", path, "-"))
	n := len(regexp.MustCompile(`Page \d+ of \d+`).FindAllString(all, -1))
	if n < 4 {
		t.Fatalf("%d pages; the long briefing should run to more", n)
	}
	headings := map[string]bool{}
	for _, s := range d.Sections() {
		headings[s.Heading] = true
		for _, b := range s.Blocks {
			if h, ok := b.(*briefing.Heading); ok {
				headings[briefing.PlainText(h.Inlines)] = true
			}
		}
	}
	tablePages := 0
	for p := 1; p <= n; p++ {
		text := string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", "-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-"))
		var lines []string
		for _, l := range strings.Split(bodyText(text, ""), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) == 0 {
			t.Errorf("page %d is empty", p)
			continue
		}
		if p < n && headings[lines[len(lines)-1]] {
			t.Errorf("page %d ends with the heading %q", p, lines[len(lines)-1])
		}
		// The first table line on the page is the header row.
		for _, l := range lines {
			if strings.HasPrefix(l, "Row ") || strings.HasPrefix(l, "Service") {
				if !strings.HasPrefix(l, "Service") {
					t.Errorf("page %d: the table continues without its header row: %q", p, l)
				}
				tablePages++
				break
			}
		}
	}
	if tablePages < 2 {
		t.Errorf("the table is on %d page(s); it should run over two or more", tablePages)
	}
}

// TestInteropGolden compares the text of each handout, as pdftotext
// lays it out, with testdata/<name>.golden; -update rewrites them.
func TestInteropGolden(t *testing.T) {
	extprog.Need(t, "pdftotext")
	eachInteropPDF(t, func(t *testing.T, name string, d *briefing.Document, dir, path string) {
		got := extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", "-layout", path, "-")
		golden := filepath.Join("testdata", name+".golden")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -run TestInteropGolden -update to make it)", err)
		}
		if string(got) != string(want) {
			t.Errorf("text of %s.pdf differs from %s (run with -update if the change is intended):\n%s", name, golden, bt.DiffLines(string(want), string(got)))
		}
	})
}

// TestInteropOutline reads the bookmarks back with qpdf: the title, the
// panels and every section, in order, each pointing at its page.
func TestInteropOutline(t *testing.T) {
	extprog.Need(t, "qpdf")
	dir := t.TempDir()
	d := bt.Rich()
	d.Others[0].Heading = "What is “it”? Zoë’s view"
	path := writePDF(t, dir, "rich", d, Options{})
	var out struct {
		Outlines []struct {
			Title string `json:"title"`
			Page  int    `json:"destpageposfrom1"`
		} `json:"outlines"`
	}
	if err := json.Unmarshal(extprog.Run(t, dir, "qpdf", "--json=2", "--json-key=outlines", path), &out); err != nil {
		t.Fatal(err)
	}
	want := []string{d.Meta.Title, "About the source document"}
	for _, s := range d.Sections() {
		want = append(want, s.Heading)
	}
	want = append(want, "Notes", "About this briefing")
	var got []string
	for _, o := range out.Outlines {
		got = append(got, o.Title)
		if o.Page < 1 {
			t.Errorf("bookmark %q points at page %d", o.Title, o.Page)
		}
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("bookmarks\n got %q\nwant %q", got, want)
	}
}

// TestInteropRenders draws every page with pdftoppm (poppler and
// FreeType), which complains on its error stream of any font or content
// it cannot read, and checks it drew each page.
func TestInteropRenders(t *testing.T) {
	extprog.Need(t, "pdftoppm")
	eachInteropPDF(t, func(t *testing.T, name string, d *briefing.Document, dir, path string) {
		_, pages, err := layOut(d, Options{})
		if err != nil {
			t.Fatal(err)
		}
		msgs := extprog.Run(t, dir, "sh", "-c", `pdftoppm -r 40 -png "$1" page 2>&1`, "sh", path)
		if len(bytes.TrimSpace(msgs)) > 0 {
			t.Errorf("pdftoppm says:\n%s", msgs)
		}
		pngs, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
		if len(pngs) != len(pages) {
			t.Errorf("pdftoppm drew %d pages of %d", len(pngs), len(pages))
		}
	})
}
