// Package slug turns a briefing's title into a file name that is safe on
// every system a briefing travels to: ASCII, lowercase, words joined by
// hyphens, short, and never a name Windows reserves.
package slug

import (
	"errors"
	"strings"
	"unicode"
)

// MaxLen is the longest slug; a longer one is cut at a word boundary.
const MaxLen = 60

// ErrEmpty is returned for a title with no letters or digits to keep.
var ErrEmpty = errors.New("the title has no letters a-z (accents aside) or digits to make a file name from")

// fold spells common accented and ligature letters in ASCII. Other
// letters outside ASCII are dropped.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// reserved are names Windows will not create a file under, whatever the
// extension.
var reserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true,
	"com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true,
	"lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// Make returns the slug of title: "Making sense of integrated care
// systems" gives "making-sense-of-integrated-care-systems", "King's Fund
// & the NHS: what's next?" gives "kings-fund-and-the-nhs-whats-next", and
// "Café" gives "cafe". A slug that would be a name Windows reserves gets
// "-briefing" added.
func Make(title string) (string, error) {
	var b strings.Builder
	hyphen := false // a separator is pending
	put := func(s string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	for _, r := range title {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			put(string(r))
		case r == '\'' || r == '’' || r == 'ʼ':
			// King's → kings: an apostrophe does not split a word.
		case r == '&':
			hyphen = true
			put("and")
			hyphen = true
		case fold[r] != "":
			put(fold[r])
		case r > unicode.MaxASCII && unicode.IsLetter(r):
			// A letter we cannot spell in ASCII: dropped, but it still
			// ends a word so its neighbours do not run together.
			hyphen = true
		default:
			hyphen = true
		}
	}
	s := cut(b.String(), MaxLen)
	if s == "" {
		return "", ErrEmpty
	}
	if reserved[s] {
		s += "-briefing"
	}
	return s, nil
}

// cut shortens s to at most n bytes, at a hyphen when there is one.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n+1], '-'); i > 0 {
		return s[:i]
	}
	return strings.TrimRight(s[:n], "-")
}
