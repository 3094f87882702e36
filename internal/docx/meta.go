package docx

import (
	"bytes"
	"strconv"
	"strings"

	"handouts/internal/briefing"
)

// core writes docProps/core.xml: title, subject, creator, keywords, the
// acknowledgement (after the adapted-by line, if any) as description,
// language, and created and modified
// from the briefing's updated date (never the clock).
func (g *gen) core() []byte {
	m := g.h.Meta
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	el := func(name, v string) {
		b.WriteString("<" + name + ">")
		esc(&b, v)
		b.WriteString("</" + name + ">")
	}
	el("dc:title", m.Title)
	el("dc:subject", m.Subject)
	el("dc:creator", m.Author)
	el("cp:keywords", strings.Join(m.Keywords, ", "))
	desc := g.h.Acknowledgement
	if g.h.AdaptedBy != "" {
		desc = g.h.AdaptedBy + " " + desc
	}
	el("dc:description", desc)
	el("cp:lastModifiedBy", m.Author)
	el("dc:language", m.Language)
	if u := g.d.Meta.Updated; !u.IsZero() {
		t := u.Time().UTC().Format("2006-01-02T15:04:05Z")
		b.WriteString(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		b.WriteString(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	b.WriteString(`</cp:coreProperties>`)
	return b.Bytes()
}

// numbering writes numbering.xml: the reference's list definitions and
// one w:num per list of the briefing, numbered lists starting afresh at
// their first number.
func (g *gen) numbering() []byte {
	var b bytes.Buffer
	b.Grow(len(g.ref.numbering) + 128*len(g.nums) + 32)
	b.Write(g.ref.numbering)
	for i, n := range g.nums {
		id := strconv.Itoa(i + 1)
		if !n.ordered {
			b.WriteString(`<w:num w:numId="` + id + `"><w:abstractNumId w:val="1"/></w:num>`)
			continue
		}
		b.WriteString(`<w:num w:numId="` + id + `"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="` + strconv.Itoa(n.level) + `"><w:startOverride w:val="` + strconv.Itoa(n.start) + `"/></w:lvlOverride></w:num>`)
	}
	b.WriteString(`</w:numbering>`)
	return b.Bytes()
}

// fill puts the briefing's words into a header or footer template:
// {kind}, {title}, {footer} (the producer, or who adapted it from whom)
// and {producer}.
func (g *gen) fill(part []byte) []byte {
	if bytes.IndexByte(part, '{') < 0 {
		return part
	}
	v := func(s string) string { return strings.ReplaceAll(escString(s), "&#10;", " ") }
	// One pass, so a value that holds a placeholder's name is left as it is.
	r := strings.NewReplacer(
		"{kind}", v(g.h.KindLabel),
		"{title}", v(g.h.Title),
		"{footer}", v(g.h.Footer),
		"{producer}", v(g.d.Meta.Producer),
	)
	return []byte(r.Replace(string(part)))
}

// sampleBriefing is the briefing of the default reference document: one
// of everything, so that every style can be seen and changed in Word.
func sampleBriefing() *briefing.Document {
	t := func(s string) *briefing.Text { return &briefing.Text{Value: s} }
	p := func(ins ...briefing.Inline) *briefing.Paragraph { return &briefing.Paragraph{Inlines: ins} }
	item := func(bs ...briefing.Block) *briefing.ListItem { return &briefing.ListItem{Blocks: bs} }
	return &briefing.Document{
		Name: "reference",
		Meta: briefing.Meta{
			Title:       "Title of the briefing",
			Subtitle:    "Subtitle of the briefing",
			Kind:        briefing.PolicyBriefing,
			Producer:    "Your library service",
			Source:      "Publisher of the driver document",
			Link:        "https://example.org/driver-document",
			Format:      "Report",
			Published:   briefing.Date{Year: 2024, Month: 1},
			Updated:     briefing.Date{Year: 2024, Month: 2},
			Review:      briefing.Date{Year: 2024, Month: 8},
			Responsible: "Initials",
			Audience:    []string{"Library and knowledge staff"},
			Tags:        []string{"reference", "styles"},
		},
		Impact: &briefing.Section{Role: briefing.Impact, Heading: "Impact on library policy/practice (Heading 1)", Blocks: []briefing.Block{
			p(t("Body Text. Every paragraph of the briefing has this style; "), &briefing.Emph{Inlines: []briefing.Inline{t("emphasis")}}, t(" and "), &briefing.Strong{Inlines: []briefing.Inline{t("strong emphasis")}}, t(" are italic and bold, "), &briefing.Code{Value: "inline code"}, t(" is Verbatim Char, and "), &briefing.Link{URL: "https://example.org/", Inlines: []briefing.Inline{t("a link")}}, t(" is Hyperlink. A footnote reference"), &briefing.FootnoteRef{N: 1}, t(" is Footnote Reference.")),
			&briefing.List{Items: []*briefing.ListItem{
				item(p(t("List Bullet, first level")), &briefing.List{Items: []*briefing.ListItem{
					item(p(t("second level")), &briefing.List{Items: []*briefing.ListItem{
						item(p(t("third level")), &briefing.List{Items: []*briefing.ListItem{item(p(t("fourth level")))}}),
					}}),
				}}),
				item(p(t("A second item")), p(t("List Continue: a further paragraph of an item."))),
			}},
		}},
		Summary: &briefing.Section{Role: briefing.Summary, Heading: "Summary of driver", Blocks: []briefing.Block{
			&briefing.Heading{Level: 3, Inlines: []briefing.Inline{t("Heading 2")}},
			p(t("Body Text.")),
			&briefing.Heading{Level: 4, Inlines: []briefing.Inline{t("Heading 3")}},
			&briefing.List{Ordered: true, Start: 1, Items: []*briefing.ListItem{
				item(p(t("List Number, first level")), &briefing.List{Ordered: true, Start: 1, Items: []*briefing.ListItem{item(p(t("second level")))}}),
				item(p(t("A second item"))),
			}},
			&briefing.Quote{Blocks: []briefing.Block{p(t("Quote: a passage quoted from the driver document."))}},
			&briefing.CodeBlock{Text: "Source Code: preformatted text"},
			&briefing.Table{
				Align:  []briefing.Align{briefing.AlignLeft, briefing.AlignRight},
				Header: []briefing.Cell{{t("Table Heading")}, {t("Briefing Table")}},
				Rows:   [][]briefing.Cell{{{t("Table Text")}, {t("10")}}, {{t("Table Text")}, {t("20")}}},
			},
			&briefing.Rule{},
			p(t("Above: Horizontal Rule.")),
		}},
		FurtherReading: &briefing.Section{Role: briefing.FurtherReading, Heading: "Further reading", Blocks: []briefing.Block{
			&briefing.List{Ordered: true, Start: 1, Items: []*briefing.ListItem{item(p(t("Author (2024) Title of a further document. "), &briefing.Link{URL: "https://example.org/further", Inlines: []briefing.Inline{t("https://example.org/further")}}))}},
		}},
		Footnotes: []*briefing.Footnote{{N: 1, Label: "1", Blocks: []briefing.Block{p(t("Footnote Text."))}}},
	}
}
