package wordread

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"handouts/internal/importer"
)

type reader struct {
	pk        *pkg
	rels      relsInfo
	styles    map[string]string
	numbering numbering
	blocks    []importer.Block

	notes     map[string]int // footnote id → its number, by first reference
	noteOrder []string
	counters  map[string]map[int]int // numId → level → items seen

	// pictures are the pictures read, by part name; drawings counts
	// the drawings met, to name them in remarks; inNotes is set while
	// the footnotes are read.
	pictures map[string]*importer.Picture
	drawings int
	inNotes  bool
	remarks  []string
}

// skip are elements whose content is not text of the document: deleted
// text, pictures and their text boxes, properties of the section.
var skip = map[string]bool{
	"del": true, "moveFrom": true, "drawing": true, "pict": true, "object": true,
	"AlternateContent": true, "sectPr": true, "delText": true,
	"bookmarkStart": true, "bookmarkEnd": true, "proofErr": true, "commentRangeStart": true,
	"commentRangeEnd": true, "commentReference": true, "tblPr": true, "tblGrid": true,
	"trPr": true, "tcPr": true, "footnotePr": true, "endnotePr": true,
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// body reads the blocks of the main document.
func (r *reader) body(doc []byte) error {
	if err := checkDepth(doc); err != nil {
		return fmt.Errorf("is corrupt: the main document is not well-formed XML (%v)", err)
	}
	d := xml.NewDecoder(bytes.NewReader(doc))
	for {
		t, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("is corrupt: the main document is not well-formed XML (%v)", err)
		}
		if s, ok := t.(xml.StartElement); ok && s.Name.Local == "body" {
			bs, err := r.blocksUntil(d)
			if err != nil {
				return fmt.Errorf("is corrupt: the main document is not well-formed XML (%v)", err)
			}
			r.blocks = bs
			return nil
		}
	}
}

// blocksUntil reads paragraphs and tables up to the end of the element
// just opened, looking through elements that only wrap them.
func (r *reader) blocksUntil(d *xml.Decoder) ([]importer.Block, error) {
	var out []importer.Block
	err := within(d, func(t xml.StartElement) (bool, error) {
		switch {
		case skip[t.Name.Local]:
			return true, d.Skip()
		case t.Name.Local == "p":
			b, err := r.paragraph(d)
			if err != nil {
				return true, err
			}
			out = append(out, b)
			return true, nil
		case t.Name.Local == "tbl":
			b, err := r.table(d)
			if err != nil {
				return true, err
			}
			if len(b.Rows) > 0 {
				out = append(out, b)
			}
			return true, nil
		}
		return false, nil
	})
	return out, err
}

// within reads the content of the element just opened, to its end,
// calling f at each element inside it, however deep. f either reads that
// element to its end itself (and returns true) or leaves within to walk
// into it.
func within(d *xml.Decoder, f func(xml.StartElement) (read bool, err error)) error {
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			read, err := f(t)
			if err != nil {
				return err
			}
			if !read {
				depth++
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
		}
	}
}

// props are a paragraph's properties.
type props struct {
	style   string
	numID   string
	ilvl    int
	outline int // outline level + 1; 0 when none
	jc      string
}

func (r *reader) pPr(d *xml.Decoder) (props, error) {
	var p props
	err := within(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "rPr", "sectPr", "pPrChange":
			return true, d.Skip()
		case "pStyle":
			p.style = attr(t, "val")
		case "numId":
			p.numID = attr(t, "val")
		case "ilvl":
			p.ilvl, _ = strconv.Atoi(attr(t, "val"))
		case "jc":
			switch v := attr(t, "val"); v {
			case "left", "start":
				p.jc = "left"
			case "center", "right":
				p.jc = v
			case "end":
				p.jc = "right"
			}
		case "outlineLvl":
			if n, err := strconv.Atoi(attr(t, "val")); err == nil && n < 9 {
				p.outline = n + 1
			}
		}
		return false, nil
	})
	return p, err
}

