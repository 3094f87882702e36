package briefing

// Footnotes as briefings write them: "[^label]" in the text refers to a
// definition "[^label]: the note" written anywhere in the body, on a
// line of its own, continued by lines indented four columns. Footnotes
// are numbered in the order of their first reference; definitions no
// reference uses are dropped, and the first of two definitions with
// the same label wins. Labels are compared byte for byte, as written.
//
// The parsers here plug into goldmark's parser: a block parser for the
// definitions, an inline parser for the references and a transformer
// that gathers the definitions at the end of the document.

import (
	"sort"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxFootnoteLabel bounds the bytes searched for the "]" that ends a
// footnote label, as CommonMark bounds link labels.
const maxFootnoteLabel = 999

// footnoteDef is one definition: its blocks are its children.
type footnoteDef struct {
	gast.BaseBlock
	Label []byte // as written between "[^" and "]"
	N     int    // number in order of first reference; -1 while unused
}

// footnoteDefs holds every definition, in the order they were read
// until the transformer keeps the used ones in number order. It is
// placed in the tree where the first definition closed (so that the
// inline parser reaches the notes' text at the same point of the
// document as the notes), and moved to the end of the document.
type footnoteDefs struct {
	gast.BaseBlock
	Used    int                     // definitions referred to so far
	byLabel map[string]*footnoteDef // the first definition of each label
	// nested says the first definition to end was written in another,
	// whose place the list took.
	nested bool
}

// footnoteRef is a reference in the text to footnote N.
type footnoteRef struct {
	gast.BaseInline
	N int
}

var (
	kindFootnoteDef  = gast.NewNodeKind("BriefingFootnoteDef")
	kindFootnoteDefs = gast.NewNodeKind("BriefingFootnoteDefs")
	kindFootnoteRef  = gast.NewNodeKind("BriefingFootnoteRef")
	footnoteDefsKey  = parser.NewContextKey()
)

func (n *footnoteDef) Kind() gast.NodeKind  { return kindFootnoteDef }
func (n *footnoteDefs) Kind() gast.NodeKind { return kindFootnoteDefs }
func (n *footnoteRef) Kind() gast.NodeKind  { return kindFootnoteRef }

func (n *footnoteDef) Dump(src []byte, level int) {
	gast.DumpHelper(n, src, level, map[string]string{"Label": string(n.Label)}, nil)
}

func (n *footnoteDefs) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

func (n *footnoteRef) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

// footnoteLabelEnd returns the index in b of the "]" that closes a
// label, or -1 when another "[" comes first or there is none. A
// backslash escapes the punctuation character after it.
func footnoteLabelEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			if i+1 < len(b) && util.IsPunct(b[i+1]) {
				i++
			}
		case ']':
			return i
		case '[':
			return -1
		}
	}
	return -1
}

// footnoteLabelAt returns the index of the "]" that ends the label of
// a "[^label]" at the start of b, or -1 when b starts with none. The
// "]" is looked for within maxFootnoteLabel bytes.
func footnoteLabelAt(b []byte) int {
	if len(b) < 3 || b[0] != '[' || b[1] != '^' {
		return -1
	}
	end := footnoteLabelEnd(b[2:min(len(b), 2+maxFootnoteLabel)])
	if end < 0 {
		return -1
	}
	return 2 + end
}

func footnoteDefsOf(pc parser.Context) *footnoteDefs {
	defs, _ := pc.Get(footnoteDefsKey).(*footnoteDefs)
	return defs
}

// footnoteDefParser reads a definition, "[^label]:" at the start of a
// block, its first line's text after the colon and the lines indented
// at least four columns (or blank) that follow.
type footnoteDefParser struct{}

func (footnoteDefParser) Trigger() []byte { return []byte{'['} }

func (footnoteDefParser) Open(parent gast.Node, reader text.Reader, pc parser.Context) (gast.Node, parser.State) {
	line, seg := reader.PeekLine()
	at := pc.BlockOffset()
	if at < 0 || at >= len(line) {
		return nil, parser.NoChildren
	}
	end := footnoteLabelAt(line[at:])
	if end < 0 {
		return nil, parser.NoChildren
	}
	from := at + 2
	end += at
	colon := end + 1
	if colon >= len(line) || line[colon] != ':' {
		return nil, parser.NoChildren
	}
	// line starts with the segment's padding (columns of a tab already
	// given to an outer block) written as spaces; the source does not.
	pad := seg.Padding
	label := reader.Value(text.NewSegment(seg.Start+from-pad, seg.Start+end-pad))
	if util.IsBlank(label) {
		return nil, parser.NoChildren
	}
	def := &footnoteDef{Label: label, N: -1}
	rest := colon + 1 - pad
	if rest >= len(line) {
		reader.Advance(rest)
		return def, parser.NoChildren
	}
	reader.AdvanceAndSetPadding(rest, pad)
	return def, parser.HasChildren
}

