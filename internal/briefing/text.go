package briefing

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"handouts/internal/diag"
)

// Limits on what a briefing may contain. A handout is one or two pages;
// these are far beyond any real briefing and exist so that hostile or
// broken input is reported rather than exhausting time or memory.
const (
	// MaxDepth is how deeply lists and block quotes may nest, counted
	// together (a list in a quote in a list is 3 deep).
	MaxDepth = 16
	// MaxInlineDepth is how deeply emphasis, strong emphasis and links
	// may nest inside one another.
	MaxInlineDepth = 16
	// MaxIndent is the widest indentation, in columns, of a line that
	// opens a list item or a quote.
	MaxIndent = 128
	// MaxTableColumns is the most columns a table may have.
	MaxTableColumns = 32
	// MaxTableCells is the most cells (header included) a table may have.
	MaxTableCells = 5000
	// MaxFootnotes is the most footnotes a briefing may have.
	MaxFootnotes = 200
	// MaxLinksPerLine is the most inline links ("](") one line may
	// hold; a paragraph can have more, over several lines.
	MaxLinksPerLine = 100
	// maxReported is how many lines with the same encoding problem are
	// listed before the rest are counted in one message.
	maxReported = 10
)

// diagSink collects the diagnostics of one file.
type diagSink struct {
	path string
	list diag.List
	seen map[diag.Diagnostic]bool
}

func (d *diagSink) errorf(line int, format string, args ...any) {
	d.add(diag.Error, line, fmt.Sprintf(format, args...))
}

func (d *diagSink) warnf(line int, format string, args ...any) {
	d.add(diag.Warning, line, fmt.Sprintf(format, args...))
}

// add keeps one copy of a diagnostic: the same problem found twice on
// the same line (a list of lists, an alias used many times) is said once.
func (d *diagSink) add(sev diag.Severity, line int, msg string) {
	k := diag.Diagnostic{Path: d.path, Line: line, Severity: sev, Message: msg}
	if d.seen[k] {
		return
	}
	if d.seen == nil {
		d.seen = map[diag.Diagnostic]bool{}
	}
	d.seen[k] = true
	d.list = append(d.list, k)
}

// lineIndex maps byte offsets of the (normalised) file to 1-based lines.
type lineIndex []int // offset of the start of each line

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// of returns the line holding offset pos.
func (l lineIndex) of(pos int) int {
	return sort.Search(len(l), func(i int) bool { return l[i] > pos })
}

// forbidden reports whether r may not appear in a briefing: control
// characters other than tab and newline (C0, DEL and C1), and the
// code points XML cannot carry.
func forbidden(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0xd800 && r <= 0xdfff:
		return true
	case r == 0xfffe || r == 0xffff:
		return true
	}
	return false
}

// clean returns s as valid UTF-8 without forbidden characters: each
// invalid byte or forbidden character becomes U+FFFD. Every string that
// enters the model passes through it, so writers can put any of them in
// XML as they are.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if r == utf8.RuneError || forbidden(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || forbidden(r) {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sanitise checks the raw bytes of a file and returns them ready to
// parse: a byte-order mark dropped, CRLF line ends made LF, and every
// invalid UTF-8 byte or forbidden character replaced by U+FFFD (so that
// the rest of the file can still be checked). Each problem is reported
// with its line.
func sanitise(src []byte, d *diagSink) []byte {
	if len(src) >= 3 && src[0] == 0xef && src[1] == 0xbb && src[2] == 0xbf {
		src = src[3:]
	}
	out := make([]byte, 0, len(src))
	line := 1
	utf8Lines := lineReporter{d: d, what: "invalid UTF-8 on %d more lines, from this one on; save the file as UTF-8"}
	charLines := lineReporter{d: d, what: "control characters on %d more lines, from this one on; delete them"}
	reportUTF8 := func(b byte) {
		utf8Lines.report(line, "invalid UTF-8 (byte 0x%02X); the file is in another encoding: save it as UTF-8", b)
	}
	reportChar := func(r rune) {
		charLines.report(line, "%s is not allowed in a briefing; delete it", describeRune(r))
	}
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' && i+1 < len(src) && src[i+1] == '\n':
				// CRLF: keep the LF only.
			case c == '\n':
				out = append(out, c)
				line++
			case forbidden(rune(c)):
				reportChar(rune(c))
				out = append(out, "\uFFFD"...)
			default:
				out = append(out, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			reportUTF8(c)
			out = append(out, "\uFFFD"...)
		case forbidden(r):
			reportChar(r)
			out = append(out, "\uFFFD"...)
		default:
			out = append(out, src[i:i+size]...)
		}
		i += size
	}
	utf8Lines.finish()
	charLines.finish()
	return out
}

// lineReporter reports one kind of problem once a line, for the first
// maxReported lines, and counts the rest in one message.
type lineReporter struct {
	d        *diagSink
	what     string // the message for the rest, with %d for their number
	last     int    // the last line reported
	reported int
	more     int
	moreFrom int // the first line not reported on its own
}

func (r *lineReporter) report(line int, format string, args ...any) {
	if r.last == line {
		return
	}
	r.last = line
	if r.reported == maxReported {
		if r.more == 0 {
			r.moreFrom = line
		}
		r.more++
		return
	}
	r.reported++
	r.d.errorf(line, format, args...)
}

func (r *lineReporter) finish() {
	if r.more > 0 {
		r.d.errorf(r.moreFrom, r.what, r.more)
	}
}

func describeRune(r rune) string {
	switch r {
	case '\r':
		return "a carriage return (U+000D) without a line feed"
	case 0:
		return "a NUL character (U+0000)"
	case '\f':
		return "a form feed (U+000C)"
	case '\v':
		return "a vertical tab (U+000B)"
	case 0x1b:
		return "an escape character (U+001B)"
	}
	if r == 0xfffe || r == 0xffff {
		return fmt.Sprintf("the non-character U+%04X", r)
	}
	return fmt.Sprintf("the control character U+%04X", r)
}
