package docx

import (
	"bytes"
	"strconv"
	"strings"
)

// Keeps and spacing set on paragraphs directly, so that Word breaks
// pages where the PDF handout does, and a reference document made
// before them (whose styles lack them) still gets them:
//
//   - a paragraph ending with a colon keeps with the list or table it
//     introduces (handout.Introduces);
//   - a list's last item keeps with the item before it, whole;
//   - a short first paragraph after a heading keeps its lines together,
//     so the heading takes at least three lines with it where the
//     paragraph has them (the heading styles keep with the next
//     paragraph, and widow control keeps two lines);
//   - the last paragraphs before the "About this briefing" panel keep
//     with it, so the panel never stands alone on the last page;
//   - the paragraph after a table has space above it, so it does not
//     touch the table's border.

// keeps are the direct properties asked for the next paragraph.
type keeps struct {
	next, lines bool
	afterTable  bool // the next paragraph follows a table
	afterHead   bool // the next paragraph follows a heading
	// starts are where the last paragraphs' properties start in the
	// document part (just after w:pStyle), latest last.
	starts []int
}

// tableSpace is the space above a paragraph after a table, in twips:
// the PDF theme's space around blocks (7 pt).
const tableSpace = 140

// shortParagraph is the most characters of a paragraph after a heading
// kept whole: about four lines of body text.
const shortParagraph = 380

// panelKeep is how many paragraphs before the closing panel keep with it.
const panelKeep = 3

// keepProps returns the direct keep properties for the paragraph
// that opens now, and clears them; they follow w:pStyle in w:pPr.
func (g *gen) keepProps() string {
	k := &g.keeps
	var s string
	if k.next {
		s += `<w:keepNext/>`
	}
	if k.lines {
		s += `<w:keepLines/>`
	}
	k.next, k.lines, k.afterHead = false, false, false
	return s
}

// spaceProps returns the w:spacing of a paragraph of style after a
// table, or "": only text and list paragraphs, which have no space above
// them; headings, quotes, code and panel headings have their own.
func (g *gen) spaceProps(style string) string {
	if !g.keeps.afterTable {
		return ""
	}
	g.keeps.afterTable = false
	switch style {
	case "BodyText", "ListBullet", "ListNumber", "ListContinue":
	default:
		return ""
	}
	return `<w:spacing w:before="` + strconv.Itoa(tableSpace) + `"/>`
}

// withSpacing puts spacing into pPr (the properties after the keeps) in
// schema order: after w:numPr, before w:ind and w:jc.
func withSpacing(pPr, spacing string) string {
	if spacing == "" {
		return pPr
	}
	if strings.HasPrefix(pPr, "<w:numPr>") {
		i := strings.Index(pPr, "</w:numPr>") + len("</w:numPr>")
		return pPr[:i] + spacing + pPr[i:]
	}
	return spacing + pPr
}

// markStart records where the properties of the paragraph being opened
// begin in the part, so a later keep can be added to it.
func (g *gen) markStart() {
	if g.inNote {
		return
	}
	k := &g.keeps
	k.starts = append(k.starts, g.b.Len())
	if len(k.starts) > panelKeep {
		k.starts = k.starts[1:]
	}
}

// keepLast makes the last n paragraphs written keep with the next one;
// lines keeps the last one's lines together too.
func (g *gen) keepLast(n int, lines bool) {
	k := &g.keeps
	starts := k.starts[max(len(k.starts)-n, 0):]
	// From the latest back, so earlier positions stay right.
	for i := len(starts) - 1; i >= 0; i-- {
		at := starts[i]
		add := `<w:keepNext/>`
		if lines && i == len(starts)-1 {
			add += `<w:keepLines/>`
		}
		insertKeep(g.b, at, add)
	}
}

// insertKeep adds keep properties at position at of b (just after a
// w:pStyle), leaving those the paragraph has already.
func insertKeep(b *bytes.Buffer, at int, add string) {
	data := b.Bytes()
	if at > len(data) {
		return
	}
	rest := data[at:]
	if bytes.HasPrefix(rest, []byte(`<w:keepNext/>`)) {
		rest = rest[len(`<w:keepNext/>`):]
		at += len(`<w:keepNext/>`)
		add = strings.TrimPrefix(add, `<w:keepNext/>`)
	}
	if bytes.HasPrefix(rest, []byte(`<w:keepLines/>`)) {
		add = strings.TrimSuffix(add, `<w:keepLines/>`)
	}
	if add == "" {
		return
	}
	tail := append([]byte(nil), data[at:]...)
	b.Truncate(at)
	b.WriteString(add)
	b.Write(tail)
}
