package importer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"handouts/internal/briefing"
)

// Markdown writes the briefing in the canonical form: the front matter,
// keys in the documented order, then the sections in the order the
// handout prints them. from names the source for the placeholders'
// notes. A field not found is written empty (a required key) or as a
// comment (an optional one), so that check points at each.
func (b *Briefing) Markdown(from string) []byte {
	var w strings.Builder
	w.WriteString("---\n")
	missing := "  # not found in " + yamlComment(from) + ": fill it in"
	key := func(k, v string, required bool) {
		switch {
		case v != "":
			fmt.Fprintf(&w, "%s: %s\n", k, yamlString(v))
		case required:
			fmt.Fprintf(&w, "%s: \"\"%s\n", k, missing)
		}
	}
	date := func(k, v string, required bool) {
		if d, err := briefing.ParseDate(v); err == nil {
			v = d.ISO()
		} else if iso := dayFirst(v); iso != "" {
			v = iso
		}
		key(k, v, required)
	}
	key("title", b.Title, true)
	key("subtitle", b.Subtitle, false)
	kind := b.Kind
	if kind == "" {
		kind = briefing.PolicyBriefing
	}
	fmt.Fprintf(&w, "kind: %s\n", kind)
	key("producer", b.Producer, true)
	key("source", b.Source, kind == briefing.PolicyBriefing)
	switch {
	case b.Link != "":
		key("link", b.Link, false)
	case b.LinkLabel:
		w.WriteString("# link: https://…  # the source says \"Link to main document\" but gives no address: paste it here and remove the first #\n")
	}
	key("format", b.Format, false)
	date("published", b.Published, false)
	date("updated", b.Updated, true)
	date("review", b.Review, true)
	key("responsible", b.Responsible, true)
	if len(b.Audience) == 0 {
		fmt.Fprintf(&w, "audience: []%s\n", missing)
	} else {
		w.WriteString("audience:\n")
		for _, a := range b.Audience {
			fmt.Fprintf(&w, "  - %s\n", yamlString(a))
		}
	}
	if len(b.Tags) > 0 {
		quoted := make([]string, len(b.Tags))
		for i, t := range b.Tags {
			quoted[i] = yamlString(t)
			if strings.ContainsAny(t, ",[]") {
				quoted[i] = yamlQuote(t)
			}
		}
		fmt.Fprintf(&w, "tags: [%s]\n", strings.Join(quoted, ", "))
	}
	key("acknowledgement", b.Acknowledgement, false)
	w.WriteString("---\n")

	mw := &mdWriter{w: &w}
	mw.blocks(b.Lead)
	for _, s := range orderSections(b.Sections) {
		fmt.Fprintf(&w, "\n## %s\n", escapeHeading(s.Heading))
		if s.Missing {
			fmt.Fprintf(&w, "\n<!-- not found in %s: write this section -->\n", strings.ReplaceAll(from, "--", "- -"))
			continue
		}
		mw.blocks(s.Blocks)
	}
	for i, n := range b.Notes {
		fmt.Fprintf(&w, "\n[^%d]: %s\n", i+1, mw.inlines(tidy(n)))
	}
	return []byte(w.String())
}

