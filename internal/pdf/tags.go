package pdf

// The structure of a tagged handout. While laying out, the layouter
// keeps a tree of structure elements in the briefing's order (Document,
// H1–H6, P, L, Table, Link, Note...) and marks every drawing operation
// with the element it belongs to, or as an artifact (rules, panel
// backgrounds, quote bars, a table header repeated on a new page). The
// renderer wraps each run of operations of one element in marked
// content with its own id (tagged.go); the finished file then gets the
// structure tree that points at them.

// tag is the element a drawing operation belongs to: an index into the
// layouter's elements, or one of the kinds of artifact below. Zero is
// "not yet said": the operation takes the layouter's current element
// when its row is added (lines and rectangles become layout artifacts).
type tag int32

const (
	tagUnset      tag = 0
	tagArtifact   tag = -1 // a layout artifact: rule, background, bar
	tagPagination tag = -2 // a pagination artifact: a repeated table header
	tagFooter     tag = -3 // the running footer, a pagination artifact
)

// elem is one structure element.
type elem struct {
	typ    string // a standard structure type
	parent tag    // 0 for the Document, the root
	// inline elements (Link) join their parent's content where they are
	// first drawn, between its marked content; the others join it when
	// made, which is the briefing's order.
	inline bool
	scope  string // a table header cell's /Scope: Row or Column
	list   string // a list's /ListNumbering
	alt    string // a Figure's /Alt, or a Link's /Contents
	id     string // a Note's /ID
}

// Standard structure types used; the test checks every element is one.
var standardTypes = map[string]bool{
	"Document": true, "Part": true, "Sect": true, "Div": true, "P": true,
	"H1": true, "H2": true, "H3": true, "H4": true, "H5": true, "H6": true,
	"L": true, "LI": true, "Lbl": true, "LBody": true,
	"Table": true, "TR": true, "TH": true, "TD": true, "THead": true, "TBody": true,
	"Link": true, "Note": true, "BlockQuote": true, "Code": true, "Figure": true,
	"Span": true, "Quote": true, "Reference": true, "Caption": true,
}

// tree holds the elements; element 0 is a placeholder so that tag 0
// stays "unset", element 1 the Document.
type tree struct {
	elems []elem
}

func newTree() *tree {
	elems := make([]elem, 2, 256)
	elems[1].typ = "Document"
	return &tree{elems: elems}
}

// open makes an element of type typ inside the current one and makes it
// current; it returns the element that was current, for close.
func (l *layouter) open(typ string) tag {
	prev := l.cur
	l.cur = l.child(typ)
	return prev
}

// close makes prev current again.
func (l *layouter) close(prev tag) { l.cur = prev }

// child makes an element of type typ inside the current one.
func (l *layouter) child(typ string) tag {
	l.tags.elems = append(l.tags.elems, elem{typ: typ, parent: l.cur})
	return tag(len(l.tags.elems) - 1)
}

// elem returns element t for setting its attributes.
func (l *layouter) elem(t tag) *elem { return &l.tags.elems[t] }

// inlineChild makes an inline element (Link) inside the current one,
// placed among its content where it is first drawn.
func (l *layouter) inlineChild(typ, contents string) tag {
	t := l.child(typ)
	e := l.elem(t)
	e.inline, e.alt = true, contents
	return t
}

// figure makes a Figure with alternative text inside the current
// element, for a picture drawn with ops tagged with it.
func (l *layouter) figure(alt string) tag {
	t := l.child("Figure")
	l.elem(t).alt = alt
	return t
}

// tagRows gives the ops of rows that have no tag yet the tag t, and
// lines and rectangles (rules, grounds) the artifact tag.
func tagRows(rows []*row, t tag) {
	for _, r := range rows {
		tagOps(r.ops, t)
	}
}

func tagOps(ops []op, t tag) {
	for i := range ops {
		o := &ops[i]
		if o.tag != tagUnset {
			continue
		}
		switch o.kind {
		case opRect, opLine:
			o.tag = tagArtifact
		default:
			o.tag = t
		}
	}
}

// headingType is the structure type of a heading of a level, kept from
// skipping a level after the one before (a ### straight after the
// title is an H3 under no H2 otherwise).
func (l *layouter) headingType(level int) string {
	level = max(2, min(level, 6, l.lastHeading+1))
	l.lastHeading = level
	return "H" + string(rune('0'+level))
}

// listNumbering is a list's /ListNumbering, after its markers.
func listNumbering(ordered bool, level int) string {
	switch min(level, maxListLevel) % 3 {
	case 0:
		if ordered {
			return "Decimal"
		}
		return "Disc"
	case 1:
		if ordered {
			return "LowerAlpha"
		}
		return "Circle"
	}
	if ordered {
		return "LowerRoman"
	}
	return "Square"
}

// tagged runs lay inside a new element of type typ.
func (l *layouter) tagged(typ string, lay func()) {
	prev := l.open(typ)
	lay()
	l.close(prev)
}
