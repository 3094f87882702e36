package briefing

// This file is the only one that knows goldmark, with the parsers it
// adds to it (gfmtable.go, footnotes.go, linkify.go, typography.go): it
// parses the body of a briefing and converts goldmark's tree into the
// model. Everything else in the package, and every writer, sees only
// the model.

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markdown is the goldmark configured for briefings: CommonMark with GFM
// tables (gfmtable.go), footnotes (footnotes.go), bare links (http and
// https addresses, www. and e-mail addresses; linkify.go) and typographic
// punctuation written as the characters themselves rather than HTML
// entities (typography.go). Angle quotes (<< >>) are left as typed: they
// are not English usage.
var markdown = newMarkdown(footnotesAndBareLinks{})

// newMarkdown configures goldmark with notes for the footnotes and bare
// links (tests compare them with others).
func newMarkdown(notes goldmark.Extender) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(
			gfmTables{},
			notes,
			typographer{},
		),
	)
}

// citation is a "(N)", "(N, M)" or "(N-M)" found in the text.
type citation struct {
	Text string // as written, "(3, 5)"
	Nums []int  // every item it cites, ranges expanded
	Line int
	Top  int    // index in parsed.Blocks of the block it is in; -1 in a footnote
	Bad  string // why it is not a usable citation, or ""
}

// linkUse is one link or image address in the body, for validation.
type linkUse struct {
	URL   string
	Line  int
	Image bool
}

// parsed is what the Markdown reader hands the rest of the package.
type parsed struct {
	// Blocks at the top level, in order. Headings of level 1 and 2 are
	// kept as *Heading with that level so that sections can be cut.
	Blocks []Block
	// Footnotes keyed by a provisional number; FootnoteRef.N in Blocks
	// and Footnotes use it until renumber runs.
	Footnotes []*Footnote
	Citations []citation
	Links     []linkUse
	// Pictures are the local pictures, to be read once the body is
	// converted; Alone says the picture is a paragraph of its own at
	// section level.
	Pictures []pictureUse
	// ParaLines are the source lines of every paragraph, for the
	// checks of text pasted from elsewhere (paste.go).
	ParaLines []paraLine
}

// converter turns goldmark's tree into the model, bounding depth and size
// as it goes: it never recurses deeper than MaxDepth blocks or
// MaxInlineDepth inlines, whatever goldmark built.
type converter struct {
	src   []byte
	lines lineIndex
	diags *diagSink
	out   parsed

	// scan collects the text of the current block for citations and
	// undefined footnote labels: text as written (escapes kept), with
	// a NUL where code or a link address interrupts it.
	scan    []byte
	scanPos []scanMark

	top            int // index of the top-level block being converted
	htmlLine       int // line of the last inline HTML reported
	inLink         int // how many links the current inline is inside
	depthReported  bool
	inlineReported bool
	paras          int // paragraphs seen, for parsed.ParaLines
}

type scanMark struct{ at, src int }

// Bounds on how far the scan looks for the end of a footnote label or a
// citation, so that a line of unclosed brackets is not read again from
// each one.
const (
	maxLabel    = 1000
	maxCitation = 200
)

// parseMarkdown parses src (the whole file, its front matter blanked out
// so that offsets stay file offsets) and converts it.
func parseMarkdown(src []byte, lines lineIndex, d *diagSink) parsed {
	return convertMarkdown(markdown.Parser().Parse(text.NewReader(src)), src, lines, d)
}

// convertMarkdown converts the tree goldmark parsed from src.
func convertMarkdown(root gast.Node, src []byte, lines lineIndex, d *diagSink) parsed {
	c := &converter{src: src, lines: lines, diags: d}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		c.top = len(c.out.Blocks)
		if b := c.block(n, 0, 1); b != nil {
			c.out.Blocks = append(c.out.Blocks, b)
		}
	}
	c.top = -1
	for fl := root.LastChild(); fl != nil; fl = fl.PreviousSibling() {
		if list, ok := fl.(*footnoteDefs); ok {
			c.footnotes(list)
			break
		}
	}
	return c.out
}

func (c *converter) line(n gast.Node, fallback int) int {
	for n != nil {
		if p := n.Pos(); p >= 0 && p <= len(c.src) {
			return c.lines.of(p)
		}
		if n.Type() == gast.TypeBlock {
			if ls := n.Lines(); ls != nil && ls.Len() > 0 {
				return c.lines.of(ls.At(0).Start)
			}
		}
		n = n.FirstChild()
	}
	return fallback
}

