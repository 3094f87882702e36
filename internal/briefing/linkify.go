package briefing

// Bare links: addresses written in the text without Markdown link
// syntax become links, as GitHub's "autolinks (extension)" does: an
// address starting http:// or https:// (no other scheme), www. (linked
// as http://) or an e-mail address (linked as mailto:). Each is found by
// scanning its bytes once, with bounded look-ahead for the domain, so
// the time stays proportional to the text.
//
// The rules, where the text after a space, a line's start or one of
// "*_~(" starts an address:
//
//   - a web address is the scheme or "www.", then a domain of up to 256
//     letters, digits and "-@:%._+~#=" whose last "." is followed by a
//     lowercase letter; it ends after that run of lowercase letters, an
//     optional port (":" and digits, with a scheme only) and an optional
//     path: "/", "#" or "?" followed by letters, digits and
//     "-@:%_+.~#!?&/=();,'\">^{}[]`" (and "$" with a scheme);
//   - an e-mail address is up to 64 of the characters RFC 5322 allows
//     unquoted, "@", then domain labels (a letter or digit, up to 61
//     letters, digits or "-", ending with a letter or digit) separated
//     by dots, at most 255 bytes with at least one dot, not followed by
//     "-" or "_";
//   - trailing "?!.,:*_~" are not part of the address, nor a ")" that
//     has no "(" to match in it, nor an entity-like "&name;" at the end.

import (
	"bytes"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Bounds of the parts of an address, in bytes.
const (
	maxLinkDomain  = 256 // the domain of a web address before its last dot
	maxEmailLocal  = 64  // the part before "@"
	maxEmailDomain = 255
	maxEmailLabel  = 63 // one part of an e-mail domain between dots
)

// Classes of the bytes that may appear in the parts of an address.
const (
	inWebDomain = 1 << iota
	inPath
	inWWWPath
	inEmailLocal
)

var addressBytes = func() (t [256]uint8) {
	add := func(class uint8, chars string) {
		for i := 0; i < len(chars); i++ {
			t[chars[i]] |= class
		}
	}
	const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	add(inWebDomain, alnum+"-@:%._+~#=")
	add(inPath|inWWWPath, alnum+"-@:%_+.~#!?&/=();,'\">^{}[]`")
	add(inPath, "$")
	add(inEmailLocal, alnum+"!#$%&'*+-./=?^_`{|}~")
	return t
}()

var httpScheme = []byte("http")

// bareLinkParser turns bare addresses into goldmark autolinks.
type bareLinkParser struct{}

// Trigger: a space also stands for the start of a line and for every
// other white space character.
func (bareLinkParser) Trigger() []byte { return []byte{' ', '*', '_', '~', '('} }

func (bareLinkParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	if pc.IsInLinkLabel() {
		return nil
	}
	line, seg := block.PeekLine()
	skip := 0
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		skip = 1
	}
	end, kind := bareLinkAt(line[skip:])
	if end == 0 {
		return nil
	}
	if skip > 0 {
		gast.MergeOrAppendTextSegment(parent, seg.WithStop(seg.Start+1))
	}
	block.Advance(skip + end)
	start := seg.Start + skip
	link := gast.NewAutoLink(gast.AutoLinkURL, gast.NewTextSegment(text.NewSegment(start, start+end)))
	switch kind {
	case wwwAddress:
		link.Protocol = httpScheme
	case emailAddress:
		link.AutoLinkType = gast.AutoLinkEmail
	}
	return link
}

type addressKind int

const (
	webAddress addressKind = iota
	wwwAddress
	emailAddress
)

// bareLinkAt returns the length of the address at the start of b, or 0,
// and its kind.
func bareLinkAt(b []byte) (int, addressKind) {
	end, kind := 0, webAddress
	switch {
	case bytes.HasPrefix(b, []byte("http://")):
		end = webAddressEnd(b, len("http://"), inPath, true)
	case bytes.HasPrefix(b, []byte("https://")):
		end = webAddressEnd(b, len("https://"), inPath, true)
	case bytes.HasPrefix(b, []byte("www.")):
		end, kind = webAddressEnd(b, len("www."), inWWWPath, false), wwwAddress
	}
	if end == 0 {
		if len(b) == 0 || util.IsPunct(b[0]) {
			return 0, webAddress
		}
		end, kind = emailEnd(b), emailAddress
		if end <= 0 {
			return 0, webAddress
		}
	}
	return trimAddress(b, end), kind
}