// field is an open complex field (a HYPERLINK, a page number).
type field struct {
	instr     string
	separated bool
}

// inl reads the inline content up to the end of the element just
// opened (a paragraph): runs, hyperlinks, fields, footnote references.
type inl struct {
	r      *reader
	out    []importer.Inline
	links  []string // open hyperlinks; "" for one with no address
	fields []*field
	props  props
}

func (r *reader) paragraph(d *xml.Decoder) (importer.Block, error) {
	x := &inl{r: r}
	if err := x.read(d); err != nil {
		return importer.Block{}, err
	}
	return r.classify(x.props, x.out), nil
}

func (x *inl) link() string {
	for i := len(x.fields) - 1; i >= 0; i-- {
		if f := x.fields[i]; f.separated {
			if u := hyperlinkOf(f.instr); u != "" {
				return u
			}
		}
	}
	for i := len(x.links) - 1; i >= 0; i-- {
		if x.links[i] != "" {
			return x.links[i]
		}
	}
	return ""
}

// hyperlinkOf reads the address of a HYPERLINK field instruction.
func hyperlinkOf(instr string) string {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") {
		return ""
	}
	for _, a := range f[1:] {
		if strings.HasPrefix(a, `\`) {
			continue
		}
		return strings.Trim(a, `"`)
	}
	return ""
}

func (x *inl) read(d *xml.Decoder) error {
	// ends records, for each open element, what closing it undoes.
	var ends []string
	for {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case skip[name]:
				if err := d.Skip(); err != nil {
					return err
				}
			case name == "pPr":
				if x.props, err = x.r.pPr(d); err != nil {
					return err
				}
			case name == "r":
				if err := x.run(d); err != nil {
					return err
				}
			case name == "hyperlink":
				u := ""
				if id := attr(t, "id"); id != "" {
					u = x.r.rels.links[id]
				}
				x.links = append(x.links, u)
				ends = append(ends, "link")
			case name == "fldSimple":
				x.fields = append(x.fields, &field{instr: attr(t, "instr"), separated: true})
				ends = append(ends, "field")
			case name == "p" || name == "tbl":
				// A paragraph in a text box inside this one: its text
				// runs on.
				ends = append(ends, "")
			default:
				ends = append(ends, "")
			}
		case xml.EndElement:
			if len(ends) == 0 {
				return nil
			}
			switch ends[len(ends)-1] {
			case "link":
				x.links = x.links[:len(x.links)-1]
			case "field":
				x.fields = x.fields[:len(x.fields)-1]
			}
			ends = ends[:len(ends)-1]
		}
	}
}

// run reads one w:r.
func (x *inl) run(d *xml.Decoder) error {
	bold, italic, code := false, false, false
	depth := 0
	inText := false
	var instr *field
	for {
		t, err := d.Token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case name == "rPr":
				if bold, italic, code, err = runProps(d); err != nil {
					return err
				}
				continue
			case name == "drawing" || name == "pict":
				di, err := readDrawing(d)
				if err != nil {
					return err
				}
				if p := x.r.picture(di); p != nil {
					x.out = append(x.out, importer.Inline{Picture: p})
				}
				continue
			case skip[name]:
				if err := d.Skip(); err != nil {
					return err
				}
				continue
			case name == "t":
				inText = true
			case name == "instrText":
				if n := len(x.fields); n > 0 {
					instr = x.fields[n-1]
				}
			case name == "tab", name == "ptab":
				x.text(" ", bold, italic)
			case name == "br", name == "cr":
				if ty := attr(t, "type"); ty != "page" && ty != "column" {
					x.out = append(x.out, importer.Inline{Break: true})
				}
			case name == "noBreakHyphen":
				x.text("-", bold, italic)
			case name == "sym":
				// A symbol font character: not text we can read.
			case name == "fldChar":
				switch attr(t, "fldCharType") {
				case "begin":
					x.fields = append(x.fields, &field{})
				case "separate":
					if n := len(x.fields); n > 0 {
						x.fields[n-1].separated = true
					}
				case "end":
					if n := len(x.fields); n > 0 {
						x.fields = x.fields[:n-1]
					}
				}
			case name == "footnoteReference":
				id := attr(t, "id")
				n, seen := x.r.notes[id]
				if !seen {
					x.r.noteOrder = append(x.r.noteOrder, id)
					n = len(x.r.noteOrder)
					x.r.notes[id] = n
				}
				x.out = append(x.out, importer.Inline{Note: n})
			}
			depth++
		case xml.CharData:
			switch {
			case inText && !x.inInstruction():
				x.text(string(t), bold, italic)
				if code {
					x.out[len(x.out)-1].Code = true
				}
			case instr != nil:
				instr.instr += string(t)
			}
		case xml.EndElement:
			if depth == 0 {
				return nil
			}
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "instrText":
				instr = nil
			}
		}
	}
}

