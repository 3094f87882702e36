package pdf

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

// testLayouter returns a layouter for d with the default look on A4.
func testLayouter(t *testing.T, d *briefing.Document) *layouter {
	t.Helper()
	l, _, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// lineTexts returns the text of each line, runs joined as drawn (a run
// starting clear of the one before gets a space).
func lineTexts(l *layouter, lines []line) []string {
	var out []string
	for _, ln := range lines {
		var b strings.Builder
		end := 0.0
		for i, f := range ln.frags {
			if i > 0 && f.x > end+0.01 && !strings.HasSuffix(b.String(), " ") {
				b.WriteString(" ")
			}
			b.WriteString(f.text)
			end = f.x + f.w
		}
		out = append(out, b.String())
	}
	return out
}

func TestBreakLines(t *testing.T) {
	l := testLayouter(t, bt.Minimal())
	st := style{face: sans, size: 10}
	toks := func(ins ...briefing.Inline) []tok {
		b := inl{l: l}
		if err := b.inlines(ins, st, 0); err != nil {
			t.Fatal(err)
		}
		return b.toks
	}
	for _, tc := range []struct {
		name  string
		ins   []briefing.Inline
		width float64
		want  []string
	}{
		{"fits", []briefing.Inline{bt.Text("one two three")}, 500, []string{"one two three"}},
		{"wraps at spaces", []briefing.Inline{bt.Text("one two three four")}, l.widthOf("one two thr", st), []string{"one two ", "three four"}}, // the space at a line's end is kept, for extraction
		{"spaces collapse", []briefing.Inline{bt.Text("one   two")}, 500, []string{"one two"}},
		{"hard break", []briefing.Inline{bt.Text("one"), &briefing.LineBreak{}, bt.Text("two")}, 500, []string{"one ", "two"}},
		{"styles join in a word", []briefing.Inline{bt.Text("a"), bt.Strong(bt.Text("b")), bt.Text("c d")}, 500, []string{"abc d"}},
		{"long address breaks after a slash", []briefing.Inline{bt.Text("https://example.org/abcdefgh/ijklmnop")},
			l.widthOf("https://example.org/abcdefgh/ij", st), []string{"https://example.org/abcdefgh/", "ijklmnop"}},
		{"long word breaks anywhere", []briefing.Inline{bt.Text("mmmmmmmmmmmm")}, l.widthOf("mmmmm", st), []string{"mmmmm", "mmmmm", "mm"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := l.breakLines(toks(tc.ins...), tc.width)
			got := lineTexts(l, lines)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
			for i, ln := range lines {
				if ln.w > tc.width+0.01 {
					t.Errorf("line %d is %.2f wide, more than %.2f", i, ln.w, tc.width)
				}
			}
		})
	}
}

func TestLinkAddresses(t *testing.T) {
	l := testLayouter(t, bt.Minimal())
	text := func(ins ...briefing.Inline) (string, []string) {
		b := inl{l: l}
		if err := b.inlines(ins, style{face: sans, size: 10}, 0); err != nil {
			t.Fatal(err)
		}
		var s strings.Builder
		var links []string
		for _, tk := range b.toks {
			s.WriteString(tk.text)
			if tk.st.link != "" && (len(links) == 0 || links[len(links)-1] != tk.st.link) {
				links = append(links, tk.st.link)
			}
		}
		return s.String(), links
	}
	for _, tc := range []struct {
		name      string
		in        briefing.Inline
		want      string
		wantLinks []string
	}{
		{"text then address", bt.Link("https://example.org/a", bt.Text("the guide")), "the guide (https://example.org/a)", []string{"https://example.org/a"}},
		{"bare address once", bt.Link("https://example.org/a", bt.Text("https://example.org/a")), "https://example.org/a", []string{"https://example.org/a"}},
		{"address without scheme once", bt.Link("https://www.example.org/", bt.Text("www.example.org")), "www.example.org", []string{"https://www.example.org/"}},
		{"mail address shown without mailto", bt.Link("mailto:a@example.org", bt.Text("write to us")), "write to us (a@example.org)", []string{"mailto:a@example.org"}},
		{"bare mail address once", bt.Link("mailto:a@example.org", bt.Text("a@example.org")), "a@example.org", []string{"mailto:a@example.org"}},
		{"empty link text shows the address", bt.Link("https://example.org/b"), "https://example.org/b", []string{"https://example.org/b"}},
		{"javascript is printed, not clickable", bt.Link("javascript:alert(1)", bt.Text("x")), "x (javascript:alert(1))", nil},
		{"place in the document is not printed", bt.Link("#top", bt.Text("top")), "top", nil},
		{"image as text and address", &briefing.Image{URL: "https://example.org/i.png", Alt: "a chart"}, "[Image: a chart] (https://example.org/i.png)", []string{"https://example.org/i.png"}},
		{"non-ASCII address percent-encoded for the click", bt.Link("https://example.org/café", bt.Text("x")), "x (https://example.org/café)", []string{"https://example.org/caf%C3%A9"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, links := text(tc.in)
			if got != tc.want {
				t.Errorf("text %q, want %q", got, tc.want)
			}
			if fmt.Sprint(links) != fmt.Sprint(tc.wantLinks) {
				t.Errorf("links %q, want %q", links, tc.wantLinks)
			}
		})
	}
}

func TestColumnWidths(t *testing.T) {
	for _, tc := range []struct {
		name              string
		longest, natural  []float64
		avail, pad        float64
		wantMinEach       []float64
		wantProportionals bool
	}{
		{"fits: spans the width", []float64{20, 30}, []float64{40, 120}, 400, 4, []float64{48, 128}, true},
		{"wraps: each column its longest word", []float64{50, 20, 30}, []float64{400, 300, 40}, 300, 4, []float64{58, 28, 38}, false},
		{"wraps: a short column whole", []float64{40, 30, 20}, []float64{60, 2000, 20}, 480, 4, []float64{68, 38, 28}, false},
		{"too narrow: shrunk in proportion", []float64{200, 200}, []float64{400, 400}, 100, 4, nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := columnWidths(tc.longest, tc.natural, tc.avail, tc.pad)
			sum := 0.0
			for i, x := range w {
				sum += x
				if tc.wantMinEach != nil && x < tc.wantMinEach[i]-0.01 {
					t.Errorf("column %d is %.2f, less than %.2f", i, x, tc.wantMinEach[i])
				}
			}
			if math.Abs(sum-tc.avail) > 0.01 {
				t.Errorf("columns total %.2f, want the whole %.2f", sum, tc.avail)
			}
			if tc.wantProportionals && math.Abs(w[0]/w[1]-(tc.natural[0]+8)/(tc.natural[1]+8)) > 0.01 {
				t.Errorf("spare width not shared in proportion: %v", w)
			}
		})
	}
}