func (c *converter) footnotes(list *footnoteDefs) {
	count := 0
	for n := list.FirstChild(); n != nil; n = n.NextSibling() {
		fn, ok := n.(*footnoteDef)
		if !ok || fn.N < 0 {
			continue
		}
		count++
		line := c.line(fn, 0)
		if count > MaxFootnotes {
			c.diags.errorf(line, "more than %d footnotes; a handout should not need so many: make some of them part of the text or further reading", MaxFootnotes)
			return
		}
		c.out.Footnotes = append(c.out.Footnotes, &Footnote{
			N:      fn.N,
			Label:  clean(string(fn.Label)),
			Blocks: c.blocks(fn, 1, line),
		})
	}
}

// blocks converts the block children of parent. depth is the number of
// lists and quotes around them.
func (c *converter) blocks(parent gast.Node, depth, parentLine int) []Block {
	var out []Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if b := c.block(n, depth, parentLine); b != nil {
			out = append(out, b)
		}
	}
	return out
}

func (c *converter) tooDeep(depth, line int) bool {
	if depth <= MaxDepth {
		return false
	}
	if !c.depthReported {
		c.depthReported = true
		c.diags.errorf(line, "lists and quotes are nested more than %d deep; flatten them (a handout cannot show deeper nesting)", MaxDepth)
	}
	return true
}

func (c *converter) block(n gast.Node, depth, parentLine int) Block {
	line := c.line(n, parentLine)
	switch n := n.(type) {
	case *gast.Paragraph:
		c.noteLines(n)
		return &Paragraph{Inlines: c.inlineBlock(n), Line: line}
	case *gast.TextBlock:
		c.noteLines(n)
		return &Paragraph{Inlines: c.inlineBlock(n), Line: line}
	case *gast.Heading:
		level := n.Level
		if depth > 0 && level < 3 {
			level = 3 // only top-level headings make sections
		}
		return &Heading{Level: level, Inlines: c.inlineBlock(n), Line: line}
	case *gast.ThematicBreak:
		return &Rule{Line: line}
	case *gast.CodeBlock:
		return &CodeBlock{Text: c.codeLines(n), Line: line}
	case *gast.FencedCodeBlock:
		lang := ""
		if n.Info != nil {
			lang = clean(string(n.Language(c.src)))
		}
		return &CodeBlock{Lang: lang, Text: c.codeLines(n), Line: line}
	case *gast.Blockquote:
		if c.tooDeep(depth+1, line) {
			return nil
		}
		return &Quote{Blocks: c.blocks(n, depth+1, line), Line: line}
	case *gast.List:
		if c.tooDeep(depth+1, line) {
			return nil
		}
		l := &List{Ordered: n.IsOrdered(), Line: line}
		if l.Ordered {
			l.Start = n.Start
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			itLine := c.line(it, line)
			l.Items = append(l.Items, &ListItem{Blocks: c.blocks(it, depth+1, itLine), Line: itLine})
		}
		return l
	case *gast.HTMLBlock:
		if n.HTMLBlockType == gast.HTMLBlockType2 {
			return nil // an HTML comment: a note to fellow authors
		}
		c.diags.errorf(line, "HTML is not allowed in a briefing; write the text in Markdown (an HTML comment <!-- … --> is allowed and left out)")
		return nil
	case *tableNode:
		return c.table(n, line)
	case *footnoteDefs:
		return nil // converted on its own
	}
	if n.Type() == gast.TypeBlock && n.FirstChild() != nil {
		// A block kind this reader does not know: keep its text.
		return &Paragraph{Inlines: c.inlineBlock(n), Line: line}
	}
	return nil
}

// noteLines records the source lines of a paragraph.
func (c *converter) noteLines(n gast.Node) {
	c.paras++
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		c.out.ParaLines = append(c.out.ParaLines, paraLine{
			Line: c.lines.of(seg.Start),
			Text: string(bytes.TrimRight(seg.Value(c.src), "\r\n")),
			Para: c.paras,
		})
	}
}

func (c *converter) codeLines(n gast.Node) string {
	var b strings.Builder
	ls := n.Lines()
	for i := 0; i < ls.Len(); i++ {
		seg := ls.At(i)
		if seg.Padding > 0 {
			b.WriteString(strings.Repeat(" ", seg.Padding))
		}
		b.Write(seg.Value(c.src))
	}
	return clean(strings.TrimRight(b.String(), "\n"))
}

