package pdf

import (
	"errors"
	"strconv"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/handout"
	"handouts/internal/picture"
)

// Limits of the writer; the validator reports briefings beyond them
// earlier, with file and line.
const (
	// MaxDepth bounds the nesting of blocks (lists, quotes) and of
	// inlines (emphasis inside strong inside a link...).
	MaxDepth = 64
)

// ErrTooDeep is returned for a model nested beyond MaxDepth.
var ErrTooDeep = errors.New("pdf: briefing nested too deeply")

// The layout works in two steps. First every block becomes rows: strips
// of the page's width that are never split (a line of a paragraph, a
// table row, a line of code), each with the space wanted above it and
// the number of following rows that must share its page. Then the rows
// are dealt onto pages (paginate). Knowing every page before drawing
// lets each footer say "Page N of M" directly.

type opKind uint8

const (
	opText   opKind = iota // text at x, baseline y
	opRect                 // filled rectangle
	opLine                 // line from x,y to x+w,y+h
	opLink                 // clickable area
	opMark                 // bookmark (outline entry) at y
	opAnchor               // destination of internal links named text, at y
	opImage                // picture fig in the box x, y, w, h, text its alternative text (image.go)
	opQR                   // the dark modules of the QR code of address text, at x, h; y is its row's place (qr.go)
)

// op is one thing drawn, with y relative to its row's top until placed.
// The small fields come first, packed into one word: a handout's
// layouts hold thousands of ops.
type op struct {
	kind       opKind
	fig        uint16 // an opImage's picture: layouter.figs[fig-1]; in kind's padding, so free
	colour     Colour
	tag        tag // the structure element drawn, or an artifact
	x, y, w, h float64
	text       string // text, bookmark title, or link address
	st         style
	lw         float64 // line width
}

// row is a strip of the page that is never split.
type row struct {
	h, before float64
	// keepNext is how many following rows must be on the same page as
	// this one: a paragraph's first and last two lines stay together, a
	// table's header row stays with the first body row, a paragraph
	// ending with a colon with the list or table it introduces, a list's
	// last item with the row before it (keeps.go).
	keepNext int
	// heading marks a heading's line: it keeps with any headings right
	// after it and then with the first keepLines rows of content.
	heading  bool
	baseline float64 // baseline of the row's first line, from its top
	ops      []op
	header   *row   // the table header to repeat above this row on a new page
	bars     []qbar // quote bars beside the row
}

// qbar is a quote's bar beside one row; up draws it through the space
// above the row too, joining it to the bar of the row before.
type qbar struct {
	x  float64
	up bool
}

// quote is an open block quote: where its bar is and whether it has a
// row yet.
type quote struct {
	x       float64
	started bool
}

// box is the frame blocks are laid out in.
type box struct {
	x, w      float64
	size      float64 // type size of body text here
	colour    Colour
	paraSpace float64 // space after a paragraph
	quotes    []*quote
	note      bool // in the notes: headings are plain, references [n]
	depth     int  // nesting of blocks, bounded by MaxDepth
	listLevel int  // lists this box is inside: 0 outside any list
}

// layouter turns a briefing into rows.
type layouter struct {
	th    *Theme
	m     [numFaces]*metrics
	d     *briefing.Document
	h     *handout.Handout
	rows  []*row
	space float64 // space wanted before the next row
	bodyH float64 // height of a page's body
	width float64 // width of the text
	left  float64 // left margin
	paper paper

	figs      []*figure        // the pictures drawn, by op.fig
	logo      *picture.Picture // beside the kind label and title; nil for none
	logoAlt   string
	qr        bool    // a QR code of the driver's address in the source panel
	panelSide float64 // width kept free at the right of a panel's values
	// tags is the structure tree; cur the element being laid out, which
	// new rows' ops belong to; lastHeading the level of the last
	// heading, so that none skips a level.
	tags        *tree
	cur         tag
	lastHeading int
	noteIDs     []string // the ids of the notes of the next list, if it is the notes

	// Scratch space of para and breakLines, reused from one paragraph
	// to the next: a paragraph's tokens, a word's pieces, its lines'
	// text before it is cut into strings.
	toks  []tok
	words []wordPiece
	text  []byte
}

// want asks for at least v of space before the next row.
func (l *layouter) want(v float64) {
	if v > l.space {
		l.space = v
	}
}

// add appends a row in box bx, with the space asked for above it.
func (l *layouter) add(r *row, bx box) {
	r.before = l.space
	l.space = 0
	tagOps(r.ops, l.cur)
	for _, q := range bx.quotes {
		r.bars = append(r.bars, qbar{x: q.x, up: q.started})
		q.started = true
	}
	l.rows = append(l.rows, r)
}

