package briefing

// The footnotes and bare links of footnotes.go and linkify.go replaced
// goldmark's extension packages, which tests may still use: each input
// here is parsed with both, and the trees and the models converted from
// them must be the same. goldmark's nodes are translated into ours
// first (its back links to references, which the model does not use,
// are dropped), and so are the three places where we differ on purpose:
//
//   - "!" then another character then "^label]" is text: goldmark made
//     it a "!" and a reference, losing the character;
//   - a definition written in another one, when it is the first to
//     end, kept the list of definitions out of the document in
//     goldmark, whose text was then never parsed: it is kept;
//   - an e-mail address starting "www." whose domain ends in capitals
//     (www.a@b.COM) links to mailto:www.a@b.COM: goldmark linked it to
//     mailto:http://www.a@b.COM and printed that.

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmarkNotes is how briefings had footnotes and bare links before.
type goldmarkNotes struct{}

func (goldmarkNotes) Extend(m goldmark.Markdown) {
	extension.Footnote.Extend(m)
	extension.NewLinkify(extension.WithLinkifyAllowedProtocols([]string{"http:", "https:"})).Extend(m)
}

var goldmarkMarkdown = newMarkdown(goldmarkNotes{})

// bangThenCaret is the text goldmark read as "!" and a reference.
var bangThenCaret = regexp.MustCompile(`![^\[\n]\^`)

// fromGoldmark replaces goldmark's footnote nodes under n by ours, and
// undoes the protocol goldmark gave some e-mail addresses.
func fromGoldmark(n gast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		var mine gast.Node
		switch c := c.(type) {
		case *east.FootnoteList:
			mine = &footnoteDefs{Used: c.Count}
		case *east.Footnote:
			mine = &footnoteDef{Label: c.Ref, N: c.Index}
		case *east.FootnoteLink:
			mine = &footnoteRef{N: c.Index}
		case *east.FootnoteBacklink:
			n.RemoveChild(n, c)
		case *gast.AutoLink:
			if c.AutoLinkType == gast.AutoLinkEmail {
				c.Protocol = nil
			}
		}
		if mine != nil {
			mine.SetPos(c.Pos())
			if c.Type() == gast.TypeBlock {
				mine.SetLines(c.Lines())
				mine.SetBlankPreviousLines(c.HasBlankPreviousLines())
			}
			for k := c.FirstChild(); k != nil; {
				after := k.NextSibling()
				mine.AppendChild(mine, k)
				k = after
			}
			n.ReplaceChild(n, c, mine)
			c = mine
		}
		if c.Parent() == n {
			fromGoldmark(c)
		}
		c = next
	}
}

// dumpTree writes what the converter may read of a tree: every node's
// kind and position, the lines of blocks, the segments and flags of
// text and the attributes of each kind.
func dumpTree(b *strings.Builder, n gast.Node, src []byte, depth int) {
	if depth > 200 {
		b.WriteString("…\n")
		return
	}
	fmt.Fprintf(b, "%s%s pos=%d", strings.Repeat(" ", depth), n.Kind(), n.Pos())
	if n.Type() == gast.TypeBlock {
		fmt.Fprintf(b, " blank=%v lines=", n.HasBlankPreviousLines())
		if ls := n.Lines(); ls != nil {
			for i := 0; i < ls.Len(); i++ {
				s := ls.At(i)
				fmt.Fprintf(b, "[%d,%d+%d]", s.Start, s.Stop, s.Padding)
			}
		}
	}
	switch n := n.(type) {
	case *gast.Text:
		fmt.Fprintf(b, " %q seg=[%d,%d+%d] soft=%v hard=%v raw=%v", n.Segment.Value(src), n.Segment.Start, n.Segment.Stop, n.Segment.Padding, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
	case *gast.String:
		fmt.Fprintf(b, " %q code=%v", n.Value, n.IsCode())
	case *gast.AutoLink:
		fmt.Fprintf(b, " type=%d url=%q label=%q", n.AutoLinkType, n.URL(src), n.Label(src))
	case *gast.Link:
		fmt.Fprintf(b, " dest=%q title=%q", n.Destination, n.Title)
	case *gast.Image:
		fmt.Fprintf(b, " dest=%q title=%q", n.Destination, n.Title)
	case *gast.Emphasis:
		fmt.Fprintf(b, " level=%d", n.Level)
	case *gast.Heading:
		fmt.Fprintf(b, " level=%d", n.Level)
	case *gast.List:
		fmt.Fprintf(b, " marker=%q start=%d tight=%v", n.Marker, n.Start, n.IsTight)
	case *gast.ListItem:
		fmt.Fprintf(b, " offset=%d", n.Offset)
	case *gast.HTMLBlock:
		fmt.Fprintf(b, " type=%d", n.HTMLBlockType)
	case *gast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			fmt.Fprintf(b, " [%d,%d]", s.Start, s.Stop)
		}
	case *east.Table:
		fmt.Fprintf(b, " align=%v", n.Alignments)
	case *footnoteDefs:
		fmt.Fprintf(b, " used=%d", n.Used)
	case *footnoteDef:
		fmt.Fprintf(b, " label=%q n=%d", n.Label, n.N)
	case *footnoteRef:
		fmt.Fprintf(b, " n=%d", n.N)
	}
	b.WriteByte('\n')
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		dumpTree(b, c, src, depth+1)
	}
}

