// Package pdf writes a briefing as a print handout with go-pdf/fpdf,
// straight from the document model.
//
// The handout carries, in the Word handout's order, the kind label, the
// title and subtitle, the acknowledgement (and who adapted it), the
// source panel, the sections in handout order, the notes, and the "About
// this briefing" panel; every page's footer names the producer and says
// "Page N of M". The look (margins, type sizes, colours, spacing) is a
// Theme, by default templates/pdf/theme.yaml.
//
// Typography for paper: the text is laid out by this package, not by
// fpdf, into rows that are then dealt onto pages, so that a heading is
// never the last thing on a page (it keeps with any headings after it
// and the first three lines of what follows), a paragraph never leaves its
// first or last line alone on a page, a paragraph ending with a colon
// keeps with the list or table it introduces, a list's last item never
// starts a page alone, a table row is never split (unless
// taller than a page), a table's header row is repeated at the top of
// every page it runs onto, and each panel stays on one page.
// Lists hang their bullets and numbers in the indent and start at their
// first number; block quotes are indented with a bar beside them; code
// is set in Liberation Mono.
//
// Paper cannot be clicked, so every link is clickable (web, mail and FTP
// addresses only) and its address is also printed, in brackets after its
// text; a link whose text is already its address (a bare URL, with or
// without its scheme) is printed once, and a mailto: link shows the mail
// address. Footnotes are numbered in the text with raised figures that
// link to them, and printed under "Notes" at the end of the text, before
// the "About this briefing" panel. Web images are never fetched: such an
// image is printed as "[Image: alt text]" with its address. A local
// picture, the logo and the QR code of the driver's address are drawn by
// image.go and qr.go.
//
// Fonts are Liberation Sans (regular, bold, italic, bold italic), or
// Liberation Serif when the theme's fonts.text says so, and Liberation
// Mono from github.com/go-fonts/liberation, embedded and subset; no font
// is read from the host. A character the fonts lack
// (an emoji, Chinese) would print as a white square, □: Glyphs reports
// each with its line, and check and build treat it as an error.
//
// Every handout is a tagged PDF built to PDF/UA-1 (tags.go, tagged.go,
// docs/accessibility.md).
//
// Output is reproducible: the document's creation and modification
// dates are the briefing's updated date (1 January 2000 for a briefing
// without one; never the clock), the producer
// and creator are fixed strings, objects are written in sorted order and
// there are no random identifiers, so the same briefing gives the same
// bytes on any machine, in any time zone, on any day.
package pdf

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"handouts/internal/briefing"
	"handouts/internal/handout"
	"handouts/internal/picture"
)

// Options choose the words and the look of a handout.
type Options struct {
	Handout handout.Options
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
	// Theme is the look; nil is the default theme from templates/pdf.
	Theme *Theme
	// Logo is the library's logo, drawn beside the kind label and title
	// of the first page; LogoAlt is its alternative text. Nil for none.
	Logo    *picture.Picture
	LogoAlt string
	// QR prints a QR code of the driver document's address (the
	// briefing's link) in the source panel, beside the address.
	QR bool
}

// Fixed strings of the document information: no version or host.
const (
	creator  = "handouts"
	producer = "handouts with go-pdf/fpdf"
)

// paper is a page size in points.
type paper struct {
	name string // fpdf's name
	w, h float64
}

func paperOf(name string) (paper, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "a4":
		return paper{"A4", 595.28, 841.89}, nil
	case "letter":
		return paper{"Letter", 612, 792}, nil
	}
	return paper{}, fmt.Errorf("pdf: paper %q is not a4 or letter", name)
}

const mm = 72 / 25.4

// Write writes d as a PDF to w. It is safe for concurrent use.
func Write(w io.Writer, d *briefing.Document, o Options) error {
	l, pages, err := layOut(d, o)
	if err != nil {
		return err
	}
	return render(w, l.paper, l.th, l.h, d, pages, l.figs, l.tags)
}

// layOut lays out d onto pages.
func layOut(d *briefing.Document, o Options) (*layouter, []page, error) {
	if d == nil {
		return nil, nil, errors.New("pdf: no document")
	}
	pp, th, err := resolve(o)
	if err != nil {
		return nil, nil, err
	}
	fonts, err := themeFonts(th)
	if err != nil {
		return nil, nil, err
	}
	h := handout.New(d, o.Handout)
	return fit(th, func(th *Theme) (*layouter, []page, error) { return layOutWith(d, h, pp, th, fonts.m, o) })
}

