package briefing

import (
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// The tables and typographic punctuation were read by goldmark's
// extension package before our own parsers (gfmtable.go, typography.go)
// replaced it. These tests parse the same bodies with that former
// configuration and with ours and require the same model and the same
// diagnostics: every handout must stay byte-identical.

// formerMarkdown is the configuration handouts were built with, its
// tables handed to the converter as our own nodes (formerTables).
var formerMarkdown = goldmark.New(
	goldmark.WithExtensions(append([]goldmark.Extender{extension.Table}, footnotesAndLinks...)...),
	goldmark.WithParserOptions(
		parser.WithInlineParsers(util.Prioritized(extension.NewTypographerParser(formerTypography{}), 9999)),
		// After every transformer of the extensions (the table's fixes
		// code in cells at 0).
		parser.WithASTTransformers(util.Prioritized(formerTables{}, 1<<20)),
	),
)

// footnotesAndLinks are the footnotes and bare links as markdown.go
// reads them: the comparison is of tables and punctuation only, so both
// configurations must share them.
var footnotesAndLinks = []goldmark.Extender{footnotesAndBareLinks{}}

// formerTypography configured goldmark's typographer: characters, not
// entities, and no angle quotes.
type formerTypography struct{}

func (formerTypography) SetParserOption(*parser.Config) {}

func (formerTypography) SetTypographerOption(c *extension.TypographerConfig) {
	subs := make([][]byte, len(c.Substitutions))
	set := func(p extension.TypographicPunctuation, s string) { subs[p] = []byte(s) }
	set(extension.LeftSingleQuote, "‘")
	set(extension.RightSingleQuote, "’")
	set(extension.LeftDoubleQuote, "“")
	set(extension.RightDoubleQuote, "”")
	set(extension.EnDash, "–")
	set(extension.EmDash, "—")
	set(extension.Ellipsis, "…")
	set(extension.Apostrophe, "’")
	c.Substitutions = subs
}

// formerTables replaces each of goldmark's table nodes by ours, with
// the same positions, alignments, rows and cells, the cells' inlines
// moved over, so that the converter reads both alike.
type formerTables struct{}

func (formerTables) Transform(doc *gast.Document, _ text.Reader, _ parser.Context) {
	var tables []*east.Table
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if t, ok := n.(*east.Table); ok && entering {
			tables = append(tables, t)
		}
		return gast.WalkContinue, nil
	})
	for _, t := range tables {
		nt := &tableNode{}
		nt.SetPos(t.Pos())
		for _, a := range t.Alignments {
			nt.Align = append(nt.Align, map[east.Alignment]Align{
				east.AlignLeft: AlignLeft, east.AlignCenter: AlignCenter, east.AlignRight: AlignRight,
			}[a])
		}
		for _, r := range children(t) {
			nr := &tableRowNode{Header: r.Kind() == east.KindTableHeader}
			nr.SetPos(r.Pos())
			for _, c := range children(r) {
				nc := &tableCellNode{}
				nc.SetPos(c.Pos())
				nc.SetLines(c.Lines())
				for _, in := range children(c) {
					nc.AppendChild(nc, in)
				}
				nr.AppendChild(nr, nc)
			}
			nt.AppendChild(nt, nr)
		}
		t.Parent().ReplaceChild(t.Parent(), t, nt)
	}
}

func children(n gast.Node) []gast.Node {
	var out []gast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, c)
	}
	return out
}

// withMarkdown runs f with md as the package's Markdown reader.
func withMarkdown(md goldmark.Markdown, f func()) {
	saved := markdown
	markdown = md
	defer func() { markdown = saved }()
	f()
}

// convertBoth converts body with both configurations.
func convertBoth(body []byte) (ours, former parsed, oursDiags, formerDiags *diagSink) {
	lines := newLineIndex(body)
	oursDiags, formerDiags = &diagSink{path: "x.md"}, &diagSink{path: "x.md"}
	ours = parseMarkdown(body, lines, oursDiags)
	withMarkdown(formerMarkdown, func() { former = parseMarkdown(body, lines, formerDiags) })
	return
}

// sameAsFormer fails t unless body converts to the same model, with the
// same diagnostics, with both configurations.
func sameAsFormer(t *testing.T, body string) {
	t.Helper()
	ours, former, od, fd := convertBoth([]byte(body))
	if !reflect.DeepEqual(ours, former) || !reflect.DeepEqual(od.list, fd.list) {
		t.Errorf("%q:\nours:   %s %v\nformer: %s %v", body, dumpTableParse(ours), od.list, dumpTableParse(former), fd.list)
	}
}

