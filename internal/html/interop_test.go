package html

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	xhtml "golang.org/x/net/html"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
	"handouts/internal/handout"
	"handouts/internal/pdf"
)

// printText is the text of a page as the PDF handout prints it, in
// reading order. What the two legitimately differ in is handled here,
// element by element, and nothing else:
//
//   - the links to the other formats (nav) and the links back from the
//     notes (class back) are for the screen only: left out;
//   - the page's footer names the producer once; the PDF's footer, on
//     every page, is taken out of the PDF's text (pdfBody);
//   - the addresses the print stylesheet shows (class print-only) are
//     printed by the PDF in the same place: kept;
//   - list markers are drawn by the browser, by the PDF as text: added,
//     as the PDF draws them (•, –, ▪ and 1, a, i by level of nesting).
func printText(root *xhtml.Node) string {
	var b strings.Builder
	var visit func(n *xhtml.Node, lists int)
	visit = func(n *xhtml.Node, lists int) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data)
			return
		}
		if n.Type == xhtml.ElementNode {
			class, _ := attr(n, "class")
			switch {
			case n.Data == "head" || n.Data == "nav" || n.Data == "footer" || n.Data == "style" || class == "back":
				return
			case n.Data == "ul" || n.Data == "ol":
				lists++
			case n.Data == "li":
				b.WriteString(" " + marker(n, lists-1) + " ")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, lists)
		}
		if n.Type == xhtml.ElementNode && (n.Data == "p" || n.Data == "li" || n.Data == "dt" || n.Data == "dd" || strings.HasPrefix(n.Data, "h")) {
			b.WriteString(" ")
		}
	}
	visit(root, 0)
	return b.String()
}

// marker is a list item's marker as the PDF prints it.
func marker(li *xhtml.Node, level int) string {
	list := li.Parent
	i := 0
	for c := list.FirstChild; c != nil && c != li; c = c.NextSibling {
		if c.Type == xhtml.ElementNode && c.Data == "li" {
			i++
		}
	}
	if list.Data == "ul" {
		return []string{"•", "–", "▪"}[level%3]
	}
	start := 1
	if s, ok := attr(list, "start"); ok {
		start, _ = strconv.Atoi(s)
	}
	n := start + i
	switch level % 3 {
	case 1:
		return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1) + "."
	case 2:
		r := ""
		for _, p := range []struct {
			v int
			s string
		}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
			for ; n >= p.v; n -= p.v {
				r += p.s
			}
		}
		return r + "."
	}
	return strconv.Itoa(n) + "."
}

// pdfPages is the PDF's text page by page, without the page footers:
// every line that ends in "Page N of M" after the footer's words (cut
// short with "…" on a narrow page) ends a page.
func pdfPages(t *testing.T, text, footer string) []string {
	counter := regexp.MustCompile(`^(.*?)\s*Page \d+ of \d+$`)
	var pages []string
	var cur []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\f", "\n"), "\n") {
		if m := counter.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			if !strings.HasPrefix(footer, strings.TrimSuffix(m[1], "…")) {
				t.Errorf("a footer line that does not name the producer: %q", line)
			}
			pages = append(pages, strings.Join(cur, "\n"))
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	if len(pages) == 0 {
		t.Error("no page footers in the PDF's text")
	}
	if rest := strings.TrimSpace(strings.Join(cur, "")); rest != "" {
		t.Errorf("text after the last footer: %q", rest)
	}
	return pages
}

// tableHeaders are the header rows of a document's tables as text,
// squeezed: the PDF repeats them at the top of each page a table runs
// onto.
func tableHeaders(d *briefing.Document) []string {
	var out []string
	var blocks func([]briefing.Block)
	blocks = func(bs []briefing.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *briefing.Table:
				var h strings.Builder
				for _, c := range n.Header {
					h.WriteString(briefing.PlainText(c))
				}
				out = append(out, squeeze(h.String()))
			case *briefing.List:
				for _, it := range n.Items {
					blocks(it.Blocks)
				}
			case *briefing.Quote:
				blocks(n.Blocks)
			}
		}
	}
	blocks(d.Lead)
	for _, s := range d.Sections() {
		blocks(s.Blocks)
	}
	return out
}

// samePrint compares a page's text with the PDF's pages, both squeezed.
// Where a PDF page starts with a table's header row that the page's text
// does not have there, it is the header repeated for the page and is
// passed over; nothing else may differ. It returns "" or where they part.
func samePrint(got string, pages, headers []string) string {
	want := strings.Join(pages, "")
	starts := map[int]bool{}
	at := 0
	for _, p := range pages {
		starts[at] = true
		at += len(p)
	}
	i, j := 0, 0
	for i < len(got) || j < len(want) {
		if starts[j] && j > 0 {
			for _, h := range headers {
				if h != "" && strings.HasPrefix(want[j:], h) && !strings.HasPrefix(got[i:], h) {
					j += len(h)
					break
				}
			}
		}
		if i < len(got) && j < len(want) && got[i] == want[j] {
			i++
			j++
			continue
		}
		return "page …" + got[max(i-60, 0):min(i+60, len(got))] + "…\n  pdf …" + want[max(j-60, 0):min(j+60, len(want))] + "…"
	}
	return ""
}

// squeeze drops every space: pdftotext breaks lines (and long addresses)
// where the page does.
func squeeze(s string) string {
	return strings.Join(strings.Fields(s), "")
}

