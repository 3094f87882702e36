package pdf

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"handouts/internal/briefing"
	"handouts/internal/handout"
)

// style is how a run of text is drawn.
type style struct {
	// The small fields first, packed into one word.
	face   face
	colour Colour
	tag    tag     // the Link element of a clickable run; 0 outside one
	size   float64 // pt
	link   string  // clickable address; "" for none
	rise   float64 // raise above the baseline, pt (note marks)
}

// tokKind is the kind of a token of a paragraph.
type tokKind uint8

const (
	tkText  tokKind = iota // text with no space in it
	tkSpace                // a breakable space
	tkBreak                // a hard line break
)

// tok is one token of a paragraph: words and the spaces between them.
type tok struct {
	kind tokKind
	text string
	st   style
}

// inl turns inline content into tokens.
type inl struct {
	l    *layouter
	toks []tok
	note bool // in a note: references print as [n]
}

func (b *inl) text(s string, st style) {
	m := b.l.m[st.face]
	s = m.clean(s)
	b.toks = slices.Grow(b.toks, 2*strings.Count(s, " ")+1)
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			b.toks = append(b.toks, tok{kind: tkText, text: s[:i], st: st})
		}
		if i == len(s) {
			break
		}
		// One space however many were written.
		if n := len(b.toks); n == 0 || b.toks[n-1].kind != tkSpace {
			b.toks = append(b.toks, tok{kind: tkSpace, text: " ", st: st})
		}
		s = s[i+1:]
	}
}

func (b *inl) inlines(ins []briefing.Inline, st style, depth int) error {
	if depth > MaxDepth {
		return ErrTooDeep
	}
	th := b.l.th
	for _, in := range ins {
		switch n := in.(type) {
		case *briefing.Text:
			b.text(n.Value, st)
		case *briefing.Emph:
			e := st
			e.face = e.face.with(false, true)
			if err := b.inlines(n.Inlines, e, depth+1); err != nil {
				return err
			}
		case *briefing.Strong:
			s := st
			s.face = s.face.with(true, false)
			if err := b.inlines(n.Inlines, s, depth+1); err != nil {
				return err
			}
		case *briefing.Code:
			c := st
			c.face = mono
			c.size = st.size * th.Sizes.Code / th.Sizes.Body
			b.text(n.Value, c)
		case *briefing.Link:
			if err := b.link(n, st, depth); err != nil {
				return err
			}
		case *briefing.Image:
			label := "[Image]"
			if n.Alt != "" {
				label = "[Image: " + n.Alt + "]"
			}
			i := st
			i.face = i.face.with(false, true)
			b.text(label, i)
			b.address(n.URL, st, false, tagUnset)
		case *briefing.LineBreak:
			b.toks = append(b.toks, tok{kind: tkBreak, st: st})
		case *briefing.FootnoteRef:
			if b.note || n.N < 1 || n.N > len(b.l.d.Footnotes) {
				b.text("["+strconv.Itoa(n.N)+"]", st)
				continue
			}
			m := st
			m.size = st.size * 0.68
			m.rise = st.size * 0.36
			m.link = noteAnchor(n.N) // to the note
			m.tag = b.l.inlineChild("Link", "Note "+strconv.Itoa(n.N))
			b.toks = append(b.toks, tok{kind: tkText, text: strconv.Itoa(n.N), st: m})
		}
	}
	return nil
}

// link writes a link's text, clickable, then its address in brackets for
// the reader of paper, unless the text already is the address.
func (b *inl) link(n *briefing.Link, st style, depth int) error {
	url := clickable(n.URL)
	if st.link != "" { // no link inside a link
		url = ""
	}
	s := st
	if url != "" {
		s.link = url
		s.colour = b.l.th.Colours.Link
		// One Link element for the text and its printed address; its
		// annotations' /Contents is the text, not the address again.
		contents := strings.TrimSpace(briefing.PlainText(n.Inlines))
		if contents == "" || isBare(n) {
			contents = linkContents(n.URL)
		}
		s.tag = b.l.inlineChild("Link", contents)
	}
	if err := b.inlines(n.Inlines, s, depth+1); err != nil {
		return err
	}
	if len(n.Inlines) == 0 || isBare(n) {
		if len(n.Inlines) == 0 {
			b.address(n.URL, st, true, s.tag)
		}
		return nil
	}
	if st.link == "" {
		b.address(n.URL, st, false, s.tag)
	}
	return nil
}

