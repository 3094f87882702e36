package docx

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/fontmetrics"
	"handouts/internal/handout"
)

const (
	nsW          = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR          = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xmlHeader    = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	relHyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
)

// gen holds the state of writing one document.
type gen struct {
	d   *briefing.Document
	h   *handout.Handout
	ref *Reference

	b       *bytes.Buffer // the part being written
	rels    *relSet       // that part's relationships
	docRels relSet
	fnRels  relSet
	nums    []numDef
	pics    pictures
	inNote  bool // writing a footnote: no footnote references there
	mark    bool // the next paragraph starts with the footnote mark
	keeps   keeps
	qr      bool // a QR code of the driver's address in the source panel
}

// relSet numbers a part's hyperlink relationships rId1, rId2, … in order
// of first use, after the part's fixed relationships.
type relSet struct {
	first int
	ids   map[string]int
	urls  []string
}

func (r *relSet) id(url string) string {
	n, ok := r.ids[url]
	if !ok {
		if r.ids == nil {
			r.ids = map[string]int{}
		}
		n = r.first + len(r.urls)
		r.ids[url] = n
		r.urls = append(r.urls, url)
	}
	return "rId" + strconv.Itoa(n)
}

func (r *relSet) xml(fixed []rel) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, f := range fixed {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(i+1) + `" Type="` + f.typ + `" Target="` + f.target + `"/>`)
	}
	for i, u := range r.urls {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(r.first+i) + `" Type="` + relHyperlink + `" Target="`)
		esc(&b, u)
		b.WriteString(`" TargetMode="External"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// numDef is one w:num: a list of the briefing.
type numDef struct {
	ordered bool
	start   int
	level   int
}

// ctx is where a block is being written.
type ctx struct {
	style  string // paragraph style for plain paragraphs
	indent int    // left indent of plain paragraphs in twips, 0 for the style's
	level  int    // list level of the enclosing list item, -1 outside lists
	depth  int
}

func (g *gen) document() ([]byte, error) {
	var b bytes.Buffer
	b.Grow(16 << 10)
	g.b, g.rels = &b, &g.docRels
	h := g.h
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"`)
	var code *panelCode
	if g.qr {
		code = g.panelQR(h.SourcePanel)
	}
	if hasFigures(g.d) || code != nil {
		b.WriteString(drawingNS)
	}
	b.WriteString(`><w:body>`)
	g.textPara("KindLabel", h.KindLabel)
	g.textPara("Title", h.Title)
	if h.Subtitle != "" {
		g.textPara("Subtitle", h.Subtitle)
	}
	g.textPara("Acknowledgement", h.Acknowledgement)
	if h.AdaptedBy != "" {
		g.textPara("Acknowledgement", h.AdaptedBy)
	}
	g.panel(h.SourceHeading, h.SourcePanel, code)
	top := ctx{style: "BodyText", level: -1}
	if err := g.blocks(g.d.Lead, top); err != nil {
		return nil, err
	}
	for _, s := range g.d.Sections() {
		g.textPara("Heading1", s.Heading)
		g.keeps.afterHead = true
		if err := g.blocks(s.Blocks, top); err != nil {
			return nil, err
		}
	}
	if len(h.AboutPanel) > 0 {
		g.keepLast(panelKeep, true)
	}
	g.panel(h.AboutHeading, h.AboutPanel, nil)
	b.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId`)
	b.WriteString(strconv.Itoa(g.ref.headerRel))
	b.WriteString(`"/><w:footerReference w:type="default" r:id="rId`)
	b.WriteString(strconv.Itoa(g.ref.footerRel))
	b.WriteString(`"/>`)
	b.WriteString(g.ref.sectPr)
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.Bytes(), nil
}