// webAddressEnd returns the end of the web address in b whose domain
// starts at from, or 0. path is the class of the path's bytes; port
// says whether a port may follow the domain.
func webAddressEnd(b []byte, from int, path uint8, port bool) int {
	// The domain is the longest run of domain bytes (of at most
	// maxLinkDomain before its dot) followed by "." and a lowercase
	// letter; the run may itself hold dots.
	run := 0
	for from+run < len(b) && run <= maxLinkDomain && addressBytes[b[from+run]]&inWebDomain != 0 {
		run++
	}
	dot := -1
	for k := min(run-1, maxLinkDomain); k >= 1; k-- {
		if i := from + k; b[i] == '.' && i+1 < len(b) && isLower(b[i+1]) {
			dot = i
			break
		}
	}
	if dot < 0 {
		return 0
	}
	e := dot + 1
	for e < len(b) && isLower(b[e]) {
		e++
	}
	if port && e+1 < len(b) && b[e] == ':' && util.IsNumeric(b[e+1]) {
		e += 2
		for e < len(b) && util.IsNumeric(b[e]) {
			e++
		}
	}
	if e < len(b) && (b[e] == '/' || b[e] == '#' || b[e] == '?') {
		e++
		for e < len(b) && addressBytes[b[e]]&path != 0 {
			e++
		}
	}
	return e
}

// emailEnd returns the end of the e-mail address at the start of b, or
// -1.
func emailEnd(b []byte) int {
	end := emailLen(b)
	if end < 0 {
		return -1
	}
	at := bytes.IndexByte(b, '@') + 1
	if bytes.IndexByte(b[at:end-1], '.') < 0 {
		return -1 // a domain needs a dot
	}
	if end < len(b) && (b[end] == '-' || b[end] == '_') {
		return -1
	}
	return end
}

// emailLen returns the length of the local part, "@" and domain at the
// start of b, or -1.
func emailLen(b []byte) int {
	at := 0
	for at < len(b) && at < maxEmailLocal && addressBytes[b[at]]&inEmailLocal != 0 {
		at++
	}
	if at == 0 || at+1 >= len(b) || b[at] != '@' {
		return -1
	}
	n := emailDomainLen(b[at+1 : min(len(b), at+1+maxEmailDomain+1)])
	if n == 0 || n > maxEmailDomain {
		return -1
	}
	return at + 1 + n
}

// emailDomainLen returns the length of the domain at the start of b:
// labels separated by dots.
func emailDomainLen(b []byte) int {
	n := emailLabelLen(b)
	if n == 0 {
		return 0
	}
	for n < len(b) && b[n] == '.' {
		k := emailLabelLen(b[n+1:])
		if k == 0 {
			break
		}
		n += 1 + k
	}
	return n
}

// emailLabelLen returns the length of the domain label at the start of
// b: a letter or digit, then letters, digits and hyphens up to the last
// letter or digit within maxEmailLabel bytes.
func emailLabelLen(b []byte) int {
	if len(b) == 0 || !util.IsAlphaNumeric(b[0]) {
		return 0
	}
	last := 0
	for k := 1; k < len(b) && k < maxEmailLabel; k++ {
		c := b[k]
		if util.IsAlphaNumeric(c) {
			last = k
		} else if c != '-' {
			break
		}
	}
	return last + 1
}

// trimAddress returns the length of the address b[:end] without its
// trailing punctuation: "?!.,:*_~", a ")" without a "(" to match in the
// address, and an entity-like "&name;". The first byte always stays.
func trimAddress(b []byte, end int) int {
	open := bytes.Count(b[:end], []byte("("))
	closed := bytes.Count(b[:end], []byte(")"))
	for end > 1 {
		switch b[end-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			end--
		case ')':
			if closed <= open {
				return end
			}
			closed--
			end--
		case ';':
			j := end - 2
			for j > 0 && util.IsAlphaNumeric(b[j]) {
				j--
			}
			if j == end-2 || b[j] != '&' {
				return end
			}
			end = j
		default:
			return end
		}
	}
	return end
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