func (c *converter) table(t *tableNode, line int) Block {
	cols := len(t.Align)
	rows := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		rows++
	}
	if cols > MaxTableColumns {
		c.diags.errorf(line, "table has %d columns, more than the %d a handout page can show; split it or make it a list", cols, MaxTableColumns)
		return nil
	}
	if rows*cols > MaxTableCells {
		c.diags.errorf(line, "table has %d cells, more than the limit of %d; split it into smaller tables", rows*cols, MaxTableCells)
		return nil
	}
	tb := &Table{Line: line, Align: t.Align}
	row := func(r gast.Node) []Cell {
		cells := make([]Cell, 0, cols)
		for cell := r.FirstChild(); cell != nil && len(cells) < cols; cell = cell.NextSibling() {
			cells = append(cells, Cell(c.inlineBlock(cell)))
		}
		for len(cells) < cols {
			cells = append(cells, Cell{})
		}
		return cells
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if r.(*tableRowNode).Header {
			tb.Header = row(r)
		} else {
			tb.Rows = append(tb.Rows, row(r))
		}
	}
	if tb.Header == nil {
		tb.Header = row(&tableRowNode{})
	}
	return tb
}

// inlineBlock converts the inline children of a block and scans their
// text for citations.
func (c *converter) inlineBlock(n gast.Node) []Inline {
	c.scan = c.scan[:0]
	c.scanPos = c.scanPos[:0]
	ins := c.inlines(n, 0)
	c.scanText()
	return mergeText(ins)
}

func (c *converter) inlines(parent gast.Node, depth int) []Inline {
	var out []Inline
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = c.inline(out, n, depth)
	}
	return out
}

func (c *converter) scanRaw(b []byte, srcPos int) {
	c.scanPos = append(c.scanPos, scanMark{at: len(c.scan), src: srcPos})
	c.scan = append(c.scan, b...)
}

func (c *converter) scanBreak() { c.scan = append(c.scan, 0) }

