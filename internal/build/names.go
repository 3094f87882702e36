package build

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// maxNameBytes is the longest file name most file systems take (NAME_MAX
// on Linux and macOS, 255 UTF-16 units on Windows).
const maxNameBytes = 255

// checkNameMore refuses source paths whose handouts could not be named
// safely: a path that is not UTF-8 (the manifest and SHA256SUMS are
// UTF-8, and a name in another encoding could be neither recorded nor
// pruned), a name holding a character that reorders text on screen (so
// that "‮xcod.png" shows as "gnp.docx"), and a name too long for the
// handout's file name.
func checkNameMore(source, name string) error {
	if !utf8.ValidString(source) {
		return errors.New("its path is not UTF-8 text; rename the file or folder (the handout's name and the records need UTF-8)")
	}
	if i := strings.IndexFunc(source, isBidiControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(source[i:])
		return fmt.Errorf("its path holds the invisible direction mark U+%04X, which makes a name show in another order than it is; rename it without it", r)
	}
	if n := len(name) + len(".docx"); n > maxNameBytes {
		return fmt.Errorf("the name is %d bytes long, and a handout's file name may be at most %d; shorten it", len(name), maxNameBytes-len(".docx"))
	}
	return nil
}

// isBidiControl reports the characters that change the direction of
// text: the embeddings, overrides and isolates, and the marks.
func isBidiControl(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}

// nfc is s in Unicode normalisation form C (accents precomposed), the
// form macOS's file systems compare names in, whatever form they were
// typed in.
func nfc(s string) string { return norm.NFC.String(s) }
