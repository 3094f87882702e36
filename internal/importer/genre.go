package importer

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"handouts/internal/briefing"
	"handouts/internal/handout"
)

// Briefing is what was recognised in a source: the fields of the front
// matter as found (dates as written), the sections in order, and what
// the author must still see to.
type Briefing struct {
	Title, Subtitle string
	Kind            briefing.Kind // "" when nothing said which
	Producer        string
	Source          string
	Link            string
	Format          string
	Published       string
	Updated         string
	Review          string
	Responsible     string
	Audience        []string
	Tags            []string
	Acknowledgement string // with {producer}; "" for the usual wording
	// LinkLabel is set when the source had a "Link to main document"
	// label but no address to go with it.
	LinkLabel bool

	Lead     []Block
	Sections []*Section
	Notes    [][]Inline

	// after counts the blocks after the briefing's closing fields,
	// left out as not part of it; before holds those before its title.
	after  int
	before []Block

	// Remarks are what the import noticed about the source: other
	// briefings in it, text left out.
	Remarks []string
}

// Section is a heading and the blocks under it.
type Section struct {
	Heading string
	Blocks  []Block
	// Missing marks a standard section the source lacked, written as a
	// placeholder for the author.
	Missing bool
}

var (
	reProducedBy = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\bproduced(?: and shared)? by (?:the )?(.+?)(?:\.\s|\.$|$)`)
	})
	reKindPrefix = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^(hot topic|policy briefing)\s*[:–-]\s*(.+)$`) })
)

