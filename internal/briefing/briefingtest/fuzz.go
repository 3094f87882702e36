package briefingtest

import "handouts/internal/briefing"

// FuzzShape bounds the briefings FromFuzz builds. Each writer's fuzz
// target keeps its own, so that its seed corpus keeps decoding to the
// same briefings.
type FuzzShape struct {
	Str        int  // a string is up to Str-1 bytes long
	LinkScheme bool // a byte after each link's address says whether it gains "https://"
	StartScale int  // a numbered list starts at byte*StartScale - 1
	Cols       int  // a table has up to Cols-1 columns,
	Rows       int  // up to Rows-1 body rows,
	Cells      int  // and up to Cells-1 cells a row, however many columns it has
}

// FromFuzz builds a briefing from fuzz bytes: each byte chooses the next
// node or a length, and strings are raw slices of the input (so they hold
// any bytes at all, invalid UTF-8 and controls included). When the bytes
// run out every choice is "nothing more", so building always ends. Nodes
// may nest as deep as the bytes say; a writer must refuse what is too
// deep rather than fail.
func FromFuzz(data []byte, shape FuzzShape) *briefing.Document {
	return (&fuzzModel{b: data, s: shape}).document()
}

type fuzzModel struct {
	b []byte
	i int
	s FuzzShape
}

func (f *fuzzModel) next() byte {
	if f.i >= len(f.b) {
		return 0
	}
	c := f.b[f.i]
	f.i++
	return c
}

func (f *fuzzModel) str() string {
	n := int(f.next()) % f.s.Str
	end := min(f.i+n, len(f.b))
	s := string(f.b[f.i:end])
	f.i = end
	return s
}

func (f *fuzzModel) inlines(depth int) []briefing.Inline {
	var out []briefing.Inline
	for n := f.next() % 5; n > 0; n-- {
		switch f.next() % 9 {
		case 0, 1:
			out = append(out, &briefing.Text{Value: f.str()})
		case 2:
			out = append(out, &briefing.Emph{Inlines: f.inlines(depth + 1)})
		case 3:
			out = append(out, &briefing.Strong{Inlines: f.inlines(depth + 1)})
		case 4:
			out = append(out, &briefing.Code{Value: f.str()})
		case 5:
			url := f.str()
			if f.s.LinkScheme && f.next()%2 == 0 {
				url = "https://" + url
			}
			out = append(out, &briefing.Link{URL: url, Inlines: f.inlines(depth + 1)})
		case 6:
			out = append(out, &briefing.Image{URL: f.str(), Alt: f.str()})
		case 7:
			out = append(out, &briefing.LineBreak{})
		case 8:
			out = append(out, &briefing.FootnoteRef{N: int(f.next()%6) - 1})
		}
	}
	return out
}

func (f *fuzzModel) blocks(depth int) []briefing.Block {
	var out []briefing.Block
	for n := f.next() % 4; n > 0; n-- {
		switch f.next() % 8 {
		case 0, 1:
			out = append(out, &briefing.Paragraph{Inlines: f.inlines(depth + 1)})
		case 2:
			out = append(out, &briefing.Heading{Level: int(f.next()%6) + 1, Inlines: f.inlines(depth + 1)})
		case 3:
			l := &briefing.List{Ordered: f.next()%2 == 0, Start: int(f.next())*f.s.StartScale - 1}
			for k := f.next() % 4; k > 0; k-- {
				l.Items = append(l.Items, &briefing.ListItem{Blocks: f.blocks(depth + 1)})
			}
			out = append(out, l)
		case 4:
			cols := int(f.next()) % f.s.Cols
			t := &briefing.Table{}
			for c := 0; c < cols; c++ {
				t.Align = append(t.Align, briefing.Align(f.next()%5))
				t.Header = append(t.Header, briefing.Cell(f.inlines(depth+1)))
			}
			for r := int(f.next()) % f.s.Rows; r > 0; r-- {
				var row []briefing.Cell
				for c := int(f.next()) % f.s.Cells; c > 0; c-- {
					row = append(row, briefing.Cell(f.inlines(depth+1)))
				}
				t.Rows = append(t.Rows, row)
			}
			out = append(out, t)
		case 5:
			out = append(out, &briefing.Quote{Blocks: f.blocks(depth + 1)})
		case 6:
			out = append(out, &briefing.CodeBlock{Lang: f.str(), Text: f.str()})
		case 7:
			out = append(out, &briefing.Rule{})
		}
	}
	return out
}

func (f *fuzzModel) document() *briefing.Document {
	d := &briefing.Document{Name: "fuzz"}
	m := &d.Meta
	m.Title, m.Subtitle, m.Producer, m.Source, m.Link, m.Format = f.str(), f.str(), f.str(), f.str(), f.str(), f.str()
	m.Kind = briefing.Kind(f.str())
	m.Responsible, m.Acknowledgement = f.str(), f.str()
	m.Audience = []string{f.str(), f.str()}
	m.Tags = []string{f.str()}
	m.Updated = briefing.Date{Year: 1900 + int(f.next())*4, Month: int(f.next() % 13), Day: int(f.next() % 29)}
	m.Published = briefing.Date{Year: 2000 + int(f.next()%30), Month: int(f.next() % 13)}
	d.Lead = f.blocks(0)
	sec := func() *briefing.Section {
		if f.next()%3 == 0 {
			return nil
		}
		return &briefing.Section{Heading: f.str(), Blocks: f.blocks(0)}
	}
	d.Impact, d.Summary, d.KeyFeatures = sec(), sec(), sec()
	for n := f.next() % 3; n > 0; n-- {
		d.Others = append(d.Others, &briefing.Section{Heading: f.str(), Blocks: f.blocks(0)})
	}
	d.FurtherReading = sec()
	for n := f.next() % 4; n > 0; n-- {
		d.Footnotes = append(d.Footnotes, &briefing.Footnote{N: len(d.Footnotes) + 1, Label: f.str(), Blocks: f.blocks(0)})
	}
	return d
}
