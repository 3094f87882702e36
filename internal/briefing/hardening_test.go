package briefing

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"handouts/internal/diag"
)

func utf16Bytes(s string, big bool) []byte {
	var out []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

// A file saved as UTF-16 (with or without a byte-order mark) is said to
// be in the wrong encoding, once, not reported as NUL characters.
func TestUTF16IsNotUTF8(t *testing.T) {
	text := "---\ntitle: Integrated care systems\nkind: hot-topic\n---\n\n## Summary\n\nText.\n"
	for _, c := range []struct {
		name string
		src  []byte
		enc  string
	}{
		{"LE without BOM", utf16Bytes(text, false), "UTF-16LE"},
		{"BE without BOM", utf16Bytes(text, true), "UTF-16BE"},
		{"LE with BOM", append([]byte{0xff, 0xfe}, utf16Bytes(text, false)...), "UTF-16LE"},
	} {
		doc, l := Parse("a.md", c.src, Options{})
		if doc != nil || len(l) != 1 || !strings.Contains(l[0].Message, "not UTF-8 but "+c.enc) || strings.Contains(l[0].Message, "NUL") {
			t.Errorf("%s: %v", c.name, l)
		}
	}
	// UTF-8 text with one NUL is still that NUL.
	_, l := Parse("a.md", []byte(text+"a\x00b\n"), Options{})
	if !strings.Contains(text16(l), "NUL") {
		t.Errorf("one NUL: %v", l)
	}
}

// 20,000 unknown keys give MaxMessages messages, the last counting the
// rest.
func TestMessagesPerFileAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\ntitle: T\n")
	for i := range 20000 {
		b.WriteString("z" + strconv.Itoa(i) + ": x\n")
	}
	b.WriteString("---\n\nText.\n")
	_, l := Parse("a.md", []byte(b.String()), Options{})
	if len(l) != MaxMessages {
		t.Fatalf("%d messages, want %d", len(l), MaxMessages)
	}
	last := l[len(l)-1]
	if last.Severity != diag.Error || !strings.Contains(last.Message, "more problems from this line on, not shown") {
		t.Errorf("last message %v", last)
	}
	if n := len(text16(l)); n > 64<<10 {
		t.Errorf("%d bytes of messages", n)
	}
}

func text16(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}