// Convert recognises one briefing in src. When src holds several (a blog
// page listing briefings), the most complete is taken and the others
// named in Remarks; text before and after it is left out.
func Convert(src Source) *Briefing {
	separated, moved := separatePictures(src.Blocks)
	blocks := clean(separated)
	starts := segmentStarts(blocks)
	type seg struct{ from, to int }
	var segs []seg
	for i, s := range starts {
		to := len(blocks)
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		segs = append(segs, seg{s, to})
	}
	best, bestScore := 0, -1
	var results []*Briefing
	for i, s := range segs {
		b, score := recognise(blocks[s.from:s.to])
		results = append(results, b)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	b := results[best]
	b.Notes = src.Notes
	b.Remarks = append(b.Remarks, src.Remarks...)
	b.Remarks = append(b.Remarks, moved...)
	b.NamePictures("picture", nil)
	if len(b.Tags) == 0 {
		b.Tags = src.Keywords
	}
	chosen := segs[best]
	if before := append(blocks[:chosen.from:chosen.from], b.before...); len(before) > 0 {
		b.Remarks = append(b.Remarks, fmt.Sprintf("%s before the briefing %s left out%s", count(len(before), "block"), verb(len(before)), where(before[0], before[len(before)-1])))
	}
	for i, s := range segs {
		if i == best || s.from == 0 && i == 0 && len(segs) == 1 {
			continue
		}
		what := clip(PlainText(blocks[s.from].Inlines), 60)
		at := ""
		if l := blocks[s.from].Line; l > 0 {
			at = fmt.Sprintf(" on line %d", l)
		}
		b.Remarks = append(b.Remarks, fmt.Sprintf("another briefing, %q%s, was not imported: one briefing is taken from a file, the most complete; copy the other into a file of its own and import that", what, at))
	}
	if b.after > 0 {
		b.Remarks = append(b.Remarks, fmt.Sprintf("%s after the briefing's closing fields (review date, group member responsible) %s left out", count(b.after, "block"), verb(b.after)))
	}
	// "… by NHS England" repeats the source, which the handout prints.
	if b.Source != "" {
		if t, ok := strings.CutSuffix(b.Title, " by "+b.Source); ok && t != "" {
			b.Title = t
		}
	}
	finish(b)
	return b
}

func verb(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// where is " (lines 3–7)" for blocks with lines, "" otherwise.
func where(first, last Block) string {
	switch {
	case first.Line == 0:
		return ""
	case first.Line == last.Line:
		return fmt.Sprintf(" (line %d)", first.Line)
	}
	return fmt.Sprintf(" (lines %d–%d)", first.Line, last.Line)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// clean drops empty paragraphs and trims the text of every block's
// ends, merging runs of spaces.
func clean(in []Block) []Block {
	var out []Block
	for _, b := range in {
		b.Inlines = tidy(b.Inlines)
		if (b.Kind == Para || b.Kind == Heading || b.Kind == Quote) && strings.TrimSpace(PlainText(b.Inlines)) == "" && !hasNote(b.Inlines) && !hasPicture(b.Inlines) {
			continue
		}
		for r := range b.Rows {
			for c := range b.Rows[r] {
				b.Rows[r][c] = tidy(b.Rows[r][c])
			}
		}
		out = append(out, typedItem(b))
	}
	return out
}

// typedItem makes a paragraph that starts with a typed bullet or number
// ("• ", "3. ") an item of a list, without the mark.
func typedItem(b Block) Block {
	if b.Kind != Para || b.Cont || len(b.Inlines) == 0 || b.Inlines[0].Break || b.Inlines[0].Note > 0 || b.Inlines[0].Picture != nil {
		return b
	}
	t := b.Inlines[0].Text
	if mark, level, ok := bullet(t); ok {
		rest := strings.TrimLeft(t[len(mark):], " ")
		b.Kind, b.Level = Item, max(b.Level, level)
		b.Inlines = tidy(cutInlines(b.Inlines, len(t)-len(rest)))
		return b
	}
	if n, rest, ok := typedNumber(t); ok {
		b.Kind, b.Ordered, b.Number = Item, true, n
		b.Inlines = tidy(cutInlines(b.Inlines, len(t)-len(rest)))
	}
	return b
}

func hasNote(ins []Inline) bool {
	for _, in := range ins {
		if in.Note > 0 {
			return true
		}
	}
	return false
}

// tidy merges adjacent runs of the same formatting, folds white space
// (but in code) and trims the ends.
func tidy(ins []Inline) []Inline {
	var out []Inline
	for _, in := range ins {
		if !in.Break && in.Note == 0 && in.Picture == nil {
			in.Text = strings.Map(func(r rune) rune {
				switch r {
				case '\t', '\n', '\r', '\u00a0':
					return ' '
				}
				return r
			}, in.Text)
			if in.Text == "" {
				continue
			}
		}
		if n := len(out); n > 0 && !in.Break && in.Note == 0 && in.Picture == nil && !out[n-1].Break && out[n-1].Note == 0 && out[n-1].Picture == nil &&
			out[n-1].Bold == in.Bold && out[n-1].Italic == in.Italic && out[n-1].Link == in.Link && out[n-1].Code == in.Code {
			out[n-1].Text += in.Text
			continue
		}
		out = append(out, in)
	}
	for i := range out {
		for !out[i].Code && strings.Contains(out[i].Text, "  ") {
			out[i].Text = strings.ReplaceAll(out[i].Text, "  ", " ")
		}
	}
	// Trim the ends, dropping breaks there.
	for len(out) > 0 && (out[0].Break || (out[0].Note == 0 && out[0].Picture == nil && strings.TrimSpace(out[0].Text) == "")) {
		out = out[1:]
	}
	for len(out) > 0 && (out[len(out)-1].Break || (out[len(out)-1].Note == 0 && out[len(out)-1].Picture == nil && strings.TrimSpace(out[len(out)-1].Text) == "")) {
		out = out[:len(out)-1]
	}
	if len(out) > 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		out[len(out)-1].Text = strings.TrimRight(out[len(out)-1].Text, " ")
	}
	return out
}

// segmentStarts finds where briefings begin: at a "Title:" line, a title
// starting "Hot topic:" or "Policy briefing:", or the statement that a
// briefing may be reproduced, each taken back over the title line
// before it. Starts close together are one briefing. The first start is
// always 0 when nothing comes before, and there is always one.
func segmentStarts(bs []Block) []int {
	var starts []int
	add := func(i int) {
		if i < 0 {
			i = 0
		}
		if n := len(starts); n > 0 && i-starts[n-1] <= 3 {
			return
		}
		starts = append(starts, i)
	}
	for i, b := range bs {
		if b.Kind != Para && b.Kind != Heading {
			continue
		}
		t := PlainText(b.Inlines)
		switch {
		case labelOf(t) == "title":
			add(i - backTitle(bs, i))
		case reKindPrefix().MatchString(t) && utf8.RuneCountInString(t) < 150:
			add(i)
		case isAcknowledgement(t):
			add(i - backTitle(bs, i))
		}
	}
	if len(starts) == 0 {
		return []int{0}
	}
	// What comes before the first briefing is not a briefing, unless it
	// holds one's sections (a title missing its marks).
	if starts[0] > 0 {
		_, score := recognise(bs[:starts[0]])
		if score >= 3 {
			starts = append([]int{0}, starts...)
		}
	}
	return starts
}

// backTitle is how many blocks before i belong to the briefing starting
// at i: its kind label, title and subtitle when styled so, and one short
// paragraph or heading (a title typed as text).
func backTitle(bs []Block, i int) int {
	k := 0
	plain := false
	for i-k > 0 {
		p := bs[i-k-1]
		switch {
		case p.Style == "title" || p.Style == "subtitle" || p.Style == "kind label" ||
			kindOf(strings.ToLower(strings.TrimRight(strings.TrimSpace(PlainText(p.Inlines)), ":. "))) != "":
		case !plain && (p.Kind == Para || p.Kind == Heading) && utf8.RuneCountInString(PlainText(p.Inlines)) <= 150 &&
			!isAcknowledgement(PlainText(p.Inlines)) && (labelOf(PlainText(p.Inlines)) == "" || labelOf(PlainText(p.Inlines)) == "title"):
			plain = true
		default:
			return k
		}
		k++
	}
	return k
}

func isAcknowledgement(t string) bool {
	l := strings.ToLower(t)
	return strings.Contains(l, "reproduce") && strings.Contains(l, "acknowledg")
}

// labels are the labels recognised at the start of a paragraph or in the
// first column of a table, and the field each fills: the handout's own
// (briefing.Labels), then other names sources give the same fields. No
// label starts another, so their order does not matter.
var labels = func() []struct{ label, field string } {
	out := []struct{ label, field string }{{"title", "title"}}
	for _, l := range briefing.Labels {
		out = append(out, struct{ label, field string }{strings.ToLower(l.Label), l.Key})
	}
	return append(out, []struct{ label, field string }{
		{"link to the main document", "link"},
		{"format", "format"},
		{"published", "published"},
		{"last updated", "updated"},
		{"review date", "review"},
		{"audience", "audience"},
	}...)
}()

// labelOf returns the field a paragraph's label names, or "".
func labelOf(t string) string {
	f, _ := splitLabel(t)
	return f
}

// splitLabel reads "Label: value" (the colon may be missing after the
// link label, which stands alone): the field and the value.
func splitLabel(t string) (field, value string) {
	t = strings.TrimSpace(t)
	lt := strings.ToLower(t)
	for _, l := range labels {
		if !strings.HasPrefix(lt, l.label) {
			continue
		}
		rest := strings.TrimSpace(t[len(l.label):])
		switch {
		case strings.HasPrefix(rest, ":"):
			return l.field, strings.TrimSpace(rest[1:])
		case rest == "" && (l.field == "link"):
			return l.field, ""
		case l.field == "producer" && rest != "" && len(lt) < 200 && !strings.Contains(rest, ". "):
			return l.field, strings.TrimSuffix(rest, ".")
		}
	}
	return "", ""
}

// recognise reads one briefing's blocks. The score counts what was
// recognised, to choose among several briefings in one source.
func recognise(bs []Block) (*Briefing, int) {
	b := &Briefing{}
	score := 0
	var cur *Section
	add := func(bl Block) {
		if cur == nil {
			b.Lead = append(b.Lead, bl)
		} else {
			cur.Blocks = append(cur.Blocks, bl)
		}
	}
	hasRole := map[briefing.Role]bool{}
	open := func(heading string) {
		cur = &Section{Heading: heading}
		b.Sections = append(b.Sections, cur)
		if r := briefing.RoleOf(heading); r != briefing.Other && !hasRole[r] {
			hasRole[r] = true
			score++
		}
	}
	top := sectionLevel(bs)
	closing := 0  // closing fields seen (audience, updated, review, responsible)
	titleAt := -2 // the block the title came from
	for i := 0; i < len(bs); i++ {
		bl := bs[i]
		t := strings.TrimSpace(PlainText(bl.Inlines))
		if f, _ := splitLabel(t); closing >= 3 && f == "" && bl.Style == "" {
			// After the fields that close a briefing comes the page
			// around it ("Leave a comment").
			b.after++
			continue
		}
		if bl.Kind == Heading && bl.Level > top && cur != nil && bl.Style == "" {
			bl.Level -= top // a heading within a section
			add(bl)
			continue
		}
		lt := strings.ToLower(strings.TrimRight(t, ":. "))
		switch bl.Style {
		case "kind label":
			if k := kindOf(lt); k != "" {
				b.Kind = k
				continue
			}
		case "title":
			if b.Title == "" {
				b.Title = t
				continue
			}
		case "subtitle":
			if b.Subtitle == "" {
				b.Subtitle = t
				continue
			}
		case "acknowledgement":
			b.ackFrom(t, true)
			continue
		case "panel heading":
			continue
		}
		if bl.Kind == Table {
			if b.panel(bl) {
				score += 2
				continue
			}
			add(bl)
			continue
		}
		if bl.Kind != Para && bl.Kind != Heading {
			add(bl)
			continue
		}
		if lt == "about the source document" || lt == "about this briefing" {
			continue
		}
		if k := kindOf(lt); k != "" && b.Title == "" && cur == nil {
			b.Kind = k
			continue
		}
		if m := reKindPrefix().FindStringSubmatch(t); m != nil && cur == nil && b.Title == "" {
			b.Kind = kindOf(strings.ToLower(m[1]))
			b.Title = strings.TrimSpace(m[2])
			score++
			continue
		}
		if isAcknowledgement(t) && cur == nil {
			b.ackFrom(t, false)
			score++
			continue
		}
		if f, v := splitLabel(t); f != "" && (bl.Kind == Para || f == "title") {
			if f == "title" && cur == nil && v != "" {
				// What comes before "Title:" is the page around the
				// briefing, but for the title shortened.
				for _, l := range b.Lead {
					lt := strings.ToLower(strings.TrimSpace(PlainText(l.Inlines)))
					if !strings.HasPrefix(strings.ToLower(v), lt) {
						b.before = append(b.before, l)
					}
				}
				b.Lead = nil
				if b.Title != "" && titleAt >= 0 && !strings.HasPrefix(strings.ToLower(v), strings.ToLower(b.Title)) {
					b.before = append([]Block{bs[titleAt]}, b.before...)
				}
			}
			if b.field(f, v, bl.Inlines) {
				score++
				switch f {
				case "audience", "updated", "review", "responsible":
					closing++
				}
				continue
			}
		}
		// A standard section's name with its text on the same line:
		// "Summary of driver: Crucially, …".
		if name, rest, ok := sectionWithText(bl); ok {
			open(name)
			add(Block{Kind: Para, Inlines: rest, Line: bl.Line})
			continue
		}
		if bl.Kind == Heading || headingLike(bs, i) || (i == 0 && bl.Line > 0 && shortLine(t)) {
			if b.Title == "" && cur == nil && briefing.RoleOf(t) == briefing.Other {
				b.Title, titleAt = t, i
				continue
			}
			if b.Subtitle == "" && cur == nil && i == titleAt+1 && briefing.RoleOf(t) == briefing.Other {
				b.Subtitle = t // a second line under the title
				continue
			}
			open(strings.TrimRight(t, ": "))
			continue
		}
		add(bl)
	}
	// A short line before a "Title:" label is the title shortened.
	if len(b.Lead) > 0 && b.Title != "" {
		first := strings.ToLower(strings.TrimSpace(PlainText(b.Lead[0].Inlines)))
		if b.Lead[0].Kind == Para && first != "" && strings.HasPrefix(strings.ToLower(b.Title), first) {
			b.Lead = b.Lead[1:]
		}
	}
	for _, f := range []string{b.Title, b.Producer, b.Source, b.Updated, b.Review, b.Responsible} {
		if f != "" {
			score++
		}
	}
	return b, score
}

// sectionLevel is the level of the headings that start sections: the
// largest heading but the title (a first heading stands for the title
// when no paragraph is in the Title style).
func sectionLevel(bs []Block) int {
	titled := false
	for _, b := range bs {
		if b.Style == "title" || (b.Kind == Para && labelOf(PlainText(b.Inlines)) == "title") {
			titled = true
		}
	}
	top, first := 0, true
	for _, b := range bs {
		if b.Kind != Heading || b.Style != "" {
			continue
		}
		if first && !titled && briefing.RoleOf(PlainText(b.Inlines)) == briefing.Other {
			first = false
			continue
		}
		first = false
		if top == 0 || b.Level < top {
			top = b.Level
		}
	}
	if top == 0 {
		top = 1
	}
	return top
}

func kindOf(lt string) briefing.Kind {
	switch lt {
	case "hot topic":
		return briefing.HotTopic
	case "policy briefing":
		return briefing.PolicyBriefing
	}
	return ""
}

// ackFrom takes the producer, and the kind, from the statement of reuse.
// ours marks the acknowledgement paragraph of a handout made by this
// tool, whose own wording is kept when it is not the usual one.
func (b *Briefing) ackFrom(t string, ours bool) {
	if m := reProducedBy().FindStringSubmatch(t); m != nil && b.Producer == "" {
		p := strings.TrimSpace(m[1])
		if i := strings.Index(strings.ToLower(p), ". feel free"); i >= 0 {
			p = p[:i]
		}
		b.Producer = strings.TrimSuffix(p, ".")
	}
	lt := strings.ToLower(t)
	if b.Kind == "" {
		switch {
		case strings.Contains(lt, "hot topic"):
			b.Kind = briefing.HotTopic
		case strings.Contains(lt, "policy briefing"):
			b.Kind = briefing.PolicyBriefing
		}
	}
	if ours && b.Producer != "" {
		if def := strings.ReplaceAll(handout.DefaultAcknowledgement, "{producer}", b.Producer); t != def {
			b.Acknowledgement = strings.ReplaceAll(t, b.Producer, "{producer}")
		}
	}
}

// field sets a field from a label's value; false when the label held
// nothing to take.
func (b *Briefing) field(f, v string, ins []Inline) bool {
	switch f {
	case "title":
		if v == "" {
			return false
		}
		b.Title = v
	case "source":
		b.Source = strings.TrimSuffix(v, ".")
	case "link":
		addr := ""
		for _, in := range ins {
			if in.Link != "" && isWeb(in.Link) {
				addr = in.Link
				break
			}
		}
		if addr == "" && isWeb(v) {
			addr = v
		}
		if addr == "" {
			b.LinkLabel = true
			return true
		}
		b.Link = addr
	case "format":
		b.Format = strings.TrimSuffix(v, ".")
	case "published":
		b.Published = strings.TrimSuffix(v, ".")
	case "updated":
		b.Updated = strings.TrimSuffix(v, ".")
	case "review":
		b.Review = strings.TrimSuffix(v, ".")
	case "responsible":
		b.Responsible = strings.TrimSuffix(v, ".")
	case "producer":
		b.Producer = strings.TrimSuffix(v, ".")
	case "audience":
		b.Audience = nil
		for _, a := range splitBreaks(ins, v) {
			if a = strings.TrimSuffix(strings.TrimSpace(a), "."); a != "" {
				b.Audience = append(b.Audience, a)
			}
		}
	default:
		return false
	}
	return true
}

// splitBreaks returns the value's lines when the inlines hold line
// breaks (a panel lists one audience a line), else the value.
func splitBreaks(ins []Inline, v string) []string {
	var lines []string
	cur := ""
	breaks := false
	for _, in := range ins {
		if in.Break {
			breaks = true
			lines = append(lines, cur)
			cur = ""
			continue
		}
		cur += in.Text
	}
	if !breaks {
		return []string{v}
	}
	lines = append(lines, cur)
	// The label, when it heads the first line, is not a value.
	if f, rest := splitLabel(lines[0]); f != "" {
		lines[0] = rest
	}
	return lines
}

func isWeb(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://")) && !strings.ContainsAny(s, " \t")
}

// panel reads a table of labels and values; false when the table is not
// one.
func (b *Briefing) panel(bl Block) bool {
	known := 0
	for _, row := range bl.Rows {
		row = panelCells(row)
		if len(row) == 2 && labelOfCell(row[0]) != "" {
			known++
		}
	}
	if known == 0 || known*2 < len(bl.Rows) {
		return false
	}
	for _, row := range bl.Rows {
		row = panelCells(row)
		if len(row) != 2 {
			continue
		}
		f := labelOfCell(row[0])
		if f == "" {
			continue
		}
		b.field(f, strings.TrimSpace(PlainText(row[1])), row[1])
	}
	return true
}

// panelCells is a panel row without its empty cells at the end: a
// handout's source panel has a third column for its QR code, left empty
// once the code is dropped.
func panelCells(row [][]Inline) [][]Inline {
	for len(row) > 2 && strings.TrimSpace(PlainText(row[len(row)-1])) == "" && !hasPicture(row[len(row)-1]) {
		row = row[:len(row)-1]
	}
	return row
}

func labelOfCell(c []Inline) string {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(PlainText(c)), ":"))
	f, _ := splitLabel(t + ":")
	return f
}

