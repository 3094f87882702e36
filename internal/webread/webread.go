// Package webread reads a saved web page (such as a library's blog post)
// into the neutral blocks of internal/importer: headings, paragraphs,
// lists, tables, quotes, with bold, italic and links. Nothing the page
// refers to (pictures, styles, scripts, frames) is ever fetched; site
// furniture (navigation, header, footer, side bars, forms) is left out.
package webread

import (
	"bytes"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"handouts/internal/boundedfile"
	"handouts/internal/importer"
)

// Limits on a page. Parsing is linear in the page's size; walking the
// tree stops at MaxDepth elements deep and MaxNodes nodes.
const (
	MaxBytes = 4 << 20
	MaxDepth = 200
	MaxNodes = 200000
)

// ReadFile reads the page at path through the bounded reader.
func ReadFile(path string) (importer.Source, error) {
	b, err := boundedfile.Read(path, MaxBytes)
	if err != nil {
		return importer.Source{}, importer.Describe(err, MaxBytes)
	}
	return Read(b)
}

// Read reads a page. It never fails on bad HTML (browsers do not
// either); only a page too large is an error.
func Read(src []byte) (importer.Source, error) {
	if len(src) > MaxBytes {
		return importer.Source{}, errTooLarge
	}
	if err := checkNesting(src); err != nil {
		return importer.Source{}, err
	}
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return importer.Source{}, err
	}
	r := &reader{}
	r.walk(content(root), 0, state{})
	r.flush()
	return importer.Source{Blocks: r.blocks}, nil
}

// MaxNesting is how deeply a page's elements may nest, as its tags say.
// The HTML parser's time grows with the square of the nesting, so a page
// nested deeper (no real page is) is refused before it is parsed.
const MaxNesting = 512

// implicit are elements whose end tag may be left out, or that have
// none; they are not counted as nesting.
var implicit = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dd: true, atom.Dt: true, atom.Option: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Colgroup: true, atom.Rb: true, atom.Rt: true, atom.Rp: true,
	atom.Optgroup: true, atom.Html: true, atom.Head: true, atom.Body: true,
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// checkNesting counts the nesting of a page's tags in one linear pass.
func checkNesting(src []byte) error {
	z := html.NewTokenizer(bytes.NewReader(src))
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if !implicit[atom.Lookup(name)] {
				depth++
				if depth > MaxNesting {
					return errString("the page nests its elements more than " + strconv.Itoa(MaxNesting) + " deep; no web page of a briefing does: is this the right file?")
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if !implicit[atom.Lookup(name)] && depth > 0 {
				depth--
			}
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }

const errTooLarge = errString("the page is larger than 4 MiB; a briefing is a page or two: is this the right file?")

// content is the element that holds the page's text: its article or
// main element when it has one, else its body.
func content(root *html.Node) *html.Node {
	var found, body *html.Node
	n := 0
	var find func(*html.Node, int)
	find = func(x *html.Node, depth int) {
		n++
		if found != nil || depth > MaxDepth || n > MaxNodes {
			return
		}
		if x.Type == html.ElementNode {
			switch x.DataAtom {
			case atom.Article, atom.Main:
				found = x
				return
			case atom.Body:
				body = x
			}
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			find(c, depth+1)
		}
	}
	find(root, 0)
	switch {
	case found != nil:
		return found
	case body != nil:
		return body
	}
	return root
}

// state is the inline formatting in force.
type state struct {
	bold, italic bool
	link         string
	pre          bool
	code         bool
}

type reader struct {
	blocks []importer.Block
	cur    *importer.Block // the block being filled, or nil
	list   []bool          // open lists, true for numbered
	counts []int           // the number of the next item of each
	nodes  int
	quote  int
	cells  *[][]importer.Inline // the table cell being filled
}

func (r *reader) flush() {
	if r.cur != nil {
		r.blocks = append(r.blocks, *r.cur)
		r.cur = nil
	}
}

func (r *reader) start(k importer.Kind) {
	r.flush()
	r.cur = &importer.Block{Kind: k}
	if k == importer.Para && r.quote > 0 {
		r.cur.Kind = importer.Quote
	}
}

func (r *reader) emit(in importer.Inline) {
	if r.cells != nil {
		row := *r.cells
		if len(row) > 0 {
			row[len(row)-1] = append(row[len(row)-1], in)
		}
		return
	}
	if r.cur == nil {
		if !in.Break && strings.TrimSpace(in.Text) == "" {
			return
		}
		r.start(importer.Para)
		if len(r.list) > 0 {
			r.cur.Cont = true
		}
	}
	r.cur.Inlines = append(r.cur.Inlines, in)
}

// skipped are elements whose content is not part of the text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Math: true,
	atom.Head: true, atom.Textarea: true, atom.Canvas: true, atom.Audio: true, atom.Video: true,
}

func (r *reader) walk(n *html.Node, depth int, st state) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.nodes++
		if r.nodes > MaxNodes || depth > MaxDepth {
			return
		}
		r.node(c, depth+1, st)
	}
}