func dumpTableParse(p parsed) string {
	var b strings.Builder
	dumpBlocks(&b, p.Blocks, "  ")
	for _, f := range p.Footnotes {
		b.WriteString("footnote " + f.Label + "\n")
		dumpBlocks(&b, f.Blocks, "    ")
	}
	return b.String()
}

// The table examples of the GFM specification (0.29, examples 198 to
// 205), then the corners: header and body rows of other widths, lines
// around the table, escaped pipes in and out of code, alignments,
// spaces, tabs and line ends, tables in quotes, lists and footnotes.
var tableCases = []string{
	"| foo | bar |\n| --- | --- |\n| baz | bim |",
	"| abc | defghi |\n:-: | -----------:\nbar | baz",
	"| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |",
	"| abc | def |\n| --- | --- |\n| bar | baz |\n> bar",
	"| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar",
	"| abc | def |\n| --- |\n| bar |",
	"| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |",
	"| abc | def |\n| --- | --- |",

	"| a |\n|---|---|\n| x | y |",
	"| a | b | c |\n|---|---|\n| x | y |",
	"|\n|-|\n|x|",
	"a\n-|-\nb",
	"a | b\n--- | ---\nc | d\n",
	"intro line\n| a | b |\n|:--|--:|\n| 1 | 2 |",
	"one\ntwo\n| a |\n| :-: |\n| 1 |\nmore text",
	"| a |\n| --- |\n| 1 |\n\n| b |\n| --- |\n| 2 |",
	"| a | b |\n| :--- | ---: |\n| :-: | x |",
	"| a |\n|:-:|\n|`x\\|y`|",
	"| a |\n|---|\n| `a\\|b\\|c` and `d\\|e` |",
	"| a |\n|---|\n| \\|x` |",
	"| a |\n|---|\n| `x` \\| y |",
	"| a |\n|---|\n| `x\\\\|y` |",
	"| a |\n|---|\n| x \\|",
	"| a |\n|---|\n| `code \\|` |",
	"| a |\n|---|\n| ``a\\|b`` |",
	"| `a\\|b` | c |\n|---|---|\n| d | e |",
	"| a | b |\n|---|---|\n||\n|||\n||||\n",
	"| a | b |\n| - | - |\n|  |  |",
	"| a |\n| -- - |\n| b |",
	"| a |\n| : |\n| b |",
	"| a |\n| ::- |\n| b |",
	"| a |\n|-:-|\n| b |",
	"| a |\n|---|   \n| b |",
	"| a |\n|\t---\t|\n| b |",
	"| a |\r\n|---|\r\n| b |\r\n",
	"x\r\n| a |\r\n|---|\r\n| b |\r\n",
	"x  \n| a |\n|---|\n| b |",
	"x\\\n| a |\n|---|\n| b |",
	"    | a |\n    |---|",
	"| a |\n    |---|\n| b |",
	"- | a |\n  |---|\n  | b |",
	"> | a |\n> |---|\n> | b |\n| c |",
	"> a\n--\nc",
	"> a\nb\n--\nc\n",
	"1. item\n\n   | a | b |\n   |---|---|\n   | *x* | [l](http://e.org) |",
	"text[^n]\n\n[^n]: | a |\n    |---|\n    | b |",
	"| a |\n|---|\n| b |\n- list",
	"| a |\n|---|\n| b |\n# heading",
	"| a |\n|---|\n| b |\n```\ncode\n```",
	"# h\n| a |\n|---|",
	"| a |\n=====\n|---|",
	"[ref]: http://example.org\n| a |\n|---|\n| [ref] |",
	"| a | b |\n|---|---|\n| 'quoted' | \"double\" -- --- ... |",
	"| a |\n|---|\n| <b>x</b> |",
	"| a |\n|---|\n| http://example.org/a|b |",
	"| a |\n|---|\n| x (1) |",
	"| é | ü |\n|---|---|\n| ‘x’ | — |",
	"|a|b|\n|-|-|\n|c|d|\n|e|f|\n|g|h|\n|i|j|",
	"| a |\n|---|\n|",
	"| a |\n|---|\n| \\",
	"|---|\n|---|\n|---|",
	"| - |\n|---|",
	"a|b\n:-|-:",
	"|a\n|-",
	"a|\n-|",
}