// notesOutcome is what one configuration makes of a text.
type notesOutcome struct {
	tree  string
	model parsed
	diags string
	lost  bool // text was never parsed
	// nested: ours kept a definition written in another in the
	// document, where goldmark lost it.
	nested bool
}

func parseNotes(md goldmark.Markdown, src []byte, translate bool) notesOutcome {
	root := md.Parser().Parse(text.NewReader(src))
	lost := lostText(root)
	defs, nested := root.LastChild().(*footnoteDefs)
	nested = nested && defs.nested
	if translate {
		fromGoldmark(root)
	}
	var tree strings.Builder
	dumpTree(&tree, root, src, 0)
	d := &diagSink{path: "x.md"}
	p := convertMarkdown(root, src, newLineIndex(src), d)
	return notesOutcome{tree: tree.String(), model: p, diags: fmt.Sprint(d.list), lost: lost, nested: nested}
}

// lostText reports whether a paragraph or heading under n holds text
// but no inlines (goldmark's back links aside): goldmark left a definition written in another one,
// when it was the first to end, out of the document while the text
// was parsed, and so lost its text.
func lostText(n gast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *gast.Paragraph, *gast.Heading, *gast.TextBlock:
			parsed := false
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if _, back := k.(*east.FootnoteBacklink); !back {
					parsed = true
				}
			}
			if !parsed && c.Lines().Len() > 0 {
				return true
			}
		}
		if lostText(c) {
			return true
		}
	}
	return false
}

// compareNotes parses src both ways and reports any difference; it
// returns our tree.
func compareNotes(t *testing.T, src []byte) string {
	t.Helper()
	theirs := parseNotes(goldmarkMarkdown, src, true)
	ours := parseNotes(markdown, src, false)
	if ours.lost {
		t.Errorf("%q: text lost:\n%s", src, ours.tree)
	}
	if theirs.lost || ours.nested {
		return ours.tree // differs on purpose
	}
	if theirs.tree != ours.tree {
		t.Errorf("%q: trees differ\ngoldmark:\n%s\nours:\n%s", src, theirs.tree, ours.tree)
		return ours.tree
	}
	if !reflect.DeepEqual(theirs.model, ours.model) {
		t.Errorf("%q: models differ\ngoldmark:\n%s\nours:\n%s", src, dumpParsed(theirs.model), dumpParsed(ours.model))
	}
	if theirs.diags != ours.diags {
		t.Errorf("%q: diagnostics differ\ngoldmark: %s\nours:     %s", src, theirs.diags, ours.diags)
	}
	return ours.tree
}

