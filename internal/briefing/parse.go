package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"sort"
	"strings"

	"handouts/internal/boundedfile"
	"handouts/internal/diag"
	"handouts/internal/suggest"
)

// MaxFileSize is the largest briefing read, in bytes.
const MaxFileSize = 1 << 20

// tooLargeFormat is the error for a briefing over MaxFileSize (in MiB).
const tooLargeFormat = "the file is larger than %d MiB; a briefing is a page or two of text: is this the right file?"

// Options are the choices outside the file that change what is valid.
type Options struct {
	// DefaultProducer is the project's producer, used when a briefing
	// names none; empty means producer is required in every file.
	DefaultProducer string
	// Today is the date review dates are compared against for the
	// overdue warning; zero turns the warning off.
	Today Date
	// Root is the project folder, which local pictures must lie in; ""
	// is the working folder. A briefing outside it keeps its pictures
	// in its own folder.
	Root string
	// NoPictures leaves local pictures unread, for a caller that needs
	// only the metadata (status): their files are neither checked nor
	// loaded, and Image.Picture stays nil.
	NoPictures bool
}

// ParseFile reads and parses the briefing at path.
func ParseFile(path string, opts Options) (*Document, diag.List) {
	src, l := ReadFile(path)
	if l != nil {
		return nil, l
	}
	return Parse(path, src, opts)
}

// ReadFile reads the briefing at path through the bounded reader, for a
// caller that needs its bytes besides parsing them. A file that cannot be
// read gives no bytes and one error, as ParseFile reports it.
func ReadFile(path string) ([]byte, diag.List) {
	var l diag.List
	src, err := boundedfile.Read(path, MaxFileSize)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, boundedfile.ErrFolder):
		l.Errorf(path, 0, "is a folder, not a briefing")
	case errors.Is(err, boundedfile.ErrNotRegular):
		l.Errorf(path, 0, "is not a regular file (it is a pipe, a device or a socket); name the briefing's .md file")
	case errors.As(err, &tl):
		l.Errorf(path, 0, tooLargeFormat, MaxFileSize>>20)
	case err != nil:
		l.Errorf(path, 0, "cannot read the briefing: %s", describe(err))
	default:
		return src, nil
	}
	return nil, l
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse parses and validates one briefing. The document is nil only when
// the file could not be read as a briefing at all (it is too large);
// otherwise it is returned with every problem found, errors and warnings,
// in diag order. A document returned with errors is for reports such as
// status; it must not be built into a handout.
func Parse(path string, src []byte, opts Options) (*Document, diag.List) {
	doc, l, _ := parse(path, src, opts)
	return doc, l
}

// parse parses a briefing, reading its local pictures unless
// opts.NoPictures is set; it returns the pictures found either way.
func parse(path string, src []byte, opts Options) (*Document, diag.List, []pictureUse) {
	d := &diagSink{path: path}
	if len(src) > MaxFileSize {
		d.errorf(0, tooLargeFormat, MaxFileSize>>20)
		return nil, d.list, nil
	}
	var pics []pictureUse
	if enc := utf16Order(src); enc != "" {
		d.errorf(0, "the file is not UTF-8 but %s text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)", enc)
		return nil, d.list, nil
	}
	text := sanitise(src, d)
	lines := newLineIndex(text)
	doc := &Document{Path: path, Name: docName(path)}

	yml, yamlLine, fm := splitFrontMatter(text, d)
	if fm.Closed {
		readMeta(yml, yamlLine, &fm, opts, &doc.Meta, d)
		checkTitle(&doc.Meta, fm.KeyLine["title"], d)
	}
	if doc.Meta.Kind == "" {
		doc.Meta.Kind = PolicyBriefing
	}

	body := blankFrontMatter(text, fm.BodyStart)
	if prescan(body, fm.BodyStart, lines, d) {
		p := parseMarkdown(body, lines, d)
		b := assemble(doc, p, d)
		checkBody(doc, p, b, fm, d)
		pics = p.Pictures
		doc.PictureURLs = pictureURLsOf(pics)
		if !opts.NoPictures {
			loadPictures(path, opts.Root, pics, d)
		}
		checkPaste(doc, p, fm, d)
	}
	d.list.Sort()
	return doc, capMessages(d.list), pics
}