func (footnoteDefParser) Continue(node gast.Node, reader text.Reader, pc parser.Context) parser.State {
	line, _ := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Continue | parser.HasChildren
	}
	at, pad := util.IndentPosition(line, reader.LineOffset(), 4)
	if at < 0 {
		return parser.Close
	}
	reader.AdvanceAndSetPadding(at, pad)
	return parser.Continue | parser.HasChildren
}

// Close moves the definition out of the text into the list of
// definitions, which the first one to close puts in its place, or in
// the place of the definition it is written in: the list must not end
// up inside a definition it will hold, out of the document.
func (footnoteDefParser) Close(node gast.Node, reader text.Reader, pc parser.Context) {
	def := node.(*footnoteDef)
	defs := footnoteDefsOf(pc)
	if defs == nil {
		defs = &footnoteDefs{byLabel: map[string]*footnoteDef{}}
		pc.Set(footnoteDefsKey, defs)
		at := node
		for p := node.Parent(); p != nil; p = p.Parent() {
			if _, ok := p.(*footnoteDef); ok {
				at, defs.nested = p, true
			}
		}
		at.Parent().InsertBefore(at.Parent(), at, defs)
	}
	node.Parent().RemoveChild(node.Parent(), node)
	defs.AppendChild(defs, node)
	if _, seen := defs.byLabel[string(def.Label)]; !seen {
		defs.byLabel[string(def.Label)] = def
	}
}

func (footnoteDefParser) CanInterruptParagraph() bool { return true }

func (footnoteDefParser) CanAcceptIndentedLine() bool { return false }

// footnoteRefParser reads a reference "[^label]" to a defined label;
// "![^label]" is a "!" followed by one. A label nothing defines is left
// to the other parsers (and reported by the converter).
type footnoteRefParser struct{}

func (footnoteRefParser) Trigger() []byte { return []byte{'!', '['} }

func (footnoteRefParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	at := 0 // the "["
	if line[0] == '!' {
		at = 1
	}
	end := footnoteLabelAt(line[at:])
	if end < 0 {
		return nil
	}
	from := at + 2
	end += at
	defs := footnoteDefsOf(pc)
	if defs == nil {
		return nil
	}
	def := defs.byLabel[string(line[from:end])]
	if def == nil {
		return nil
	}
	if def.N < 0 {
		defs.Used++
		def.N = defs.Used
	}
	block.Advance(end + 1)
	if at == 1 {
		parent.AppendChild(parent, gast.NewTextSegment(text.NewSegment(seg.Start, seg.Start+1)))
	}
	return &footnoteRef{N: def.N}
}

// footnoteGatherer keeps the definitions that are referred to, in
// number order, at the end of the document.
type footnoteGatherer struct{}

func (footnoteGatherer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	defs := footnoteDefsOf(pc)
	if defs == nil {
		return
	}
	pc.Set(footnoteDefsKey, nil)
	var used []*footnoteDef
	for n := defs.FirstChild(); n != nil; {
		next := n.NextSibling()
		if def := n.(*footnoteDef); def.N < 0 {
			defs.RemoveChild(defs, n)
		} else {
			used = append(used, def)
		}
		n = next
	}
	if len(used) == 0 {
		if p := defs.Parent(); p != nil {
			p.RemoveChild(p, defs)
		}
		return
	}
	sort.Slice(used, func(i, j int) bool { return used[i].N < used[j].N })
	for _, def := range used {
		defs.AppendChild(defs, def) // in number order
	}
	doc.AppendChild(doc, defs)
}

// footnotesAndBareLinks adds footnotes and bare links (linkify.go) to
// goldmark's CommonMark parser.
type footnotesAndBareLinks struct{}

func (footnotesAndBareLinks) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(footnoteDefParser{}, 999)),
		parser.WithInlineParsers(
			util.Prioritized(footnoteRefParser{}, 101),
			util.Prioritized(bareLinkParser{}, 999),
		),
		parser.WithASTTransformers(util.Prioritized(footnoteGatherer{}, 999)),
	)
}
