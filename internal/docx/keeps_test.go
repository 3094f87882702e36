package docx

import (
	"regexp"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

// paraProps returns the properties (after w:pStyle) of the paragraph
// whose text starts with text.
func paraProps(t *testing.T, doc, text string) string {
	t.Helper()
	re := regexp.MustCompile(`<w:p><w:pPr><w:pStyle w:val="[^"]+"/>((?:[^<]|<[^/]|</[^w]|</w:[^p])*?)</w:pPr>(?:<w:r>(?:<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">)` + regexp.QuoteMeta(text))
	m := re.FindStringSubmatch(doc)
	if m == nil {
		t.Fatalf("no paragraph starts with %q", text)
	}
	return m[1]
}

func TestKeeps(t *testing.T) {
	table := &briefing.Table{
		Align:  []briefing.Align{briefing.AlignNone, briefing.AlignNone},
		Header: []briefing.Cell{{bt.Text("Option")}, {bt.Text("How")}},
		Rows:   [][]briefing.Cell{{{bt.Text("one")}, {bt.Text("cell")}}},
	}
	d := bt.Minimal(
		bt.Para(bt.Text("Contracted for in three ways:")), table,
		bt.Para(bt.Text("After the table.")),
		bt.Para(bt.Text("Points as follows:")),
		bt.Bullets(bt.Item(bt.Para(bt.Text("item one"))), bt.Item(bt.Para(bt.Text("item two"))), bt.Item(bt.Para(bt.Text("item three")))),
		bt.Para(bt.Text("A paragraph in the middle of the section, long enough to be more than four lines of text. "+strings.Repeat("More words for its length. ", 20))),
		bt.Para(bt.Text("Closing one.")),
		bt.Para(bt.Text("Closing two.")),
	)
	d.Others = append(d.Others, &briefing.Section{Heading: "Short after heading", Blocks: []briefing.Block{
		bt.Para(bt.Text("Short first paragraph.")), bt.Para(bt.Text("Second paragraph.")),
		bt.Para(bt.Text("Last but two.")), bt.Para(bt.Text("Last but one.")), bt.Para(bt.Text("Last of all.")),
	}})
	doc := partOf(t, docxOf(t, d), "word/document.xml")
	for _, tc := range []struct{ text, want string }{
		{"Contracted for in three ways:", `<w:keepNext/><w:keepLines/>`},
		{"After the table.", `<w:spacing w:before="140"/>`},
		{"Points as follows:", `<w:keepNext/><w:keepLines/>`},
		{"item one", `<w:numPr>`},
		{"item two", `<w:keepNext/><w:numPr>`},
		{"item three", `<w:keepLines/><w:numPr>`},
		{"A paragraph in the middle", ``},
		{"Short first paragraph.", `<w:keepLines/>`},
		{"Second paragraph.", ``},
		// The closing panel takes the last paragraphs with it.
		{"Last but two.", `<w:keepNext/>`},
		{"Last but one.", `<w:keepNext/>`},
		{"Last of all.", `<w:keepNext/><w:keepLines/>`},
	} {
		got := paraProps(t, doc, tc.text)
		if tc.want == "" && got != "" || !strings.HasPrefix(got, tc.want) || tc.want == `<w:numPr>` && strings.Contains(got, "keep") {
			t.Errorf("%q has properties %s, want %s", tc.text, got, tc.want)
		}
	}
}