// texts returns every text drawn on the pages, in drawing order.
func texts(pages []page) []string {
	var out []string
	for _, p := range pages {
		for _, o := range p.ops {
			if o.kind == opText {
				out = append(out, o.text)
			}
		}
	}
	return out
}

func TestListNumbering(t *testing.T) {
	d := bt.Minimal(
		bt.Numbered(7, bt.Item(bt.Para(bt.Text("seven"))), bt.Item(bt.Para(bt.Text("eight")), bt.Numbered(1, bt.Item(bt.Para(bt.Text("inner one"))))), bt.Item(bt.Para(bt.Text("nine")))),
		bt.Numbered(0, bt.Item(bt.Para(bt.Text("zero")))),
		bt.Bullets(bt.Item(bt.Para(bt.Text("dot")), bt.Bullets(bt.Item(bt.Para(bt.Text("dash")), bt.Bullets(bt.Item(bt.Para(bt.Text("square")),
			bt.Numbered(2, bt.Item(bt.Para(bt.Text("fourth level")), bt.Numbered(3, bt.Item(bt.Para(bt.Text("fifth level")), bt.Numbered(4, bt.Item(bt.Para(bt.Text("sixth level")))))))))))))),
		&briefing.Quote{Blocks: []briefing.Block{bt.Bullets(bt.Item(bt.Para(bt.Text("quoted dot"))))}},
	)
	_, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(texts(pages), "|")
	// Markers by level as in the Word handout's numbering.xml; a quote
	// is not a list level.
	for _, want := range []string{"7.|seven", "8.|eight", "a.|inner one", "9.|nine", "0.|zero", "•|dot", "–|dash", "▪|square",
		"2.|fourth level", "c.|fifth level", "iv.|sixth level", "•|quoted dot"} {
		// The marker is drawn just before its item's first line.
		if !strings.Contains(all, want) {
			t.Errorf("no %q in %s", want, all)
		}
	}
}