// isBare reports whether a link's text is its address, written with or
// without the scheme (and a final slash), so printing it again would
// only repeat it.
func isBare(n *briefing.Link) bool {
	if n.IsBare() {
		return true
	}
	text := strings.TrimSpace(briefing.PlainText(n.Inlines))
	return text != "" && trimAddress(text) == trimAddress(displayAddress(n.URL))
}

func trimAddress(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "https://"), "http://")
	return strings.TrimSuffix(strings.TrimPrefix(s, "www."), "/")
}

// address prints a link's address: in brackets after its text, or alone
// (bare) for a link with no text; mailto: addresses as the mail address.
// A clickable address is part of the Link element t, or of a new one
// when t is unset.
func (b *inl) address(url string, st style, bare bool, t tag) {
	shown := displayAddress(url)
	if shown == "" || strings.HasPrefix(shown, "#") {
		return // nothing to print, or a place in the document itself
	}
	a := st
	a.colour = b.l.th.Colours.Muted
	if st.link == "" {
		if c := clickable(url); c != "" {
			a.link = c
			if a.tag = t; t == tagUnset {
				a.tag = b.l.inlineChild("Link", linkContents(url))
			}
		}
	}
	if bare {
		a.colour = b.l.th.Colours.Link
		b.text(shown, a)
		return
	}
	b.toks = append(b.toks, tok{kind: tkSpace, text: " ", st: st})
	b.text("("+shown+")", a)
}