func dumpParsed(p parsed) string {
	var b strings.Builder
	dumpBlocks(&b, p.Blocks, "")
	for _, f := range p.Footnotes {
		fmt.Fprintf(&b, "footnote %d [^%s]\n", f.N, f.Label)
		dumpBlocks(&b, f.Blocks, "  ")
	}
	fmt.Fprintf(&b, "citations %+v\nlinks %+v\nparas %+v\n", p.Citations, p.Links, p.ParaLines)
	return b.String()
}

// notesCase is an input for both parsers; want is a line our tree must
// hold, so that a case cannot pass by making nothing.
type notesCase struct{ name, src, want string }

// footnoteCases are footnote inputs.
var footnoteCases = []notesCase{
	{"defined after use", "Text[^1].\n\n[^1]: The note.\n", "BriefingFootnoteRef pos=4 n=1"},
	{"defined before use", "[^a]: The note.\n\nText[^a].\n", `label="a" n=1`},
	{"unused", "Text.\n\n[^a]: Unused.\n", ""},
	{"unused and used", "T[^b].\n\n[^a]: A.\n[^b]: B.\n", `label="b" n=1`},
	{"undefined", "Text[^nope] and [^ x].\n", ""},
	{"numbered by first use", "A[^z] B[^y] C[^z].\n\n[^y]: Y.\n[^z]: Z.\n", `label="y" n=2`},
	{"repeated label", "A[^x].\n\n[^x]: First.\n\n[^x]: Second.\n", `label="x" n=1`},
	{"labels by case", "A[^Note] B[^note].\n\n[^note]: lower.\n[^NOTE]: upper.\n", `label="note" n=1`},
	{"label with spaces", "A[^two words].\n\n[^two words]: N.\n", `label="two words" n=1`},
	{"label with escape", "A[^a\\]b].\n\n[^a\\]b]: N.\n", "n=1"},
	{"label with bracket", "A[^a[b]].\n\n[^a[b]]: N.\n", ""},
	{"blank label", "A[^ ].\n\n[^ ]: N.\n", ""},
	{"empty label", "A[^].\n\n[^]: N.\n", ""},
	{"long label", "A[^" + strings.Repeat("l", 1200) + "].\n\n[^" + strings.Repeat("l", 1200) + "]: N.\n", ""},
	{"label at the limit", "A[^" + strings.Repeat("l", 997) + "].\n\n[^" + strings.Repeat("l", 997) + "]: N.\n", "n=1"},
	{"multi-paragraph", "A[^m].\n\n[^m]: First paragraph\n    goes on.\n\n    Second paragraph.\n\n        code in a note\n\nAfter.\n", `label="m" n=1`},
	{"lazy continuation", "A[^m].\n\n[^m]: First line\nlazy line.\n", "n=1"},
	{"definition ends", "A[^m].\n\n[^m]: Note.\nNot indented\n\nNext paragraph.\n", "n=1"},
	{"empty definition", "A[^e].\n\n[^e]:\n", "n=1"},
	{"empty definition at the end", "A[^e].\n\n[^e]:", "n=1"},
	{"definition with a list", "A[^l].\n\n[^l]: Items:\n\n    - one\n    - two\n", "n=1"},
	{"definition of a list only", "A[^l].\n\n[^l]:\n    - one\n    - two\n", "n=1"},
	{"definition with a quote", "A[^q].\n\n[^q]: > quoted\n    > more\n", "n=1"},
	{"definition interrupts a paragraph", "A[^i] text\n[^i]: note\n", "n=1"},
	{"definition in a list", "- item[^l]\n- [^l]: in a list\n\nText.\n", "n=1"},
	{"definition in a nested list", "- a\n  - b[^n]\n\n    [^n]: nested\n- c\n", "n=1"},
	{"definition in a quote", "> quoted[^q]\n>\n> [^q]: in a quote\n\nText.\n", "n=1"},
	{"definitions in two places", "> [^a]: in a quote\n\n- [^b]: in a list\n\nA[^b] B[^a].\n", `label="a" n=2`},
	{"definition in a definition", "A[^a] B[^b].\n\n[^a]: [^b]: inner\n", ""},
	{"reference in a definition", "A[^a].\n\n[^a]: See also[^b].\n[^b]: The other.\n", `label="b" n=2`},
	{"reference to itself", "A[^a].\n\n[^a]: Itself[^a].\n", "n=1"},
	{"definitions first then text", "[^a]: A[^c].\n[^b]: B.\n[^c]: C.\n\nText[^b] and[^a].\n", `label="c" n=1`},
	{"reference in a link", "[see[^r]](https://example.org/) and [^r].\n\n[^r]: N.\n", "n=1"},
	{"reference as a link label", "[^r][x] and [x][^r]\n\n[^r]: N.\n[x]: https://example.org/\n", ""},
	{"reference in emphasis", "*stressed[^e]* and **strong[^e]**\n\n[^e]: N.\n", "n=1"},
	{"reference in a heading", "## Heading[^h]\n\n[^h]: N.\n", "n=1"},
	{"reference in a table", "| a | b[^t] |\n|---|---|\n| c[^t] | d |\n\n[^t]: N.\n", "n=1"},
	{"reference in code", "`[^c]` and [^c]\n\n[^c]: N.\n", "n=1"},
	{"escaped reference", "\\[^e] and [^e]\n\n[^e]: N.\n", "n=1"},
	{"bang then reference", "Wow![^b]\n\n[^b]: N.\n", "n=1"},
	{"image then reference", "![alt](p.png)[^i]\n\n[^i]: N.\n", "n=1"},
	{"reference then colon mid-line", "See [^a]: here.\n\n[^a]: N.\n", "n=1"},
	{"definition indented", "A[^d].\n\n   [^d]: three spaces.\n", "n=1"},
	{"definition indented four", "A[^d].\n\n    [^d]: code, not a note.\n", ""},
	{"definition after tab", "-\t[^t]: tabbed\n\nA[^t]\n", "n=1"},
	{"definition in list after tab", "- a\n\n\t[^t]: tabbed\n\nA[^t]\n", ""},
	{"reference across lines", "A[^a\nb].\n\n[^a\nb]: N.\n", ""},
	{"many references", strings.Repeat("x[^a] ", 50) + "\n\n[^a]: N.\n", "n=1"},
	{"many definitions", func() string {
		var b strings.Builder
		for i := 0; i < 60; i++ {
			fmt.Fprintf(&b, "r[^%d] ", 59-i)
		}
		b.WriteString("\n\n")
		for i := 0; i < 60; i++ {
			fmt.Fprintf(&b, "[^%d]: note %d\n", i, i)
		}
		return b.String()
	}(), `label="0" n=60`},
	{"CRLF", "A[^a].\r\n\r\n[^a]: Note\r\n    more.\r\n", "n=1"},
	{"citation in a note", "A[^a] (1).\n\n[^a]: As (2) says.\n", "n=1"},
	{"setext after definition", "[^a]: note\n===\n\nA[^a]\n", ""},
	{"definition then setext", "A[^a]\n[^a]: note\n---\n", ""},
}

