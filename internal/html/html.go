// Package html writes a briefing as one self-contained, accessible web
// page, straight from the document model, with the words of
// internal/handout: the same content in the same order as the Word and
// PDF handouts.
//
// The page is semantic HTML5 that is also well-formed XML (void elements
// closed, every text escaped), so that it parses back strictly: one h1
// (the title), a section with an h2 per section of the briefing, real
// lists and tables (header cells with scope), the two panels as
// description lists, footnotes as linked notes with a link back to the
// text, citations such as (3) linked to their further reading item, and
// dates in <time datetime>. Its stylesheet is inside the page, in the PDF
// theme's colours, with a print stylesheet that prints every link's
// address as the PDF does. It has no script and makes no request of its
// own: no web fonts, no pictures fetched (a briefing's own pictures and
// the logo are in the page, as data: addresses), nothing but the links a reader
// follows, so it works from a shared drive, an intranet or a zip.
//
// Links are made only of addresses a handout may follow (web, mail and
// FTP; handout.Followable); any other address is printed as text. The
// output depends on nothing but the document and the options, so the
// same briefing gives the same bytes everywhere.
package html

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"handouts/internal/briefing"
	"handouts/internal/handout"
	"handouts/internal/picture"
)

// MaxDepth bounds how deeply blocks and inlines may nest in a model
// handed to Write; the parser never makes one deeper.
const MaxDepth = 64

// ErrTooDeep is returned for a model nested deeper than MaxDepth.
var ErrTooDeep = errors.New("html: the briefing is nested too deeply")

// Options choose the words and the look of a page.
type Options struct {
	Handout handout.Options
	// Colours are the page's colours; zero fields take DefaultColours'.
	Colours Colours
	// Docx and PDF are the file names of the same briefing's Word and
	// PDF handouts, linked from the page; "" when not built.
	Docx, PDF string
	// Logo is the library's logo, shown in the page's header; LogoAlt is
	// its alternative text. Nil for none.
	Logo    *picture.Picture
	LogoAlt string
}

// Write writes d as a web page to w. It is safe for concurrent use.
func Write(w io.Writer, d *briefing.Document, o Options) error {
	if d == nil {
		return errors.New("html: no document")
	}
	b := &strings.Builder{}
	b.Grow(16 << 10)
	p := &page{b: b, d: d, h: handout.New(d, o.Handout), refs: map[int]int{}}
	if fr := d.FurtherReading; fr != nil {
		p.reading = readingItems(fr)
	}
	if err := p.document(o); err != nil {
		return err
	}
	return p.writeTo(w) // pagewrite.go
}

type page struct {
	b *strings.Builder
	d *briefing.Document
	h *handout.Handout
	// reading holds the numbers of the further reading list's items,
	// which citations link to.
	reading map[int]bool
	// inReading is set while the further reading list is written: its
	// items carry the anchors and cite nothing.
	inReading bool
	// inNote is set inside a note: a note's own marks are plain text.
	inNote bool
	// refs counts the marks of each note so far, to name each mark.
	refs  map[int]int
	depth int
	// lists counts the lists the current one is inside, for its markers.
	lists int
	// link is set inside a link: no link inside a link.
	link bool
	// widths are the shares of the text width pictures ask for, each
	// given a rule in the stylesheet.
	widths map[int]bool
	// tail, when set, is written after b: the body of a page, which is
	// not copied into its head.
	tail *strings.Builder
}

// readingItems returns the numbers of the items of the first numbered
// list of further reading, as citations count them.
func readingItems(s *briefing.Section) map[int]bool {
	for _, b := range s.Blocks {
		if l, ok := b.(*briefing.List); ok && l.Ordered {
			m := map[int]bool{}
			for i := range l.Items {
				m[l.Start+i] = true
			}
			return m
		}
	}
	return nil
}

func (p *page) s(ss ...string) {
	for _, s := range ss {
		p.b.WriteString(s)
	}
}

