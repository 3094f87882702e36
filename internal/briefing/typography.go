package briefing

// Typographic punctuation, read by an inline parser of our own: straight
// quotes become curly ones (‘ ’ “ ”), an apostrophe becomes ’, "--" an en
// dash, "---" an em dash and "..." an ellipsis, written as the characters
// themselves. Angle quotes (<< >>) are left as typed: they are not
// English usage. Code, link addresses and escaped characters are never
// touched: the parser only sees text.

import (
	"unicode"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The characters written, shared by every node that holds one.
var (
	leftSingle  = []byte("‘")
	rightSingle = []byte("’") // also the apostrophe
	leftDouble  = []byte("“")
	rightDouble = []byte("”")
	enDash      = []byte("–")
	emDash      = []byte("—")
	ellipsis    = []byte("…")
)

// typographer is the goldmark extension that writes them.
type typographer struct{}

func (typographer) Extend(m goldmark.Markdown) {
	// Last of the inline parsers on its characters (none of goldmark's
	// own reads them).
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(punctuation{}, 9999)))
}

type punctuation struct{}

// Trigger names the characters read, and ',' and '>', which are not:
// the parser splits text where each of them stands, and text in
// emphasis reaches the model in those pieces, as it always has.
func (punctuation) Trigger() []byte { return []byte{'\'', '"', '-', '.', ',', '>'} }

func (punctuation) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, _ := block.PeekLine()
	var out []byte
	n := 1
	switch line[0] {
	case '-':
		switch {
		case len(line) > 2 && line[1] == '-' && line[2] == '-':
			out, n = emDash, 3
		case len(line) > 1 && line[1] == '-':
			out, n = enDash, 2
		}
	case '.':
		if len(line) > 2 && line[1] == '.' && line[2] == '.' {
			out, n = ellipsis, 3
		}
	case '\'', '"':
		before := block.PrecendingCharacter()
		_, at := block.Position()
		q := openQuotesOf(pc)
		open, close := flanking(before, q.afterRun(line, at.Start))
		if line[0] == '"' {
			out = q.doubleQuote(line, before, open, close)
		} else {
			out = q.singleQuote(line, before, open, close)
		}
	}
	if out == nil {
		return nil
	}
	block.Advance(n)
	s := gast.NewString(out)
	s.SetCode(true) // the characters as they are
	return s
}

// openQuotes counts the quotes opened and not yet closed. The counts run
// over the whole body, not one paragraph: a quote left open in one
// paragraph lets a later one close it, as handouts have always been
// typeset.
type openQuotes struct {
	single, double int

	// The run of quotes being read, so that each quote of a long run
	// does not look for its end again: the offset of its next quote, its
	// end, the end of its line and the character after it.
	runNext, runEnd, runLineEnd int
	runAfter                    rune
}

var openQuotesKey = parser.NewContextKey()

func openQuotesOf(pc parser.Context) *openQuotes {
	q, _ := pc.Get(openQuotesKey).(*openQuotes)
	if q == nil {
		q = &openQuotes{}
		pc.Set(openQuotesKey, q)
	}
	return q
}

// singleQuote reads the ' at the start of line, before being the character
// before it and open and close whether it is left- and right-flanking:
// it returns what to write, or nil to leave it as typed.
func (q *openQuotes) singleQuote(line []byte, before rune, open, close bool) []byte {
	more := len(line) > 1
	var next byte
	if more {
		next = line[1]
	}
	switch {
	case open && !close && isDecade(line):
		return rightSingle // the '90s
	case more && (unicode.IsPunct(before) || unicode.IsSpace(before)) &&
		(next == 't' || next == 'e' || next == 'n' || next == 'l'):
		return rightSingle // 'twas, 'em, 'n', 'less
	case more && (unicode.IsDigit(before) || unicode.IsLetter(before)) && unicode.IsLetter(util.ToRune(line, 1)):
		return rightSingle // don't, O'Brien
	case open && !close:
		if isContraction(line) {
			return rightSingle // 's, 'm, 've at a word's start
		}
		q.single++
		return leftSingle
	case len(line) > 2 && !unicode.IsDigit(util.ToRune(line, 1)):
		return rightSingle // Smiths', doin'
	case q.single > 0 && closes(line, open, close):
		q.single--
		return rightSingle
	}
	return nil
}

// doubleQuote reads the " at the start of line, as singleQuote does the '.
func (q *openQuotes) doubleQuote(line []byte, before rune, open, close bool) []byte {
	switch {
	case open && !close:
		q.double++
		return leftDouble
	case q.double > 0 && closes(line, open, close):
		if len(line) > 1 && line[1] == '"' && unicode.IsDigit(before) {
			return nil // 21"" is inches then a closing quote
		}
		q.double--
		return rightDouble
	}
	return nil
}

// isDecade reports whether line starts with a year cut to two digits,
// '90s, before a space, punctuation or the end of the line.
func isDecade(line []byte) bool {
	if len(line) < 4 || !util.IsNumeric(line[1]) || !util.IsNumeric(line[2]) || line[3] != 's' {
		return false
	}
	if len(line) == 4 {
		return true
	}
	after := util.ToRune(line, 4)
	return util.IsSpaceRune(after) || util.IsPunctRune(after)
}

// isContraction reports whether line starts with '[smtd] or
// '(ve|ll|re) as a whole word.
func isContraction(line []byte) bool {
	ends := func(k int) bool {
		return len(line) <= k || util.IsPunct(line[k]) || util.IsSpace(line[k])
	}
	if len(line) > 1 {
		switch line[1] {
		case 's', 'm', 't', 'd':
			if ends(2) {
				return true
			}
		}
	}
	if len(line) > 2 {
		switch string(line[1:3]) {
		case "ve", "ll", "re":
			return ends(3)
		}
	}
	return false
}

// closes reports whether the quote at the start of line can close one:
// right-flanking only, or both and followed by punctuation then
// punctuation, a space or the end of the line.
func closes(line []byte, open, close bool) bool {
	if !close {
		return false
	}
	if !open {
		return true
	}
	return len(line) > 1 && unicode.IsPunct(util.ToRune(line, 1)) &&
		(len(line) == 2 || util.IsPunct(line[2]) || util.IsSpace(line[2]))
}

// afterRun returns the character after the run of quotes that starts
// line, at offset at of the source (a space at the end of the line).
func (q *openQuotes) afterRun(line []byte, at int) rune {
	lineEnd := at + len(line)
	if at == q.runNext && at < q.runEnd && lineEnd == q.runLineEnd {
		// The next quote of the run read last, on the same line: the
		// same source bytes follow.
		q.runNext++
		return q.runAfter
	}
	j := 1
	for j < len(line) && line[j] == line[0] {
		j++
	}
	after := ' '
	if j < len(line) {
		after = util.ToRune(line, j)
	}
	q.runNext, q.runEnd, q.runLineEnd, q.runAfter = at+1, at+j, lineEnd, after
	return after
}

// flanking says whether a run of quotes between the characters before
// and after can open and close a quotation: whether it is left- and
// right-flanking, as CommonMark defines them for emphasis.
func flanking(before, after rune) (open, close bool) {
	beforeSpace, afterSpace := util.IsSpaceRune(before), util.IsSpaceRune(after)
	beforePunct, afterPunct := util.IsPunctRune(before), util.IsPunctRune(after)
	open = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	close = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	return open, close
}
