package html

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/pdf"
)

func write(t testing.TB, d *briefing.Document, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// wellFormed parses page strictly as XML: every element closed, every
// entity known, every attribute quoted.
func wellFormed(t testing.TB, page []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	dec.Entity = map[string]string{} // only XML's own five
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well formed: %v", err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 {
		t.Fatalf("%d elements left open", depth)
	}
}

// parse reads page as a browser would.
func parse(t testing.TB, page []byte) *xhtml.Node {
	t.Helper()
	n, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func walk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func elements(root *xhtml.Node, tag string) []*xhtml.Node {
	var out []*xhtml.Node
	walk(root, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == tag {
			out = append(out, n)
		}
	})
	return out
}

func textOf(n *xhtml.Node) string {
	var b strings.Builder
	walk(n, func(c *xhtml.Node) {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// links collects every address a model lets a reader follow.
func links(d *briefing.Document) map[string]bool {
	m := map[string]bool{}
	var ins func([]briefing.Inline)
	var blocks func([]briefing.Block)
	ins = func(is []briefing.Inline) {
		for _, in := range is {
			switch n := in.(type) {
			case *briefing.Link:
				m[href(n.URL)] = true
				ins(n.Inlines)
			case *briefing.Image:
				m[href(n.URL)] = true
			case *briefing.Emph:
				ins(n.Inlines)
			case *briefing.Strong:
				ins(n.Inlines)
			}
		}
	}
	blocks = func(bs []briefing.Block) {
		for _, b := range bs {
			switch n := b.(type) {
			case *briefing.Paragraph:
				ins(n.Inlines)
			case *briefing.Heading:
				ins(n.Inlines)
			case *briefing.List:
				for _, it := range n.Items {
					blocks(it.Blocks)
				}
			case *briefing.Quote:
				blocks(n.Blocks)
			case *briefing.Table:
				for _, c := range n.Header {
					ins(c)
				}
				for _, r := range n.Rows {
					for _, c := range r {
						ins(c)
					}
				}
			}
		}
	}
	blocks(d.Lead)
	for _, s := range d.Sections() {
		blocks(s.Blocks)
	}
	for _, f := range d.Footnotes {
		blocks(f.Blocks)
	}
	m[href(d.Meta.Link)] = true
	return m
}

// checkPage checks what every page must be: well formed, one h1, a
// language, header cells with a scope, no script, nothing fetched, and
// every link either to a place in the page (that exists), to a file
// beside it, or to an address the briefing gives.
func checkPage(t *testing.T, d *briefing.Document, page []byte) *xhtml.Node {
	t.Helper()
	wellFormed(t, page)
	root := parse(t, page)
	if h := elements(root, "html"); len(h) != 1 {
		t.Fatalf("%d html elements", len(h))
	} else if lang, _ := attr(h[0], "lang"); lang == "" {
		t.Error("no lang on html")
	}
	if n := len(elements(root, "h1")); n != 1 {
		t.Errorf("%d h1 elements, want 1", n)
	}
	for _, th := range elements(root, "th") {
		if s, _ := attr(th, "scope"); s != "col" && s != "row" {
			t.Errorf("th without scope: %q", textOf(th))
		}
	}
	for _, tag := range []string{"script", "iframe", "img", "object", "embed", "link", "base", "form"} {
		for _, n := range elements(root, tag) {
			if r, _ := attr(n, "rel"); tag == "link" && r == "alternate" {
				continue // the catalogue names its feed; nothing is fetched
			}
			if tag == "img" && inPage(n) {
				continue // a picture held in the page
			}
			t.Errorf("a %s element", tag)
		}
	}
	ids := map[string]bool{}
	walk(root, func(n *xhtml.Node) {
		if n.Type != xhtml.ElementNode {
			return
		}
		if id, ok := attr(n, "id"); ok {
			if ids[id] {
				t.Errorf("id %q twice", id)
			}
			ids[id] = true
		}
		for _, a := range n.Attr {
			if a.Key == "src" && n.Data == "img" && inPage(n) {
				continue
			}
			if a.Key == "src" || a.Key == "srcset" || a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	})
	if strings.Contains(strings.ToLower(string(page)), "@import") || strings.Contains(string(page), "url(") {
		t.Error("the stylesheet fetches something")
	}
	allowed := map[string]bool{}
	if d != nil {
		allowed = links(d)
	}
	for _, a := range elements(root, "a") {
		h, ok := attr(a, "href")
		if !ok {
			t.Errorf("a link without href: %q", textOf(a))
			continue
		}
		if strings.HasPrefix(h, "#") {
			if !ids[h[1:]] {
				t.Errorf("link to %s, which is not in the page", h)
			}
			continue
		}
		u, err := url.Parse(h)
		if err != nil {
			t.Errorf("href %q: %v", h, err)
			continue
		}
		if u.Scheme == "" && u.Host == "" && !strings.Contains(strings.TrimPrefix(u.Path, "./"), "/") {
			continue // a file beside the page
		}
		if !allowed[h] {
			t.Errorf("link to %q, which the briefing does not give", h)
		}
	}
	return root
}

// inPage reports whether an img holds its picture (a PNG or JPEG data:
// address) and has alternative text, "" for a decorative one, and a size.
func inPage(n *xhtml.Node) bool {
	src, _ := attr(n, "src")
	_, hasAlt := attr(n, "alt")
	_, hasW := attr(n, "width")
	_, hasH := attr(n, "height")
	return (strings.HasPrefix(src, "data:image/png;base64,") || strings.HasPrefix(src, "data:image/jpeg;base64,")) &&
		hasAlt && hasW && hasH && len(n.Attr) <= 5
}

func TestExamplesArePagesAsPromised(t *testing.T) {
	docs := bt.Examples(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			d := docs[name]
			page := write(t, d, Options{Docx: name + ".docx", PDF: name + ".pdf"})
			root := checkPage(t, d, page)
			h2 := elements(root, "h2")
			var got []string
			for _, h := range h2 {
				got = append(got, textOf(h))
			}
			want := []string{"About the source document"}
			for _, s := range d.Sections() {
				want = append(want, s.Heading)
			}
			if len(d.Footnotes) > 0 {
				want = append(want, "Notes")
			}
			want = append(want, "About this briefing")
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("h2 headings\n got %q\nwant %q", got, want)
			}
			if !bytes.Contains(page, []byte(`href="`+name+`.docx"`)) || !bytes.Contains(page, []byte(`href="`+name+`.pdf"`)) {
				t.Error("no links to the Word and PDF handouts")
			}
			if !bytes.Equal(page, write(t, d, Options{Docx: name + ".docx", PDF: name + ".pdf"})) {
				t.Error("two writes differ")
			}
		})
	}
}

func TestRichPage(t *testing.T) {
	d := bt.Rich()
	page := write(t, d, Options{})
	root := checkPage(t, d, page)
	s := string(page)
	for _, want := range []string{
		`<sup class="note-mark"><a id="ref-1" href="#note-1" aria-label="Note 1">1</a></sup>`,
		`<a class="back" href="#ref-1" aria-label="Back to the text of note 1">↩</a></p></li>`,
		`<th scope="col" class="right">Count</th>`,
		`<ol type="a" start="3">`,
		`<li id="reading-1">`,
		`<time datetime="2018-03-14">14 March 2018</time>`,
		`<span class="print-only"> (https://example.org/a)</span>`,
		`<a href="mailto:library@example.org">library@example.org</a>,`,
		`<a class="image" href="https://example.org/i.png">[Image: a chart]</a>`,
		`<pre><code>line one` + "\n\tline two</code></pre>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %s", want)
		}
	}
	if strings.Contains(s, "<nav") {
		t.Error("links to other formats when none is built")
	}
	if n := len(elements(root, "dl")); n != 2 {
		t.Errorf("%d description lists; want the two panels", n)
	}
}