var reDMY = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`) })

// dayFirst reads a date written 20/01/2026 when it can only be read one
// way (the first number is no month), as 2026-01-20; "" otherwise, for
// check to ask the author.
func dayFirst(s string) string {
	m := reDMY().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	if day <= 12 || month < 1 || month > 12 {
		return ""
	}
	iso := fmt.Sprintf("%s-%02d-%02d", m[3], month, day)
	if _, err := briefing.ParseDate(iso); err != nil {
		return ""
	}
	return iso
}

// orderSections puts the standard sections in handout order, the
// author's own between key features and further reading, as a rebuilt
// handout prints them.
func orderSections(ss []*Section) []*Section {
	rank := func(s *Section) int {
		switch briefing.RoleOf(s.Heading) {
		case briefing.Impact:
			return 0
		case briefing.Summary:
			return 1
		case briefing.KeyFeatures:
			return 2
		case briefing.FurtherReading:
			return 4
		}
		return 3
	}
	out := make([]*Section, 0, len(ss))
	for r := 0; r <= 4; r++ {
		for _, s := range ss {
			if rank(s) == r {
				out = append(out, s)
			}
		}
	}
	return out
}

type mdWriter struct {
	w *strings.Builder
	// item stack: the indentation of each open list level's text.
	indents []int
}

func (m *mdWriter) blocks(bs []Block) {
	m.indents = m.indents[:0]
	prevKind := Kind(-1)
	for i, b := range bs {
		switch b.Kind {
		case Item:
			if prevKind != Item {
				m.w.WriteString("\n")
				m.indents = m.indents[:0]
			}
			m.item(b, bs, i)
		case Para:
			if b.Cont && len(m.indents) > 0 {
				pad := strings.Repeat(" ", m.indents[len(m.indents)-1])
				m.w.WriteString("\n" + pad + strings.ReplaceAll(m.inlines(b.Inlines), "\n", "\n"+pad) + "\n")
				continue
			}
			m.w.WriteString("\n" + escapeStart(m.inlines(b.Inlines)) + "\n")
		case Heading:
			level := min(b.Level+2, 6)
			if level < 3 {
				level = 3
			}
			m.w.WriteString("\n" + strings.Repeat("#", level) + " " + escapeHeading(m.inlines(b.Inlines)) + "\n")
		case Quote:
			m.w.WriteString("\n> " + strings.ReplaceAll(m.inlines(b.Inlines), "\n", "\n> ") + "\n")
		case Code:
			text := PlainText(b.Inlines)
			fence := "```"
			for strings.Contains(text, fence) {
				fence += "`"
			}
			m.w.WriteString("\n" + fence + "\n" + text + "\n" + fence + "\n")
		case Rule:
			m.w.WriteString("\n***\n")
		case Table:
			m.table(b)
		}
		prevKind = b.Kind
	}
}

func (m *mdWriter) item(b Block, bs []Block, i int) {
	level := b.Level
	if level > len(m.indents) {
		level = len(m.indents)
	}
	m.indents = m.indents[:level]
	base := 0
	if level > 0 {
		base = m.indents[level-1]
	}
	marker := "- "
	if b.Ordered {
		n := b.Number
		if n <= 0 {
			// The count of ordered items at this level since the list
			// began at it.
			n = 1
			for j := i - 1; j >= 0 && bs[j].Kind == Item; j-- {
				if bs[j].Level < b.Level {
					break
				}
				if bs[j].Level == b.Level {
					if !bs[j].Ordered {
						break
					}
					n++
				}
			}
		}
		marker = strconv.Itoa(n) + ". "
	}
	m.indents = append(m.indents, base+len(marker))
	pad := strings.Repeat(" ", base)
	text := m.inlines(b.Inlines)
	if text == "" {
		text = "\\"
	}
	m.w.WriteString(pad + marker + strings.ReplaceAll(escapeStart(text), "\n", "\n"+strings.Repeat(" ", base+len(marker))) + "\n")
}

func (m *mdWriter) table(b Block) {
	if len(b.Rows) == 0 {
		return
	}
	cols := 0
	for _, r := range b.Rows {
		cols = max(cols, len(r))
	}
	row := func(r [][]Inline) {
		m.w.WriteString("|")
		for c := 0; c < cols; c++ {
			cell := ""
			if c < len(r) {
				cell = strings.ReplaceAll(m.inlines(r[c]), "\\\n", " ")
				cell = strings.ReplaceAll(cell, "|", "\\|")
			}
			m.w.WriteString(" " + cell + " |")
		}
		m.w.WriteString("\n")
	}
	m.w.WriteString("\n")
	row(b.Rows[0])
	m.w.WriteString("|")
	for c := 0; c < cols; c++ {
		a := ""
		if c < len(b.Align) {
			a = b.Align[c]
		}
		switch a {
		case "left":
			m.w.WriteString(":---|")
		case "center":
			m.w.WriteString(":---:|")
		case "right":
			m.w.WriteString("---:|")
		default:
			m.w.WriteString("---|")
		}
	}
	m.w.WriteString("\n")
	for _, r := range b.Rows[1:] {
		row(r)
	}
}

