// Package importer turns a document written for another tool — a Word
// file, a saved web page, text pasted from an e-mail — into a canonical
// Markdown briefing. Readers of each format (internal/wordread,
// internal/webread, ReadText here) produce a neutral stream of blocks;
// this package recognises the genre in that stream (the title, the
// labelled fields, the standard sections, the further reading list) and
// writes the briefing. It knows no file format and no Markdown parser.
package importer

// Inline is a run of text with its formatting, a line break or a
// footnote reference.
type Inline struct {
	Text   string
	Bold   bool
	Italic bool
	Code   bool   // text in a fixed-width font, as typed
	Link   string // the address of a hyperlink around the text, or ""
	Break  bool   // a line break; Text is empty
	Note   int    // a reference to Source.Notes[Note-1]; Text is empty
	// Picture is a picture embedded in the source; Text is empty.
	Picture *Picture
}

// Kind says what a block is.
type Kind int

const (
	Para    Kind = iota // a paragraph
	Heading             // a heading; Level 1 is the largest
	Item                // one item of a list; Level is its nesting, from 0
	Table               // a table; Rows[0] is its header
	Quote               // a paragraph of a block quote
	Code                // preformatted text, in Inlines[0].Text
	Rule                // a horizontal rule
)

// Block is one block of the source, in reading order.
type Block struct {
	Kind    Kind
	Level   int
	Ordered bool // an Item of a numbered list
	// Number is the number an ordered Item shows, when the source says
	// it (typed "3." or a Word list's start); 0 when unknown.
	Number  int
	Inlines []Inline
	Rows    [][][]Inline // Table: rows of cells
	// Align is each table column's alignment, "left", "center",
	// "right" or "" (from the header row), or a paragraph's.
	Align []string
	// Style is the source's name for the paragraph's look, lower case
	// ("title", "subtitle", "kind label", "acknowledgement"), when it
	// has one that matters here.
	Style string
	// Cont marks a paragraph that continues the list item before it.
	Cont bool
	// Line is where the block starts in the source, when the source has
	// lines (pasted text); 0 otherwise.
	Line int
	// wrapped counts the lines joined to this one.
	wrapped int
}

// Source is a document read by a reader.
type Source struct {
	Blocks []Block
	// Notes are the footnotes, in the order of their numbers.
	Notes [][]Inline
	// Keywords are the subject words of the document's properties.
	Keywords []string
	// Remarks are what the reader noticed and left out, such as a
	// linked picture it did not fetch; the import lists them.
	Remarks []string
}

// PlainText is the text of inlines without formatting, line breaks as
// spaces.
func PlainText(ins []Inline) string {
	var b []byte
	for _, in := range ins {
		if in.Break {
			b = append(b, ' ')
			continue
		}
		b = append(b, in.Text...)
	}
	return string(b)
}