func TestCitationsLinkToFurtherReading(t *testing.T) {
	d := bt.Minimal(bt.Para(bt.Text("As shown (1, 2) and (3-4), but not (9) or (x)."), bt.Text(" Also (2).")))
	d.FurtherReading = &briefing.Section{Role: briefing.FurtherReading, Heading: "Further reading", Blocks: []briefing.Block{
		bt.Numbered(1, bt.Item(bt.Para(bt.Text("One (2)"))), bt.Item(bt.Para(bt.Text("Two"))), bt.Item(bt.Para(bt.Text("Three"))), bt.Item(bt.Para(bt.Text("Four")))),
	}}
	page := string(write(t, d, Options{}))
	cite := func(n string) string {
		return `<a class="cite" href="#reading-` + n + `" aria-label="Further reading, item ` + n + `">` + n + `</a>`
	}
	want := "As shown (" + cite("1") + ", " + cite("2") + ") and (" + cite("3") + "-" + cite("4") + "), but not (9) or (x). Also (" + cite("2") + ")."
	if !strings.Contains(page, want) {
		t.Errorf("citations not linked:\n%s", page)
	}
	if !strings.Contains(page, `<li id="reading-1"><p>One (2)</p>`) {
		t.Error("a citation inside further reading was linked")
	}
	checkPage(t, d, []byte(page))
}

