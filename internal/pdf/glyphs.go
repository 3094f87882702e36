package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/unicode/runenames"

	"handouts/internal/briefing"
	"handouts/internal/diag"
	"handouts/internal/handout"
)

// Glyphs reports, as errors with file and line, each character of d
// that the handout's fonts cannot draw and would print as an empty box
// (a tick ✓, a Chinese word, an emoji). src is the briefing's source,
// searched for the lines the characters are on. Text is checked
// against the four text faces of the theme th (Liberation Sans, or
// Liberation Serif; nil is the default theme), code against Liberation
// Mono.
func Glyphs(d *briefing.Document, src []byte, th *Theme) diag.List {
	fs, err := themeFonts(th)
	if err != nil || d == nil {
		return nil
	}
	missing := map[rune]bool{}
	g := glyphCheck{ms: fs.m, sans: allText(fs), missing: missing}
	h := handout.New(d, handout.Options{})
	g.text(h.KindLabel, false)
	g.text(h.Title, false)
	g.text(h.Subtitle, false)
	g.text(h.Acknowledgement, false)
	g.text(h.AdaptedBy, false)
	for _, r := range slices.Concat(h.SourcePanel, h.AboutPanel) {
		g.text(r.Label, false)
		g.text(r.Value, false)
	}
	g.blocks(d.Lead, 0)
	for _, s := range d.Sections() {
		g.text(s.Heading, false)
		g.blocks(s.Blocks, 0)
	}
	for _, f := range d.Footnotes {
		g.blocks(f.Blocks, 0)
	}
	if len(missing) == 0 {
		return nil
	}
	// Each line the characters are on, each character once a line.
	var l diag.List
	found := map[rune]bool{}
	for n, line := range bytes.Split(src, []byte("\n")) {
		var on []rune
		for _, r := range string(line) {
			if missing[r] && !slices.Contains(on, r) {
				on = append(on, r)
				found[r] = true
			}
		}
		if len(on) > 0 {
			l.Errorf(d.Path, n+1, "%s", noGlyph(on))
		}
	}
	var rest []rune
	for r := range missing {
		if !found[r] {
			rest = append(rest, r)
		}
	}
	if len(rest) > 0 {
		slices.Sort(rest)
		l.Errorf(d.Path, 0, "%s", noGlyph(rest))
	}
	return l
}

// noGlyph says characters cannot be printed, and what to do.
func noGlyph(rs []rune) string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = fmt.Sprintf("%q (U+%04X %s)", string(r), r, runeName(r))
	}
	verb := "is"
	if len(rs) > 1 {
		verb = "are"
	}
	return strings.Join(names, ", ") + " " + verb + " not in the PDF handout's fonts and would print as an empty box; " +
		"write it another way (\"yes\" for a tick, a transliteration) or leave it out"
}

// runeName is a character's Unicode name.
func runeName(r rune) string {
	name := runenames.Name(r)
	switch {
	case strings.HasPrefix(name, "<CJK Ideograph"):
		return fmt.Sprintf("CJK UNIFIED IDEOGRAPH-%04X", r)
	case name == "" || strings.HasPrefix(name, "<"):
		return "unnamed"
	}
	return name
}

type glyphCheck struct {
	ms      [numFaces]*metrics
	sans    *[1 << 16 / 64]uint64 // allSans
	missing map[rune]bool
}

// textHas says, for each family of text faces (sans, serif), which
// characters all four faces have, so that text is checked with one look
// a character; made once a family.
var textHas [2]struct {
	once sync.Once
	has  [1 << 16 / 64]uint64
}

func allText(fs fontSet) *[1 << 16 / 64]uint64 {
	t := &textHas[0]
	if fs.serif {
		t = &textHas[1]
	}
	ms := fs.m
	t.once.Do(func() {
		for i := range t.has {
			t.has[i] = ms[sans].hasWord(i) & ms[sansBold].hasWord(i) & ms[sansItalic].hasWord(i) & ms[sansBoldItalic].hasWord(i)
		}
	})
	return &t.has
}

// text checks s, set in the sans faces or (code) in mono.
func (g glyphCheck) text(s string, code bool) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if (r == utf8.RuneError && size <= 1) || invisible(r) {
			continue
		}
		if !code && r < 1<<16 && g.sans[r>>6]&(1<<(r&63)) != 0 {
			continue // the common case: every sans face has it
		}
		if code {
			if !g.ms[mono].hasGlyph(r) {
				g.missing[r] = true
			}
			continue
		}
		for _, f := range []face{sans, sansBold, sansItalic, sansBoldItalic} {
			if !g.ms[f].hasGlyph(r) {
				g.missing[r] = true
				break
			}
		}
	}
}

func (g glyphCheck) blocks(bs []briefing.Block, depth int) {
	if depth > MaxDepth {
		return
	}
	for _, b := range bs {
		switch n := b.(type) {
		case *briefing.Paragraph:
			g.inlines(n.Inlines, depth)
		case *briefing.Heading:
			g.inlines(n.Inlines, depth)
		case *briefing.List:
			for _, it := range n.Items {
				g.blocks(it.Blocks, depth+1)
			}
		case *briefing.Table:
			for _, c := range n.Header {
				g.inlines(c, depth)
			}
			for _, r := range n.Rows {
				for _, c := range r {
					g.inlines(c, depth)
				}
			}
		case *briefing.Quote:
			g.blocks(n.Blocks, depth+1)
		case *briefing.CodeBlock:
			g.text(n.Text, true)
		}
	}
}

func (g glyphCheck) inlines(ins []briefing.Inline, depth int) {
	if depth > MaxDepth {
		return
	}
	for _, in := range ins {
		switch n := in.(type) {
		case *briefing.Text:
			g.text(n.Value, false)
		case *briefing.Emph:
			g.inlines(n.Inlines, depth+1)
		case *briefing.Strong:
			g.inlines(n.Inlines, depth+1)
		case *briefing.Code:
			g.text(n.Value, true)
		case *briefing.Link:
			g.inlines(n.Inlines, depth+1)
			g.text(displayAddress(n.URL), false)
		case *briefing.Image:
			g.text(n.Alt, false)
			g.text(displayAddress(n.URL), false)
		}
	}
}