func (r *reader) node(n *html.Node, depth int, st state) {
	switch n.Type {
	case html.TextNode:
		t := n.Data
		if !st.pre {
			t = strings.Join(strings.Fields(t), " ")
			if t == "" {
				if strings.TrimSpace(n.Data) == "" && n.Data != "" && r.cur != nil {
					t = " "
				} else {
					return
				}
			} else {
				if lead := n.Data[0]; lead == ' ' || lead == '\n' || lead == '\t' {
					t = " " + t
				}
				if last := n.Data[len(n.Data)-1]; last == ' ' || last == '\n' || last == '\t' {
					t += " "
				}
			}
		}
		r.emit(importer.Inline{Text: t, Bold: st.bold, Italic: st.italic, Link: st.link, Code: st.code})
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped[n.DataAtom] || hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		r.start(importer.Heading)
		r.cur.Level = int(n.Data[1] - '0')
		r.walk(n, depth, st)
		r.flush()
	case atom.P, atom.Div, atom.Section, atom.Dd, atom.Dt, atom.Figcaption, atom.Address, atom.Center:
		if r.cells != nil {
			r.walk(n, depth, st)
			r.emit(importer.Inline{Text: " "})
			return
		}
		r.flush()
		r.walk(n, depth, st)
		r.flush()
	case atom.Blockquote:
		r.flush()
		r.quote++
		r.walk(n, depth, st)
		r.flush()
		r.quote--
	case atom.Pre:
		r.start(importer.Code)
		st.pre = true
		r.walk(n, depth, st)
		r.flush()
	case atom.Hr:
		r.start(importer.Rule)
		r.flush()
	case atom.Br:
		r.emit(importer.Inline{Break: true})
	case atom.Ul, atom.Ol:
		r.flush()
		ordered := n.DataAtom == atom.Ol
		start := 1
		if v, err := strconv.Atoi(attr(n, "start")); err == nil && v >= 0 && v < 1e6 {
			start = v
		}
		r.list = append(r.list, ordered)
		r.counts = append(r.counts, start)
		r.walk(n, depth, st)
		r.flush()
		r.list = r.list[:len(r.list)-1]
		r.counts = r.counts[:len(r.counts)-1]
	case atom.Li:
		r.start(importer.Item)
		level := len(r.list) - 1
		if level < 0 {
			level = 0
		} else {
			r.cur.Ordered = r.list[level]
			if r.cur.Ordered {
				r.cur.Number = r.counts[level]
				r.counts[level]++
			}
		}
		r.cur.Level = min(level, 8)
		r.walk(n, depth, st)
		r.flush()
	case atom.Table:
		r.table(n, depth, st)
	case atom.Strong, atom.B:
		st.bold = true
		r.walk(n, depth, st)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		if !st.pre {
			st.code = true
		}
		r.walk(n, depth, st)
	case atom.Em, atom.I, atom.Cite:
		st.italic = true
		r.walk(n, depth, st)
	case atom.A:
		if h := strings.TrimSpace(attr(n, "href")); h != "" && st.link == "" {
			st.link = h
		}
		r.walk(n, depth, st)
	case atom.Img, atom.Picture:
		// Pictures are never fetched, and a handout's pictures are
		// the author's to add; left out.
	default:
		r.walk(n, depth, st)
	}
}

// table reads a table's rows; the first row is its header.
func (r *reader) table(n *html.Node, depth int, st state) {
	if r.cells != nil {
		r.walk(n, depth, st) // a table in a table: its text only
		return
	}
	r.flush()
	b := importer.Block{Kind: importer.Table}
	var rows func(*html.Node, int)
	rows = func(x *html.Node, d int) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			r.nodes++
			if r.nodes > MaxNodes || d > MaxDepth || c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(c, d+1)
			case atom.Tr:
				var row [][]importer.Inline
				r.cells = &row
				for cell := c.FirstChild; cell != nil; cell = cell.NextSibling {
					if cell.Type == html.ElementNode && (cell.DataAtom == atom.Td || cell.DataAtom == atom.Th) {
						row = append(row, nil)
						cst := st
						if cell.DataAtom == atom.Th {
							cst.bold = false
						}
						r.walk(cell, d+1, cst)
					}
				}
				r.cells = nil
				if len(row) > 0 {
					b.Rows = append(b.Rows, row)
				}
			}
		}
	}
	rows(n, depth)
	if len(b.Rows) > 0 {
		r.blocks = append(r.blocks, b)
	}
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}

// hidden reports an element the page does not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "hidden" || (a.Key == "aria-hidden" && a.Val == "true") {
			return true
		}
		if a.Key == "style" && strings.Contains(strings.ReplaceAll(a.Val, " ", ""), "display:none") {
			return true
		}
	}
	return false
}