// text writes s escaped for an element's content or an attribute value.
func (p *page) text(s string) { escapeTo(p.b, s) }

// Escape makes s safe as element content and as a quoted attribute value
// in both HTML and XML: the five special characters become references,
// and characters XML does not allow (controls, non-characters, invalid
// UTF-8) become U+FFFD.
func Escape(s string) string {
	var b strings.Builder
	escapeTo(&b, s)
	return b.String()
}

func escapeTo(b *strings.Builder, s string) {
	// Most text needs nothing: written as it is, in one piece.
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			plain = false
			break
		}
	}
	if plain {
		b.WriteString(s)
		return
	}
	// The rest is written in runs, each character that changes
	// closing one.
	s = strings.ToValidUTF8(s, "\uFFFD")
	last := 0
	for i, r := range s {
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"':
			rep = "&quot;"
		case r == '\'':
			rep = "&#39;"
		case r == '\t' || r == '\n':
			continue
		case r == '\r':
			rep = "\n"
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfffe || r == 0xffff || (r >= 0xd800 && r < 0xe000):
			rep = "\uFFFD"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + utf8.RuneLen(r)
	}
	b.WriteString(s[last:])
}

func (p *page) document(o Options) error {
	h := p.h
	p.s("<!DOCTYPE html>\n<html lang=\"", Escape(h.Meta.Language), "\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	p.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	p.s("<title>")
	p.text(h.Title)
	if h.Title == "" {
		p.text(h.KindLabel)
	}
	p.s("</title>\n")
	meta := func(name, content string) {
		if content != "" {
			p.s("<meta name=\"", name, "\" content=\"", Escape(oneLine(content)), "\"/>\n")
		}
	}
	meta("description", h.Meta.Subject)
	meta("author", h.Meta.Author)
	meta("keywords", strings.Join(h.Meta.Keywords, ", "))
	meta("generator", "handouts")
	p.s("<style>\n", stylesheet(o.Colours.withDefaults()))
	// The body is written first on its own, so that the stylesheet can
	// hold a rule for each picture width it uses.
	head := p.b
	p.b = &strings.Builder{}
	defer func() {
		p.tail = p.b
		p.b = head
		p.s(widthCSS(p.widths), "</style>\n</head>\n<body>\n")
	}()

	p.s("<header>\n")
	p.logo(o.Logo, o.LogoAlt)
	p.s("<p class=\"kind\">")
	p.text(h.KindLabel)
	p.s("</p>\n<h1>")
	p.text(h.Title)
	p.s("</h1>\n")
	if h.Subtitle != "" {
		p.s("<p class=\"subtitle\">")
		p.text(h.Subtitle)
		p.s("</p>\n")
	}
	p.s("</header>\n")
	if o.Docx != "" || o.PDF != "" {
		p.s("<nav class=\"formats\" aria-label=\"Other formats\">\n<ul>\n")
		if o.Docx != "" {
			p.s("<li><a href=\"", Escape(relative(o.Docx)), "\" type=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\" download=\"\">Word version (.docx)</a></li>\n")
		}
		if o.PDF != "" {
			p.s("<li><a href=\"", Escape(relative(o.PDF)), "\" type=\"application/pdf\">PDF version for printing</a></li>\n")
		}
		p.s("</ul>\n</nav>\n")
	}
	p.s("<main>\n<p class=\"ack\">")
	p.text(h.Acknowledgement)
	p.s("</p>\n")
	if h.AdaptedBy != "" {
		p.s("<p class=\"ack\">")
		p.text(h.AdaptedBy)
		p.s("</p>\n")
	}
	p.panel("source", h.SourceHeading, h.SourcePanel)

	if err := p.blocks(p.d.Lead); err != nil {
		return err
	}
	for i, s := range p.d.Sections() {
		id := "section-" + strconv.Itoa(i+1)
		if s.Role == briefing.FurtherReading {
			id = "further-reading"
		}
		p.s("<section aria-labelledby=\"", id, "\">\n<h2 id=\"", id, "\">")
		p.text(s.Heading)
		p.s("</h2>\n")
		p.inReading = s.Role == briefing.FurtherReading
		err := p.blocks(s.Blocks)
		p.inReading = false
		if err != nil {
			return err
		}
		p.s("</section>\n")
	}
	if err := p.notes(); err != nil {
		return err
	}
	p.panel("about", h.AboutHeading, h.AboutPanel)
	p.s("</main>\n<footer>\n<p>")
	p.text(h.Footer)
	p.s("</p>\n</footer>\n</body>\n</html>\n")
	return nil
}

// relative makes a file name a relative reference: "a:b.pdf" would read
// as a scheme, so it gets a leading "./"; spaces and the like are
// percent-encoded.
func relative(name string) string {
	var b strings.Builder
	if i := strings.IndexAny(name, ":/"); i >= 0 && name[i] == ':' {
		b.WriteString("./")
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#%<>?\\^`{|}", c) >= 0 {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// panel writes a panel as a section with a heading and a description
// list, one label and value per row.
func (p *page) panel(id, heading string, rows []handout.Row) {
	if len(rows) == 0 {
		return
	}
	p.s("<section class=\"panel\" aria-labelledby=\"", id, "\">\n<h2 id=\"", id, "\">")
	p.text(heading)
	p.s("</h2>\n<dl>\n")
	for _, r := range rows {
		p.s("<div><dt>")
		p.text(r.Label)
		p.s("</dt><dd>")
		switch {
		case r.Link != "" && handout.Followable(r.Link):
			p.s("<a href=\"", Escape(href(r.Link)), "\">")
			p.text(r.Value)
			p.s("</a>")
		case isDateLabel(r.Label):
			p.date(r.Value)
		default:
			for i, line := range strings.Split(r.Value, "\n") {
				if i > 0 {
					p.s("<br/>")
				}
				p.text(line)
			}
		}
		p.s("</dd></div>\n")
	}
	p.s("</dl>\n</section>\n")
}

func isDateLabel(label string) bool {
	return strings.HasPrefix(label, "Date ") || label == "Due for review"
}

// date writes a date printed by the handout ("February 2018") in a time
// element with its machine-readable form ("2018-02").
func (p *page) date(s string) {
	d, err := briefing.ParseDate(s)
	if err != nil || d.IsZero() {
		p.text(s)
		return
	}
	p.s("<time datetime=\"", d.ISO(), "\">")
	p.text(s)
	p.s("</time>")
}

// href is an address fit for an href attribute: trimmed, with spaces and
// other characters not allowed in a URL percent-encoded.
func href(url string) string {
	u := strings.TrimSpace(url)
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// notes writes the footnotes under "Notes", each with a link back to
// the first place it is marked.
func (p *page) notes() error {
	if len(p.d.Footnotes) == 0 {
		return nil
	}
	p.s("<section class=\"notes\" aria-labelledby=\"notes\">\n<h2 id=\"notes\">Notes</h2>\n<ol>\n")
	p.inNote = true
	defer func() { p.inNote = false }()
	for i, f := range p.d.Footnotes {
		n := strconv.Itoa(i + 1)
		p.s("<li id=\"note-", n, "\">")
		// The note is written on its own, so that its link back can go
		// inside its last paragraph, where a reader ends.
		outer := p.b
		p.b = &strings.Builder{}
		err := p.blocks(f.Blocks)
		note := p.b.String()
		p.b = outer
		if err != nil {
			return err
		}
		end := ""
		if p.refs[i+1] > 0 {
			if strings.HasSuffix(note, "</p>\n") {
				note, end = strings.TrimSuffix(note, "</p>\n"), "</p>"
			}
			end = " <a class=\"back\" href=\"#ref-" + n + "\" aria-label=\"Back to the text of note " + n + "\">↩</a>" + end
		}
		p.s(note, end)
		p.s("</li>\n")
	}
	p.s("</ol>\n</section>\n")
	return nil
}