func (c *converter) inline(out []Inline, n gast.Node, depth int) []Inline {
	// MaxInlineDepth emphases or links in one another are allowed: the
	// text inside the deepest is at MaxInlineDepth, one more is not.
	if depth >= MaxInlineDepth && n.HasChildren() {
		if !c.inlineReported {
			c.inlineReported = true
			c.diags.errorf(c.line(n, 0), "emphasis and links are nested more than %d deep; simplify the formatting", MaxInlineDepth)
		}
		return out
	}
	switch n := n.(type) {
	case *gast.Text:
		raw := n.Segment.Value(c.src)
		var v string
		if n.IsRaw() {
			v = string(raw)
		} else {
			v = unescape(raw)
		}
		c.scanRaw(raw, n.Segment.Start)
		out = append(out, &Text{Value: c.cleanAt(v, n.Segment.Start)})
		switch {
		case n.HardLineBreak():
			out = append(out, &LineBreak{})
			c.scanRaw([]byte{' '}, n.Segment.Stop)
		case n.SoftLineBreak():
			out = append(out, &Text{Value: " "})
			c.scanRaw([]byte{' '}, n.Segment.Stop)
		}
	case *gast.String:
		c.scanRaw(n.Value, max(n.Pos(), 0))
		out = append(out, &Text{Value: c.cleanAt(string(n.Value), n.Pos())})
	case *gast.CodeSpan:
		c.scanBreak()
		var b []byte
		for t := n.FirstChild(); t != nil; t = t.NextSibling() {
			switch t := t.(type) {
			case *gast.Text:
				b = append(b, t.Segment.Value(c.src)...)
				if t.SoftLineBreak() {
					b = append(b, ' ')
				}
			case *gast.String:
				b = append(b, t.Value...)
			}
		}
		out = append(out, &Code{Value: c.cleanAt(string(b), n.Pos())})
	case *gast.Emphasis:
		kids := c.inlines(n, depth+1)
		if n.Level >= 2 {
			out = append(out, &Strong{Inlines: kids})
		} else {
			out = append(out, &Emph{Inlines: kids})
		}
	case *gast.Link:
		url := c.cleanAt(unescape(n.Destination), n.Pos())
		c.out.Links = append(c.out.Links, linkUse{URL: url, Line: c.line(n, 0)})
		c.inLink++
		kids := c.inlines(n, depth+1)
		c.inLink--
		c.scanBreak()
		out = append(out, &Link{URL: url, Inlines: mergeText(kids)})
	case *gast.AutoLink:
		c.scanBreak()
		if c.inLink > 0 {
			// An address written as the text of a link is text: a
			// link cannot hold another.
			out = append(out, &Text{Value: c.cleanAt(string(n.Label(c.src)), n.Pos())})
			break
		}
		url := c.cleanAt(string(n.URL(c.src)), n.Pos())
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		c.out.Links = append(c.out.Links, linkUse{URL: url, Line: c.line(n, 0)})
		label := strings.TrimPrefix(url, "mailto:")
		if written := c.cleanAt(string(n.Label(c.src)), n.Pos()); n.AutoLinkType == gast.AutoLinkURL && "http://"+written == url {
			// A bare www. address prints as written; only its link
			// gains the scheme a browser needs.
			label = written
		}
		out = append(out, &Link{URL: url, Inlines: []Inline{&Text{Value: label}}})
	case *gast.Image:
		url := c.cleanAt(unescape(n.Destination), n.Pos())
		c.out.Links = append(c.out.Links, linkUse{URL: url, Line: c.line(n, 0), Image: true})
		alt := PlainText(c.inlines(n, depth+1))
		c.scanBreak()
		img := &Image{URL: url, Alt: alt}
		if isLocalPicture(url) {
			img.Line = c.line(n, 0)
			c.out.Pictures = append(c.out.Pictures, pictureUse{Image: img, Title: string(n.Title), Alone: aloneInSection(n)})
		}
		out = append(out, img)
	case *gast.RawHTML:
		c.scanBreak()
		var b []byte
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			b = append(b, s.Value(c.src)...)
		}
		if line := c.line(n, 0); !bytes.HasPrefix(b, []byte("<!--")) && line != c.htmlLine {
			c.htmlLine = line
			c.diags.errorf(line, "HTML %q is not allowed in a briefing; use Markdown (for a line break, end the line with a backslash)", clip(string(b), 40))
		}
	case *footnoteRef:
		c.scanBreak()
		out = append(out, &FootnoteRef{N: n.N})
	default:
		if n.Type() == gast.TypeInline && n.FirstChild() != nil {
			out = append(out, c.inlines(n, depth+1)...)
		}
	}
	return out
}

// cleanAt returns s with characters that cannot appear in a handout
// replaced, reporting it (they reach the text only through character
// references such as &#1;, since the file itself was checked).
func (c *converter) cleanAt(s string, pos int) string {
	out := clean(s)
	if out != s {
		line := 0
		if pos >= 0 {
			line = c.lines.of(pos)
		}
		c.diags.errorf(line, "a character reference stands for a control character, which cannot appear in a handout; remove it")
	}
	return out
}

// unescape resolves backslash escapes and entity and numeric character
// references, as CommonMark does for text and link destinations.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 && bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		ch := b[i]
		switch {
		case ch == '\\' && i+1 < len(b) && util.IsPunct(b[i+1]):
			out = append(out, b[i+1])
			i++
		case ch == '&':
			if r, n := charRef(b[i:]); n > 0 {
				out = append(out, r...)
				i += n - 1
			} else {
				out = append(out, ch)
			}
		default:
			out = append(out, ch)
		}
	}
	return string(out)
}

