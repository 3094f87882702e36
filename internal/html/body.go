package html

import (
	"strconv"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/handout"
)

func (p *page) blocks(bs []briefing.Block) error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return ErrTooDeep
	}
	for _, b := range bs {
		if err := p.block(b); err != nil {
			return err
		}
	}
	return nil
}

func (p *page) block(b briefing.Block) error {
	switch n := b.(type) {
	case *briefing.Heading:
		lv := strconv.Itoa(min(max(n.Level, 3), 6))
		p.s("<h", lv, ">")
		if err := p.inlines(n.Inlines); err != nil {
			return err
		}
		p.s("</h", lv, ">\n")
	case *briefing.Paragraph:
		if img := briefing.Figure(n); img != nil {
			p.s("<p class=\"picture\">")
			p.picture(img)
			p.s("</p>\n")
			return nil
		}
		p.s("<p>")
		if err := p.inlines(n.Inlines); err != nil {
			return err
		}
		p.s("</p>\n")
	case *briefing.List:
		return p.list(n)
	case *briefing.Table:
		return p.table(n)
	case *briefing.Quote:
		p.s("<blockquote>\n")
		if err := p.blocks(n.Blocks); err != nil {
			return err
		}
		p.s("</blockquote>\n")
	case *briefing.CodeBlock:
		p.s("<pre><code>")
		p.text(n.Text)
		p.s("</code></pre>\n")
	case *briefing.Rule:
		p.s("<hr/>\n")
	}
	return nil
}

// list writes a list. Numbered lists nested in lists count 1, a, i in
// turn and bullets go •, –, ▪, as in the Word and PDF handouts; the
// items of further reading are where citations link to.
func (p *page) list(n *briefing.List) error {
	level := p.lists
	p.lists++
	defer func() { p.lists-- }()
	reading := p.inReading && level == 0 && n.Ordered
	if n.Ordered {
		p.s("<ol")
		switch level % 3 {
		case 1:
			p.s(" type=\"a\"")
		case 2:
			p.s(" type=\"i\"")
		}
		if n.Start != 1 {
			p.s(" start=\"", strconv.Itoa(n.Start), "\"")
		}
		if reading {
			p.s(" class=\"reading\"")
		}
		p.s(">\n")
	} else {
		p.s("<ul class=\"l", strconv.Itoa(level%3), "\">\n")
	}
	for i, it := range n.Items {
		p.s("<li")
		if reading {
			p.s(" id=\"reading-", strconv.Itoa(n.Start+i), "\"")
		}
		p.s(">")
		if err := p.blocks(it.Blocks); err != nil {
			return err
		}
		p.s("</li>\n")
	}
	if n.Ordered {
		p.s("</ol>\n")
	} else {
		p.s("</ul>\n")
	}
	return nil
}

var alignClass = map[briefing.Align]string{
	briefing.AlignLeft:   " class=\"left\"",
	briefing.AlignCenter: " class=\"center\"",
	briefing.AlignRight:  " class=\"right\"",
}

// table writes a table: its header row in thead, with column headers.
func (p *page) table(t *briefing.Table) error {
	p.s("<table>\n<thead>\n<tr>")
	for i, c := range t.Header {
		p.s("<th scope=\"col\"", alignClass[alignAt(t.Align, i)], ">")
		if err := p.inlines(c); err != nil {
			return err
		}
		p.s("</th>")
	}
	p.s("</tr>\n</thead>\n<tbody>\n")
	for _, r := range t.Rows {
		p.s("<tr>")
		for i, c := range r {
			p.s("<td", alignClass[alignAt(t.Align, i)], ">")
			if err := p.inlines(c); err != nil {
				return err
			}
			p.s("</td>")
		}
		p.s("</tr>\n")
	}
	p.s("</tbody>\n</table>\n")
	return nil
}

func alignAt(as []briefing.Align, i int) briefing.Align {
	if i < len(as) {
		return as[i]
	}
	return briefing.AlignNone
}

func (p *page) inlines(ins []briefing.Inline) error {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return ErrTooDeep
	}
	for _, in := range ins {
		switch n := in.(type) {
		case *briefing.Text:
			p.cited(n.Value)
		case *briefing.Emph:
			p.s("<em>")
			if err := p.inlines(n.Inlines); err != nil {
				return err
			}
			p.s("</em>")
		case *briefing.Strong:
			p.s("<strong>")
			if err := p.inlines(n.Inlines); err != nil {
				return err
			}
			p.s("</strong>")
		case *briefing.Code:
			p.s("<code>")
			p.text(n.Value)
			p.s("</code>")
		case *briefing.Link:
			if err := p.hyperlink(n); err != nil {
				return err
			}
		case *briefing.Image:
			p.image(n)
		case *briefing.LineBreak:
			p.s("<br/>")
		case *briefing.FootnoteRef:
			p.noteMark(n.N)
		}
	}
	return nil
}