// linkCases are bare-link inputs: the examples of the GFM spec's
// autolinks (extension) and the edges of the rules.
var linkCases = []notesCase{
	// The GFM spec's examples.
	{"www", "www.commonmark.org\n", `url="http://www.commonmark.org"`},
	{"www with path", "Visit www.commonmark.org/help for more information.\n", `url="http://www.commonmark.org/help"`},
	{"trailing dot", "Visit www.commonmark.org.\n", `url="http://www.commonmark.org"`},
	{"trailing dot in path", "Visit www.commonmark.org/a.b.\n", `url="http://www.commonmark.org/a.b"`},
	{"parentheses", "www.google.com/search?q=Markup+(business)\n", `url="http://www.google.com/search?q=Markup+(business)"`},
	{"unbalanced parentheses", "www.google.com/search?q=Markup+(business)))\n", `url="http://www.google.com/search?q=Markup+(business)"`},
	{"in parentheses", "(www.google.com/search?q=Markup+(business))\n", `url="http://www.google.com/search?q=Markup+(business)"`},
	{"open parenthesis", "(www.google.com/search?q=Markup+(business)\n", `url="http://www.google.com/search?q=Markup+(business)"`},
	{"parenthesis inside", "www.google.com/search?q=(business))+ok\n", `url="http://www.google.com/search?q=(business))+ok"`},
	{"ampersand", "www.google.com/search?q=commonmark&hl=en\n", `url="http://www.google.com/search?q=commonmark&hl=en"`},
	{"entity-like end", "www.google.com/search?q=commonmark&hl;\n", `url="http://www.google.com/search?q=commonmark"`},
	{"less-than", "www.commonmark.org/he<lp\n", `url="http://www.commonmark.org/he"`},
	{"http", "http://commonmark.org\n", `url="http://commonmark.org"`},
	{"https in parentheses", "(Visit https://encrypted.google.com/search?q=Markup+(business))\n", `url="https://encrypted.google.com/search?q=Markup+(business)"`},
	{"ftp not linked", "Anonymous FTP is available at ftp://foo.bar.baz.\n", ""},
	{"email", "foo@bar.baz\n", `url="foo@bar.baz"`},
	{"plus in email", "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.\n", `url="hello+xyz@mail.example"`},
	{"email punctuation", "a.b-c_d@a.b\n", `url="a.b-c_d@a.b"`},
	{"email trailing dot", "a.b-c_d@a.b.\n", `url="a.b-c_d@a.b"`},
	{"email trailing hyphen", "a.b-c_d@a.b-\n", ""},
	{"email trailing underscore", "a.b-c_d@a.b_\n", ""},
	{"mailto written", "mailto:foo@bar.baz and xmpp:foo@bar.baz\n", ""},
	// Edges.
	{"trailing punctuation", "See https://example.org/a?!.,:*_~ now\n", `url="https://example.org/a"`},
	{"question in path", "https://example.org/?q=1&r=2 and more\n", `url="https://example.org/?q=1&r=2"`},
	{"port", "http://localhost.test:8080/x and http://a.bc:x\n", `url="http://localhost.test:8080/x"`},
	{"dollar", "https://example.org/$x and www.example.org/$x\n", `url="https://example.org/$x"`},
	{"quotes in path", "https://example.org/\"quoted\"> and 'x'\n", ""},
	{"upper-case domain end", "https://EXAMPLE.ORG/x and www.EXAMPLE.ORG\n", ""},
	{"upper-case scheme", "HTTP://example.org\n", ""},
	{"no dot", "http://localhost/x and www.example\n", ""},
	{"domain ends with digits", "http://10.0.0.1/x\n", ""},
	{"domain hyphen", "http://a.b-c/d\n", `url="http://a.b"`},
	{"underscores in domain", "www.a_b.example.com and www.example.a_b.com and http://x_y.z_w.org\n", `url="http://www.a_b.example.com"`},
	{"underscores in last parts", "www.example.com_ and www.exa_mple.c_om\n", ""},
	{"long domain", "http://" + strings.Repeat("a", 300) + ".org and http://" + strings.Repeat("a", 255) + ".org\n", ""},
	{"domain at the limit", "www." + strings.Repeat("b", 256) + ".org\n", ""},
	{"domain over the limit", "www." + strings.Repeat("b", 257) + ".org\n", ""},
	{"many dots", "http://a." + strings.Repeat("b.", 200) + "c\n", ""},
	{"after emphasis", "*https://example.org/*, _www.example.org_ and ~www.example.org~\n", ""},
	{"inside emphasis", "**see https://example.org/ now**\n", `url="https://example.org/"`},
	{"after a tab", "see\thttps://example.org/ and\twww.example.org\n", ""},
	{"after a code span", "`x`https://example.org/ and `y`www.example.org\n", ""},
	{"in code", "`https://example.org/` and `x@y.org`\n", ""},
	{"in a fenced block", "```\nhttps://example.org/\n```\n", ""},
	{"in a link", "[https://example.org/](https://example.org/) and [see www.example.org](https://a.org)\n", ""},
	{"link label", "[www.example.org] and [x@y.org]\n\n[www.example.org]: https://example.org/\n", ""},
	{"angle autolink", "<https://example.org/> and <x@y.org>\n", ""},
	{"escaped", "\\www.example.org and \\https://example.org/\n", ""},
	{"entities", "https://example.org/&amp; and https://example.org/&#123; and https://example.org/a&b;\n", ""},
	{"parenthesis count", "(https://example.org/a(b)c)) and https://example.org/())\n", ""},
	{"email with plus", "Write to first.last+tag@nhs.example.uk.\n", `url="first.last+tag@nhs.example.uk"`},
	{"email without dot", "me@localhost and me@x.\n", ""},
	{"email long local", strings.Repeat("l", 64) + "@example.org and " + strings.Repeat("l", 65) + "@example.org\n", ""},
	{"email long label", "a@" + strings.Repeat("b", 70) + ".org and a@" + strings.Repeat("c", 63) + ".org\n", ""},
	{"email long domain", "a@" + strings.Repeat("abcdefghi.", 26) + "org\n", ""},
	{"email hyphens", "a@b--c.org and a@-b.org and a@b-.org\n", ""},
	{"www email", "www.a@b.COM and www.a@b.com\n", ""},
	{"www email lower", "www.x@y.org\n", `url="http://www.x@y.org"`},
	{"email after punctuation", "(me@x.org) and !me@x.org and ,me@x.org\n", ""},
	{"email trailing parenthesis", "me@x.org) and (me@x.org)\n", ""},
	{"www alone", "www. and www.x and www..a.org\n", ""},
	{"unicode", "https://example.org/é and www.exämple.org and é@x.org\n", ""},
	{"table cell", "| a | https://example.org/ |\n|---|---|\n| www.example.org | me@x.org |\n", `url="https://example.org/"`},
	{"heading", "## See www.example.org\n", `url="http://www.example.org"`},
	{"two in a row", "https://a.org/ https://b.org/\n", `url="https://b.org/"`},
	{"line ends", "https://example.org/\nwww.example.org  \nme@x.org\\\nend\n", ""},
	{"citation after", "https://example.org/ (1) and https://example.org/(1)\n", ""},
	{"typography", "\"https://example.org/\" -- 'www.example.org'...\n", ""},
}

