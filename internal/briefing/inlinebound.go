package briefing

import "fmt"

// Inline limits, per paragraph. The Markdown parser handles each "]" by
// looking back over everything parsed since its "[" (up to 999
// characters), and matches emphasis delimiters against one another, so
// a paragraph dense with open brackets or with delimiters costs far more
// than its size: half a million "[" then half a million "]" took 30
// seconds. Bounding them per paragraph keeps
// the time of every input within the size limit proportional to its
// size (docs/performance.md has the measurements).
const (
	// MaxOpenBrackets is the most "[" one paragraph may have open (not
	// yet closed by a "]") at once.
	MaxOpenBrackets = 32
	// MaxEmphasisPerParagraph is the most "*" and "_" one paragraph may
	// hold.
	MaxEmphasisPerParagraph = 250
)

// inlineBound counts the brackets and emphasis delimiters of the
// paragraph being read, line by line, as prescan sees the lines. A
// paragraph here is a run of lines without a blank one; a list item, a
// table row or a heading starts a new one (each is parsed apart), a
// quote's lines do not.
type inlineBound struct {
	open, emphasis int
	start          int // line the paragraph began on
}

// line takes the next line (its text after the indentation) and says
// what limit it takes the paragraph past, or "".
func (b *inlineBound) line(lineNo int, rest []byte) string {
	i := 0
	for i < len(rest) && (rest[i] == '>' || rest[i] == ' ' || rest[i] == '\t') {
		i++
	}
	body := rest[i:]
	if len(body) == 0 {
		*b = inlineBound{}
		return ""
	}
	if b.start == 0 || startsBlock(body) {
		*b = inlineBound{start: lineNo}
	}
	before := b.emphasis
	for k := 0; k < len(body); k++ {
		switch c := body[k]; c {
		case '\\':
			k++ // an escaped character is text
		case '[':
			b.open++
			if b.open > MaxOpenBrackets {
				return fmt.Sprintf("more than %d square brackets [ open at once in the paragraph that starts on line %d; the limit keeps the parser quick: close them, or write a bracket that is not a link as \\[", MaxOpenBrackets, b.start)
			}
		case ']':
			if b.open > 0 {
				b.open--
			}
		case '*', '_':
			b.emphasis++
		}
	}
	if b.emphasis > MaxEmphasisPerParagraph && before <= MaxEmphasisPerParagraph {
		return fmt.Sprintf("more than %d * and _ in the paragraph that starts on line %d; the limit keeps the parser quick: break the paragraph up, or put long runs of them in `code`", MaxEmphasisPerParagraph, b.start)
	}
	return ""
}

// startsBlock reports whether a line (after indentation and quote
// markers) starts a block of its own: a list item, a table row or a
// heading.
func startsBlock(s []byte) bool {
	switch c := s[0]; {
	case c == '|' || c == '#':
		return true
	case c == '-' || c == '*' || c == '+':
		return len(s) == 1 || s[1] == ' ' || s[1] == '\t'
	case c >= '0' && c <= '9':
		k := 0
		for k < len(s) && k < 10 && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		return k < len(s) && (s[k] == '.' || s[k] == ')') && (k+1 == len(s) || s[k+1] == ' ' || s[k+1] == '\t')
	}
	return false
}
