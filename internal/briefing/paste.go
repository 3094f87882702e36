package briefing

// Checks for text pasted from a web page, an e-mail or a Word document:
// the marks of another layout that Markdown reads as plain text, so that
// a handout would run bullets together, print headings as body text and
// repeat its own panels. Each says, with its line, what to write instead.

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// paraLine is one source line of a paragraph.
type paraLine struct {
	Line int
	Text string // as written, without the line end
	Para int    // which paragraph, counted in order
}

// TypedBullets are the characters a word processor or web page shows
// as bullets, which lose their meaning once pasted as text.
var TypedBullets = []string{"•", "◦", "▪", "·", "‣", "○", "■", "●"}

// Labels are the genre's printed labels and the front matter key each
// one is written as. A body line starting with one repeats a panel of
// the handout; a front matter key written as one is an unknown key.
var Labels = []struct{ Label, Key string }{
	{"Source", "source"},
	{"Link to main document", "link"},
	{"Publication format", "format"},
	{"Date of publication", "published"},
	{"Date last updated", "updated"},
	{"Due for review", "review"},
	{"Primary audience", "audience"},
	{"Group member responsible", "responsible"},
	{"Produced by", "producer"},
}

// LabelKey returns the key a label names ("Date last updated" gives
// "updated"), case and spaces ignored, or "".
func LabelKey(label string) string {
	l := normLabel(label)
	for _, x := range Labels {
		if normLabel(x.Label) == l {
			return x.Key
		}
	}
	return ""
}

// labelDashes makes underscores and hyphens spaces in a label.
var labelDashes = strings.NewReplacer("_", " ", "-", " ")

func normLabel(s string) string {
	s = strings.ToLower(labelDashes.Replace(s))
	return strings.Join(strings.Fields(s), " ")
}

// typedBullet returns the typed bullet a line starts with, or "".
func typedBullet(line string) string {
	t := strings.TrimLeft(line, " \t")
	for _, b := range TypedBullets {
		if strings.HasPrefix(t, b) {
			return b
		}
	}
	return ""
}

// bodyLabel returns the label a body line starts with, when it is one of
// Labels followed by a colon (or, for the link, on its own), and its key.
func bodyLabel(line string) (label, key string) {
	t := strings.TrimSpace(strings.Trim(strings.TrimSpace(line), "*_"))
	for _, x := range Labels {
		if x.Key == "producer" {
			continue // "Produced by" opens ordinary sentences too
		}
		if len(t) < len(x.Label) || !strings.EqualFold(t[:len(x.Label)], x.Label) {
			continue
		}
		rest := strings.TrimLeft(t[len(x.Label):], "*_ ")
		if strings.HasPrefix(rest, ":") || (x.Key == "link" && rest == "") {
			return x.Label, x.Key
		}
	}
	return "", ""
}

// checkPaste runs the checks of pasted text on the body.
func checkPaste(doc *Document, p parsed, fm frontMatter, d *diagSink) {
	// Typed bullets: one message per paragraph, listing its lines.
	var run []int
	bullet, para := "", -1
	flush := func() {
		if len(run) == 0 {
			return
		}
		d.errorf(run[0], "%s with a typed bullet %q, which a handout runs together into one paragraph; start each item with \"- \" instead, on a line of its own, to make a list", lineWords(run, "starts", "start"), bullet)
		run = run[:0]
	}
	for _, l := range p.ParaLines {
		b := typedBullet(l.Text)
		if b == "" {
			continue
		}
		if l.Para != para {
			flush()
			para, bullet = l.Para, b
		}
		run = append(run, l.Line)
	}
	flush()

	for _, l := range p.ParaLines {
		label, key := bodyLabel(l.Text)
		if key == "" {
			continue
		}
		what := "move this to the front matter as `" + key + ":`"
		if _, given := fm.KeyLine[key]; given {
			what = "the front matter has `" + key + ":` already, so remove this line"
		}
		if key == "source" {
			// "Source:" also captions a table or a figure.
			d.warnf(l.Line, "the line %q holds what the handout prints from the front matter as \"Source\"; %s (if it is the source of a table or figure, ignore this)", clip(strings.TrimSpace(l.Text), 60), what)
			continue
		}
		d.errorf(l.Line, "the line %q holds what the handout prints from the front matter as %q; %s", clip(strings.TrimSpace(l.Text), 60), label, what)
	}

	// Paragraphs that are only bold text and read like headings.
	blocks := append([]Block(nil), doc.Lead...)
	for _, s := range doc.Sections() {
		blocks = append(blocks, s.Blocks...)
	}
	for _, b := range blocks {
		para, ok := b.(*Paragraph)
		if !ok {
			continue
		}
		text, ok := boldOnly(para.Inlines)
		if !ok {
			continue
		}
		if r := RoleOf(text); r != Other {
			d.errorf(para.Line, "this looks like a heading: %q is only bold text, so the handout prints it as body text and misses the %q section; write it as \"## %s\"", clip(text, 60), r.Name(), strings.TrimRight(text, ": "))
		} else if strings.HasSuffix(text, ":") && utf8.RuneCountInString(text) <= 80 {
			d.warnf(para.Line, "this looks like a heading: %q is only bold text ending with a colon; if it heads what follows, write it as \"## %s\" (a section) or \"### %s\"", clip(text, 60), strings.TrimRight(text, ": "), strings.TrimRight(text, ": "))
		}
	}
}

// boldOnly returns the text of inlines that are only strong emphasis
// (spaces around it allowed).
func boldOnly(ins []Inline) (string, bool) {
	var strong *Strong
	for _, in := range ins {
		switch n := in.(type) {
		case *Text:
			if strings.TrimSpace(n.Value) != "" {
				return "", false
			}
		case *Strong:
			if strong != nil {
				return "", false
			}
			strong = n
		default:
			return "", false
		}
	}
	if strong == nil {
		return "", false
	}
	t := strings.TrimSpace(PlainText(strong.Inlines))
	return t, t != ""
}

// lineWords is "line 12 starts" or "lines 12, 13 and 15 start".
func lineWords(lines []int, one, many string) string {
	if len(lines) == 1 {
		return fmt.Sprintf("line %d %s", lines[0], one)
	}
	parts := make([]string, len(lines))
	for i, l := range lines {
		parts[i] = fmt.Sprint(l)
	}
	return "lines " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + " " + many
}

// checkTitle reports a title that starts with the kind's label, which
// the handout prints above it already.
func checkTitle(m *Meta, line int, d *diagSink) {
	for _, k := range []Kind{HotTopic, PolicyBriefing} {
		label := k.Label()
		if len(m.Title) <= len(label) || !strings.EqualFold(m.Title[:len(label)], label) {
			continue
		}
		rest := strings.TrimSpace(m.Title[len(label):])
		if !strings.HasPrefix(rest, ":") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "-") {
			continue
		}
		rest = strings.TrimSpace(strings.TrimLeft(rest, ":–- "))
		fix := fmt.Sprintf("write title: %s", rest)
		if k != m.Kind {
			fix += fmt.Sprintf(" and kind: %s", k)
		}
		d.errorf(line, "the title begins %q, which the handout prints above the title already; %s", label+":", fix)
		return
	}
}
