package briefing

import (
	"fmt"
	"unicode/utf8"
)

// Limits on single values, in characters. A name is printed in every
// page's footer and a link's address under its text on paper: beyond
// these they only cost time and room (browsers stop near 2,000
// characters of address).
const (
	// MaxNameLength bounds a producer's or an adapting organisation's
	// name.
	MaxNameLength = 200
	// MaxLinkLength bounds a link's address: the link key and every
	// link or image of the body.
	MaxLinkLength = 2000
)

// TooLong says what is wrong with value s of what when it has more than
// limit characters, or "" when it has not; hint says what to do.
func TooLong(what, s string, limit int, hint string) string {
	n := utf8.RuneCountInString(s)
	if n <= limit {
		return ""
	}
	return fmt.Sprintf("%s is %d characters long, more than the limit of %d; %s", what, n, limit, hint)
}

// Hints for the values limited above.
const (
	NameHint = "give the organisation's name only"
	LinkHint = "link to a shorter address of the same page"
)