// layOutWith lays out d onto pages with theme th, as it is.
func layOutWith(d *briefing.Document, h *handout.Handout, pp paper, th *Theme, ms [numFaces]*metrics, o Options) (*layouter, []page, error) {
	l := &layouter{
		th: th, m: ms, d: d, h: h, paper: pp,
		tags: newTree(), cur: 1,
		left:  th.Margins.Left * mm,
		width: pp.w - (th.Margins.Left+th.Margins.Right)*mm,
		bodyH: pp.h - (th.Margins.Top+th.Margins.Bottom)*mm,
		logo:  o.Logo, logoAlt: o.LogoAlt, qr: o.QR,
	}
	if err := l.document(); err != nil {
		return nil, nil, err
	}
	return l, l.paginate(th.Margins.Top*mm, pp.h-th.Margins.Bottom*mm), nil
}

// document lays out the whole handout as rows.
func (l *layouter) document() error {
	th, h := l.th, l.h
	bx := box{x: l.left, w: l.width, size: th.Sizes.Body, colour: th.Colours.Text, paraSpace: th.Spacing.Paragraph}

	// The logo, if any, at the top right; the kind label and title run
	// beside it.
	logo, logoW := l.logoOp(bx)
	first := len(l.rows)
	tb := bx
	tb.w -= logoW
	kind := style{face: sansBold, size: th.Sizes.Kind, colour: th.Colours.Muted}
	l.tagged("P", func() { l.addAll(l.plain(h.KindLabel, tb, kind), bx) })
	l.want(2)
	title := style{face: sansBold, size: th.Sizes.Title, colour: th.Colours.Accent}
	rows := l.plain(h.Title, tb, title)
	if len(rows) > 0 {
		rows[0].ops = append(rows[0].ops, op{kind: opMark, text: outlineTitle(h.Title)})
	}
	for _, r := range rows {
		r.h *= 0.92 // titles set a little tighter than text
		for i := range r.ops {
			r.ops[i].y *= 0.92
		}
		r.baseline *= 0.92
	}
	l.tagged("H1", func() { l.addAll(rows, bx) })
	l.lastHeading = 1
	if h.Subtitle != "" {
		l.want(2)
		sub := style{face: sans, size: th.Sizes.Subtitle, colour: th.Colours.Muted}
		l.tagged("P", func() { l.addAll(l.plain(h.Subtitle, tb, sub), bx) })
	}
	if logoW > 0 {
		l.placeLogo(first, logo)
	}
	l.want(6)
	l.add(&row{h: 2, ops: []op{{kind: opLine, x: bx.x, y: 1, w: bx.w, colour: th.Colours.Accent, lw: 1.5}}}, bx)
	l.want(6)
	ack := style{face: sansItalic, size: th.Sizes.Acknowledgement, colour: th.Colours.Muted}
	l.tagged("P", func() { l.addAll(l.plain(h.Acknowledgement, bx, ack), bx) })
	if h.AdaptedBy != "" {
		l.tagged("P", func() { l.addAll(l.plain(h.AdaptedBy, bx, ack), bx) })
	}
	l.sourcePanel(h.SourceHeading, h.SourcePanel, bx)

	if err := l.blocks(l.d.Lead, bx); err != nil {
		return err
	}
	for _, s := range l.d.Sections() {
		l.sectionHeading(s.Heading, bx)
		if err := l.blocks(s.Blocks, bx); err != nil {
			return err
		}
	}
	if err := l.notes(bx); err != nil {
		return err
	}
	l.keepBeforePanel()
	l.panel(h.AboutHeading, h.AboutPanel, bx)
	return nil
}

// notes lays out the footnotes, numbered, under "Notes".
func (l *layouter) notes(bx box) error {
	if len(l.d.Footnotes) == 0 {
		return nil
	}
	th := l.th
	l.sectionHeading("Notes", bx)
	nb := bx
	nb.size = th.Sizes.Notes
	nb.note = true
	nb.paraSpace = th.Spacing.ListItem
	items := make([]*briefing.ListItem, len(l.d.Footnotes))
	l.noteIDs = make([]string, len(l.d.Footnotes))
	for i, f := range l.d.Footnotes {
		items[i] = &briefing.ListItem{Blocks: f.Blocks}
		l.noteIDs[i] = noteAnchor(i + 1)[1:]
	}
	firsts, err := l.list(&briefing.List{Ordered: true, Start: 1, Items: items}, nb)
	if err != nil {
		return err
	}
	// Each note is where its mark in the text links to.
	for i, ri := range firsts {
		r := l.rows[ri]
		r.ops = append(r.ops, op{kind: opAnchor, text: noteAnchor(i + 1)})
	}
	return nil
}

// noteAnchor names the place of note n, for the link from its mark.
func noteAnchor(n int) string { return "#note-" + strconv.Itoa(n) }

// page is the drawing of one page, in page coordinates.
type page struct {
	ops  []op
	rows []int // the rows placed on the page, by index (a repeated header as -1)
}