// sectionWithText reads a paragraph that opens with a standard section's
// name and a colon, followed by text: the heading and the rest.
func sectionWithText(bl Block) (string, []Inline, bool) {
	if bl.Kind != Para || len(bl.Inlines) == 0 {
		return "", nil, false
	}
	t := PlainText(bl.Inlines)
	colon := strings.Index(t, ":")
	if colon <= 0 || colon > 60 {
		return "", nil, false
	}
	name := strings.TrimSpace(t[:colon])
	if briefing.RoleOf(name) == briefing.Other {
		return "", nil, false
	}
	rest := cutInlines(bl.Inlines, colon+1)
	if strings.TrimSpace(PlainText(rest)) == "" {
		return "", nil, false
	}
	return name, tidy(rest), true
}

// cutInlines drops the first n bytes of text from inlines.
func cutInlines(ins []Inline, n int) []Inline {
	var out []Inline
	for _, in := range ins {
		if n > 0 && !in.Break && in.Note == 0 && in.Picture == nil {
			if len(in.Text) <= n {
				n -= len(in.Text)
				continue
			}
			in.Text = in.Text[n:]
			n = 0
		}
		out = append(out, in)
	}
	return out
}

// headingLike reports whether paragraph i reads as a heading: only bold
// and short, or a standard section's name (with or without a colon), or,
// in pasted text where nothing is bold, a short line with no final
// full stop followed by a paragraph or a list.
func headingLike(bs []Block, i int) bool {
	bl := bs[i]
	if bl.Kind != Para {
		return false
	}
	t := strings.TrimSpace(PlainText(bl.Inlines))
	n := utf8.RuneCountInString(t)
	if n == 0 || n > 120 {
		return false
	}
	if briefing.RoleOf(strings.TrimRight(t, ": ")) != briefing.Other {
		return true
	}
	if allBold(bl.Inlines) && !strings.HasSuffix(t, ".") {
		return true
	}
	if bl.Line == 0 || n > 80 || i+1 >= len(bs) {
		return false
	}
	if strings.ContainsAny(t[len(t)-1:], ".,;") || labelOf(t) != "" || strings.Contains(t, "@") || isWeb(t) {
		return false
	}
	next := bs[i+1]
	nt := strings.TrimSpace(PlainText(next.Inlines))
	words := len(strings.Fields(t))
	return words >= 2 && (next.Kind == Item || (next.Kind == Para && utf8.RuneCountInString(nt) > n && labelOf(nt) == ""))
}