func TestFootnotesAsGoldmark(t *testing.T) { runNotesCases(t, footnoteCases) }

func TestBareLinksAsGoldmark(t *testing.T) { runNotesCases(t, linkCases) }

func runNotesCases(t *testing.T, cases []notesCase) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree := compareNotes(t, []byte(c.src))
			if c.want != "" && !strings.Contains(tree, c.want) {
				t.Errorf("%q: no %q in\n%s", c.src, c.want, tree)
			}
		})
	}
}

// TestNotesDifferOnPurpose shows the two differences from goldmark.
func TestNotesDifferOnPurpose(t *testing.T) {
	src := []byte("Wow!x^a] and![^a]\n\n[^a]: N.\n")
	var tree strings.Builder
	dumpTree(&tree, markdown.Parser().Parse(text.NewReader(src)), src, 0)
	if got := strings.Count(tree.String(), "BriefingFootnoteRef"); got != 1 {
		t.Errorf("%d references in %q, want 1 (for ![^a]):\n%s", got, src, tree.String())
	}
	if !strings.Contains(tree.String(), `"Wow!x^a] and"`) {
		t.Errorf("the text before the reference is not kept whole:\n%s", tree.String())
	}
	src = []byte("A[^a] B[^b].\n\n[^a]: [^b]: inner *text*\n")
	if got := dumpParsed(parseNotes(markdown, src, false).model); !strings.Contains(got, `footnote 2 [^b]
  P@3 "inner " em["text"]`) {
		t.Errorf("a definition in a definition lost its text:\n%s", got)
	}
	d := &diagSink{}
	p := convertMarkdown(markdown.Parser().Parse(text.NewReader([]byte("www.a@b.COM\n"))), []byte("www.a@b.COM\n"), lineIndex{0}, d)
	if len(p.Links) != 1 || p.Links[0].URL != "mailto:www.a@b.COM" {
		t.Errorf("links of www.a@b.COM: %+v, want mailto:www.a@b.COM", p.Links)
	}
}