// charRef reads "&name;", "&#123;" or "&#x1F;" at the start of b and
// returns its text and length, or 0.
func charRef(b []byte) ([]byte, int) {
	// Look no further than the longest reference: a run of "&" must not
	// make each one search the rest of the text for a ";".
	end := bytes.IndexByte(b[:min(len(b), 42)], ';')
	if end < 2 || end > 40 {
		return nil, 0
	}
	body := string(b[1:end])
	if body[0] == '#' {
		var v uint64
		var err error
		switch {
		case len(body) > 2 && (body[1] == 'x' || body[1] == 'X') && len(body) <= 8:
			v, err = strconv.ParseUint(body[2:], 16, 32)
		case len(body) > 1 && len(body) <= 8 && body[1] >= '0' && body[1] <= '9':
			v, err = strconv.ParseUint(body[1:], 10, 32)
		default:
			return nil, 0
		}
		if err != nil {
			return nil, 0
		}
		r := rune(v)
		if v == 0 || v > utf8.MaxRune || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return utf8.AppendRune(nil, r), end + 1
	}
	if e, ok := util.LookUpHTML5EntityByName(body); ok {
		return e.Characters, end + 1
	}
	return nil, 0
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// scanText looks for citations and undefined footnote labels in the text
// of the block just converted.
func (c *converter) scanText() {
	s := c.scan
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			if i > 0 && s[i-1] == '\\' {
				continue
			}
			if cit, n := readCitation(s[i:]); n > 0 {
				cit.Line = c.lineAt(i)
				cit.Top = c.top
				c.out.Citations = append(c.out.Citations, cit)
				i += n - 1
			}
		case '[':
			if i+1 < len(s) && s[i+1] == '^' && (i == 0 || s[i-1] != '\\') {
				end := bytes.IndexByte(s[i:min(len(s), i+maxLabel)], ']')
				if end > 2 && !bytes.ContainsAny(s[i:i+end], " \t\x00\n") {
					label := string(s[i+2 : i+end])
					c.diags.errorf(c.lineAt(i), "footnote [^%s] has no text; add a line \"[^%s]: the note\" below the paragraph", clean(label), clean(label))
					i += end
				}
			}
		}
	}
}

func (c *converter) lineAt(i int) int {
	pos := 0
	// The last mark at or before i.
	k := sort.Search(len(c.scanPos), func(k int) bool { return c.scanPos[k].at > i }) - 1
	if k >= 0 {
		pos = c.scanPos[k].src + (i - c.scanPos[k].at)
	}
	if pos > len(c.src) {
		pos = len(c.src)
	}
	return c.lines.of(pos)
}

// readCitation reads a citation at the start of b: "(" numbers of one to
// three digits separated by commas or by a dash for a range, ")".
// Anything else in the brackets means it is not a citation.
func readCitation(b []byte) (citation, int) {
	end := bytes.IndexByte(b[:min(len(b), maxCitation)], ')')
	if end < 2 {
		return citation{}, 0
	}
	inner := string(b[1:end])
	cit := citation{Text: string(b[:end+1])}
	// Each number is kept once, so that ranges repeated in one citation,
	// such as (1-999, 1-999, …), hold at most a thousand numbers.
	var seen [1000]bool
	add := func(n int) {
		if !seen[n] {
			seen[n] = true
			cit.Nums = append(cit.Nums, n)
		}
	}
	for _, part := range strings.Split(inner, ",") {
		part = strings.TrimSpace(part)
		lo, hi, isRange := cutDash(part)
		a, ok := citeNum(lo)
		if !ok {
			return citation{}, 0
		}
		if !isRange {
			add(a)
			continue
		}
		z, ok := citeNum(hi)
		if !ok {
			return citation{}, 0
		}
		if z < a {
			cit.Bad = fmt.Sprintf("the range %d–%d runs backwards; write it smallest first, (%d–%d)", a, z, z, a)
			continue
		}
		for k := a; k <= z; k++ {
			add(k)
		}
	}
	return cit, end + 1
}

func cutDash(s string) (string, string, bool) {
	for _, d := range []string{"–", "-", "—"} {
		if lo, hi, ok := strings.Cut(s, d); ok {
			return strings.TrimSpace(lo), strings.TrimSpace(hi), true
		}
	}
	return s, "", false
}

func citeNum(s string) (int, bool) {
	if len(s) < 1 || len(s) > 3 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, _ := strconv.Atoi(s)
	return n, true
}

// mergeText joins adjacent Text runs, which goldmark splits at every
// character that might have started markup. Runs are joined once each,
// so that a line of a million such characters stays linear.
func mergeText(ins []Inline) []Inline {
	out := ins[:0]
	var run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, &Text{Value: strings.Join(run, "")})
			run = run[:0]
		}
	}
	for _, in := range ins {
		if t, ok := in.(*Text); ok {
			if t.Value != "" {
				run = append(run, t.Value)
			}
			continue
		}
		flush()
		out = append(out, in)
	}
	flush()
	return out
}

// aloneInSection reports whether image n is the only thing in a paragraph
// at the top level of the body (and so of a section).
func aloneInSection(n gast.Node) bool {
	para, ok := n.Parent().(*gast.Paragraph)
	if !ok || para.ChildCount() != 1 {
		return false
	}
	_, top := para.Parent().(*gast.Document)
	return top
}