func TestHostileTextStaysText(t *testing.T) {
	d := bt.Minimal(
		bt.Para(bt.Text(`<script>alert(1)</script> & "quotes" 'apostrophes' ]]> `+"\x00\x01\x7f\ufffe"+"\xff"),
			bt.Link("javascript:alert(1)", bt.Text("run me")),
			bt.Link("file:///etc/passwd", bt.Text("a file")),
			bt.Link(`https://example.org/"onmouseover="x`, bt.Text("quoted")),
			&briefing.Image{URL: "javascript:x", Alt: `<img src=x onerror=alert(1)>`},
			&briefing.Code{Value: "</code><script>"}),
		&briefing.CodeBlock{Text: "</pre><script>x</script>"},
	)
	d.Meta.Title = `</title><script>alert(1)</script>`
	d.Meta.Tags = []string{`"/><script>`}
	d.Meta.Link = "javascript:alert(2)"
	page := write(t, d, Options{Docx: `x".docx`, PDF: "a:b.pdf"})
	root := checkPage(t, d, page)
	for _, a := range elements(root, "a") {
		h, _ := attr(a, "href")
		if strings.HasPrefix(strings.ToLower(h), "javascript:") || strings.HasPrefix(strings.ToLower(h), "file:") {
			t.Errorf("a link to %q", h)
		}
	}
	s := string(page)
	for _, want := range []string{
		"run me<span class=\"address\"> (javascript:alert(1))</span>",
		`href="https://example.org/%22onmouseover=%22x"`,
		`href="x%22.docx"`, `href="./a:b.pdf"`,
		"\ufffd\ufffd\ufffd\ufffd\ufffd",
		"<dd>javascript:alert(2)</dd>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("no %s", want)
		}
	}
}

func TestDeepModelsAreRefused(t *testing.T) {
	var in briefing.Inline = bt.Text("x")
	for range 10000 {
		in = bt.Emph(in)
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Minimal(bt.Para(in)), Options{}); !errors.Is(err, ErrTooDeep) {
		t.Errorf("got %v, want ErrTooDeep", err)
	}
	var blk briefing.Block = bt.Para(bt.Text("x"))
	for range 10000 {
		blk = bt.Bullets(bt.Item(blk))
	}
	if err := Write(&b, bt.Minimal(blk), Options{}); !errors.Is(err, ErrTooDeep) {
		t.Errorf("got %v, want ErrTooDeep", err)
	}
}

// TestColoursAreTheThemes keeps the page's default colours those of the
// default PDF theme, and checks that text set in them passes WCAG AA
// (4.5:1) on every ground it is set on.
func TestColoursAreTheThemes(t *testing.T) {
	th, err := pdf.DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	c := th.Colours
	want := Colours{
		Text: c.Text.String(), Muted: c.Muted.String(), Accent: c.Accent.String(), Link: c.Link.String(),
		Rule: c.Rule.String(), Panel: c.Panel.String(), TableHeader: c.TableHeader.String(),
		QuoteBar: c.QuoteBar.String(), CodeBackground: c.CodeBackground.String(),
	}
	if want != DefaultColours {
		t.Errorf("DefaultColours %+v\nthe theme's       %+v", DefaultColours, want)
	}
	d := DefaultColours
	for _, fg := range []string{d.Text, d.Muted, d.Accent, d.Link} {
		for _, bg := range []string{"#ffffff", d.Panel, d.TableHeader, d.CodeBackground} {
			if r := Contrast(fg, bg); r < 4.5 {
				t.Errorf("%s on %s: contrast %.2f, under 4.5", fg, bg, r)
			}
		}
	}
	if r := Contrast("#000000", "#ffffff"); r < 20.99 || r > 21.01 {
		t.Errorf("black on white: %.3f, want 21", r)
	}
}

func TestBadColoursFallBack(t *testing.T) {
	page := string(write(t, bt.Minimal(bt.Para(bt.Text("x"))), Options{Colours: Colours{Text: "red;}</style><script>", Accent: "#123456"}}))
	if strings.Contains(page, "<script>") || !strings.Contains(page, "color:#1d1d1b") || !strings.Contains(page, "color:#123456") {
		t.Error("a colour that is not #rrggbb reached the stylesheet, or a good one did not")
	}
}

var fuzzShape = bt.FuzzShape{Str: 24, LinkScheme: true, StartScale: 4, Cols: 5, Rows: 4, Cells: 6}

func FuzzWrite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x05Title\x00\x03Lib\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x02\x01\x03\x02\x01\x01\x03\x00hello"))
	f.Add(bytes.Repeat([]byte{3, 3, 1, 1, 5}, 40))
	f.Add([]byte("\x07(\\)\xff\x00\x01\x03\x04\x04\x02\x04\x05\x06\x07\x08\x01\x02\x03\x04\x05\x06\x07\x08\x09"))
	f.Add([]byte("\x08“Zoë” <&>\x03\x02\x01\x01\x0c\x01\x00\xf0\x9f\x98\x80漢字\t\r\n\x04\x04\x04\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := bt.FromFuzz(data, fuzzShape)
		var b bytes.Buffer
		err := Write(&b, d, Options{Docx: "a.docx"})
		if errors.Is(err, ErrTooDeep) {
			return
		}
		if err != nil {
			t.Fatalf("Write: %v", err)
		}
		wellFormed(t, b.Bytes())
		root := parse(t, b.Bytes())
		if n := len(elements(root, "script")); n > 0 {
			t.Fatal("a script element")
		}
	})
}