// blankFrontMatter returns a copy of text with the front matter (the
// bytes before bodyStart) blanked but for its line ends: the Markdown
// reader sees the whole file, so that every offset it reports is an
// offset in the file.
func blankFrontMatter(text []byte, bodyStart int) []byte {
	body := make([]byte, len(text))
	copy(body, text)
	for i := 0; i < bodyStart; i++ {
		if body[i] != '\n' {
			body[i] = ' '
		}
	}
	return body
}

// docName is the file name without ".md".
func docName(path string) string {
	base := filepath.Base(filepath.FromSlash(path))
	if ext := filepath.Ext(base); strings.EqualFold(ext, ".md") {
		base = base[:len(base)-len(ext)]
	}
	return base
}

// prescan bounds what the Markdown parser is given: its time grows with
// the square of the nesting on one line, so a line that opens more lists,
// quotes and footnote definitions than MaxDepth, or opens lists and
// quotes indented beyond MaxIndent, is reported here and the body is not
// parsed. So is a body with more than MaxFootnotes footnote definitions
// (more than a handout should need), and a line with more than
// MaxLinksPerLine "](", since each one makes the parser search the rest
// of the line.
func prescan(src []byte, start int, lines lineIndex, d *diagSink) bool {
	ok := true
	var fence []byte
	footnotes := 0
	var inline inlineBound
	for pos := start; pos < len(src); {
		end := pos
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[pos:end]
		lineNo := lines.of(pos)
		pos = end + 1

		indent, i := 0, 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			if line[i] == '\t' {
				indent += 4 - indent%4
			} else {
				indent++
			}
			i++
		}
		rest := line[i:]
		if fence != nil {
			if indent < 4 && bytes.HasPrefix(rest, fence) {
				fence = nil
			}
			continue
		}
		if indent < 4 && (bytes.HasPrefix(rest, []byte("```")) || bytes.HasPrefix(rest, []byte("~~~"))) {
			fence = rest[:3]
			continue
		}
		if isRule(rest) {
			continue
		}
		markers, j := containerMarkers(rest)
		markers += definitionNesting(rest[j:])
		if markers > MaxDepth && ok {
			d.errorf(lineNo, "lists and quotes are nested more than %d deep; flatten them (a handout cannot show deeper nesting)", MaxDepth)
			ok = false
		}
		if markers > 0 && indent > MaxIndent && ok {
			d.errorf(lineNo, "a list item or quote is indented %d columns, more than the limit of %d; flatten the nesting", indent, MaxIndent)
			ok = false
		}
		if msg := inline.line(lineNo, rest); msg != "" && ok {
			d.errorf(lineNo, "%s", msg)
			ok = false
		}
		if k := bytes.Count(line, []byte("](")); k > MaxLinksPerLine && ok {
			d.errorf(lineNo, "%d links on one line, more than the limit of %d; break the paragraph into shorter lines", k, MaxLinksPerLine)
			ok = false
		}
		if r := rest[j:]; len(r) > 2 && r[0] == '[' && r[1] == '^' && bytes.Contains(r, []byte("]:")) {
			footnotes++
			if footnotes == MaxFootnotes+1 {
				d.errorf(lineNo, "more than %d footnotes; a handout should not need so many: make some of them part of the text or further reading", MaxFootnotes)
				ok = false
			}
		}
	}
	return ok
}

// containerMarkers counts the quote and list markers at the start of
// s, each of which opens a block inside the one before, and returns
// where the text after them starts.
func containerMarkers(s []byte) (markers, j int) {
	for j < len(s) {
		c := s[j]
		switch {
		case c == ' ' || c == '\t':
			j++
			continue
		case c == '>':
			markers++
			j++
			continue
		case (c == '-' || c == '*' || c == '+') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t'):
			markers++
			j++
			continue
		case c >= '0' && c <= '9':
			k := j
			for k < len(s) && k-j < 10 && s[k] >= '0' && s[k] <= '9' {
				k++
			}
			if k < len(s) && (s[k] == '.' || s[k] == ')') && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\t') {
				markers++
				j = k + 1
				continue
			}
		}
		break
	}
	return markers, j
}

// definitionNesting counts the blocks a line opens inside one another
// from a footnote definition "[^label]:" at the start of s on: each
// definition, and the quotes and lists (and definitions) after it, so
// that "[^a]: > > > ..." is bounded as "> > > ..." is.
func definitionNesting(s []byte) int {
	n := 0
	for {
		end := footnoteLabelAt(s)
		if end < 0 || end+1 >= len(s) || s[end+1] != ':' {
			break
		}
		k, j := containerMarkers(s[end+2:])
		n += 1 + k
		s = s[end+2+j:]
	}
	return n
}