// linkContents describes a link whose text is its address, for its
// annotations: the mail address, or "Link to" the host, so that a long
// address is not stored again in each of its areas.
func linkContents(url string) string {
	shown := displayAddress(url)
	if shown != strings.TrimSpace(url) {
		return "Mail to " + shown
	}
	host := shown
	if i := strings.Index(host, "://"); i >= 0 {
		host = host[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if host == "" {
		return "Link"
	}
	return "Link to " + host
}

// displayAddress is an address as printed: trimmed, and a mail address
// without its mailto: scheme.
func displayAddress(url string) string {
	u := strings.TrimSpace(url)
	if len(u) > 7 && strings.EqualFold(u[:7], "mailto:") {
		return u[7:]
	}
	return u
}

// clickable returns the address a link annotation may point to: web,
// mail and FTP addresses only (nothing a reader would run), as 7-bit
// ASCII with anything else percent-encoded. "" when it may not be one.
func clickable(url string) string {
	u := strings.TrimSpace(url)
	if !handout.Followable(u) || !utf8.ValidString(u) {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// placed is a run of text on a line, x from the line's start.
type placed struct {
	x, w float64
	text string
	st   style
	s, e int // text's place in the line breaker's buffer, until set
}

// line is one laid-out line.
type line struct {
	frags []placed
	w     float64
}

// wordPiece is part of a word in one style.
type wordPiece struct {
	text string
	st   style
	w    float64
}

// widthOf is the width of s in style st, pt.
func (l *layouter) widthOf(s string, st style) float64 {
	return float64(l.m[st.face].width(s)) * st.size / 1000
}

// breakLines fills lines of width w with the tokens, breaking at spaces;
// a word longer than a line is broken where an address or a long word
// may be (after / - . and the like), else anywhere.
func (l *layouter) breakLines(toks []tok, w float64) []line {
	var lines []line
	var cur line
	word := l.words[:0]
	var space *tok // the space before the word being gathered
	pendingSpace := (*tok)(nil)
	// Runs' text is gathered in one buffer and cut into strings at the
	// end: one allocation, not one per word (the buffer is the
	// layouter's, kept from one paragraph to the next).
	buf := l.text[:0]
	l.words, l.text = nil, nil // in use until the end
	defer func() { l.words, l.text = word[:0], buf[:0] }()
	flushLine := func() {
		lines = append(lines, cur)
		cur = line{}
	}
	// A space that is not drawn between two runs, or at the end of a
	// line, is still written, invisible, at the end of the run before
	// it: the text extracted (the structure tree, copy and paste, a
	// screen reader) keeps its words apart. The run's width is
	// unchanged, the next run being placed by its own position.
	spaceAfter := func() {
		if n := len(cur.frags); n > 0 && cur.frags[n-1].e == len(buf) {
			buf = append(buf, ' ')
			cur.frags[n-1].e = len(buf)
		}
	}
	add := func(p wordPiece, gap *tok) {
		x := cur.w
		if gap != nil && len(cur.frags) > 0 {
			gw := l.widthOf(" ", gap.st)
			last := &cur.frags[len(cur.frags)-1]
			if last.st == gap.st && last.st == p.st {
				buf = append(append(buf, ' '), p.text...)
				last.e = len(buf)
				last.w += gw + p.w
				cur.w += gw + p.w
				return
			}
			spaceAfter()
			x += gw
		}
		if n := len(cur.frags); n > 0 && gap == nil && cur.frags[n-1].st == p.st {
			last := &cur.frags[n-1]
			buf = append(buf, p.text...)
			last.e = len(buf)
			last.w += p.w
			cur.w = x + p.w
			return
		}
		start := len(buf)
		buf = append(buf, p.text...)
		cur.frags = append(cur.frags, placed{x: x, w: p.w, st: p.st, s: start, e: len(buf)})
		cur.w = x + p.w
	}
	placeWord := func() {
		if len(word) == 0 {
			return
		}
		ww := 0.0
		for _, p := range word {
			ww += p.w
		}
		gapW := 0.0
		if space != nil && len(cur.frags) > 0 {
			gapW = l.widthOf(" ", space.st)
		}
		if len(cur.frags) > 0 && cur.w+gapW+ww > w+0.001 {
			spaceAfter()
			flushLine()
		}
		if len(cur.frags) == 0 && ww > w+0.001 {
			l.breakWord(word, w, &lines, &cur, add)
		} else {
			for i, p := range word {
				if i == 0 {
					add(p, space)
				} else {
					add(p, nil)
				}
			}
		}
		word = word[:0]
		space = nil
	}
	for i := range toks {
		t := &toks[i]
		switch t.kind {
		case tkText:
			if len(word) == 0 {
				space = pendingSpace
				pendingSpace = nil
			}
			word = append(word, wordPiece{text: t.text, st: t.st, w: l.widthOf(t.text, t.st)})
		case tkSpace:
			placeWord()
			pendingSpace = t
		case tkBreak:
			placeWord()
			pendingSpace = nil
			spaceAfter()
			flushLine()
		}
	}
	placeWord()
	if len(cur.frags) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	all := string(buf)
	for i := range lines {
		for j := range lines[i].frags {
			f := &lines[i].frags[j]
			f.text = all[f.s:f.e]
		}
	}
	return lines
}

// breakOK reports whether a long word may be broken after r.
func breakOK(r rune) bool {
	switch r {
	case '/', '-', '.', '_', '?', '&', '=', '#', ',', ';', ':', '–', '—':
		return true
	}
	return false
}

// breakWord places a word wider than a line over several lines.
func (l *layouter) breakWord(word []wordPiece, w float64, lines *[]line, cur *line, add func(wordPiece, *tok)) {
	// Flatten to runes with their styles and widths.
	type ch struct {
		r  rune
		st style
		w  float64
	}
	var chars []ch
	for _, p := range word {
		m := l.m[p.st.face]
		for _, r := range p.text {
			cw := 0.0
			if r < 1<<16 {
				cw = float64(m.adv(r)) * p.st.size / 1000
			}
			chars = append(chars, ch{r, p.st, cw})
		}
	}
	emit := func(cs []ch) {
		// Group runs of one style back into pieces.
		for i := 0; i < len(cs); {
			j := i
			var sb strings.Builder
			wsum := 0.0
			for j < len(cs) && cs[j].st == cs[i].st {
				sb.WriteRune(cs[j].r)
				wsum += cs[j].w
				j++
			}
			add(wordPiece{text: sb.String(), st: cs[i].st, w: wsum}, nil)
			i = j
		}
	}
	for len(chars) > 0 {
		room := w - cur.w
		used, cut, lastOK := 0.0, 0, -1
		for cut < len(chars) && used+chars[cut].w <= room+0.001 {
			used += chars[cut].w
			if breakOK(chars[cut].r) {
				lastOK = cut + 1
			}
			cut++
		}
		if cut == len(chars) {
			emit(chars)
			return
		}
		if lastOK > cut/3 {
			cut = lastOK
		}
		if cut == 0 {
			if len(cur.frags) > 0 {
				*lines = append(*lines, *cur)
				*cur = line{}
				continue
			}
			cut = 1 // a character wider than the line: it goes alone
		}
		emit(chars[:cut])
		chars = chars[cut:]
		*lines = append(*lines, *cur)
		*cur = line{}
	}
}