// shortLine is a line of pasted text that can be a title: short, with no
// full stop at its end.
func shortLine(t string) bool {
	return t != "" && utf8.RuneCountInString(t) <= 120 && !strings.HasSuffix(t, ".") && labelOf(t) == ""
}

func allBold(ins []Inline) bool {
	any := false
	for _, in := range ins {
		if in.Break || in.Note > 0 {
			continue
		}
		if strings.TrimSpace(in.Text) == "" {
			continue
		}
		if !in.Bold {
			return false
		}
		any = true
	}
	return any
}

// finish puts the standard sections the author must write, as marked
// placeholders, and numbers the further reading.
func finish(b *Briefing) {
	kind := b.Kind
	if kind == "" {
		kind = briefing.PolicyBriefing
	}
	has := map[briefing.Role]bool{}
	for _, s := range b.Sections {
		r := briefing.RoleOf(s.Heading)
		has[r] = true
		if r == briefing.FurtherReading {
			s.Blocks = numbered(s.Blocks)
		}
	}
	if !has[briefing.Impact] {
		b.Sections = append([]*Section{{Heading: briefing.Impact.Name(), Missing: true}}, b.Sections...)
	}
	if !has[briefing.Summary] && kind == briefing.PolicyBriefing {
		at := 0
		for at < len(b.Sections) && briefing.RoleOf(b.Sections[at].Heading) == briefing.Impact {
			at++
		}
		b.Sections = append(b.Sections[:at], append([]*Section{{Heading: briefing.Summary.Name(), Missing: true}}, b.Sections[at:]...)...)
	}
}

// numbered makes the further reading one numbered list: items typed or
// bulleted, or one paragraph each, keep their order and any number they
// showed.
func numbered(bs []Block) []Block {
	var out []Block
	n := 0
	for _, bl := range bs {
		switch {
		case bl.Kind == Item && bl.Level == 0:
			n++
			if bl.Ordered && bl.Number > 0 {
				n = bl.Number
			}
			bl.Ordered, bl.Number = true, n
		case bl.Kind == Para && !bl.Cont:
			n++
			bl = Block{Kind: Item, Ordered: true, Number: n, Inlines: bl.Inlines, Line: bl.Line}
		}
		out = append(out, bl)
	}
	return out
}