// paginate deals the rows onto pages whose body runs from top to bottom.
func (l *layouter) paginate(top, bottom float64) []page {
	const eps = 0.01
	pages := []page{{}}
	y := top
	atTop := true
	// The pages' drawing operations are one run in page order, so they
	// share one array, sized for every row and one repeat of each table
	// header (a table over three pages or more grows it); each page's
	// ops are its part of the run.
	n := 0
	var header *row
	for _, r := range l.rows {
		n += len(r.ops) + len(r.bars)
		if r.header != nil && r.header != header {
			header = r.header
			n += len(header.ops) + len(header.bars)
		}
	}
	all := make([]op, 0, n)
	start := 0 // where the last page's ops begin in all
	place := func(r *row, before float64, index int) {
		p := &pages[len(pages)-1]
		p.rows = append(p.rows, index)
		rt := y + before
		for _, o := range r.ops {
			if index < 0 {
				// A repeated header is a pagination artifact, not
				// clickable: its cells are in the structure once.
				if o.kind == opLink {
					continue
				}
				o.tag = tagPagination
			}
			o.y += rt
			all = append(all, o)
		}
		for _, b := range r.bars {
			from := rt
			if b.up {
				from = y
			}
			all = append(all, op{kind: opLine, x: b.x, y: from, h: rt + r.h - from, colour: l.th.Colours.QuoteBar, lw: 2, tag: tagArtifact})
		}
		p.ops = all[start:len(all):len(all)]
		y = rt + r.h
		atTop = false
	}
	for i, r := range l.rows {
		// The rows that must share this row's page.
		j := l.group(i)
		need := r.h
		for k := i + 1; k <= j; k++ {
			need += l.rows[k].before + l.rows[k].h
		}
		before := r.before
		if atTop {
			before = 0
		}
		if !atTop {
			fitsHere := y+before+need <= bottom+eps
			fitsEmpty := need <= bottom-top+eps
			rowFits := y+before+r.h <= bottom+eps
			if !rowFits || (!fitsHere && fitsEmpty) {
				pages = append(pages, page{})
				start = len(all)
				y, atTop, before = top, true, 0
				if r.header != nil {
					place(r.header, 0, -1)
				}
			}
		}
		place(r, before, i)
	}
	return pages
}

// group returns the last row that must share row i's page.
func (l *layouter) group(i int) int {
	n := len(l.rows)
	j := i
	for k := i; k <= j && k < n; k++ {
		r := l.rows[k]
		j = max(j, k+r.keepNext)
		if r.heading {
			// The headings straight after it, then headingKeep rows of
			// content; not the next heading after content, so short
			// sections do not chain into one block.
			m := k + 1
			for m < n && l.rows[m].heading {
				m++
			}
			for c := 0; c < headingKeep && m < n && !l.rows[m].heading; c++ {
				m++
			}
			j = max(j, m-1)
		}
	}
	return min(j, n-1)
}

