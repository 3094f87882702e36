package briefing

import (
	"strings"
	"testing"
)

// hotFront is a valid hot-topic front matter of 9 lines; bodies after it
// start on line 10.
const hotFront = `---
title: T
kind: hot-topic
producer: P
updated: 2018-02
review: 2018-05
responsible: VT
audience: [LKS staff]
---
`

// TestConvert checks the model the converter builds from each Markdown
// construct, lines included (the body starts on line 11, under the
// impact heading on line 10).
func TestConvert(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"paragraph and soft break", "one\ntwo", `P@11 "one two"`},
		{"hard breaks", "one\\\ntwo  \nthree", `P@11 "one" BR "two" BR "three"`},
		{"emphasis", "*a* _b_ **c** __d__ ***e***", `P@11 em["a"] " " em["b"] " " strong["c"] " " strong["d"] " " em[strong["e"]]`},
		{"inline code", "use `a  *b*` here", `P@11 "use " code"a  *b*" " here"`},
		{"escapes and entities", `\*not\* &amp; &copy; &#8212; &#x41;`, `P@11 "*not* & © — A"`},
		{"typographic quotes", `"Quoted" and 'single', it's the 1990s' NHS`, `P@11 "“Quoted” and ‘single’, it’s the 1990s’ NHS"`},
		{"dashes and ellipsis", "2016--2017 -- and --- then... x-y", `P@11 "2016–2017 – and — then… x-y"`},
		{"angle quotes left alone", "a << b >> c", `P@11 "a << b >> c"`},
		{"link", `[the report](https://example.org/a_(b) "title")`, `P@11 link<https://example.org/a_(b)>["the report"]`},
		{"link with emphasis", `[*the* report](https://example.org/)`, `P@11 link<https://example.org/>[em["the"] " report"]`},
		{"autolink", `<https://example.org/x>`, `P@11 link<https://example.org/x bare>["https://example.org/x"]`},
		{"bare url", `see https://example.org/x.`, `P@11 "see " link<https://example.org/x bare>["https://example.org/x"] "."`},
		{"www", `see www.example.org`, `P@11 "see " link<http://www.example.org bare>["www.example.org"]`},
		{"www in a link text", `[www.example.org](https://example.org)`, `P@11 link<https://example.org>["www.example.org"]`},
		{"email", `mail lib@example.org or <a@b.org>`, `P@11 "mail " link<mailto:lib@example.org bare>["lib@example.org"] " or " link<mailto:a@b.org bare>["a@b.org"]`},
		{"address as link text", `[https://a.org/x](https://b.org/y)`, `P@11 link<https://b.org/y>["https://a.org/x"]`},
		{"mailto link", `[write](mailto:a@b.org)`, `P@11 link<mailto:a@b.org>["write"]`},
		{"image", `![a *chart*](https://example.org/c.png)`, `P@11 img<https://example.org/c.png>"a chart"`},
		{"reference link", "[text][r]\n\n[r]: https://example.org/r", `P@11 link<https://example.org/r>["text"]`},
		{"bullets nested", "- a\n- b\n  - c\n    - d\n- e", `List@11 bullets
  Item@11
    P@11 "a"
  Item@12
    P@12 "b"
    List@13 bullets
      Item@13
        P@13 "c"
        List@14 bullets
          Item@14
            P@14 "d"
  Item@15
    P@15 "e"`},
		{"ordered start", "3. three\n4. four", `List@11 numbers from 3
  Item@11
    P@11 "three"
  Item@12
    P@12 "four"`},
		{"loose list", "1. a\n\n   more\n\n2. b", `List@11 numbers from 1
  Item@11
    P@11 "a"
    P@13 "more"
  Item@15
    P@15 "b"`},
		{"table", "| Left | Mid | Right | None |\n|:--|:-:|--:|---|\n| a | *b* | c |\n| 1 | 2 | 3 | 4 | 5 |", `Table@11 align=[1 2 3 0]
  | "Left" | "Mid" | "Right" | "None" |
  | "a" | em["b"] | "c" |  |
  | "1" | "2" | "3" | "4" |`},
		{"quote", "> quoted *text*\n> > inner\n\n> second", `Quote@11
  P@11 "quoted " em["text"]
  Quote@12
    P@12 "inner"
Quote@14
  P@14 "second"`},
		{"fenced code", "```go\nfunc() {\n\t\"x\" -- y\n}\n```", `Code@11 "go" "func() {\n\t\"x\" -- y\n}"`},
		{"indented code", "    a\n    b", `Code@11 "" "a\nb"`},
		{"rule", "a\n\n***\n\nb", `P@11 "a"
Rule@13
P@15 "b"`},
		{"subheading", "### Sub *head*\ntext", `H3@11 "Sub " em["head"]
P@12 "text"`},
		{"footnotes by first reference", "b[^two] a[^one] b again[^two]\n\n[^one]: First.\n[^two]: Second[^three].\n[^three]: Third.\n[^unused]: Never used.", `P@11 "b" fn1 " a" fn2 " b again" fn1
footnote 1 [^two]
P@14 "Second" fn3 "."
footnote 2 [^one]
P@13 "First."
footnote 3 [^three]
P@15 "Third."`},
		{"html comment dropped", "<!-- note to self -->\n\ntext <!-- inline --> more", `P@13 "text  more"`},
		{"crlf", "one\r\ntwo\r\n\r\nthree", `P@11 "one two"
P@14 "three"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := hotFront + "## Impact\n" + tt.md + "\n"
			doc, diags := Parse("x.md", []byte(src), Options{})
			for _, d := range diags {
				t.Errorf("unexpected diagnostic: %s", d)
			}
			got := strings.TrimSpace(dump(doc))
			got = strings.TrimPrefix(got, `section 1 "Impact" @10`)
			got = strings.TrimSpace(strings.ReplaceAll(got, "\n  ", "\n"))
			if got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestReadCitationRepeats checks that a citation repeating a range holds
// each number once: a file of such citations must not expand to millions.
func TestReadCitationRepeats(t *testing.T) {
	src := "(" + strings.Repeat("1-999, ", 25) + "1-999)"
	cit, n := readCitation([]byte(src))
	if n != len(src) {
		t.Fatalf("readCitation read %d bytes of %d", n, len(src))
	}
	if len(cit.Nums) != 999 || cit.Nums[0] != 1 || cit.Nums[998] != 999 {
		t.Errorf("got %d numbers (%v … %v), want 1 to 999 once each", len(cit.Nums), cit.Nums[:1], cit.Nums[len(cit.Nums)-1:])
	}
}