// inInstruction reports text between a field's begin and its separator,
// which is the field's code, not its result.
func (x *inl) inInstruction() bool {
	for _, f := range x.fields {
		if !f.separated {
			return true
		}
	}
	return false
}

func (x *inl) text(s string, bold, italic bool) {
	if s == "" {
		return
	}
	x.out = append(x.out, importer.Inline{Text: s, Bold: bold, Italic: italic, Link: x.link()})
}

// runProps reads bold and italic from a run's properties: w:b and w:i,
// or the character styles Strong and Emphasis.
func runProps(d *xml.Decoder) (bold, italic, code bool, err error) {
	on := func(e xml.StartElement) bool {
		switch strings.ToLower(attr(e, "val")) {
		case "0", "false", "off", "none":
			return false
		}
		return true
	}
	err = within(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "b":
			bold = on(t)
		case "i":
			italic = on(t)
		case "rStyle":
			switch strings.ToLower(attr(t, "val")) {
			case "strong", "strongemphasis":
				bold = true
			case "emphasis":
				italic = true
			case "verbatimchar", "htmlcode", "sourcetext", "sourcecode", "codechar":
				code = true
			}
		case "rPrChange":
			return true, d.Skip()
		}
		return false, nil
	})
	return bold, italic, code, err
}

// classify makes a block of a paragraph from its style and numbering.
func (r *reader) classify(p props, ins []importer.Inline) importer.Block {
	name := r.styles[p.style]
	if name == "" {
		name = strings.ToLower(p.style)
	}
	b := importer.Block{Kind: importer.Para, Inlines: ins}
	if p.jc != "" {
		b.Align = []string{p.jc}
	}
	switch {
	case name == "title", name == "subtitle", name == "kind label", name == "kindlabel",
		name == "acknowledgement", name == "panel heading", name == "panelheading":
		b.Style = strings.ReplaceAll(strings.ReplaceAll(name, "kindlabel", "kind label"), "panelheading", "panel heading")
		return b
	case strings.HasPrefix(name, "heading"):
		// "heading 1" by name, or "Heading1" as an id with no styles.
		if n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(name, "heading"))); err == nil && n >= 1 && n <= 9 {
			b.Kind, b.Level = importer.Heading, n
			return b
		}
	}
	if p.numID != "" && p.numID != "0" {
		levels, ok := r.numbering[p.numID]
		if ok {
			b.Kind, b.Level = importer.Item, min(p.ilvl, 8)
			lv := levels[p.ilvl]
			b.Ordered = lv.ordered
			if r.counters == nil {
				r.counters = map[string]map[int]int{}
			}
			c := r.counters[p.numID]
			if c == nil {
				c = map[int]int{}
				r.counters[p.numID] = c
			}
			for l := range c {
				if l > p.ilvl {
					delete(c, l)
				}
			}
			if b.Ordered {
				b.Number = lv.start + c[p.ilvl]
			}
			c[p.ilvl]++
			return b
		}
	}
	switch {
	case p.outline > 0:
		b.Kind, b.Level = importer.Heading, p.outline
	case name == "list bullet" || name == "list number":
		b.Kind, b.Ordered = importer.Item, name == "list number"
	case strings.HasPrefix(name, "list continue") || name == "list paragraph":
		b.Cont = true
	case strings.Contains(name, "quote") || name == "block text":
		b.Kind = importer.Quote
	case name == "source code" || strings.Contains(name, "preformatted"):
		b.Kind = importer.Code
		var s strings.Builder
		for _, in := range ins {
			if in.Break {
				s.WriteByte('\n')
			}
			s.WriteString(in.Text)
		}
		b.Inlines = []importer.Inline{{Text: s.String()}}
	case name == "horizontal rule":
		b.Kind = importer.Rule
	}
	return b
}

