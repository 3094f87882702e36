// Package briefing holds the document model of a briefing: typed metadata
// and a small tree of blocks and inlines of our own. The Markdown reader
// builds it, the validator checks it, and every writer walks it; nothing
// past the reader knows how the text was parsed.
package briefing

import (
	"strings"

	"handouts/internal/picture"
)

// Kind is the kind of briefing.
type Kind string

const (
	PolicyBriefing Kind = "policy-briefing"
	HotTopic       Kind = "hot-topic"
)

// Label is the kind as printed on a handout.
func (k Kind) Label() string {
	switch k {
	case HotTopic:
		return "Hot topic"
	default:
		return "Policy briefing"
	}
}

// Meta is the front matter of a briefing, typed.
type Meta struct {
	Title    string
	Subtitle string
	Kind     Kind

	Producer string // who wrote the briefing (the library service)
	Source   string // who published the driver document
	Link     string // absolute http(s) URL of the driver document
	Format   string // publication format of the driver ("PDF", "Long read")

	Published Date // date of publication of the driver; zero if not given
	Updated   Date // date this briefing was last updated
	Review    Date // date this briefing is due for review

	Responsible string   // group member responsible
	Audience    []string // primary audience, one or more
	Tags        []string

	// Acknowledgement is the reuse statement as the author wrote it; empty
	// means the project's (or the built-in) wording.
	Acknowledgement string

	// Draft marks a briefing still being written: check reports its
	// problems as warnings and build leaves it out unless asked.
	Draft bool
	// Lang is the briefing's language, a BCP 47 tag in its usual case
	// (en-GB, cy); empty means en-GB.
	Lang string
}

// Role says which standard section a section is, if any.
type Role int

const (
	Other          Role = iota // a section of the author's own
	Impact                     // Impact on library policy/practice
	Summary                    // Summary of driver
	KeyFeatures                // Key features of driver
	FurtherReading             // Further reading
)

// Section is a level-2 heading and the blocks up to the next one.
type Section struct {
	Role    Role
	Heading string // the heading's plain text as written
	Line    int    // line of the heading in the source file
	Blocks  []Block
}

// Document is one parsed briefing.
type Document struct {
	Path string // the source path as given, for messages
	Name string // output base name: the source file name without ".md"
	Meta Meta

	// Lead holds any blocks before the first section.
	Lead []Block

	// Standard sections (nil when absent) and the author's own, in order.
	Impact         *Section
	Summary        *Section
	KeyFeatures    *Section
	FurtherReading *Section
	Others         []*Section

	// Footnotes in order of first reference; FootnoteRef.N indexes them
	// from 1.
	Footnotes []*Footnote

	// PictureURLs are the addresses of the local pictures shown, what
	// PictureURLs finds: a build that parses a briefing before hashing
	// its inputs takes them from here rather than parsing it twice.
	PictureURLs []string
}

// Sections returns the sections in handout order: impact, summary, key
// features, the author's own sections in their order, further reading.
func (d *Document) Sections() []*Section {
	var out []*Section
	for _, s := range []*Section{d.Impact, d.Summary, d.KeyFeatures} {
		if s != nil {
			out = append(out, s)
		}
	}
	out = append(out, d.Others...)
	if d.FurtherReading != nil {
		out = append(out, d.FurtherReading)
	}
	return out
}

// Footnote is the text of one footnote.
type Footnote struct {
	N      int // 1-based, order of first reference
	Label  string
	Blocks []Block
}

// Block is a block-level element. The set is closed: Heading, Paragraph,
// List, Table, Quote, CodeBlock, Rule.
type Block interface{ block() }

// Inline is an inline element. The set is closed: Text, Emph, Strong, Code,
// Link, Image, LineBreak, FootnoteRef.
type Inline interface{ inline() }

// Heading is a heading below section level (### and deeper); Level 3–6.
type Heading struct {
	Level   int
	Inlines []Inline
	Line    int
}

