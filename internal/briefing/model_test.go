package briefing

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestPlainText(t *testing.T) {
	tx := func(s string) *Text { return &Text{Value: s} }
	tests := []struct {
		name string
		in   []Inline
		want string
	}{
		{"empty", nil, ""},
		{"text and code", []Inline{tx("a "), &Code{Value: "b()"}, tx(" c")}, "a b() c"},
		{"formatting dropped", []Inline{&Emph{Inlines: []Inline{tx("a"), &Strong{Inlines: []Inline{tx("b")}}}}, tx("c")}, "abc"},
		{"link text, not address", []Inline{&Link{URL: "https://e.org/", Inlines: []Inline{tx("site")}}}, "site"},
		{"image alt", []Inline{&Image{URL: "https://e.org/i.png", Alt: "a chart"}}, "a chart"},
		{"line break is a space", []Inline{tx("a"), &LineBreak{}, tx("b")}, "a b"},
		{"footnote reference dropped", []Inline{tx("a"), &FootnoteRef{N: 1}}, "a"},
		{"order kept after nesting", []Inline{&Emph{Inlines: []Inline{&Strong{Inlines: []Inline{tx("1")}}, tx("2")}}, tx("3")}, "123"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlainTextDeep walks a hand-built model nested a million deep (the
// parser never builds one, but a writer may be handed one) with the
// goroutine stack limited to 1 MiB: recursion would overflow it.
func TestPlainTextDeep(t *testing.T) {
	const n = 1000000
	var in Inline = &Text{Value: "x"}
	for i := 0; i < n; i++ {
		switch i % 3 {
		case 0:
			in = &Emph{Inlines: []Inline{in, &Text{Value: "e"}}}
		case 1:
			in = &Strong{Inlines: []Inline{in}}
		default:
			in = &Link{URL: "https://e.org/", Inlines: []Inline{in}}
		}
	}
	defer debug.SetMaxStack(debug.SetMaxStack(1 << 20))
	got := PlainText([]Inline{in})
	if want := "x" + strings.Repeat("e", (n+2)/3); got != want {
		t.Errorf("PlainText gave %d bytes, want %d", len(got), len(want))
	}
}
