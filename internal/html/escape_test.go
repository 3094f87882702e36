package html

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// escapeOneByOne is escapeTo written a character at a time: what the
// runs it writes must add up to.
func escapeOneByOne(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n':
			b.WriteRune(r)
		case r == '\r':
			b.WriteByte('\n')
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == 0xfffe || r == 0xffff:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestEscapeRuns(t *testing.T) {
	cases := []string{
		"", "plain", "it’s “quoted” – fine…", "a & b < c > d \"e\" 'f'",
		"tab\there\r\nnext", "\x00\x1f\x7f\u0085\u00a0é", "bad \xff\xfe bytes \xed\xa0\x80 end",
		"\ufffe\uffff\ufffd", "’", "’&", "&’", "emoji 😀 & more", "\xc3",
	}
	pieces := []string{"a", " ", "&", "<", "\"", "'", "\t", "\r", "\n", "\x01", "\x7f", "\u0085", "é", "’", "😀", "\xff", "\xc3", "\ufffe"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		var b strings.Builder
		escapeTo(&b, s)
		if got, want := b.String(), escapeOneByOne(s); got != want {
			t.Errorf("escapeTo(%q) = %q, want %q", s, got, want)
		}
	}
}

// BenchmarkEscape escapes a sentence of a briefing with typographic
// quotes and dashes, which take escapeTo's slower path.
func BenchmarkEscape(b *testing.B) {
	s := "The King’s Fund’s report – “Making sense of integrated care systems” – sets out how 42 systems plan services & budgets together."
	var sb strings.Builder
	for b.Loop() {
		sb.Reset()
		escapeTo(&sb, s)
	}
}