// Paragraph is a run of inline content.
type Paragraph struct {
	Inlines []Inline
	Line    int
}

// List is a bullet or numbered list. Items hold blocks, so lists nest.
type List struct {
	Ordered bool
	Start   int // first number of an ordered list (usually 1)
	Items   []*ListItem
	Line    int
}

// ListItem is one item of a list.
type ListItem struct {
	Blocks []Block
	Line   int
}

// Align is a table column's alignment.
type Align int

const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with one header row.
type Table struct {
	Align  []Align  // one per column
	Header []Cell   // one per column
	Rows   [][]Cell // each row has len(Align) cells
	Line   int
}

// Cell is the inline content of one table cell.
type Cell []Inline

// Quote is a block quote.
type Quote struct {
	Blocks []Block
	Line   int
}

// CodeBlock is preformatted text.
type CodeBlock struct {
	Lang string
	Text string // lines joined by "\n", no trailing newline
	Line int
}

// Rule is a thematic break.
type Rule struct{ Line int }

func (*Heading) block()   {}
func (*Paragraph) block() {}
func (*List) block()      {}
func (*Table) block()     {}
func (*Quote) block()     {}
func (*CodeBlock) block() {}
func (*Rule) block()      {}

// Text is plain text, with typographic quotes and dashes already applied.
type Text struct{ Value string }

// Emph is emphasis (italic).
type Emph struct{ Inlines []Inline }

// Strong is strong emphasis (bold).
type Strong struct{ Inlines []Inline }

// Code is inline code.
type Code struct{ Value string }

// Link is a hyperlink. A bare URL (autolink) has one Text child equal to
// the address; writers print the address once for those.
type Link struct {
	URL     string
	Inlines []Inline
}

// Image is an image reference. A remote image (an http or https address)
// is never fetched: writers show the alternative text and the address. A
// local picture (a file path relative to the briefing) has Picture set:
// the file as read and checked, which writers draw as a figure of its
// own. A local picture is always alone in a paragraph at section level.
type Image struct {
	URL string
	Alt string

	// Local pictures only.
	Picture    *picture.Picture
	Decorative bool // marked "decorative": no alternative text, skipped by screen readers
	Width      int  // width in percent of the text width, 1–100; 0 for its natural size
	Line       int  // line of the picture in the source file
}

// LineBreak is a hard line break.
type LineBreak struct{}

// FootnoteRef refers to Document.Footnotes[N-1].
type FootnoteRef struct{ N int }

func (*Text) inline()        {}
func (*Emph) inline()        {}
func (*Strong) inline()      {}
func (*Code) inline()        {}
func (*Link) inline()        {}
func (*Image) inline()       {}
func (*LineBreak) inline()   {}
func (*FootnoteRef) inline() {}

// IsBare reports whether the link's text is its own address, as for an
// autolink (a bare www. address is linked with http:// before it), so the
// address need not be printed a second time.
func (l *Link) IsBare() bool {
	s := PlainText(l.Inlines)
	return s == l.URL || "mailto:"+s == l.URL || strings.HasPrefix(s, "www.") && "http://"+s == l.URL
}

// PlainText returns the text of inlines without formatting. It walks
// the inlines with a stack of its own rather than by recursion, so that a
// model built by hand (not by the parser, which bounds nesting) may nest
// to any depth without exhausting the goroutine's stack.
func PlainText(ins []Inline) string {
	var b []byte
	stack := [][]Inline{ins}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if len(*top) == 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		in := (*top)[0]
		*top = (*top)[1:]
		switch n := in.(type) {
		case *Text:
			b = append(b, n.Value...)
		case *Code:
			b = append(b, n.Value...)
		case *Emph:
			stack = append(stack, n.Inlines)
		case *Strong:
			stack = append(stack, n.Inlines)
		case *Link:
			stack = append(stack, n.Inlines)
		case *Image:
			b = append(b, n.Alt...)
		case *LineBreak:
			b = append(b, ' ')
		}
	}
	return string(b)
}
