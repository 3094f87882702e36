package pdf

import (
	"bytes"
	"errors"
	"testing"

	"handouts/internal/briefing"
)

// fuzzModel builds a briefing from fuzz bytes: each byte chooses the next
// node or a length, and strings are raw slices of the input (so they hold
// any bytes at all, invalid UTF-8 and controls included). When the bytes
// run out every choice is "nothing more", so building always ends.
type fuzzModel struct {
	b []byte
	i int
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
	n := int(f.next() % 40)
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
			if f.next()%2 == 0 {
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
			l := &briefing.List{Ordered: f.next()%2 == 0, Start: int(f.next())*997 - 1}
			for k := f.next() % 4; k > 0; k-- {
				l.Items = append(l.Items, &briefing.ListItem{Blocks: f.blocks(depth + 1)})
			}
			out = append(out, l)
		case 4:
			cols := int(f.next() % 6)
			t := &briefing.Table{}
			for c := 0; c < cols; c++ {
				t.Align = append(t.Align, briefing.Align(f.next()%5))
				t.Header = append(t.Header, briefing.Cell(f.inlines(depth+1)))
			}
			for r := f.next() % 4; r > 0; r-- {
				var row []briefing.Cell
				for c := int(f.next() % 7); c > 0; c-- {
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

func FuzzWrite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x05Title\x00\x03Lib\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x02\x01\x03\x02\x01\x01\x03\x00hello"))
	f.Add(bytes.Repeat([]byte{3, 3, 1, 1, 5}, 40))
	f.Add(bytes.Repeat([]byte{2, 5, 1, 2, 2}, 60))
	f.Add([]byte("\x07(\\)\xff\x00\x01\x03\x04\x04\x02\x04\x05\x06\x07\x08\x01\x02\x03\x04\x05\x06\x07\x08\x09"))
	f.Add([]byte("\x08“Zoë” £€\x03\x02\x01\x01\x0c\x01\x00\xf0\x9f\x98\x80漢字\t\r\n\x04\x04\x04\x04"))
	f.Add(bytes.Repeat([]byte{1, 4, 5, 3, 3, 4, 6, 2}, 80))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := (&fuzzModel{b: data}).document()
		for _, paper := range []string{"", "letter"} {
			var b bytes.Buffer
			err := Write(&b, d, Options{Paper: paper})
			if errors.Is(err, ErrTooDeep) {
				return
			}
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			out := b.Bytes()
			if !bytes.HasPrefix(out, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimRight(out, "\n"), []byte("%%EOF")) {
				t.Fatalf("not a whole PDF: starts %q, ends %q", out[:min(len(out), 8)], out[max(len(out)-8, 0):])
			}
		}
	})
}