// render draws the pages with fpdf and writes the PDF.
func render(w io.Writer, pp paper, th *Theme, h *handout.Handout, d *briefing.Document, pages []page, figs []*figure, tree *tree) error {
	f := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", SizeStr: pp.name})
	f.SetMargins(0, 0, 0)
	f.SetAutoPageBreak(false, 0)
	// The fonts, the bulk of a handout, are compressed once per process
	// (fontpages.go). Page content is left as it is: fpdf makes a new
	// compressor for every stream, about a megabyte of allocation each,
	// which doubled the time of a two-page handout to save some 10 KB.
	f.SetCompression(false)
	f.SetCatalogSort(true)
	date := d.Meta.Updated.Time()
	if d.Meta.Updated.IsZero() {
		date = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(date)
	f.SetModificationDate(date)
	// The language, like the structure, is written by finish.
	f.SetTitle(metaText(h.Meta.Title), true)
	f.SetAuthor(metaText(h.Meta.Author), true)
	f.SetSubject(metaText(h.Meta.Subject), true)
	f.SetKeywords(metaText(strings.Join(h.Meta.Keywords, ", ")), true)
	f.SetCreator(creator, true)
	f.SetProducer(producer, true)

	// The footer of each page, laid out like any other text.
	footerY := pp.h - th.Margins.Bottom*mm + th.Sizes.Footer*2.4
	ruleY := pp.h - th.Margins.Bottom*mm + th.Sizes.Footer*0.9
	left, right := th.Margins.Left*mm, pp.w-th.Margins.Right*mm
	fs := style{face: sans, size: th.Sizes.Footer, colour: th.Colours.Muted}
	fonts, err := themeFonts(th)
	if err != nil {
		return err
	}
	ms := fonts.m
	measure := func(s string) float64 { return float64(ms[sans].width(s)) * fs.size / 1000 }
	footer := ms[sans].clean(strings.Join(strings.Fields(h.Footer), " "))

	// Fonts are added as their pages are first used; finish writes them
	// in order of face and page whatever the order of use.
	var used [numFaces][]usedFont
	tg := &tagging{tree: tree, lang: h.Meta.Language, title: metaText(h.Meta.Title), pageH: pp.h, anchors: map[string]place{}}
	var cur struct {
		face   face
		page   int
		size   float64
		colour Colour
	}
	cur.page = -1
	tw := &textWriter{f: f}
	tw.setColour(cur.colour)
	var code []byte
	text := func(x, y float64, s string, st style) {
		m := ms[st.face]
		enc := m.enc
		page := -1
		runW := 0
		flush := func() {
			if len(code) == 0 {
				return
			}
			if used[st.face] == nil {
				used[st.face] = make([]usedFont, len(enc.pages))
			}
			u := &used[st.face][page]
			if u.objs == nil {
				*u = fonts.use(st.face, page)
				tg.fonts = append(tg.fonts, *u)
			}
			if cur.face != st.face || cur.page != page || cur.size != st.size {
				f.RawWriteStr(u.tfOperator(st.size))
				cur.face, cur.page, cur.size = st.face, page, st.size
			}
			if cur.colour != st.colour {
				tw.setColour(st.colour)
				cur.colour = st.colour
			}
			tw.show(x, y, code)
			x += float64(runW) * st.size / 1000
			code, runW = code[:0], 0
		}
		for _, r := range s {
			if r >= 1<<16 || enc.place(r) == 0 {
				if r = m.replacement; enc.place(r) == 0 {
					continue
				}
			}
			at := enc.place(r)
			if p := int(at >> 8); p != page {
				flush()
				page = p
			}
			code = append(code, byte(at))
			runW += int(m.adv(r))
		}
		flush()
	}
	pics := images{f: f, figs: figs}
	qrs := qrWriter{f: f}
	for n, p := range pages {
		f.AddPage()
		cur.page = -1 // a new page's content sets its font afresh
		tg.pages = append(tg.pages, nil)
		for _, o := range p.ops {
			if o.kind == opText || o.kind == opRect || o.kind == opLine || o.kind == opImage || o.kind == opQR {
				tg.mark(f, n, o.tag)
			}
			switch o.kind {
			case opText:
				text(o.x, o.y, o.text, o.st)
			case opRect:
				f.SetFillColor(int(o.colour.R), int(o.colour.G), int(o.colour.B))
				f.Rect(o.x, o.y, o.w, o.h, "F")
			case opQR:
				if err := qrs.draw(o); err != nil {
					return fmt.Errorf("pdf: %w", err)
				}
			case opLine:
				f.SetDrawColor(int(o.colour.R), int(o.colour.G), int(o.colour.B))
				f.SetLineWidth(o.lw)
				f.Line(o.x, o.y, o.x+o.w, o.y+o.h)
			case opLink:
				tg.link(n, o)
			case opAnchor:
				tg.anchors[o.text] = place{n, o.y}
			case opMark:
				f.Bookmark(utf16Text(o.text), 0, o.y)
			case opImage:
				pics.draw(o)
			}
		}
		// Footer: a rule, the producer on the left, the page counter on
		// the right.
		tg.mark(f, n, tagFooter)
		f.SetDrawColor(int(th.Colours.Rule.R), int(th.Colours.Rule.G), int(th.Colours.Rule.B))
		f.SetLineWidth(0.5)
		f.Line(left, ruleY, right, ruleY)
		label := handout.PageLabel(n+1, len(pages))
		lw := measure(label)
		if footer != "" {
			text(left, footerY, fitWidth(ms[sans], footer, fs.size, right-left-lw-18), fs)
		}
		text(right-lw, footerY, label, fs)
		tg.mark(f, n, tagUnset)
	}
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	// fpdf holds the whole document and writes it only when complete;
	// finish then writes it again, tagged, in one revision.
	var raw taken
	if err := f.Output(&raw); err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	return tg.finish(w, raw.b)
}

// taken holds what fpdf writes, taken over rather than copied: fpdf
// writes its whole buffer in one write (bytes.Buffer.WriteTo) and is
// dropped straight after, so nothing changes those bytes; a copy of
// them was a twentieth of a build's allocation. A later write, were
// there one, is appended to a copy.
type taken struct{ b []byte }

func (t *taken) Write(p []byte) (int, error) {
	if t.b == nil {
		t.b = p[:len(p):len(p)]
	} else {
		t.b = append(t.b, p...) // a full slice: append copies
	}
	return len(p), nil
}

// utf16Text is s as a PDF text string in UTF-16BE with its byte order
// mark, as fpdf passes a bookmark's title through.
func utf16Text(s string) string {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// metaText makes a string fit for the document information: valid
// UTF-8 on one line.
func metaText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 0x20 || r == ' ' || (r >= 0x7f && r < 0xa0) }), " ")
}