func TestListMarkers(t *testing.T) {
	tests := []struct {
		level, n int
		want     string
	}{
		{0, 1, "1"}, {0, 0, "0"}, {0, 123456789, "123456789"},
		{1, 1, "a"}, {1, 26, "z"}, {1, 27, "aa"}, {1, 52, "zz"}, {1, 53, "53"}, {1, 0, "0"},
		{2, 1, "i"}, {2, 4, "iv"}, {2, 9, "ix"}, {2, 14, "xiv"}, {2, 1994, "mcmxciv"}, {2, 3999, "mmmcmxcix"}, {2, 4000, "4000"}, {2, 0, "0"},
		{3, 2, "2"}, {4, 2, "b"}, {5, 2, "ii"},
		{8, 3, "iii"}, {9, 3, "iii"}, {40, 3, "iii"}, // beyond Word's last level, as at it
	}
	for _, tt := range tests {
		if got := number(tt.level, tt.n); got != tt.want {
			t.Errorf("number(%d, %d) = %q, want %q", tt.level, tt.n, got, tt.want)
		}
	}
	for level, want := range []string{"•", "–", "▪", "•", "–", "▪", "•", "–", "▪", "▪", "▪"} {
		if got := bullet(level); got != want {
			t.Errorf("bullet(%d) = %q, want %q", level, got, want)
		}
	}
}

func TestHangingIndent(t *testing.T) {
	long := strings.Repeat("words that wrap ", 30)
	d := bt.Minimal(bt.Bullets(bt.Item(bt.Para(bt.Text(long)))), bt.Numbered(1, bt.Item(bt.Para(bt.Text(long)))))
	_, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Every line of an item starts at the same x, right of its marker.
	var markerX, textX []float64
	for _, o := range pages[0].ops {
		if o.kind != opText {
			continue
		}
		switch {
		case o.text == "•" || o.text == "1.":
			markerX = append(markerX, o.x)
		case strings.HasPrefix(o.text, "words") || strings.HasPrefix(o.text, "that") || strings.HasPrefix(o.text, "wrap"):
			textX = append(textX, o.x)
		}
	}
	if len(markerX) != 2 || len(textX) < 4 {
		t.Fatalf("markers at %v, lines at %v", markerX, textX)
	}
	for _, x := range textX {
		if math.Abs(x-textX[0]) > 0.01 {
			t.Errorf("item lines start at %v, not all at one indent", textX)
			break
		}
	}
	for _, m := range markerX {
		if m >= textX[0] {
			t.Errorf("marker at %.2f is not left of the text at %.2f", m, textX[0])
		}
	}
}