// inlines writes inline Markdown: emphasis around the words (spaces kept
// outside the marks), links, line breaks as a backslash and a new line.
func (m *mdWriter) inlines(ins []Inline) string {
	var b strings.Builder
	for i := 0; i < len(ins); i++ {
		in := ins[i]
		switch {
		case in.Break:
			b.WriteString("\\\n")
			continue
		case in.Note > 0:
			fmt.Fprintf(&b, "[^%d]", in.Note)
			continue
		case in.Picture != nil:
			b.WriteString(pictureMarkdown(in.Picture))
			continue
		}
		if in.Link != "" {
			// Runs of one link, whatever their formatting.
			j := i
			var parts []Inline
			for j < len(ins) && ins[j].Link == in.Link && !ins[j].Break && ins[j].Note == 0 && ins[j].Picture == nil {
				p := ins[j]
				p.Link = ""
				parts = append(parts, p)
				j++
			}
			i = j - 1
			text := PlainText(parts)
			if (text == in.Link || "mailto:"+text == in.Link) && isWeb(in.Link) {
				b.WriteString(in.Link)
				continue
			}
			if !isWeb(in.Link) && !strings.HasPrefix(strings.ToLower(in.Link), "mailto:") {
				b.WriteString(m.inlines(parts)) // an address a handout cannot offer
				continue
			}
			lead, core, trail := spaces(m.inlines(parts))
			fmt.Fprintf(&b, "%s[%s](%s)%s", lead, core, linkDest(in.Link), trail)
			continue
		}
		if in.Code {
			lead, core, trail := spaces(in.Text)
			fence := "`"
			for strings.Contains(core, fence) {
				fence += "`"
			}
			pad := ""
			if strings.HasPrefix(core, "`") || strings.HasSuffix(core, "`") {
				pad = " "
			}
			if core != "" {
				b.WriteString(lead + fence + pad + core + pad + fence + trail)
			} else {
				b.WriteString(lead + trail)
			}
			continue
		}
		mark := ""
		switch {
		case in.Bold && in.Italic:
			mark = "***"
		case in.Bold:
			mark = "**"
		case in.Italic:
			mark = "*"
		}
		lead, core, trail := spaces(escapeText(in.Text))
		if mark == "" || core == "" {
			b.WriteString(lead + core + trail)
			continue
		}
		b.WriteString(lead + mark + core + mark + trail)
	}
	return b.String()
}

func spaces(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	t := strings.TrimRight(core, " ")
	trail = core[len(t):]
	return lead, t, trail
}

func linkDest(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(u) + ">"
	}
	return u
}

// escapeText escapes what Markdown would read as marks.
var textEscaper = strings.NewReplacer(
	`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, "&", `\&`, "~", `\~`,
)

func escapeText(s string) string { return textEscaper.Replace(s) }

// escapeStart escapes a start that Markdown would read as a block: a
// heading, a quote, a list item, a rule, a table.
func escapeStart(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(l)
	}
	return strings.Join(lines, "\n")
}

func escapeLineStart(l string) string {
	t := strings.TrimLeft(l, " ")
	pad := l[:len(l)-len(t)]
	switch {
	case t == "":
		return l
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, ">"), strings.HasPrefix(t, "+ "), strings.HasPrefix(t, "- "), t == "-", t == "+",
		strings.HasPrefix(t, "="), strings.HasPrefix(t, "|"):
		return pad + `\` + t
	}
	if _, _, ok := typedNumber(t); ok {
		i := strings.IndexAny(t, ".)")
		return pad + t[:i] + `\` + t[i:]
	}
	if strings.HasPrefix(t, "---") || strings.HasPrefix(t, "***") || strings.HasPrefix(t, "___") {
		return pad + `\` + t
	}
	return l
}

func escapeHeading(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "#"), "\n", " ")
}

// yamlString writes a value plain when YAML reads it back as the same
// string, else quoted.
func yamlString(s string) string {
	plain := s != "" && !strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@`~ ") &&
		!strings.Contains(s, ": ") && !strings.Contains(s, " #") && !strings.HasSuffix(s, ":") &&
		!strings.HasSuffix(s, " ")
	if plain {
		switch strings.ToLower(s) {
		case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
			plain = false
		}
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			plain = false
		}
		if strings.ContainsAny(s, "\n\t\\") {
			plain = false
		}
	}
	if plain {
		return s
	}
	return yamlQuote(s)
}

func yamlQuote(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, "\n", " "), "'", "''") + "'"
}

func yamlComment(s string) string {
	return strings.ReplaceAll(s, "\n", " ")
}