// table reads a table: each cell's paragraphs joined by spaces.
func (r *reader) table(d *xml.Decoder) (importer.Block, error) {
	b := importer.Block{Kind: importer.Table}
	var row [][]importer.Inline
	inRow := false
	depth := 0
	for {
		t, err := d.Token()
		if err != nil {
			return b, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch name := t.Name.Local; {
			case skip[name]:
				if err := d.Skip(); err != nil {
					return b, err
				}
				continue
			case name == "tr":
				row, inRow = nil, true
			case name == "tc":
				cellBlocks, err := r.blocksUntil(d)
				if err != nil {
					return b, err
				}
				var cell []importer.Inline
				// A column's alignment is its first body cell's (a
				// header is often centred by its style), else its
				// header's.
				if len(b.Rows) <= 1 {
					a := ""
					if len(cellBlocks) > 0 && len(cellBlocks[0].Align) > 0 {
						a = cellBlocks[0].Align[0]
					}
					switch c := len(row); {
					case len(b.Rows) == 0:
						b.Align = append(b.Align, a)
					case c < len(b.Align):
						b.Align[c] = a
					}
				}
				for i, cb := range flatten(cellBlocks) {
					if i > 0 {
						cell = append(cell, importer.Inline{Text: " "})
					}
					cell = append(cell, cb.Inlines...)
				}
				row = append(row, cell)
				continue
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return b, nil
			}
			depth--
			if t.Name.Local == "tr" && inRow {
				if len(row) > 0 {
					b.Rows = append(b.Rows, row)
				}
				inRow = false
			}
		}
	}
}

// flatten turns a table nested in a cell into its paragraphs.
func flatten(bs []importer.Block) []importer.Block {
	var out []importer.Block
	for _, b := range bs {
		if b.Kind != importer.Table {
			out = append(out, b)
			continue
		}
		for _, row := range b.Rows {
			for _, c := range row {
				out = append(out, importer.Block{Kind: importer.Para, Inlines: c})
			}
		}
	}
	return out
}

// footnotes reads each footnote's text, by id.
func (r *reader) footnotes(b []byte) (map[string][]importer.Inline, error) {
	out := map[string][]importer.Inline{}
	if err := checkDepth(b); err != nil {
		return nil, fmt.Errorf("is corrupt: the footnotes are not well-formed XML (%v)", err)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		t, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("is corrupt: the footnotes are not well-formed XML (%v)", err)
		}
		s, ok := t.(xml.StartElement)
		if !ok || s.Name.Local != "footnote" {
			continue
		}
		id := attr(s, "id")
		if _, wanted := r.notes[id]; !wanted {
			if err := d.Skip(); err != nil {
				return nil, err
			}
			continue
		}
		bs, err := r.blocksUntil(d)
		if err != nil {
			return nil, fmt.Errorf("is corrupt: the footnotes are not well-formed XML (%v)", err)
		}
		var ins []importer.Inline
		for i, fb := range flatten(bs) {
			if i > 0 {
				ins = append(ins, importer.Inline{Text: " "})
			}
			ins = append(ins, fb.Inlines...)
		}
		out[id] = ins
	}
}