// isRule reports whether a line is a thematic break such as "- - -".
func isRule(s []byte) bool {
	var ch byte
	n := 0
	for _, c := range s {
		switch {
		case c == ' ' || c == '\t':
		case (c == '-' || c == '*' || c == '_') && (ch == 0 || ch == c):
			ch = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// bodyInfo is what assembling learnt for the later checks.
type bodyInfo struct {
	roleOfBlock []Role            // section role of each top-level block (Other outside any section)
	level1      map[*Section]bool // sections under a level-1 heading, which has its own error
}

// assemble cuts the top-level blocks into sections and numbers the
// footnotes in handout order.
func assemble(doc *Document, p parsed, d *diagSink) bodyInfo {
	info := bodyInfo{roleOfBlock: make([]Role, len(p.Blocks)), level1: map[*Section]bool{}}
	var cur *Section
	for i, b := range p.Blocks {
		if h, ok := b.(*Heading); ok && h.Level <= 2 {
			text := strings.TrimSpace(PlainText(h.Inlines))
			if h.Level == 1 {
				d.errorf(h.Line, "a level-1 heading (# …) in the body; the title comes from the front matter's title key, so make this a section (## %s) or remove it", text)
			}
			if text == "" {
				d.errorf(h.Line, "a section heading with no text; write the section's name after \"## \"")
			}
			sec := &Section{Role: RoleOf(text), Heading: text, Line: h.Line}
			info.level1[sec] = h.Level == 1
			if prev := doc.section(sec.Role); sec.Role != Other && prev != nil {
				d.errorf(h.Line, "a second %q section (%q is on line %d); merge the two into one", sec.Role.Name(), prev.Heading, prev.Line)
				sec.Role = Other
			}
			switch sec.Role {
			case Impact:
				doc.Impact = sec
			case Summary:
				doc.Summary = sec
			case KeyFeatures:
				doc.KeyFeatures = sec
			case FurtherReading:
				doc.FurtherReading = sec
			default:
				doc.Others = append(doc.Others, sec)
			}
			cur = sec
			info.roleOfBlock[i] = sec.Role
			continue
		}
		if cur == nil {
			doc.Lead = append(doc.Lead, b)
			continue
		}
		cur.Blocks = append(cur.Blocks, b)
		info.roleOfBlock[i] = cur.Role
	}
	renumber(doc, p.Footnotes)
	return info
}

func (doc *Document) section(r Role) *Section {
	switch r {
	case Impact:
		return doc.Impact
	case Summary:
		return doc.Summary
	case KeyFeatures:
		return doc.KeyFeatures
	case FurtherReading:
		return doc.FurtherReading
	}
	return nil
}

// renumber numbers footnotes by their first reference in handout order
// (lead, impact, summary, key features, other sections, further reading,
// then references made inside footnotes), and drops footnotes that end up
// unreferenced.
func renumber(doc *Document, notes []*Footnote) {
	if len(notes) == 0 {
		return
	}
	byOld := map[int]*Footnote{}
	for _, n := range notes {
		byOld[n.N] = n
	}
	newN := map[int]int{}
	var order []*Footnote
	var walkBlocks func([]Block)
	var walkInlines func([]Inline) []Inline
	walkInlines = func(ins []Inline) []Inline {
		out := ins[:0]
		for _, in := range ins {
			switch n := in.(type) {
			case *FootnoteRef:
				if nn, seen := newN[n.N]; seen {
					n.N = nn
				} else if fn := byOld[n.N]; fn != nil {
					order = append(order, fn)
					newN[n.N] = len(order)
					n.N = len(order)
				} else {
					continue // its footnote was not kept (over the limit)
				}
			case *Emph:
				n.Inlines = walkInlines(n.Inlines)
			case *Strong:
				n.Inlines = walkInlines(n.Inlines)
			case *Link:
				n.Inlines = walkInlines(n.Inlines)
			}
			out = append(out, in)
		}
		return out
	}
	walkBlocks = func(bs []Block) {
		for _, b := range bs {
			switch b := b.(type) {
			case *Paragraph:
				b.Inlines = walkInlines(b.Inlines)
			case *Heading:
				b.Inlines = walkInlines(b.Inlines)
			case *List:
				for _, it := range b.Items {
					walkBlocks(it.Blocks)
				}
			case *Quote:
				walkBlocks(b.Blocks)
			case *Table:
				for i, c := range b.Header {
					b.Header[i] = walkInlines(c)
				}
				for _, r := range b.Rows {
					for i, c := range r {
						r[i] = walkInlines(c)
					}
				}
			}
		}
	}
	walkBlocks(doc.Lead)
	for _, s := range doc.Sections() {
		walkBlocks(s.Blocks)
	}
	// Footnotes may refer to further footnotes; order grows as they are
	// found, and each is walked once.
	for i := 0; i < len(order); i++ {
		walkBlocks(order[i].Blocks)
	}
	for i, fn := range order {
		fn.N = i + 1
	}
	doc.Footnotes = order
}

// checkBody runs the checks that need the whole body: required
// sections, link addresses and citations.
func checkBody(doc *Document, p parsed, info bodyInfo, fm frontMatter, d *diagSink) {
	hasFront, at := fm.Closed, fm.CloseLine
	// Without front matter the file is probably not a briefing at all;
	// missing sections would only add noise to that one error.
	if hasFront && doc.Impact == nil {
		d.errorf(at, "no impact section; add a section \"## %s\" saying what the driver means for library services%s", Impact.Name(), nearMiss(doc, Impact))
	}
	if hasFront && doc.Summary == nil && doc.Meta.Kind == PolicyBriefing && !fm.KindUnknown {
		d.errorf(at, "no driver summary, which a policy briefing needs; add a section \"## %s\"%s (or set kind: hot-topic)", Summary.Name(), nearMiss(doc, Summary))
	}

	// A heading with nothing under it prints as a broken handout; a new
	// briefing's sections hold only hint comments until they are written.
	// A level-1 heading has its own error already.
	for _, sec := range doc.Sections() {
		if len(sec.Blocks) == 0 && !info.level1[sec] {
			d.errorf(sec.Line, "section %q is empty; %s", sec.Heading, emptyHint(doc, sec))
		}
	}

	for _, l := range p.Links {
		if l.Image && isLocalPicture(l.URL) {
			continue // loadPictures checks it
		}
		what := "link"
		if l.Image {
			what = "image"
		}
		if msg := TooLong(fmt.Sprintf("%s %q", what, clip(l.URL, 60)), l.URL, MaxLinkLength, LinkHint); msg != "" {
			d.errorf(l.Line, "%s", msg)
		} else if msg := checkBodyLink(l.URL); msg != "" {
			d.errorf(l.Line, "%s %q %s", what, clip(l.URL, 60), msg)
		}
	}

	// Citations refer to the numbered items of Further reading.
	items := map[int]int{} // number → line
	numbered := false
	if fr := doc.FurtherReading; fr != nil {
		for _, b := range fr.Blocks {
			l, ok := b.(*List)
			if !ok || !l.Ordered {
				continue
			}
			numbered = true
			for k, it := range l.Items {
				n := l.Start + k
				if _, dup := items[n]; !dup {
					items[n] = it.Line
				}
			}
		}
	}
	lo, hi, first := 0, 0, true
	for n := range items {
		if first || n < lo {
			lo = n
		}
		if first || n > hi {
			hi = n
		}
		first = false
	}
	cited := map[int]bool{}
	var noList, unnumbered []citation
	for _, c := range p.Citations {
		if c.Top >= 0 && c.Top < len(info.roleOfBlock) && info.roleOfBlock[c.Top] == FurtherReading {
			continue // the further reading list itself
		}
		if c.Bad != "" {
			d.errorf(c.Line, "citation %s: %s", c.Text, c.Bad)
			continue
		}
		var missing []int
		for _, n := range c.Nums {
			if _, ok := items[n]; ok {
				cited[n] = true
			} else {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			continue
		}
		switch {
		case doc.FurtherReading == nil:
			noList = append(noList, c)
		case !numbered:
			unnumbered = append(unnumbered, c)
		default:
			has := fmt.Sprintf("its items are %d–%d", lo, hi)
			if lo == hi {
				has = fmt.Sprintf("its only item is %d", lo)
			}
			d.errorf(c.Line, "citation %s: Further reading has no %s (%s); correct the number or add the item", c.Text, itemWords(missing), has)
		}
	}
	// One cause, said once: every citation without a list to refer to.
	if len(noList) > 0 {
		d.errorf(noList[0].Line, "%s to further reading, but there is no \"## Further reading\" section; add one with a numbered list, or write the brackets as \\( to show them as text", citationWords(noList))
	}
	if len(unnumbered) > 0 {
		d.errorf(unnumbered[0].Line, "%s to further reading, but Further reading (line %d) is not a numbered list; number its items 1., 2., …", citationWords(unnumbered), doc.FurtherReading.Line)
	}
	// A list that nothing cites is reading for its own sake; one whose
	// items are cited but for a few may lack a citation. Said once per
	// list, at its first uncited item.
	if len(cited) > 0 {
		var uncited []int
		for n := range items {
			if !cited[n] {
				uncited = append(uncited, n)
			}
		}
		sort.Ints(uncited)
		if len(uncited) > 0 {
			verb, it := "is", "it"
			if len(uncited) > 1 {
				verb, it = "are", "them"
			}
			d.warnf(items[uncited[0]], "further reading %s %s never cited, though other items are; where the text relies on %s, cite %s as (%d) (a list the text never cites is taken as reading and not warned about)", itemWords(uncited), verb, it, it, uncited[0])
		}
	}
}

// citationWords names citations and where they are: "citation (2) on
// line 9 refers", "3 citations, on lines 9, 12 and 20, refer".
func citationWords(cs []citation) string {
	if len(cs) == 1 {
		return fmt.Sprintf("citation %s refers", cs[0].Text)
	}
	var lines []int
	for _, c := range cs {
		if len(lines) == 0 || lines[len(lines)-1] != c.Line {
			lines = append(lines, c.Line)
		}
	}
	where := fmt.Sprintf("on line %d", lines[0])
	if len(lines) > 1 {
		parts := make([]string, len(lines))
		for i, l := range lines {
			parts[i] = fmt.Sprint(l)
		}
		where = "on lines " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
	return fmt.Sprintf("%d citations, %s, refer", len(cs), where)
}

// emptyHint says what to do about an empty section: a required one must
// be written, any other may go.
func emptyHint(doc *Document, sec *Section) string {
	switch {
	case sec == doc.Impact:
		return "write what the driver means for library services under it (every briefing needs this section)"
	case sec == doc.Summary && doc.Meta.Kind == PolicyBriefing:
		return "summarise the driver document under it (a policy briefing needs this section)"
	}
	return "write it, or remove the heading"
}

func itemWords(ns []int) string {
	if len(ns) == 1 {
		return fmt.Sprintf("item %d", ns[0])
	}
	parts := make([]string, len(ns))
	for i, n := range ns {
		parts[i] = fmt.Sprint(n)
	}
	return "items " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// nearMiss suggests an existing heading that may have been meant as the
// missing standard section.
func nearMiss(doc *Document, r Role) string {
	for _, s := range doc.Others {
		h := normHeading(s.Heading)
		for _, name := range SectionNames[r] {
			n := normHeading(name)
			if suggest.Closest(h, []string{n}) != "" {
				return fmt.Sprintf(" (is %q on line %d meant to be it? It is spelt differently)", s.Heading, s.Line)
			}
		}
	}
	return ""
}

// checkBodyLink says what is wrong with a link or image address in the
// body, or "".
func checkBodyLink(u string) string {
	scheme, rest, ok := strings.Cut(u, ":")
	if u == "" {
		return "has no address; put the address in the brackets: [text](https://…)"
	}
	if !ok || strings.ContainsAny(scheme, "/?#") || scheme == "" {
		return "is not a full address; a handout is read on paper and in other folders, so write it in full, starting https://"
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		pu, err := url.Parse(u)
		if err != nil || strings.ContainsAny(u, " \t\n") {
			return "is not a valid web address (write a space as %20); copy it from the browser's address bar"
		}
		if pu.Host == "" || !strings.HasPrefix(rest, "//") {
			return "has no host name; write the full address, such as https://www.example.org/…"
		}
		return ""
	case "mailto":
		if rest == "" {
			return "has no e-mail address after mailto:"
		}
		return ""
	}
	return fmt.Sprintf("uses %s:, which a handout cannot offer; only http, https and mailto addresses are allowed", strings.ToLower(clip(scheme, 20)))
}