// TestEmailLenAsGoldmark checks the e-mail scan against goldmark's.
func TestEmailLenAsGoldmark(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{"%c@example.org", "a@%c", "a@b%cc.org", "a@b.%c", "a@b-%c"} {
			b := []byte(strings.Replace(s, "%c", string([]byte{byte(c)}), 1))
			if got, want := emailLen(b), util.FindEmailIndex(b); got != want {
				t.Errorf("emailLen(%q) = %d, want %d", b, got, want)
			}
		}
	}
	for _, s := range []string{"", "@", "a@", "a@b", "a@b.c", strings.Repeat("a", 64) + "@b.c", strings.Repeat("a", 65) + "@b.c",
		"a@" + strings.Repeat("b", 62) + "c", "a@" + strings.Repeat("b", 63) + "c", "a@" + strings.Repeat("b-", 40) + "c",
		"a@" + strings.Repeat("b.", 127) + "c", "a@" + strings.Repeat("b.", 128) + "c", "a@" + strings.Repeat("b.", 129),
		"a@" + strings.Repeat("bc.", 86), "a@b..c", "a@b.-c"} {
		if got, want := emailLen([]byte(s)), util.FindEmailIndex([]byte(s)); got != want {
			t.Errorf("emailLen(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzNotesAsGoldmark compares footnotes and bare links with goldmark's
// on arbitrary text.
func FuzzNotesAsGoldmark(f *testing.F) {
	for _, c := range footnoteCases {
		f.Add([]byte(c.src))
	}
	for _, c := range linkCases {
		f.Add([]byte(c.src))
	}
	f.Add([]byte(benchBriefing))
	for _, pattern := range []string{"../../sources/*.md", "testdata/bad/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if b, err := os.ReadFile(name); err == nil && len(b) <= 1<<16 {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<16 || bangThenCaret.Match(src) {
			return // "!x^label]" differs on purpose
		}
		compareNotes(t, src)
		if got, want := emailLen(src), util.FindEmailIndex(src); got != want {
			t.Errorf("emailLen(%q) = %d, want %d", src, got, want)
		}
		if i := bytes.IndexByte(src, '@'); i > 0 {
			if got, want := emailLen(src[i-1:]), util.FindEmailIndex(src[i-1:]); got != want {
				t.Errorf("emailLen(%q) = %d, want %d", src[i-1:], got, want)
			}
		}
	})
}

// notesTokens are the pieces random texts are made of: the syntax of
// footnotes, addresses and the blocks and inlines around them.
var notesTokens = []string{
	"[^a]", "[^b]", "[^A]", "[^a]:", "[^b]: ", "[^ ]:", "![^a]", "!", "[", "]", "^", ":", "\\",
	"\n", "\n\n", "    ", "  ", "\t", "> ", "- ", "1. ", "| ", " |", "|---|\n", "```\n", "`", "## ", "===\n",
	"http://", "https://", "ftp://", "www.", "x.org", "a.b", "example.COM", "_", "-", "@", "me", ".", ",",
	"(", ")", "*", "**", "~", "?", "&amp;", "&x", ";", "$", ":80", "/p", "#f", "é", "<", ">", "\"", "'",
	"[t](https://t.org/)", "<x@y.org>", "a", "B", "7", " ",
}

// TestNotesAsGoldmarkRandom compares the parsers on random texts of
// notesTokens (HANDOUTS_NOTES_N of them; a few thousand by default).
func TestNotesAsGoldmarkRandom(t *testing.T) {
	n := 3000
	if v, err := strconv.Atoi(os.Getenv("HANDOUTS_NOTES_N")); err == nil {
		n = v
	}
	rng := rand.New(rand.NewPCG(17, 1))
	var b strings.Builder
	for i := 0; i < n && !t.Failed(); i++ {
		b.Reset()
		for k := rng.IntN(40); k >= 0; k-- {
			b.WriteString(notesTokens[rng.IntN(len(notesTokens))])
		}
		if src := []byte(b.String()); !bangThenCaret.Match(src) {
			compareNotes(t, src)
		}
	}
}