func TestClean(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	m := ms[sans]
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{"“curly” — £5 €6 Zoë Łukasz Ωmega", "“curly” — £5 €6 Zoë Łukasz Ωmega"},
		{"tab\there", "tab here"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"},
		{"bell\x07", "bell"},
		{"emoji 😀", "emoji □"},
		{"CJK 漢", "CJK □"},
		{"bad \xff utf8", "bad □ utf8"},
	} {
		if got := m.clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEncodingPages(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	for f := face(0); f < numFaces; f++ {
		m := ms[f]
		e := m.enc
		// Page 0 is Windows-1252 at its own codes.
		for r, code := range map[rune]byte{'A': 'A', '£': 0xa3, 'é': 0xe9, '€': 0x80, '’': 0x92, '—': 0x97} {
			if e.place(r) != uint16(code) {
				t.Errorf("face %d: %q at %#x, want page 0 code %#x", f, r, e.place(r), code)
			}
		}
		// Every character the face has is on exactly one page.
		seen := map[uint16]rune{}
		for r := rune(0x20); r < 1<<16; r++ {
			if !m.hasGlyph(r) || invisible(r) {
				continue
			}
			at := e.place(r)
			if at == 0 || byte(at) < 32 {
				t.Fatalf("face %d: %U has no page", f, r)
			}
			if other, dup := seen[at]; dup {
				t.Fatalf("face %d: %U and %U share page %d code %d", f, r, other, at>>8, byte(at))
			}
			seen[at] = r
		}
		for i := range e.pages {
			if p := e.page(i); len(p.runes) > 224 || len(p.runes) == 0 {
				t.Errorf("face %d page %d holds %d characters", f, i, len(p.runes))
			}
		}
	}
}

// TestPagesAreFixed checks that a font page's bytes do not depend on
// what was made before: the same page, made afresh, is identical.
func TestPagesAreFixed(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	p := ms[sans].enc.page(1)
	o := p.load(sans, 1, ms[sans])
	fresh := &fontPage{runes: p.runes, codes: p.codes, diff: p.diff}
	o2 := fresh.load(sans, 1, ms[sans])
	if !bytes.Equal(o.font, o2.font) || !bytes.Equal(o.desc, o2.desc) || !bytes.Equal(o.file, o2.file) || !bytes.Equal(o.cmap, o2.cmap) {
		t.Error("a font page made twice differs")
	}
}

// longBriefing has sections of many lengths, so that headings fall at
// every height of a page, and a table longer than a page.
func longBriefing() *briefing.Document {
	d := bt.Minimal(bt.Para(bt.Text("Opening words.")))
	seed := uint32(7)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	word := []string{"library", "evidence", "care", "system", "staff", "service", "knowledge", "policy", "local", "national"}
	sentence := func(n int) string {
		var w []string
		for i := 0; i < n; i++ {
			w = append(w, word[rnd(len(word))])
		}
		return strings.Join(w, " ") + "."
	}
	for s := 0; s < 28; s++ {
		sec := &briefing.Section{Heading: fmt.Sprintf("Section heading %d", s+1)}
		for p := rnd(4); p >= 0; p-- {
			sec.Blocks = append(sec.Blocks, bt.Para(bt.Text(sentence(5+rnd(60)))))
		}
		if s%4 == 1 {
			sec.Blocks = append(sec.Blocks, &briefing.Heading{Level: 3, Inlines: []briefing.Inline{bt.Text(fmt.Sprintf("Subheading %d", s+1))}},
				bt.Para(bt.Text(sentence(10+rnd(30)))))
		}
		if s == 9 {
			t := &briefing.Table{
				Align:  []briefing.Align{briefing.AlignLeft, briefing.AlignNone, briefing.AlignRight},
				Header: []briefing.Cell{{bt.Text("Service name")}, {bt.Text("What it offers")}, {bt.Text("Count")}},
			}
			for r := 0; r < 70; r++ {
				t.Rows = append(t.Rows, []briefing.Cell{{bt.Text(fmt.Sprintf("Row %d", r+1))}, {bt.Text(sentence(3 + rnd(25)))}, {bt.Text(fmt.Sprint(r * 7))}})
			}
			sec.Blocks = append(sec.Blocks, t)
		}
		d.Others = append(d.Others, sec)
	}
	return d
}

func TestHeadingNeverEndsAPage(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			l, pages, err := layOut(longBriefing(), Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) < 4 {
				t.Fatalf("only %d pages; the test briefing should run to many", len(pages))
			}
			moved := 0
			for n, p := range pages[:len(pages)-1] {
				last := p.rows[len(p.rows)-1]
				if last >= 0 && l.rows[last].heading {
					t.Errorf("page %d ends with a heading", n+1)
				}
				// Count the pages where the rule moved a heading on.
				next := pages[n+1].rows[0]
				if next >= 0 && l.rows[next].heading {
					moved++
				}
			}
			if moved == 0 {
				t.Error("no page starts with a heading: the briefing does not test the rule")
			}
		})
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	l, pages, err := layOut(longBriefing(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var header *row
	for _, r := range l.rows {
		if r.header != nil {
			header = r.header
			break
		}
	}
	if header == nil {
		t.Fatal("no table in the layout")
	}
	runsOn := 0
	for n, p := range pages {
		first := -1
		for i, ri := range p.rows {
			if ri >= 0 && (l.rows[ri].header == header || l.rows[ri] == header) {
				first = i
				break
			}
			if ri == -1 {
				first = i
				break
			}
		}
		if first < 0 {
			continue
		}
		ri := p.rows[first]
		if ri >= 0 && l.rows[ri] != header {
			t.Errorf("page %d: the table's rows start without its header", n+1)
		}
		if ri == -1 {
			runsOn++
		}
	}
	if runsOn == 0 {
		t.Error("the table does not run onto a second page: the briefing does not test the rule")
	}
}

func TestTallRowSplit(t *testing.T) {
	tall := strings.Repeat("a very long cell that goes on ", 400)
	d := bt.Minimal(&briefing.Table{
		Align:  []briefing.Align{briefing.AlignNone},
		Header: []briefing.Cell{{bt.Text("Head")}},
		Rows:   [][]briefing.Cell{{{bt.Text(tall)}}},
	})
	l, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatalf("a cell of %d characters fits one page?", len(tall))
	}
	for _, r := range l.rows {
		if r.h > l.bodyH {
			t.Errorf("a row of %.0f pt is taller than the page body of %.0f pt", r.h, l.bodyH)
		}
	}
}

func TestDeterministic(t *testing.T) {
	d := bt.Rich()
	a := pdfOf(t, d, Options{})
	b := pdfOf(t, d, Options{})
	if !bytes.Equal(a, b) {
		t.Fatal("two writes of one briefing differ")
	}
	// Another time zone changes nothing.
	saved := time.Local
	time.Local = time.FixedZone("test", -11*3600)
	c := pdfOf(t, d, Options{})
	time.Local = saved
	if !bytes.Equal(a, c) {
		t.Error("the PDF depends on the time zone")
	}
	// Nor does writing many at once, or what was written before.
	other := longBriefing()
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 1 {
				pdfOf(t, other, Options{Paper: "letter"})
			}
			outs[i] = pdfOf(t, d, Options{})
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if !bytes.Equal(a, o) {
			t.Errorf("concurrent write %d differs", i)
		}
	}
}