func (g *gen) footnotes() ([]byte, error) {
	var b bytes.Buffer
	g.b, g.rels, g.inNote = &b, &g.fnRels, true
	b.WriteString(xmlHeader)
	b.WriteString(`<w:footnotes xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">`)
	b.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>`)
	b.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, f := range g.d.Footnotes {
		b.WriteString(`<w:footnote w:id="` + strconv.Itoa(i+1) + `">`)
		g.mark = true
		if err := g.blocks(f.Blocks, ctx{style: "FootnoteText", level: -1}); err != nil {
			return nil, err
		}
		if g.mark { // an empty footnote still carries its mark
			g.pStart("FootnoteText", "")
			b.WriteString(`</w:p>`)
		}
		b.WriteString(`</w:footnote>`)
	}
	b.WriteString(`</w:footnotes>`)
	g.inNote = false
	return b.Bytes(), nil
}

// pStart opens a paragraph of the given style; pPr is any further
// paragraph properties (numbering, indent, alignment, in schema order).
func (g *gen) pStart(style, pPr string) {
	g.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="`)
	g.b.WriteString(style)
	g.b.WriteString(`"/>`)
	g.markStart()
	g.b.WriteString(g.keepProps())
	g.b.WriteString(withSpacing(pPr, g.spaceProps(style)))
	g.b.WriteString(`</w:pPr>`)
	if g.mark {
		g.b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>`)
		g.mark = false
	}
}

// textPara writes a paragraph of plain text.
func (g *gen) textPara(style, text string) {
	g.pStart(style, "")
	g.text(text, "")
	g.b.WriteString(`</w:p>`)
}

// text writes runs of plain text with a run style (or none): tabs become
// w:tab and line ends w:br.
func (g *gen) text(s, rPr string) {
	s = clean(s)
	if s == "" {
		return
	}
	b := g.b
	b.WriteString(`<w:r>`)
	b.WriteString(rPr)
	for s != "" {
		i := strings.IndexAny(s, "\t\n\r")
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			b.WriteString(`<w:t xml:space="preserve">`)
			esc(b, s[:i])
			b.WriteString(`</w:t>`)
		}
		if i == len(s) {
			break
		}
		switch s[i] {
		case '\t':
			b.WriteString(`<w:tab/>`)
		case '\n':
			b.WriteString(`<w:br/>`)
		}
		s = s[i+1:]
	}
	b.WriteString(`</w:r>`)
}

// panel writes a heading and a shaded two-column table, one row per
// field, and a third column for code, the panel's QR code, if not nil.
func (g *gen) panel(heading string, rows []handout.Row, code *panelCode) {
	if len(rows) == 0 {
		return
	}
	g.textPara("PanelHeading", heading)
	tw := g.ref.textWidth
	lw := tw * 32 / 100
	b := g.b
	// The labels are the panel's header column (Word's "Header Column"
	// table style option), for screen readers; it has no header row, its
	// first row being a label and a value like the others.
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="PanelTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0680" w:firstRow="0" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	vw := tw - lw
	if code != nil {
		vw -= code.w
	}
	b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(lw) + `"/><w:gridCol w:w="` + strconv.Itoa(vw) + `"/>`)
	if code != nil {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(code.w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, r := range rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(lw) + `" w:type="dxa"/></w:tcPr>`)
		g.textPara("PanelLabel", r.Label)
		b.WriteString(`</w:tc><w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(vw) + `" w:type="dxa"/></w:tcPr>`)
		g.pStart("PanelValue", "")
		if id, ok := g.link(r.Link); ok {
			g.hyperlinkStart(id)
			g.text(r.Value, `<w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>`)
			b.WriteString(`</w:hyperlink>`)
		} else {
			g.text(r.Value, "")
		}
		b.WriteString(`</w:p></w:tc>`)
		if code != nil {
			code.cell(g, i == 0)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	g.keeps.afterTable = true
}

// link returns the relationship id for an external address, or false
// for an address that may not be one (see handout.Followable: empty, a
// place inside the document, or anything but a web, mail or FTP address).
func (g *gen) link(url string) (string, bool) {
	u := cleanURL(strings.TrimSpace(url))
	if !handout.Followable(u) {
		return "", false
	}
	return g.rels.id(u), true
}

func (g *gen) hyperlinkStart(id string) {
	g.b.WriteString(`<w:hyperlink r:id="`)
	g.b.WriteString(id)
	g.b.WriteString(`" w:history="1">`)
}

func (g *gen) blocks(bs []briefing.Block, c ctx) error {
	if c.depth > MaxDepth {
		return ErrTooDeep
	}
	for i, bl := range bs {
		if err := g.block(bl, c); err != nil {
			return err
		}
		if i+1 < len(bs) && handout.Introduces(bl, bs[i+1]) && !g.inNote {
			g.keepLast(1, true)
		}
	}
	return nil
}

func (g *gen) block(bl briefing.Block, c ctx) error {
	b := g.b
	switch n := bl.(type) {
	case *briefing.Paragraph:
		if img := briefing.Figure(n); img != nil && !g.inNote {
			g.figure(img, c)
			break
		}
		ind := ""
		if c.indent > 0 {
			ind = `<w:ind w:left="` + strconv.Itoa(c.indent) + `"/>`
		}
		if g.keeps.afterHead && len(briefing.PlainText(n.Inlines)) <= shortParagraph {
			g.keeps.lines = true
		}
		g.pStart(c.style, ind)
		if err := g.inlines(n.Inlines, run{}, 0); err != nil {
			return err
		}
		b.WriteString(`</w:p>`)
	case *briefing.Heading:
		style := "Heading3"
		if n.Level <= 3 {
			style = "Heading2"
		}
		if g.inNote {
			style = c.style
		}
		g.pStart(style, "")
		if err := g.inlines(n.Inlines, run{}, 0); err != nil {
			return err
		}
		b.WriteString(`</w:p>`)
		g.keeps.afterHead = !g.inNote
	case *briefing.List:
		return g.list(n, c)
	case *briefing.Table:
		return g.table(n)
	case *briefing.Quote:
		q := c
		q.depth++
		if !g.inNote {
			q.style = "Quote"
		}
		return g.blocks(n.Blocks, q)
	case *briefing.CodeBlock:
		style := "SourceCode"
		if g.inNote {
			style = c.style
		}
		g.pStart(style, "")
		g.text(n.Text, `<w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr>`)
		b.WriteString(`</w:p>`)
	case *briefing.Rule:
		b.WriteString(`<w:p><w:pPr><w:pStyle w:val="HorizontalRule"/></w:pPr></w:p>`)
	}
	return nil
}

// list writes each item's first paragraph as a numbered or bulleted
// paragraph of its own w:num, so every list restarts; later paragraphs
// of an item are List Continue, indented to the item's text.
func (g *gen) list(l *briefing.List, c ctx) error {
	level := c.level + 1
	if level > maxListLevel {
		level = maxListLevel
	}
	start := l.Start
	if start < 0 {
		start = 0
	}
	g.nums = append(g.nums, numDef{ordered: l.Ordered, start: start, level: level})
	numID := strconv.Itoa(len(g.nums))
	style := "ListBullet"
	if l.Ordered {
		style = "ListNumber"
	}
	numPr := `<w:numPr><w:ilvl w:val="` + strconv.Itoa(level) + `"/><w:numId w:val="` + numID + `"/></w:numPr>`
	cont := ctx{style: "ListContinue", level: level, depth: c.depth + 1}
	if level > 0 {
		cont.indent = 454 * (level + 1)
	}
	b := g.b
	for i, it := range l.Items {
		bs := it.Blocks
		if i > 0 && i == len(l.Items)-1 && !g.inNote {
			// The last item keeps with the one before, whole.
			g.keepLast(1, false)
			g.keeps.lines = true
		}
		g.pStart(style, numPr)
		if len(bs) > 0 {
			if p, ok := bs[0].(*briefing.Paragraph); ok {
				if err := g.inlines(p.Inlines, run{}, 0); err != nil {
					return err
				}
				bs = bs[1:]
			}
		}
		b.WriteString(`</w:p>`)
		if err := g.blocks(bs, cont); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) table(t *briefing.Table) error {
	cols := len(t.Align)
	if cols == 0 {
		cols = len(t.Header)
	}
	if cols == 0 {
		return nil
	}
	b := g.b
	tw := g.ref.textWidth
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="BriefingTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	cw := columnWidths(t, cols, tw)
	for i := 0; i < cols; i++ {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(cw[i]) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	row := func(cells []briefing.Cell, header bool) error {
		// A row is never split across pages, as in the PDF; the header
		// row repeats at the top of each page the table runs onto.
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		style := "TableText"
		if header {
			style = "TableHeading"
		}
		for i := 0; i < cols; i++ {
			b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(cw[i]) + `" w:type="dxa"/></w:tcPr>`)
			jc := ""
			if i < len(t.Align) {
				switch t.Align[i] {
				case briefing.AlignCenter:
					jc = `<w:jc w:val="center"/>`
				case briefing.AlignRight:
					jc = `<w:jc w:val="right"/>`
				case briefing.AlignLeft:
					jc = `<w:jc w:val="left"/>`
				}
			}
			g.pStart(style, jc)
			if i < len(cells) {
				if err := g.inlines(cells[i], run{}, 0); err != nil {
					return err
				}
			}
			b.WriteString(`</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
		return nil
	}
	if err := row(t.Header, true); err != nil {
		return err
	}
	for _, r := range t.Rows {
		if err := row(r, false); err != nil {
			return err
		}
	}
	b.WriteString(`</w:tbl>`)
	g.keeps.afterTable = true
	return nil
}

// columnWidths shares the text width tw between the columns of t in
// proportion to what they hold, so that a column of short labels does not
// take as much room as a column of sentences, much as a browser lays out
// a table, and as the PDF handout does. A column whose longest cell fits
// on one line in its fair share of the width gets just that, so short
// columns (names, amounts) are never wrapped. The other columns each get
// room for their longest word, which cannot be broken, if the page
// allows; the rest of the width goes to those whose longest cell would
// need more, in proportion to that need. Widths are measured in the
// fonts' real advance widths (Liberation Sans, metric-compatible with
// Arial) at the size of Table Text, as the PDF handout measures them;
// they add up to tw.
func columnWidths(t *briefing.Table, cols, tw int) []int {
	const (
		cellMargin = 216 // twips: the cell's left and right margins
		tableSize  = 9   // points: Table Text and Table Heading
		slack      = 20  // twips: what Word's rounding of widths may need
	)
	twips := func(f fontmetrics.Face, s string) int {
		return int(math.Ceil(fontmetrics.Width(f, s, tableSize)*20)) + slack
	}
	// The longest word is measured bold wherever it is, so that it is
	// never broken; a cell's line in its own face.
	word := make([]int, cols) // longest word
	cell := make([]int, cols) // longest cell on one line
	measure := func(cells []briefing.Cell, f fontmetrics.Face) {
		for i := 0; i < cols && i < len(cells); i++ {
			text := strings.Join(strings.Fields(briefing.PlainText(cells[i])), " ")
			cell[i] = max(cell[i], twips(f, text))
			for _, w := range strings.Fields(text) {
				word[i] = max(word[i], twips(fontmetrics.SansBold, w))
			}
		}
	}
	measure(t.Header, fontmetrics.SansBold)
	for _, r := range t.Rows {
		measure(r, fontmetrics.Sans)
	}
	minW := make([]int, cols)
	want := make([]int, cols)
	sumWant := 0
	for i := range cols {
		minW[i] = min(word[i]+cellMargin, tw/cols)
		want[i] = max(minW[i], cell[i]+cellMargin)
		sumWant += want[i]
	}
	out := make([]int, cols)
	if sumWant <= tw {
		// Everything fits: widen every column in proportion to its wish.
		left := tw
		for i := range cols {
			out[i] = tw * want[i] / max(sumWant, 1)
			if sumWant == 0 {
				out[i] = tw / cols
			}
			left -= out[i]
		}
		out[cols-1] += left // rounding
		return out
	}
	// Columns that fit unwrapped in their fair share are set; setting one
	// leaves more for the others, so look again until none changes.
	fixed := make([]bool, cols)
	left, flex := tw, cols
	for changed := true; changed && flex > 0; {
		changed = false
		share := left / flex
		for i := range cols {
			if !fixed[i] && want[i] <= share {
				fixed[i], out[i] = true, want[i]
				left -= want[i]
				flex--
				changed = true
			}
		}
	}
	// The others have their minimum, and the rest is shared in proportion
	// to how much more each would need. Each minimum is at most tw/cols
	// and each fixed column took no more than the fair share of its turn,
	// so the minimums fit in what is left.
	rest, need, last := left, 0, -1
	for i := range cols {
		if !fixed[i] {
			rest -= minW[i]
			need += want[i] - minW[i]
			last = i
		}
	}
	for i := range cols {
		if fixed[i] {
			continue
		}
		out[i] = minW[i]
		if need > 0 {
			out[i] += rest * (want[i] - minW[i]) / need
		}
		left -= out[i]
	}
	if last < 0 {
		last = cols - 1
	}
	out[last] += left // rounding
	return out
}

// run is the character formatting in force.
type run struct {
	style        string // character style
	bold, italic bool
}

func (r run) rPr() string {
	if r.style == "" && !r.bold && !r.italic {
		return ""
	}
	s := `<w:rPr>`
	if r.style != "" {
		s += `<w:rStyle w:val="` + r.style + `"/>`
	}
	if r.bold {
		s += `<w:b/><w:bCs/>`
	}
	if r.italic {
		s += `<w:i/><w:iCs/>`
	}
	return s + `</w:rPr>`
}

func (g *gen) inlines(ins []briefing.Inline, r run, depth int) error {
	if depth > MaxDepth {
		return ErrTooDeep
	}
	b := g.b
	for _, in := range ins {
		switch n := in.(type) {
		case *briefing.Text:
			g.text(strings.ReplaceAll(n.Value, "\n", " "), r.rPr())
		case *briefing.Emph:
			e := r
			e.italic = true
			if err := g.inlines(n.Inlines, e, depth+1); err != nil {
				return err
			}
		case *briefing.Strong:
			s := r
			s.bold = true
			if err := g.inlines(n.Inlines, s, depth+1); err != nil {
				return err
			}
		case *briefing.Code:
			c := r
			c.style = "VerbatimChar"
			g.text(strings.ReplaceAll(n.Value, "\n", " "), c.rPr())
		case *briefing.Link:
			id, ok := "", false
			if r.style != "Hyperlink" { // no link inside a link
				id, ok = g.link(n.URL)
			}
			if !ok {
				if err := g.inlines(n.Inlines, r, depth+1); err != nil {
					return err
				}
				continue
			}
			g.hyperlinkStart(id)
			l := r
			l.style = "Hyperlink"
			if err := g.inlines(n.Inlines, l, depth+1); err != nil {
				return err
			}
			b.WriteString(`</w:hyperlink>`)
		case *briefing.Image:
			label := "[Image]"
			if n.Alt != "" {
				label = "[Image: " + n.Alt + "]"
			}
			g.text(label, r.rPr())
			if r.style != "Hyperlink" {
				if id, ok := g.link(n.URL); ok {
					g.text(" ", r.rPr())
					g.hyperlinkStart(id)
					l := r
					l.style = "Hyperlink"
					g.text(n.URL, l.rPr())
					b.WriteString(`</w:hyperlink>`)
				}
			}
		case *briefing.LineBreak:
			b.WriteString(`<w:r><w:br/></w:r>`)
		case *briefing.FootnoteRef:
			if g.inNote || n.N < 1 || n.N > len(g.d.Footnotes) {
				g.text("["+strconv.Itoa(n.N)+"]", r.rPr())
				continue
			}
			b.WriteString(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="`)
			b.WriteString(strconv.Itoa(n.N))
			b.WriteString(`"/></w:r>`)
		}
	}
	return nil
}