// cited writes text with each citation's numbers linked to their
// further reading items: "(3, 5)" keeps its words, and 3 and 5 become
// links.
func (p *page) cited(s string) {
	if p.reading == nil || p.inReading || p.link {
		p.text(s)
		return
	}
	at := 0
	for _, c := range briefing.Citations(s) {
		p.text(s[at:c.Start])
		inner := s[c.Start:c.End]
		for len(inner) > 0 {
			i := strings.IndexAny(inner, "0123456789")
			if i < 0 {
				p.text(inner)
				break
			}
			j := i
			for j < len(inner) && inner[j] >= '0' && inner[j] <= '9' {
				j++
			}
			p.text(inner[:i])
			num, _ := strconv.Atoi(inner[i:j])
			if p.reading[num] {
				p.s("<a class=\"cite\" href=\"#reading-", strconv.Itoa(num), "\" aria-label=\"Further reading, item ", strconv.Itoa(num), "\">", inner[i:j], "</a>")
			} else {
				p.text(inner[i:j])
			}
			inner = inner[j:]
		}
		at = c.End
	}
	p.text(s[at:])
}

// hyperlink writes a link a reader may follow as a link, and any other
// as its text. As in the PDF, the address follows the text in brackets
// unless the text is the address; on screen only for an address that
// is not a link, in print always.
func (p *page) hyperlink(n *briefing.Link) error {
	follow := handout.Followable(n.URL) && !p.link
	if follow {
		p.s("<a href=\"", Escape(href(n.URL)), "\">")
		p.link = true
	}
	var err error
	if len(n.Inlines) == 0 {
		p.text(display(n.URL))
	} else {
		err = p.inlines(n.Inlines)
	}
	if follow {
		p.link = false
		p.s("</a>")
	}
	if err != nil {
		return err
	}
	if len(n.Inlines) > 0 && !bare(n) && !p.link {
		p.address(n.URL, follow)
	}
	return nil
}

// address writes " (address)" after a link's text: for print only when
// the link can be followed on screen.
func (p *page) address(url string, printOnly bool) {
	shown := display(url)
	if shown == "" || strings.HasPrefix(shown, "#") {
		return
	}
	if printOnly {
		p.s("<span class=\"print-only\">")
	} else {
		p.s("<span class=\"address\">")
	}
	p.s(" (")
	p.text(shown)
	p.s(")</span>")
}

// image shows an image's alternative text and address; pictures are
// never fetched.
func (p *page) image(n *briefing.Image) {
	if n.Picture != nil {
		p.picture(n)
		return
	}
	label := "[Image]"
	if n.Alt != "" {
		label = "[Image: " + n.Alt + "]"
	}
	if handout.Followable(n.URL) && !p.link {
		p.s("<a class=\"image\" href=\"", Escape(href(n.URL)), "\">")
		p.text(label)
		p.s("</a>")
		p.address(n.URL, true)
		return
	}
	p.s("<em class=\"image\">")
	p.text(label)
	p.s("</em>")
	p.address(n.URL, false)
}

// picture writes a local picture, with its alternative text (none for
// a decorative one) and the width the briefing asks for.
func (p *page) picture(n *briefing.Image) {
	alt := n.Alt
	if n.Decorative {
		alt = ""
	}
	p.img(n.Picture, alt, n.Width, "")
}

// noteMark writes a footnote's mark in the text: a raised number that
// links to the note. Each mark has an id of its own; the note links
// back to the first.
func (p *page) noteMark(n int) {
	num := strconv.Itoa(n)
	if p.inNote || n < 1 || n > len(p.d.Footnotes) {
		p.text("[" + num + "]")
		return
	}
	if p.link { // no link inside a link
		p.s("<sup class=\"note-mark\">", num, "</sup>")
		return
	}
	p.refs[n]++
	id := "ref-" + num
	if k := p.refs[n]; k > 1 {
		id += "-" + strconv.Itoa(k)
	}
	p.s("<sup class=\"note-mark\"><a id=\"", id, "\" href=\"#note-", num, "\" aria-label=\"Note ", num, "\">", num, "</a></sup>")
}

// bare reports whether a link's text is its own address, with or
// without the scheme, so printing the address again would repeat it.
func bare(n *briefing.Link) bool {
	if n.IsBare() {
		return true
	}
	text := strings.TrimSpace(briefing.PlainText(n.Inlines))
	return text != "" && trimmed(text) == trimmed(display(n.URL))
}

func trimmed(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
}

// display is an address as printed: a mail address without mailto:.
func display(url string) string {
	u := strings.TrimSpace(url)
	if len(u) > 7 && strings.EqualFold(u[:7], "mailto:") {
		return u[7:]
	}
	return u
}
