package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"unicode/utf16"
)

// checkStructure checks a PDF without outside programs: the cross-
// reference table points at each object it lists, the trailer's /Size
// agrees with it, the page tree counts the pages there are, and the
// document information holds the title.
func checkStructure(out []byte, title string) error {
	if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\r\n"), []byte("%%EOF")) {
		return fmt.Errorf("not a whole PDF")
	}
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(out)
	if m == nil {
		return fmt.Errorf("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if at <= 0 || at >= len(out) || !bytes.HasPrefix(out[at:], []byte("xref")) {
		return fmt.Errorf("startxref %d does not point at the xref table", at)
	}
	head := regexp.MustCompile(`^xref\s+0 (\d+)\s*\n`).FindSubmatch(out[at:])
	if head == nil {
		return fmt.Errorf("xref table without a subsection from 0")
	}
	n, _ := strconv.Atoi(string(head[1]))
	entries := out[at+len(head[0]):]
	if len(entries) < 20*n {
		return fmt.Errorf("xref table of %d entries is cut short", n)
	}
	for i := range n {
		e := entries[20*i : 20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || e[10] != ' ' || e[16] != ' ' || (e[17] != 'n' && e[17] != 'f') {
			return fmt.Errorf("xref entry %d is %q", i, e)
		}
		if e[17] == 'f' {
			continue
		}
		if off <= 0 || off >= at || !bytes.HasPrefix(out[off:], fmt.Appendf(nil, "%d 0 obj", i)) {
			return fmt.Errorf("xref entry %d points at offset %d, which does not start object %d", i, off, i)
		}
	}
	trailer := out[at+len(head[0])+20*n:]
	if size := regexp.MustCompile(`/Size (\d+)`).FindSubmatch(trailer); size == nil || string(size[1]) != strconv.Itoa(n) {
		return fmt.Errorf("trailer /Size is not %d", n)
	}

	// Pages: /Count of the page tree against the page objects.
	count := regexp.MustCompile(`/Type /Pages\b[^>]*?/Count (\d+)|/Count (\d+)[^>]*?/Type /Pages\b`).FindSubmatch(out)
	pages := len(regexp.MustCompile(`/Type /Page[^s]`).FindAll(out, -1))
	if count == nil {
		return fmt.Errorf("no page tree with a /Count")
	}
	c := string(count[1]) + string(count[2])
	if pages == 0 || c != strconv.Itoa(pages) {
		return fmt.Errorf("the page tree counts %s pages, the file has %d", c, pages)
	}

	// The title, in the document information dictionary.
	info := regexp.MustCompile(`/Info (\d+) 0 R`).FindSubmatch(trailer)
	if info == nil {
		return fmt.Errorf("no /Info in the trailer")
	}
	obj := bytes.Index(out, append(append([]byte("\n"), info[1]...), " 0 obj"...))
	if obj < 0 {
		return fmt.Errorf("no info object %s", info[1])
	}
	t := bytes.Index(out[obj:], []byte("/Title ("))
	if end := bytes.Index(out[obj:], []byte("endobj")); t < 0 || t > end {
		if title == "" {
			return nil
		}
		return fmt.Errorf("the document information has no title")
	}
	got, err := literalString(out[obj+t+len("/Title ("):])
	if err != nil {
		return err
	}
	if got != title {
		return fmt.Errorf("title %q, want %q", got, title)
	}
	return nil
}

// literalString reads a PDF literal string after its "(" and decodes it
// as UTF-16BE with a byte-order mark (or as bytes without one).
func literalString(b []byte) (string, error) {
	var s []byte
	depth := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\\' && i+1 < len(b):
			i++
			switch e := b[i]; e {
			case 'n':
				s = append(s, '\n')
			case 'r':
				s = append(s, '\r')
			case 't':
				s = append(s, '\t')
			case 'b':
				s = append(s, '\b')
			case 'f':
				s = append(s, '\f')
			case '\n':
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for ; k < 3 && i+k < len(b) && b[i+k] >= '0' && b[i+k] <= '7'; k++ {
						v = v*8 + int(b[i+k]-'0')
					}
					s = append(s, byte(v))
					i += k - 1
				} else {
					s = append(s, e)
				}
			}
		case c == '(':
			depth++
			s = append(s, c)
		case c == ')':
			if depth == 0 {
				if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
					u := make([]uint16, 0, len(s)/2)
					for j := 2; j+1 < len(s); j += 2 {
						u = append(u, uint16(s[j])<<8|uint16(s[j+1]))
					}
					return string(utf16.Decode(u)), nil
				}
				return string(s), nil
			}
			depth--
			s = append(s, c)
		default:
			s = append(s, c)
		}
	}
	return "", fmt.Errorf("string not closed")
}

func TestStructureOfAHandout(t *testing.T) {
	d := longBriefing()
	d.Meta.Title = `Zoë’s (odd) title \ with “quotes” and 漢字`
	out := pdfOf(t, d, Options{})
	if err := checkStructure(out, metaText(d.Meta.Title)); err != nil {
		t.Fatal(err)
	}
	// The checks can fail: a shifted offset, a wrong count, another title.
	broken := bytes.Replace(out, []byte("1 0 obj"), []byte("1 0 obx"), 1)
	if checkStructure(broken, metaText(d.Meta.Title)) == nil {
		t.Error("a broken object was not noticed")
	}
	if checkStructure(out, "Another title") == nil {
		t.Error("another title was not noticed")
	}
	_, pages, _ := layOut(d, Options{})
	if err := checkStructure(bytes.Replace(out, fmt.Appendf(nil, "/Count %d", len(pages)), []byte("/Count 1"), 1), metaText(d.Meta.Title)); err == nil {
		t.Error("a wrong page count was not noticed")
	}
}