func TestInteropTextEqualsPDF(t *testing.T) {
	extprog.Need(t, "pdftotext")
	docs := bt.Examples(t)
	docs["rich"] = bt.Rich()
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			d := docs[name]
			dir := t.TempDir()
			var pb bytes.Buffer
			if err := pdf.Write(&pb, d, pdf.Options{}); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "h.pdf"), pb.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			text := string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", "-raw", "h.pdf", "-"))
			var pages []string
			for _, p := range pdfPages(t, text, handout.New(d, handout.Options{}).Footer) {
				pages = append(pages, squeeze(p))
			}
			got := squeeze(printText(parse(t, write(t, d, Options{Docx: "h.docx", PDF: "h.pdf"}))))
			if where := samePrint(got, pages, tableHeaders(d)); where != "" {
				t.Errorf("the page's text differs from the PDF's:\n %s", where)
			}
		})
	}
}

func TestSamePrint(t *testing.T) {
	headers := []string{"StepWhat"}
	for _, tc := range []struct {
		got   string
		pages []string
		same  bool
	}{
		{"abcStepWhatrow1row2", []string{"abcStepWhatrow1", "StepWhatrow2"}, true}, // repeated header
		{"abcStepWhatrow1", []string{"abc", "StepWhatrow1"}, true},                 // a table at the top of a page
		{"abcrow1", []string{"abc", "StepWhatrow1"}, true},                         // (cannot tell; passed over)
		{"abcStepWhatrow1row2", []string{"abcStepWhatrow1Step", "Whatrow2"}, false},
		{"abcrow1", []string{"abcStepWhatrow1"}, false}, // not at a page's top
		{"abc", []string{"abc", "d"}, false},
		{"abcd", []string{"abc"}, false},
	} {
		if same := samePrint(tc.got, tc.pages, headers) == ""; same != tc.same {
			t.Errorf("samePrint(%q, %q) = %v", tc.got, tc.pages, same)
		}
	}
}

// browserDir is the folder of the browser test's npm packages.
const browserDir = "testdata/browser"

// TestInteropBrowser opens every example page and the catalogue in
// headless Chromium, runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules
// on each and fails on any violation, any script, or any request for
// something other than a local file. It takes a screenshot of each page,
// into $HANDOUTS_SCREENSHOTS when set (to look at; docs/catalogue.png is
// one), else into a temporary folder.
func TestInteropBrowser(t *testing.T) {
	chromium := extprog.Need(t, "chromium")
	node := extprog.Need(t, "node")
	if _, err := os.Stat(filepath.Join(browserDir, "node_modules", "axe-core", "axe.min.js")); err != nil {
		msg := "axe-core and puppeteer-core are not installed; run \"npm ci\" in internal/html/" + browserDir + " (.ci/run does)"
		if extprog.Required() {
			t.Fatalf("%s and HANDOUTS_INTEROP=require", msg)
		}
		t.Skip("skipping: " + msg)
	}
	dir := t.TempDir()
	today := briefing.Date{Year: 2018, Month: 5, Day: 20}
	docs := bt.Examples(t)
	docs["rich"] = bt.Rich()
	var pages []string
	for _, name := range bt.Names(docs) {
		p := filepath.Join(dir, name+".html")
		if err := os.WriteFile(p, write(t, docs[name], Options{Docx: name + ".docx", PDF: name + ".pdf"}), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	// A page with pictures and the logo, and the catalogue with the logo.
	pics, logo := bt.Pictures()
	p := filepath.Join(dir, "pictures.html")
	if err := os.WriteFile(p, write(t, pics, Options{Logo: logo, LogoAlt: bt.LogoAlt}), 0o644); err != nil {
		t.Fatal(err)
	}
	pages = append(pages, p)
	var cat bytes.Buffer
	if err := WriteCatalogue(&cat, exampleEntries(t, today), SiteOptions{Logo: logo, LogoAlt: bt.LogoAlt}); err != nil {
		t.Fatal(err)
	}
	p = filepath.Join(dir, CatalogueName)
	if err := os.WriteFile(p, cat.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	pages = append(pages, p)

	shots := os.Getenv("HANDOUTS_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	} else if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	shots, _ = filepath.Abs(shots)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"axe.js", chromium, shots, t.TempDir()}, pages...)
	cmd := exec.CommandContext(ctx, node, args...)
	cmd.Dir = browserDir
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "TZ=UTC")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node axe.js: %v\n%s", err, stderr.String())
	}
	type result struct {
		File       string   `json:"file"`
		Rules      int      `json:"rules"`
		Scripts    int      `json:"scripts"`
		Outside    []string `json:"outside"`
		Screenshot string   `json:"screenshot"`
		Violations []struct {
			ID, Impact, Help string
			Nodes            []string
		} `json:"violations"`
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%v: %s", err, sc.Text())
		}
		seen++
		name := filepath.Base(r.File)
		if r.Rules < 50 {
			t.Errorf("%s: axe ran only %d rules", name, r.Rules)
		}
		if r.Scripts != 0 {
			t.Errorf("%s: %d scripts", name, r.Scripts)
		}
		for _, u := range r.Outside {
			t.Errorf("%s: asked for %.100s", name, u)
		}
		for _, v := range r.Violations {
			t.Errorf("%s: %s (%s, %s):\n\t%s", name, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
		}
		if st, err := os.Stat(r.Screenshot); err != nil || st.Size() < 10000 {
			t.Errorf("%s: no screenshot (%v)", name, err)
		}
	}
	if seen != len(pages) {
		t.Errorf("axe reported on %d pages of %d\n%s", seen, len(pages), stderr.String())
	}
	t.Logf("axe-core: %d pages, screenshots in %s", seen, shots)
}