func TestMetadata(t *testing.T) {
	d := bt.Rich()
	d.Meta.Title = "Café (and more)"
	b := string(pdfOf(t, d, Options{}))
	for _, want := range []string{
		"/CreationDate (D:20180314000000)",
		"/ModDate (D:20180314000000)",
		"/Lang (en-GB)",
		"/Creator (" + utf16Text(creator) + ")",
		"/Producer (" + utf16Text(producer) + ")",
		"/PageMode /UseOutlines",
	} {
		if !strings.Contains(b, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if strings.Contains(b, "/ID [") {
		t.Error("the PDF has a file identifier, which would differ between runs")
	}
	// An undated briefing gets a fixed date, not the clock.
	d.Meta.Updated = briefing.Date{}
	if b := string(pdfOf(t, d, Options{})); !strings.Contains(b, "/CreationDate (D:20000101000000)") {
		t.Error("an undated briefing is not dated 2000-01-01")
	}
}

func TestPaper(t *testing.T) {
	for _, tc := range []struct {
		paper string
		want  string
	}{{"", "/MediaBox [0 0 595.28 841.89]"}, {"A4", "/MediaBox [0 0 595.28 841.89]"}, {"letter", "/MediaBox [0 0 612.00 792.00]"}} {
		b := string(pdfOf(t, bt.Minimal(), Options{Paper: tc.paper}))
		if !strings.Contains(b, tc.want) {
			t.Errorf("paper %q: no %s", tc.paper, tc.want)
		}
	}
	if err := Write(&bytes.Buffer{}, bt.Minimal(), Options{Paper: "a5"}); err == nil || !strings.Contains(err.Error(), "a5") {
		t.Errorf("paper a5: error %v", err)
	}
}

func TestTooDeep(t *testing.T) {
	var b briefing.Block = bt.Para(bt.Text("deep"))
	for i := 0; i < MaxDepth+2; i++ {
		b = &briefing.Quote{Blocks: []briefing.Block{b}}
	}
	if err := Write(&bytes.Buffer{}, bt.Minimal(b), Options{}); err != ErrTooDeep {
		t.Errorf("error %v, want ErrTooDeep", err)
	}
	var in briefing.Inline = bt.Text("deep")
	for i := 0; i < MaxDepth+2; i++ {
		in = bt.Emph(in)
	}
	if err := Write(&bytes.Buffer{}, bt.Minimal(bt.Para(in)), Options{}); err != ErrTooDeep {
		t.Errorf("error %v, want ErrTooDeep", err)
	}
}

func TestLongPanelValueSplit(t *testing.T) {
	d := bt.Minimal()
	for i := 0; i < 400; i++ {
		d.Meta.Audience = append(d.Meta.Audience, fmt.Sprintf("audience number %d", i))
	}
	l, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 2 {
		t.Fatal("400 audiences fit one page?")
	}
	for _, r := range l.rows {
		if r.h > l.bodyH {
			t.Errorf("a row of %.0f pt is taller than the page body of %.0f pt", r.h, l.bodyH)
		}
	}
	all := strings.Join(texts(pages), " ")
	for _, want := range []string{"audience number 0", "audience number 399", "Date last updated"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q is lost", want)
		}
	}
}

// TestAudiencesOnePerLine checks each audience starts its own line of
// the panel, at the same left edge.
func TestAudiencesOnePerLine(t *testing.T) {
	d := bt.Minimal()
	d.Meta.Audience = []string{"LKS staff", "Managers and commissioners"}
	_, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	find := func(word string) op {
		t.Helper()
		for _, p := range pages {
			for _, o := range p.ops {
				if o.kind == opText && strings.HasPrefix(o.text, word) {
					return o
				}
			}
		}
		t.Fatalf("%q not drawn", word)
		return op{}
	}
	first, second := find("LKS"), find("Managers")
	if math.Abs(first.x-second.x) > 0.01 || second.y <= first.y {
		t.Errorf("second audience at (%.1f, %.1f), first at (%.1f, %.1f): want the line below, same left edge", second.x, second.y, first.x, first.y)
	}
	if strings.Contains(strings.Join(texts(pages), " "), ";") {
		t.Error("audiences joined with a semicolon")
	}
}

// TestNothingBelowTheBody checks every handout keeps its text and
// shading above the footer and below the top margin.
func TestNothingBelowTheBody(t *testing.T) {
	docs := map[string]*briefing.Document{"rich": bt.Rich(), "long": longBriefing()}
	for name, d := range bt.Examples(t) {
		docs[name] = d
	}
	for _, name := range bt.Names(docs) {
		for _, paper := range []string{"a4", "letter"} {
			l, pages, err := layOut(docs[name], Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			top, bottom := l.th.Margins.Top*mm, l.paper.h-l.th.Margins.Bottom*mm
			for n, p := range pages {
				for _, o := range p.ops {
					lo, hi := o.y, o.y+o.h
					if o.kind == opText {
						lo, hi = o.y-0.905*o.st.size, o.y // Liberation's ascent
					}
					if lo < top-0.01 || hi > bottom+0.01 {
						t.Errorf("%s on %s, page %d: %v %q from %.1f to %.1f, outside %.1f–%.1f", name, paper, n+1, o.kind, o.text, lo, hi, top, bottom)
						break
					}
				}
			}
		}
	}
}

// TestNoteMarksLink checks each note mark is a link to its note: one
// internal link annotation per mark, each to the page its note is on.
func TestNoteMarksLink(t *testing.T) {
	b := pdfOf(t, bt.Rich(), Options{})
	annots := regexp.MustCompile(`/Subtype /Link /Rect \[[^\]]*\] /Border \[0 0 0\] /F 4 /StructParent \d+ /Contents \(Note \d+\) /Dest \[(\d+) 0 R /XYZ 0 [\d.]+ null\]`).FindAllSubmatch(b, -1)
	if len(annots) != 2 {
		t.Fatalf("%d links to notes, want 2 (one per mark)", len(annots))
	}
	// Page n (from 0) is object 3+2n: find the notes' page.
	_, pages, err := layOut(bt.Rich(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := ""
	for n, p := range pages {
		for _, o := range p.ops {
			if o.kind == opAnchor && want == "" {
				want = fmt.Sprint(3 + 2*n)
			}
		}
	}
	for _, a := range annots {
		if string(a[1]) != want {
			t.Errorf("a note mark links to object %s, not the notes' page (object %s)", a[1], want)
		}
	}
}