// The typographer's cases: quotes at word boundaries and nested,
// apostrophes in contractions and years, dashes, ellipses, quotes next
// to punctuation, code, escapes and links, and quotes left open in one
// block and closed in a later one.
var typographyCases = []string{
	"'single' and \"double\"",
	"\"She said 'hello' to me.\"",
	"'\"nested\"'",
	"\"'nested'\"",
	"don't, can't, won't, it's, I'm, you're, we've, they'll, I'd",
	"'twas the night; 'em; rock 'n' roll; 'less",
	"the '90s, the '60s. '70s, the '80s! '20th",
	"Smiths' house and the Joneses' car",
	"doin' it",
	"O'Brien and l'amour",
	"5'10\" tall, a 21\" screen, Monitor 21\"\"",
	"'quote at start' and end 'x'",
	"a -- b --- c ---- d ----- e - f",
	"--",
	"---",
	"range 2--3 and 1990--2000",
	"wait... what.... ok.. .",
	"...",
	"..",
	"(\"parenthesised\") [\"bracketed\"] \"quoted,\" she said. \"Yes!\"",
	"'(a)' \"(b)\" '.' \".\"",
	"\"a\" \"b\" \"c",
	"\"unclosed",
	"unopened\"",
	"'unclosed",
	"unopened'",
	"'a' 'b' 'c",
	"`'code'` and `--` and `...`",
	"\\'escaped\\' \\\"escaped\\\" \\-- \\.\\.\\.",
	"[\"link\"](http://example.org/'a'--b) and <http://example.org/\"x\"> and http://example.org/a--b",
	"![\"alt\" -- text](pic.png)",
	"*'emph'* **\"strong\"** _'under'_",
	"\"*emph*\" '**strong**'",
	"*a, b > c* _x,\ny_ **p, q**",
	"'''' \"\"\"\" a'''b a\"\"\"b '''a a''' \"\"\"a a\"\"\"",
	"''\"\"'' \"\"''\"\" '\"'\"' '\\'' \"\\\"\"",
	"*''* **\"\"** [''](x) `''` ''\n''",
	"| a'' | ''b | \"\" |\n|---|---|---|\n| '' | \"\" | ''' |",
	"'a\n\nb'",
	"\"a\n\nb\"",
	"'a\n\nb' c",
	"\"a\n\nb\" c",
	"'x\n- 'y\n- z'\n",
	"> 'quoted\n\nclosed'",
	"# 'Heading' -- \"h\"",
	"'",
	"\"",
	"''",
	"\"\"",
	"'''",
	"\"\"\"",
	"a''b a\"\"b",
	"'a'b' \"a\"b\"",
	"it's' 'tis'",
	"a'\nb\"\n",
	"a '\tb \"\tc",
	"1'2 1\"2 'a1' \"1a\"",
	"é'é ü\"ü 'é' \"ü\"",
	"—'a'— –\"b\"–",
	"x'. x'! x'? x', x';",
	"x\". x\"! x\"? x\", x\";",
	"'.' '.a \".\" \".a",
	"'s 'm 't 'd 've 'll 're 'sa 'ma 'vex 'llx 'rex",
	"('s) ('ve) ('ll)",
	"He said \"it's 'really' the '90s\".",
	"'Hello,' he said, 'it's \"fine\".'",
	"a\\\n'b' c  \n\"d\"",
	"''a'' \"\"b\"\"",
	"x--'y' x---\"y\" x...'z'",
	"<<angle>> << >>",
	"(1--3) (2, 4) (5-7)",
	"text[^n] 'a'\n\n[^n]: note 'b\n\nmore' \"c\"",
	"\"a\" 'b\n\n| x |\n|---|\n| c' \"d |",
}

func TestTablesAsFormer(t *testing.T) {
	for _, c := range tableCases {
		sameAsFormer(t, c)
		sameAsFormer(t, c+"\n")
		sameAsFormer(t, "Text before.\n\n"+c+"\n\nText after.\n")
	}
}

func TestTypographyAsFormer(t *testing.T) {
	for _, c := range typographyCases {
		sameAsFormer(t, c)
		sameAsFormer(t, c+"\n")
		sameAsFormer(t, "- "+c+"\n")
		sameAsFormer(t, "| "+strings.ReplaceAll(c, "\n", " ")+" |\n|---|\n")
	}
}

// The sources and the test briefings convert alike too.
func TestBriefingsAsFormer(t *testing.T) {
	sameAsFormer(t, benchBriefing)
	for _, s := range shapes {
		sameAsFormer(t, s.make(4000))
	}
}

// FuzzTablesTypography compares both configurations on any body.
func FuzzTablesTypography(f *testing.F) {
	for _, c := range tableCases {
		f.Add([]byte(c))
	}
	for _, c := range typographyCases {
		f.Add([]byte(c))
	}
	f.Add([]byte(benchBriefing))
	f.Fuzz(func(t *testing.T, body []byte) {
		if len(body) > 1<<14 {
			return
		}
		ours, former, od, fd := convertBoth(body)
		if !reflect.DeepEqual(ours, former) || !reflect.DeepEqual(od.list, fd.list) {
			t.Errorf("%q:\nours:   %s %v\nformer: %s %v", body, dumpTableParse(ours), od.list, dumpTableParse(former), fd.list)
		}
	})
}