func (l *layouter) lineHeight(size float64) float64 { return size * l.th.LineHeight }

// baselineIn is where the baseline of text of size sits in a line of
// height lh: the font's ascent and descent centred in the line.
func (l *layouter) baselineIn(lh, size float64) float64 {
	m := l.m[sans]
	return (lh-(m.ascent-m.descent)*size/1000)/2 + m.ascent*size/1000
}

// textRows makes one row per line; off shifts every line right.
func (l *layouter) textRows(lines []line, x, w, size float64, align briefing.Align) []*row {
	lh := l.lineHeight(size)
	bl := l.baselineIn(lh, size)
	rows := make([]*row, 0, len(lines))
	for _, ln := range lines {
		r := &row{h: lh, baseline: bl}
		off := 0.0
		switch align {
		case briefing.AlignRight:
			off = w - ln.w
		case briefing.AlignCenter:
			off = (w - ln.w) / 2
		}
		for _, f := range ln.frags {
			fx := x + off + f.x
			r.ops = append(r.ops, op{kind: opText, x: fx, y: bl - f.st.rise, text: f.text, st: f.st, tag: f.st.tag})
			if f.st.link != "" {
				r.ops = append(r.ops, op{kind: opLink, x: fx, y: 0, w: f.w, h: lh, text: f.st.link, tag: f.st.tag})
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// keepLines stops a paragraph leaving its first or last line alone on
// a page.
func keepLines(rows []*row) {
	n := len(rows)
	if n >= 2 {
		rows[0].keepNext = max(rows[0].keepNext, 1)
	}
	if n >= 3 {
		rows[n-2].keepNext = max(rows[n-2].keepNext, 1)
	}
}

// para lays out inline content as a paragraph in bx, in style st.
func (l *layouter) para(ins []briefing.Inline, bx box, st style, align briefing.Align) ([]*row, error) {
	b := inl{l: l, note: bx.note, toks: l.toks[:0]}
	l.toks = nil // in use until the lines are broken
	defer func() { l.toks = b.toks[:0] }()
	if err := b.inlines(ins, st, 0); err != nil {
		return nil, err
	}
	if len(b.toks) == 0 {
		return nil, nil
	}
	rows := l.textRows(l.breakLines(b.toks, bx.w), bx.x, bx.w, st.size, align)
	return rows, nil
}

func (l *layouter) bodyStyle(bx box) style {
	return style{face: sans, size: bx.size, colour: bx.colour}
}

// plain lays out a paragraph of plain text.
func (l *layouter) plain(text string, bx box, st style) []*row {
	rows, _ := l.para([]briefing.Inline{&briefing.Text{Value: text}}, bx, st, briefing.AlignLeft)
	return rows
}

func (l *layouter) addAll(rows []*row, bx box) {
	for _, r := range rows {
		l.add(r, bx)
	}
}

func (l *layouter) blocks(bs []briefing.Block, bx box) error {
	if bx.depth > MaxDepth {
		return ErrTooDeep
	}
	for i, b := range bs {
		from := len(l.rows)
		if err := l.block(b, bx); err != nil {
			return err
		}
		if i > 0 && handout.Introduces(bs[i-1], b) {
			l.keepIntro(from)
		}
	}
	return nil
}

func (l *layouter) block(b briefing.Block, bx box) error {
	th := l.th
	switch n := b.(type) {
	case *briefing.Paragraph:
		if img := briefing.Figure(n); img != nil && !bx.note {
			l.figureRow(img, bx)
			break
		}
		defer l.close(l.open("P"))
		rows, err := l.para(n.Inlines, bx, l.bodyStyle(bx), briefing.AlignLeft)
		if err != nil {
			return err
		}
		keepLines(rows)
		l.addAll(rows, bx)
		l.want(bx.paraSpace)
	case *briefing.Heading:
		st := l.bodyStyle(bx)
		if !bx.note {
			st.face = sansBold
			st.size = th.Sizes.MinorHeading
			if n.Level <= 3 {
				st.size = th.Sizes.Subheading
				st.colour = th.Colours.Accent
			}
			l.want(th.Spacing.HeadingBefore * 0.75)
		}
		typ := "P" // headings in a note are set as text
		if !bx.note {
			typ = l.headingType(n.Level)
		}
		defer l.close(l.open(typ))
		rows, err := l.para(n.Inlines, bx, st, briefing.AlignLeft)
		if err != nil {
			return err
		}
		l.heading(rows, bx)
		if !bx.note {
			l.want(th.Spacing.HeadingAfter)
		} else {
			l.want(bx.paraSpace)
		}
	case *briefing.List:
		_, err := l.list(n, bx)
		return err
	case *briefing.Table:
		return l.table(n, bx)
	case *briefing.Quote:
		q := bx
		q.depth++
		ind := th.Spacing.QuoteIndent
		if bx.w-ind < l.width*0.4 {
			ind = 0 // nested beyond reason: stop indenting
		}
		q.quotes = append(append([]*quote(nil), bx.quotes...), &quote{x: bx.x + ind*0.3})
		q.x += ind
		q.w -= ind
		if !bx.note {
			q.colour = th.Colours.Muted
		}
		l.want(th.Spacing.Block)
		prev := l.open("BlockQuote")
		if err := l.blocks(n.Blocks, q); err != nil {
			return err
		}
		l.close(prev)
		l.want(th.Spacing.Block)
	case *briefing.CodeBlock:
		prev := l.open("Code")
		l.code(n, bx)
		l.close(prev)
	case *briefing.Rule:
		l.want(th.Spacing.Block / 2)
		l.add(&row{h: 10, ops: []op{{kind: opLine, x: bx.x, y: 5, w: bx.w, colour: th.Colours.Rule, lw: 0.75}}}, bx)
		l.want(th.Spacing.Block / 2)
	}
	return nil
}

// headingKeep is how many rows of content a heading keeps with (besides
// the first and last lines a paragraph keeps together).
const headingKeep = 3

// heading adds heading rows, which keep with the content after them, so
// a heading never ends a page.
func (l *layouter) heading(rows []*row, bx box) {
	for _, r := range rows {
		r.heading = true
		l.add(r, bx)
	}
}

// sectionHeading adds a section's heading, with a rule under it and an
// entry in the document outline.
func (l *layouter) sectionHeading(text string, bx box) {
	th := l.th
	l.want(th.Spacing.HeadingBefore)
	st := style{face: sansBold, size: th.Sizes.Heading, colour: th.Colours.Accent}
	defer l.close(l.open(l.headingType(2)))
	rows := l.plain(text, bx, st)
	if len(rows) == 0 {
		rows = []*row{{h: l.lineHeight(st.size)}}
	}
	rows[0].ops = append(rows[0].ops, op{kind: opMark, text: outlineTitle(text)})
	last := rows[len(rows)-1]
	last.h += 3
	last.ops = append(last.ops, op{kind: opLine, x: bx.x, y: last.h - 0.5, w: bx.w, colour: th.Colours.Rule, lw: 0.75})
	l.heading(rows, bx)
	l.want(th.Spacing.HeadingAfter)
}

// outlineTitle is a heading's text as a bookmark: one line, valid
// UTF-8, no controls, of reasonable length.
func outlineTitle(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 120 {
		s = string(r[:119]) + "…"
	}
	if s == "" {
		s = "Section"
	}
	return s
}

// list lays out a list: markers hang in the indent, items' blocks are
// indented to the text, nested lists indent again, and numbering starts
// at the list's first number.
// It returns the index of each item's first row.
func (l *layouter) list(n *briefing.List, bx box) ([]int, error) {
	th := l.th
	inner := bx
	inner.depth++
	inner.listLevel++
	inner.paraSpace = th.Spacing.ListItem
	start := n.Start
	if start < 0 {
		start = 0
	}
	st := l.bodyStyle(bx)
	markers := make([]string, len(n.Items))
	mw := 0.0
	for i := range n.Items {
		if n.Ordered {
			markers[i] = number(bx.listLevel, start+i) + "."
		} else {
			markers[i] = bullet(bx.listLevel)
		}
		mw = max(mw, l.widthOf(markers[i], st))
	}
	ind := max(th.Spacing.ListIndent, mw+bx.size*0.45)
	if bx.w-ind < l.width*0.4 {
		ind = 0 // nested beyond reason: stop indenting
	}
	firsts := make([]int, 0, len(n.Items))
	inner.x += ind
	inner.w -= ind
	// The notes are a list whose items' bodies are Notes, by id.
	noteIDs := l.noteIDs
	l.noteIDs = nil
	defer l.close(l.open("L"))
	l.elem(l.cur).list = listNumbering(n.Ordered, bx.listLevel)
	list := l.cur
	for i, it := range n.Items {
		if i > 0 {
			l.want(th.Spacing.ListItem)
		}
		l.cur = list
		l.open("LI")
		lbl := l.child("Lbl")
		l.open("LBody")
		if i < len(noteIDs) {
			l.open("Note")
			l.elem(l.cur).id = noteIDs[i]
		}
		first := len(l.rows)
		firsts = append(firsts, first)
		if err := l.blocks(it.Blocks, inner); err != nil {
			return nil, err
		}
		if len(l.rows) == first {
			lh := l.lineHeight(bx.size)
			l.add(&row{h: lh, baseline: l.baselineIn(lh, bx.size)}, inner)
		}
		r := l.rows[first]
		bl := r.baseline
		if bl == 0 {
			bl = l.baselineIn(l.lineHeight(bx.size), bx.size)
		}
		ms := st
		x := bx.x + ind*0.3 - l.widthOf(markers[i], ms)/2 // bullets hang in the indent
		if n.Ordered {
			x = inner.x - bx.size*0.45 - l.widthOf(markers[i], ms) // numbers right-aligned
		} else {
			ms.colour = th.Colours.Accent
		}
		// The marker comes first in the content, as it is read.
		r.ops = append([]op{{kind: opText, x: x, y: bl, text: markers[i], st: ms, tag: lbl}}, r.ops...)
	}
	if len(firsts) > 1 {
		l.keepLastItem(firsts[len(firsts)-1])
	}
	l.want(bx.paraSpace)
	return firsts, nil
}

// maxListLevel is the deepest list level Word has (levels 0–8); the
// Word handout draws deeper lists at that level, and so does this one.
const maxListLevel = 8

// bullet is the bullet of a list at a level of nesting (0 for a list
// outside any list), as in the Word handout's numbering.xml: •, – and ▪
// in turn.
func bullet(level int) string {
	switch min(level, maxListLevel) % 3 {
	case 0:
		return "•"
	case 1:
		return "–"
	}
	return "▪"
}

// number writes item n of a numbered list at a level of nesting, as in
// the Word handout's numbering.xml: 1, a, i in turn. Numbers a letter or
// a roman numeral cannot show well (zero, or beyond zz or mmmcmxcix) stay
// decimal.
func number(level, n int) string {
	switch min(level, maxListLevel) % 3 {
	case 1:
		if n >= 1 && n <= 26*2 {
			// Word's letters: a–z, then aa, bb, ...
			return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
		}
	case 2:
		if n >= 1 && n < 4000 {
			return roman(n)
		}
	}
	return strconv.Itoa(n)
}

// roman writes 1 ≤ n < 4000 in lower-case roman numerals.
func roman(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}

// code lays out a code block: monospace lines on a shaded ground,
// spaces kept, long lines wrapped.
func (l *layouter) code(n *briefing.CodeBlock, bx box) {
	th := l.th
	st := style{face: mono, size: bx.size * th.Sizes.Code / th.Sizes.Body, colour: th.Colours.Text}
	m := l.m[mono]
	pad := th.Spacing.CellPadding
	avail := bx.w - 2*pad
	var lines []string
	for _, src := range strings.Split(n.Text, "\n") {
		src = m.clean(expandTabs(src))
		for {
			if l.widthOf(src, st) <= avail || src == "" {
				lines = append(lines, src)
				break
			}
			// The widest start that fits (at least one character).
			w, cut := 0.0, 0
			for i, r := range src {
				cw := 0.0
				if r < 1<<16 {
					cw = float64(m.adv(r)) * st.size / 1000
				}
				if w+cw > avail && i > 0 {
					break
				}
				w += cw
				cut = i + len(string(r))
			}
			lines = append(lines, src[:cut])
			src = src[cut:]
		}
	}
	lh := l.lineHeight(st.size)
	bl := l.baselineIn(lh, st.size)
	l.want(th.Spacing.Block)
	for i, s := range lines {
		r := &row{h: lh, baseline: bl}
		top := 0.0
		if i == 0 {
			top = pad
			r.h += pad
		}
		if i == len(lines)-1 {
			r.h += pad
		}
		r.ops = append(r.ops, op{kind: opRect, x: bx.x, y: 0, w: bx.w, h: r.h, colour: th.Colours.CodeBackground})
		if strings.TrimSpace(s) != "" {
			r.ops = append(r.ops, op{kind: opText, x: bx.x + pad, y: top + bl, text: s, st: st})
		}
		r.baseline = top + bl
		if i == 0 || i == len(lines)-2 {
			r.keepNext = 1
		}
		l.add(r, bx)
	}
	l.want(th.Spacing.Block)
}

func expandTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
