package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/internal/boundedfile"
)

// MaxTextBytes is the largest pasted text read.
const MaxTextBytes = 4 << 20

// typedBullets are what a web page or an e-mail shows as bullets, and
// the nesting each one usually marks.
var typedBullets = []struct {
	mark  string
	level int
}{
	{"•", 0}, {"●", 0}, {"▪", 1}, {"◦", 1}, {"○", 1}, {"·", 0}, {"‣", 0},
	{"■", 2}, {"- ", 0}, {"* ", 0}, {"– ", 0},
}

// ReadText reads text pasted from a web page or an e-mail: one block per
// non-blank line (a pasted paragraph is one line; a line wrapped in lower
// case under it is joined to it). A line starting with a typed bullet or
// a number ("3." or "3)") becomes an item of a list in Convert; here its
// indentation gives its nesting. Invalid UTF-8 is replaced, tabs are
// spaces.
func ReadText(src []byte) Source {
	var s Source
	text := strings.ToValidUTF8(string(src), "\uFFFD")
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", "    ", "\u00a0", " ").Replace(text)
	for i, line := range strings.Split(text, "\n") {
		indent := len(line) - len(strings.TrimLeft(line, " "))
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		// A line wrapped by the mail program or the browser goes on in
		// lower case right under the one before.
		if n := len(s.Blocks); n > 0 && s.Blocks[n-1].Line+s.Blocks[n-1].wrapped == i && startsLower(t) {
			prev := &s.Blocks[n-1]
			prev.Inlines[0].Text += " " + t
			prev.wrapped++
			continue
		}
		b := Block{Kind: Para, Line: i + 1}
		// Typed bullets and numbers make items (see typedItem); here
		// the indentation says how deep.
		if _, level, ok := bullet(t); ok {
			b.Level = min(max(level, indent/4), 3)
		} else if _, _, ok := typedNumber(t); ok {
			b.Level = min(indent/4, 3)
		}
		b.Inlines = []Inline{{Text: t}}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

func startsLower(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsLower(r)
}

// bullet reports whether t starts with a typed bullet, and which.
func bullet(t string) (string, int, bool) {
	for _, b := range typedBullets {
		if strings.HasPrefix(t, b.mark) {
			return b.mark, b.level, true
		}
	}
	return "", 0, false
}

// typedNumber reads "3. text" or "3) text": the number and the text.
func typedNumber(t string) (int, string, bool) {
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i >= len(t) || (t[i] != '.' && t[i] != ')') {
		return 0, "", false
	}
	rest := t[i+1:]
	r, _ := utf8.DecodeRuneInString(rest)
	if rest == "" || (r != ' ' && r != '\u00a0') {
		return 0, "", false
	}
	n, _ := strconv.Atoi(t[:i])
	return n, strings.TrimSpace(rest), true
}

// ReadTextFile reads pasted text from a file, through the bounded reader.
func ReadTextFile(path string) (Source, error) {
	b, err := boundedfile.Read(path, MaxTextBytes)
	if err != nil {
		return Source{}, Describe(err, MaxTextBytes)
	}
	return ReadText(b), nil
}

// Describe turns a bounded read's error into a sentence, for the readers
// of every format.
func Describe(err error, limit int64) error {
	var tl *boundedfile.TooLargeError
	var pe *fs.PathError
	switch {
	case errors.Is(err, boundedfile.ErrFolder):
		return errors.New("is a folder, not a file")
	case errors.Is(err, boundedfile.ErrNotRegular):
		return errors.New("is not a regular file")
	case errors.As(err, &tl):
		return fmt.Errorf("is larger than %d MiB; a briefing is a page or two: is this the right file?", limit>>20)
	case errors.As(err, &pe):
		return pe.Err
	}
	return err
}
