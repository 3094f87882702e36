package docx

import (
	"bytes"
	"unicode/utf8"
)

// Safe text. Every string that reaches a part goes through these
// functions: markup characters are escaped, and characters XML 1.0 does
// not allow (C0 controls other than tab, newline and carriage return,
// U+FFFE, U+FFFF, surrogates and invalid UTF-8) are dropped, or replaced
// by U+FFFD for invalid UTF-8, so no input can make a part that Word
// refuses to open.

// xmlAllowed reports whether r may appear in an XML 1.0 document.
func xmlAllowed(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// clean returns s with every character XML forbids removed (invalid
// UTF-8 becomes U+FFFD). It returns s itself when nothing changes.
func clean(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			return cleanSlow(s, i)
		}
	}
	return s
}

func cleanSlow(s string, from int) string {
	// Text with curly quotes or accents is most often clean too: it is
	// copied only from the first character that must change.
	for from < len(s) {
		r, n := utf8.DecodeRuneInString(s[from:])
		if (r == utf8.RuneError && n == 1) || !xmlAllowed(r) {
			break
		}
		from += n
	}
	if from == len(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	b = append(b, s[:from]...)
	for i := from; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			b = append(b, "\uFFFD"...)
			continue
		}
		if !xmlAllowed(r) {
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// esc writes s escaped for element content or a double-quoted attribute
// value. Tabs and line ends are written as character references, so that
// attribute values keep them; callers that want w:tab or w:br split the
// text first.
func esc(b *bytes.Buffer, s string) {
	s = clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
		case '\t':
			rep = "&#9;"
		case '\n':
			rep = "&#10;"
		case '\r':
			rep = "&#13;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// escString is esc into a new string.
func escString(s string) string {
	var b bytes.Buffer
	esc(&b, s)
	return b.String()
}

// cleanURL makes an address safe as a relationship target: forbidden
// characters go, and spaces, controls and characters a URI may not hold
// are percent-encoded, as Word expects of a target.
func cleanURL(s string) string {
	s = clean(s)
	const hex = "0123456789ABCDEF"
	var b []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}' {
			if b == nil {
				b = append(make([]byte, 0, len(s)+8), s[:i]...)
			}
			b = append(b, '%', hex[c>>4], hex[c&15])
			continue
		}
		if b != nil {
			b = append(b, c)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}
