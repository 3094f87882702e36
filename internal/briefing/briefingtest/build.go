package briefingtest

import "handouts/internal/briefing"

// Builders for hand-made documents.

func Text(s string) *briefing.Text { return &briefing.Text{Value: s} }

func Para(ins ...briefing.Inline) *briefing.Paragraph {
	return &briefing.Paragraph{Inlines: ins}
}

func Item(bs ...briefing.Block) *briefing.ListItem { return &briefing.ListItem{Blocks: bs} }

func Bullets(items ...*briefing.ListItem) *briefing.List {
	return &briefing.List{Items: items}
}

func Numbered(start int, items ...*briefing.ListItem) *briefing.List {
	return &briefing.List{Ordered: true, Start: start, Items: items}
}

func Link(url string, ins ...briefing.Inline) *briefing.Link {
	return &briefing.Link{URL: url, Inlines: ins}
}

func Emph(ins ...briefing.Inline) *briefing.Emph { return &briefing.Emph{Inlines: ins} }

func Strong(ins ...briefing.Inline) *briefing.Strong { return &briefing.Strong{Inlines: ins} }

// Minimal returns a valid briefing whose only section is the impact
// section, holding blocks.
func Minimal(blocks ...briefing.Block) *briefing.Document {
	return &briefing.Document{
		Name: "test",
		Meta: briefing.Meta{
			Title:       "Test briefing",
			Kind:        briefing.PolicyBriefing,
			Producer:    "Test Library",
			Source:      "Test Publisher",
			Link:        "https://example.org/driver",
			Format:      "PDF",
			Published:   briefing.Date{Year: 2018, Month: 2},
			Updated:     briefing.Date{Year: 2018, Month: 3, Day: 14},
			Review:      briefing.Date{Year: 2018, Month: 9},
			Responsible: "VT",
			Audience:    []string{"LKS staff"},
			Tags:        []string{"one", "two"},
		},
		Impact: &briefing.Section{Role: briefing.Impact, Heading: "Impact on library policy/practice", Blocks: blocks},
	}
}

// Rich returns a briefing with one of every element of the model: every
// inline and block, nested lists, a table with aligned columns, a
// subtitle, sections of every kind and two notes. Each call builds a new
// one, which a test may change.
func Rich() *briefing.Document {
	tx, para, li := Text, Para, Item
	d := Minimal(
		para(tx("Plain “curly” text — with a dash, £5 and €6 for Zoë and Łukasz, "), Emph(tx("emphasis")), tx(", "),
			Strong(tx("strong "), Emph(tx("both"))),
			tx(", "), &briefing.Code{Value: "code()"}, tx(", a "), Link("https://example.org/a", tx("link")),
			tx(", mail "), Link("mailto:library@example.org", tx("library@example.org")),
			tx(", a break"), &briefing.LineBreak{}, tx("and a note"), &briefing.FootnoteRef{N: 1}, tx(".")),
		Bullets(li(para(tx("first"))), li(para(tx("second")), para(tx("second, more")),
			Numbered(3, li(para(tx("nested three"))), li(para(tx("nested four")))))),
		&briefing.Table{
			Align:  []briefing.Align{briefing.AlignNone, briefing.AlignCenter, briefing.AlignRight},
			Header: []briefing.Cell{{tx("Name")}, {tx("Mid")}, {tx("Count")}},
			Rows: [][]briefing.Cell{{{tx("alpha")}, {tx("beta")}, {tx("1")}},
				{{tx("gamma")}, {tx("delta")}, {tx("2")}}},
		},
		&briefing.Quote{Blocks: []briefing.Block{para(tx("Quoted words.")), para(tx("More quoted words."))}},
		&briefing.CodeBlock{Text: "line one\n\tline two"},
		&briefing.Rule{},
		para(&briefing.Image{URL: "https://example.org/i.png", Alt: "a chart"}),
	)
	d.Meta.Subtitle = "A subtitle"
	d.Summary = &briefing.Section{Role: briefing.Summary, Heading: "Summary of driver", Blocks: []briefing.Block{
		&briefing.Heading{Level: 3, Inlines: []briefing.Inline{tx("Sub heading")}},
		&briefing.Heading{Level: 4, Inlines: []briefing.Inline{tx("Sub sub heading")}},
		para(tx("Summary text"), &briefing.FootnoteRef{N: 2}),
	}}
	d.Others = []*briefing.Section{{Heading: "What is it?", Blocks: []briefing.Block{para(tx("Own section."))}}}
	d.FurtherReading = &briefing.Section{Role: briefing.FurtherReading, Heading: "Further reading", Blocks: []briefing.Block{
		Numbered(1, li(para(tx("King’s Fund (2016) Something. "), Link("https://example.org/kf", tx("https://example.org/kf"))))),
	}}
	d.Footnotes = []*briefing.Footnote{
		{N: 1, Label: "a", Blocks: []briefing.Block{para(tx("Note one with "), Link("https://example.org/note", tx("a link")))}},
		{N: 2, Label: "b", Blocks: []briefing.Block{para(tx("Note two."))}},
	}
	return d
}
