package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/fontmetrics"
	"handouts/internal/handout"
)

func TestPartsInOrderAndWellFormed(t *testing.T) {
	b := docxOf(t, bt.Rich())
	checkParts(t, b)
	var names []string
	for _, p := range unzip(t, b) {
		names = append(names, p.name)
	}
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/numbering.xml", "word/footnotes.xml",
		"word/_rels/footnotes.xml.rels", "word/header1.xml", "word/footer1.xml", "word/styles.xml",
		"word/settings.xml", "word/fontTable.xml"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("parts:\n got %v\nwant %v", names, want)
	}
	ct := partOf(t, b, "[Content_Types].xml")
	for _, n := range want[2:] {
		if strings.HasSuffix(n, ".rels") {
			continue
		}
		if !strings.Contains(ct, `PartName="/`+n+`"`) {
			t.Errorf("[Content_Types].xml has no override for %s", n)
		}
	}
	settings := partOf(t, b, "word/settings.xml")
	for _, s := range []string{`w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"`, `<w:themeFontLang w:val="en-GB"/>`, `<w:footnote w:id="-1"/>`} {
		if !strings.Contains(settings, s) {
			t.Errorf("settings.xml lacks %s", s)
		}
	}
	styles := partOf(t, b, "word/styles.xml")
	for _, s := range []string{`w:ascii="Arial" w:hAnsi="Arial"`, `w:cs="Arial"`, `<w:lang w:val="en-GB"`} {
		if !strings.Contains(styles, s) {
			t.Errorf("styles.xml lacks %s", s)
		}
	}
}

func TestLayoutOrder(t *testing.T) {
	b := docxOf(t, bt.Rich())
	doc := partOf(t, b, "word/document.xml")
	var got []string
	for _, m := range regexp.MustCompile(`<w:pStyle w:val="(KindLabel|Title|Subtitle|Acknowledgement|PanelHeading|Heading1)"/>`).FindAllStringSubmatch(doc, -1) {
		got = append(got, m[1])
	}
	want := "KindLabel Title Subtitle Acknowledgement PanelHeading Heading1 Heading1 Heading1 Heading1 PanelHeading"
	if strings.Join(got, " ") != want {
		t.Errorf("order of the handout's parts:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	text := texts(t, doc)
	order := []string{"POLICY BRIEFING", "Policy briefing", "Test briefing", "A subtitle", "Produced by Test Library", "About the source document",
		"Impact on library policy/practice", "Summary of driver", "What is it?", "Further reading", "About this briefing", "Primary audience", "LKS staff"}
	at := 0
	for _, w := range order[1:] {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("%q missing or out of order in:\n%s", w, text)
		}
		at += i
	}
	// Headings below section level.
	for _, s := range []string{`<w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t xml:space="preserve">Sub heading`, `<w:pStyle w:val="Heading3"/></w:pPr><w:r><w:t xml:space="preserve">Sub sub heading`} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
}

// TestAudiencesOnePerLine checks the audiences of the "About this
// briefing" panel are one per line: a line break between them, no
// semicolon.
func TestAudiencesOnePerLine(t *testing.T) {
	d := bt.Minimal()
	d.Meta.Audience = []string{"LKS staff", "Managers and commissioners"}
	doc := partOf(t, docxOf(t, d), "word/document.xml")
	want := `<w:t xml:space="preserve">LKS staff</w:t><w:br/><w:t xml:space="preserve">Managers and commissioners</w:t>`
	if !strings.Contains(doc, want) {
		t.Errorf("document.xml lacks %s", want)
	}
	if strings.Contains(doc, "LKS staff;") {
		t.Error("audiences joined with a semicolon")
	}
}

func TestNoDirectFormattingOfParagraphs(t *testing.T) {
	doc := partOf(t, docxOf(t, bt.Rich()), "word/document.xml")
	// Every paragraph names a style.
	if n, m := strings.Count(doc, "<w:p>"), strings.Count(doc, "<w:pStyle "); n != m {
		t.Errorf("%d paragraphs but %d paragraph styles", n, m)
	}
	// The one direct spacing is the space above a paragraph after a
	// table (keeps.go), which a reference document's styles cannot give.
	afterTable := regexp.MustCompile(`</w:tbl><w:p><w:pPr><w:pStyle w:val="[^"]+"/>(?:<w:keep(?:Next|Lines)/>)*(?:<w:numPr>.*?</w:numPr>)?<w:spacing w:before="140"/>`)
	for _, s := range []string{"<w:sz ", "<w:color ", "<w:rFonts ", "<w:spacing "} {
		n := strings.Count(doc, s)
		if s == "<w:spacing " {
			n -= len(afterTable.FindAllString(doc, -1))
		}
		if n != 0 {
			t.Errorf("document.xml has direct formatting %s", s)
		}
	}
	styles := partOf(t, docxOf(t, bt.Rich()), "word/styles.xml")
	for _, id := range regexp.MustCompile(`w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(styles, `w:styleId="`+id[1]+`"`) {
			t.Errorf("style %s is used but not defined", id[1])
		}
	}
}

// listParas returns, for each list paragraph, "style ilvl numId".
func listParas(doc string) []string {
	doc = withoutKeeps(doc)
	var out []string
	re := regexp.MustCompile(`<w:pStyle w:val="(ListBullet|ListNumber)"/><w:numPr><w:ilvl w:val="(\d)"/><w:numId w:val="(\d+)"/></w:numPr>`)
	for _, m := range re.FindAllStringSubmatch(doc, -1) {
		out = append(out, m[1]+" "+m[2]+" "+m[3])
	}
	return out
}

func TestListsNestAndRestart(t *testing.T) {
	// Bullets nested ten deep: levels 0–8, the tenth drawn at level 8.
	var deep *briefing.List
	for i := 9; i >= 0; i-- {
		it := bt.Item(bt.Para(bt.Text(fmt.Sprintf("level %d", i))))
		if deep != nil {
			it.Blocks = append(it.Blocks, deep)
		}
		deep = bt.Bullets(it)
	}
	d := bt.Minimal(
		deep,
		bt.Numbered(1, bt.Item(bt.Para(bt.Text("one"))), bt.Item(bt.Para(bt.Text("two")), bt.Numbered(1, bt.Item(bt.Para(bt.Text("two.one")))))),
		bt.Numbered(3, bt.Item(bt.Para(bt.Text("three"))), bt.Item(bt.Para(bt.Text("four")))),
		bt.Numbered(0, bt.Item(bt.Para(bt.Text("zero")))),
	)
	b := docxOf(t, d)
	checkParts(t, b)
	doc := partOf(t, b, "word/document.xml")
	got := listParas(doc)
	want := []string{
		"ListBullet 0 1", "ListBullet 1 2", "ListBullet 2 3", "ListBullet 3 4", "ListBullet 4 5",
		"ListBullet 5 6", "ListBullet 6 7", "ListBullet 7 8", "ListBullet 8 9", "ListBullet 8 10",
		"ListNumber 0 11", "ListNumber 0 11", "ListNumber 1 12",
		"ListNumber 0 13", "ListNumber 0 13",
		"ListNumber 0 14",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("list paragraphs:\n got %q\nwant %q", got, want)
	}
	num := partOf(t, b, "word/numbering.xml")
	for _, s := range []string{
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`,
		`<w:num w:numId="11"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
		`<w:num w:numId="12"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
		`<w:num w:numId="13"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>`,
		`<w:num w:numId="14"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="0"/></w:lvlOverride></w:num>`,
	} {
		if !strings.Contains(num, s) {
			t.Errorf("numbering.xml lacks %s", s)
		}
	}
	// Both list definitions have all nine levels.
	for _, a := range []string{"1", "2"} {
		re := regexp.MustCompile(`(?s)<w:abstractNum w:abstractNumId="` + a + `">(.*?)</w:abstractNum>`)
		m := re.FindStringSubmatch(num)
		if m == nil || strings.Count(m[1], "<w:lvl ") != 9 {
			t.Errorf("abstractNum %s does not have nine levels", a)
		}
	}
}

func TestListItemParagraphs(t *testing.T) {
	d := bt.Minimal(bt.Bullets(
		bt.Item(bt.Para(bt.Text("first")), bt.Para(bt.Text("more of first"))),
		bt.Item(bt.Bullets(bt.Item(bt.Para(bt.Text("nested only")), bt.Para(bt.Text("nested more"))))),
		bt.Item(),
	))
	doc := partOf(t, docxOf(t, d), "word/document.xml")
	for _, s := range []string{
		`<w:pStyle w:val="ListContinue"/></w:pPr><w:r><w:t xml:space="preserve">more of first`,
		`<w:pStyle w:val="ListContinue"/><w:ind w:left="908"/></w:pPr><w:r><w:t xml:space="preserve">nested more`,
	} {
		if !strings.Contains(withoutKeeps(doc), s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	// An item that starts with a list, and an empty item, still get
	// their own bullet.
	if got := listParas(doc); len(got) != 4 {
		t.Errorf("want 4 list paragraphs, got %q", got)
	}
}

func TestTables(t *testing.T) {
	doc := partOf(t, docxOf(t, bt.Rich()), "word/document.xml")
	m := regexp.MustCompile(`(?s)<w:tbl><w:tblPr><w:tblStyle w:val="BriefingTable"/>.*?</w:tbl>`).FindString(doc)
	if m == "" {
		t.Fatal("no BriefingTable")
	}
	if strings.Count(m, "<w:tr>") != 3 || strings.Count(m, "<w:tc>") != 9 || strings.Count(m, `<w:gridCol `) != 3 {
		t.Errorf("table shape wrong: %s", m)
	}
	rows := strings.Split(m, "<w:tr>")[1:]
	if !strings.HasPrefix(rows[0], `<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`) || strings.Contains(rows[1], "tblHeader") {
		t.Errorf("only the first row must repeat as header: %s", m)
	}
	for _, r := range rows[1:] {
		if !strings.HasPrefix(r, `<w:trPr><w:cantSplit/></w:trPr>`) {
			t.Errorf("a body row may split across pages: %s", r)
		}
	}
	if !strings.Contains(rows[0], `<w:pStyle w:val="TableHeading"/>`) || !strings.Contains(rows[1], `<w:pStyle w:val="TableText"/>`) {
		t.Error("header cells must be Table Heading and others Table Text")
	}
	for _, r := range rows {
		cells := strings.Split(r, "<w:tc>")[1:]
		if strings.Contains(cells[0], "<w:jc ") || !strings.Contains(cells[1], `<w:jc w:val="center"/>`) || !strings.Contains(cells[2], `<w:jc w:val="right"/>`) {
			t.Errorf("column alignment wrong in row %s", r)
		}
	}
	if got := texts(t, m); got != "Name\nMid\nCount\nalpha\nbeta\n1\ngamma\ndelta\n2\n" {
		t.Errorf("table text %q", got)
	}
	// A row shorter than the header still has every cell, each with a
	// paragraph.
	short := bt.Minimal(&briefing.Table{Align: make([]briefing.Align, 2), Header: []briefing.Cell{{bt.Text("A")}, {bt.Text("B")}}, Rows: [][]briefing.Cell{{{bt.Text("x")}}}})
	doc = partOf(t, docxOf(t, short), "word/document.xml")
	tbl := regexp.MustCompile(`(?s)<w:tblStyle w:val="BriefingTable"/>.*?</w:tbl>`).FindString(doc)
	if strings.Count(tbl, "<w:tc>") != 4 || strings.Count(tbl, "<w:p>") != 4 {
		t.Errorf("short row: %s", tbl)
	}
}

func TestFootnotes(t *testing.T) {
	b := docxOf(t, bt.Rich())
	doc := partOf(t, b, "word/document.xml")
	for _, n := range []string{"1", "2"} {
		if !strings.Contains(doc, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="`+n+`"/></w:r>`) {
			t.Errorf("no reference to footnote %s", n)
		}
	}
	fn := partOf(t, b, "word/footnotes.xml")
	for _, s := range []string{
		`<w:footnote w:type="separator" w:id="-1">`, `<w:separator/>`,
		`<w:footnote w:type="continuationSeparator" w:id="0">`, `<w:continuationSeparator/>`,
		`<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`,
		`<w:footnote w:id="2">`,
		`<w:hyperlink r:id="rId1" w:history="1">`,
	} {
		if !strings.Contains(fn, s) {
			t.Errorf("footnotes.xml lacks %s", s)
		}
	}
	if got := texts(t, fn); !strings.Contains(got, "Note one with a link") || !strings.Contains(got, "Note two.") {
		t.Errorf("footnote text: %q", got)
	}
	rels := partOf(t, b, "word/_rels/footnotes.xml.rels")
	if !strings.Contains(rels, `<Relationship Id="rId1" Type="`+relHyperlink+`" Target="https://example.org/note" TargetMode="External"/>`) {
		t.Errorf("footnote relationships: %s", rels)
	}
	// A footnote reference inside a footnote, or to a missing footnote,
	// is written as text: Word allows no footnote in a footnote.
	d := bt.Minimal(bt.Para(bt.Text("x"), &briefing.FootnoteRef{N: 1}, &briefing.FootnoteRef{N: 7}))
	d.Footnotes = []*briefing.Footnote{{N: 1, Blocks: []briefing.Block{bt.Para(bt.Text("self"), &briefing.FootnoteRef{N: 1})}}}
	b = docxOf(t, d)
	checkParts(t, b)
	if fn := partOf(t, b, "word/footnotes.xml"); strings.Contains(fn, "footnoteReference") || !strings.Contains(texts(t, fn), "self[1]") {
		t.Errorf("footnote in footnote: %s", fn)
	}
	if doc := partOf(t, b, "word/document.xml"); !strings.Contains(texts(t, doc), "[7]") {
		t.Error("a reference to a missing footnote is not written as text")
	}
	// An empty footnote still has its mark.
	d.Footnotes[0].Blocks = nil
	if fn := partOf(t, docxOf(t, d), "word/footnotes.xml"); !strings.Contains(fn, `<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/>`) {
		t.Errorf("empty footnote: %s", fn)
	}
}

func TestLinksAndRelationships(t *testing.T) {
	d := bt.Minimal(bt.Para(
		&briefing.Link{URL: "https://example.org/b", Inlines: []briefing.Inline{bt.Text("b")}},
		&briefing.Link{URL: "mailto:a@example.org", Inlines: []briefing.Inline{bt.Text("mail")}},
		&briefing.Link{URL: "https://example.org/b", Inlines: []briefing.Inline{bt.Text("b again")}},
		&briefing.Link{URL: "https://example.org/x y\"<z>", Inlines: []briefing.Inline{bt.Text("odd")}},
		&briefing.Link{URL: "#inside", Inlines: []briefing.Inline{bt.Text("anchor")}},
		&briefing.Link{URL: "", Inlines: []briefing.Inline{bt.Text("empty")}},
		&briefing.Link{URL: "javascript:alert(1)", Inlines: []briefing.Inline{bt.Text("script")}},
		&briefing.Link{URL: "file:///etc/passwd", Inlines: []briefing.Inline{bt.Text("local")}},
	))
	b := docxOf(t, d)
	checkParts(t, b)
	rels := partOf(t, b, "word/_rels/document.xml.rels")
	// Fixed parts first (rId1–rId7), then the links in order of first
	// use: the source panel's link, then the body's.
	wantRels := []string{
		`Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"`,
		`Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"`,
		`Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"`,
		`Id="rId8" Type="` + relHyperlink + `" Target="https://example.org/driver" TargetMode="External"`,
		`Id="rId9" Type="` + relHyperlink + `" Target="https://example.org/b" TargetMode="External"`,
		`Id="rId10" Type="` + relHyperlink + `" Target="mailto:a@example.org" TargetMode="External"`,
		`Id="rId11" Type="` + relHyperlink + `" Target="https://example.org/x%20y%22%3Cz%3E" TargetMode="External"`,
	}
	for _, s := range wantRels {
		if !strings.Contains(rels, s) {
			t.Errorf("relationships lack %s\n%s", s, rels)
		}
	}
	if strings.Count(rels, "TargetMode") != 4 {
		t.Errorf("want 4 external relationships:\n%s", rels)
	}
	doc := partOf(t, b, "word/document.xml")
	for _, s := range []string{
		`<w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">b</w:t>`,
		`<w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t xml:space="preserve">b again</w:t>`,
		`<w:hyperlink r:id="rId10" w:history="1">`,
		`<w:r><w:t xml:space="preserve">anchor</w:t></w:r>`,
		`<w:r><w:t xml:space="preserve">empty</w:t></w:r>`,
		// Only web, mail and FTP addresses become links, as in the PDF.
		`<w:r><w:t xml:space="preserve">script</w:t></w:r>`,
		`<w:r><w:t xml:space="preserve">local</w:t></w:r>`,
	} {
		if !strings.Contains(doc, s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
	// Every r:id used in the document has its relationship.
	for _, m := range regexp.MustCompile(`r:id="(rId\d+)"`).FindAllStringSubmatch(doc, -1) {
		if !strings.Contains(rels, `Id="`+m[1]+`"`) {
			t.Errorf("%s has no relationship", m[1])
		}
	}
}

func TestInlineFormatting(t *testing.T) {
	doc := partOf(t, docxOf(t, bt.Rich()), "word/document.xml")
	for _, s := range []string{
		`<w:r><w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">emphasis</w:t></w:r>`,
		`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">strong </w:t></w:r>`,
		`<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">both</w:t></w:r>`,
		`<w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t xml:space="preserve">code()</w:t></w:r>`,
		`<w:t xml:space="preserve">, a break</w:t></w:r><w:r><w:br/></w:r>`,
		`Plain “curly” text — with a dash`,
		`<w:pStyle w:val="Quote"/></w:pPr><w:r><w:t xml:space="preserve">Quoted words.`,
		`<w:pStyle w:val="SourceCode"/></w:pPr><w:r><w:rPr><w:rStyle w:val="VerbatimChar"/></w:rPr><w:t xml:space="preserve">line one</w:t><w:br/><w:tab/><w:t xml:space="preserve">line two</w:t></w:r>`,
		`<w:pStyle w:val="HorizontalRule"/>`,
		`<w:t xml:space="preserve">[Image: a chart]</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:hyperlink r:id="`,
	} {
		if !strings.Contains(withoutKeeps(doc), s) {
			t.Errorf("document.xml lacks %s", s)
		}
	}
}

func TestCoreProperties(t *testing.T) {
	b := docxOf(t, bt.Rich())
	core := partOf(t, b, "docProps/core.xml")
	h := handout.New(bt.Rich(), handout.Options{})
	for _, s := range []string{
		"<dc:title>Test briefing</dc:title>",
		"<dc:subject>" + escString(h.Meta.Subject) + "</dc:subject>",
		"<dc:creator>Test Library</dc:creator>",
		"<cp:lastModifiedBy>Test Library</cp:lastModifiedBy>",
		"<cp:keywords>one, two</cp:keywords>",
		"<dc:language>en-GB</dc:language>",
		`<dcterms:created xsi:type="dcterms:W3CDTF">2018-03-14T00:00:00Z</dcterms:created>`,
		`<dcterms:modified xsi:type="dcterms:W3CDTF">2018-03-14T00:00:00Z</dcterms:modified>`,
		"<dc:description>Produced by Test Library. Feel free to reproduce this briefing, with acknowledgement.</dc:description>",
	} {
		if !strings.Contains(core, s) {
			t.Errorf("core.xml lacks %s\n%s", s, core)
		}
	}
	if !strings.Contains(h.Meta.Subject, "Test Publisher") {
		t.Errorf("subject %q does not name the publisher", h.Meta.Subject)
	}
	// No updated date: no dates at all, rather than the clock.
	d := bt.Rich()
	d.Meta.Updated = briefing.Date{}
	if core := partOf(t, docxOf(t, d), "docProps/core.xml"); strings.Contains(core, "dcterms:created") {
		t.Errorf("dates without an updated date: %s", core)
	}
}

func TestHeaderAndFooter(t *testing.T) {
	b := docxOf(t, bt.Rich())
	ftr := partOf(t, b, "word/footer1.xml")
	for _, f := range []string{" PAGE ", " NUMPAGES "} {
		if !strings.Contains(ftr, `<w:instrText xml:space="preserve">`+f+`</w:instrText>`) {
			t.Errorf("footer lacks the %s field", f)
		}
	}
	// The footer reads as handout.PageLabel does once the fields show
	// their values.
	text := texts(t, ftr)
	if want := "Test Library\t" + handout.PageLabel(1, 1) + "\n"; text != want {
		t.Errorf("footer text %q, want %q", text, want)
	}
	if got := texts(t, partOf(t, b, "word/header1.xml")); got != "Policy briefing: Test briefing\n" {
		t.Errorf("header text %q", got)
	}
	// Adapted: the footer says who adapted it from whom.
	var buf bytes.Buffer
	if err := Write(&buf, bt.Rich(), Options{Handout: handout.Options{AdaptedBy: "Other & Co"}}); err != nil {
		t.Fatal(err)
	}
	ftr = partOf(t, buf.Bytes(), "word/footer1.xml")
	if !strings.Contains(ftr, "Other &amp; Co, adapted from Test Library") {
		t.Errorf("adapted footer: %s", ftr)
	}
	doc := partOf(t, buf.Bytes(), "word/document.xml")
	if !strings.Contains(texts(t, doc), "Adapted by Other & Co from a briefing by Test Library.") {
		t.Error("no adapted-by line")
	}
	// Page set-up: A4, and the header and footer referenced.
	doc = partOf(t, b, "word/document.xml")
	for _, s := range []string{`<w:headerReference w:type="default" r:id="rId5"/>`, `<w:footerReference w:type="default" r:id="rId6"/>`, `<w:pgSz w:w="11906" w:h="16838"/>`} {
		if !strings.Contains(doc, s) {
			t.Errorf("sectPr lacks %s", s)
		}
	}
}

// hostile holds strings no writer may pass through unescaped or with
// forbidden characters.
var hostile = []string{
	"<w:p>&amp;</w:p>]]><!--",
	"nul\x00 bell\x07 esc\x1b vt\x0b ff\x0c del\x7f",
	"fffe\uFFFE ffff\uFFFF",
	"bad utf8 \xff\xfe \xed\xa0\x80 (a surrogate) \xc3",
	"quotes \" ' & {footer} {title}",
	"\r\n\ttabs and lines\n",
}

func TestHostileTextEverywhere(t *testing.T) {
	for i, h := range hostile {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			d := bt.Rich()
			m := &d.Meta
			m.Title, m.Subtitle, m.Producer, m.Source, m.Link, m.Format, m.Responsible = h, h, h, h, h, h, h
			m.Audience, m.Tags, m.Acknowledgement = []string{h, h}, []string{h}, h+" {producer}"
			d.Impact.Heading = h
			d.Lead = []briefing.Block{
				bt.Para(bt.Text(h), &briefing.Code{Value: h}, &briefing.Link{URL: h, Inlines: []briefing.Inline{bt.Text(h)}}, &briefing.Image{URL: h, Alt: h}),
				&briefing.CodeBlock{Text: h, Lang: h},
				&briefing.Table{Align: []briefing.Align{0}, Header: []briefing.Cell{{bt.Text(h)}}, Rows: [][]briefing.Cell{{{bt.Text(h)}}}},
				bt.Bullets(bt.Item(bt.Para(bt.Text(h)))),
				&briefing.Heading{Level: 3, Inlines: []briefing.Inline{bt.Text(h)}},
			}
			d.Footnotes[0].Blocks = append(d.Footnotes[0].Blocks, bt.Para(bt.Text(h), &briefing.Link{URL: h, Inlines: []briefing.Inline{bt.Text(h)}}))
			var b bytes.Buffer
			if err := Write(&b, d, Options{Handout: handout.Options{AdaptedBy: h, Acknowledgement: h}}); err != nil {
				t.Fatal(err)
			}
			checkParts(t, b.Bytes())
			for _, p := range unzip(t, b.Bytes()) {
				if bad := forbidden(p.data); bad != "" {
					t.Errorf("%s holds %s", p.name, bad)
				}
			}
			// The markup-looking text arrives as text.
			if i == 0 {
				doc := partOf(t, b.Bytes(), "word/document.xml")
				if !strings.Contains(texts(t, doc), "<w:p>&amp;</w:p>]]><!--") {
					t.Error("markup characters did not survive as text")
				}
			}
		})
	}
}

// forbidden describes the first character of b that XML 1.0 does not
// allow, or "".
func forbidden(b []byte) string {
	s := string(b)
	for i, r := range s {
		if r == 0xFFFD && !strings.HasPrefix(s[i:], "\uFFFD") {
			return fmt.Sprintf("invalid UTF-8 at %d", i)
		}
		if !xmlAllowed(r) {
			return fmt.Sprintf("%U at %d", r, i)
		}
	}
	return ""
}

func TestClean(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a\x00b\x1fc\td\ne\rf", "abc\td\ne\rf"},
		{"\uFFFE\uFFFFok\uFFFD", "ok\uFFFD"},
		{"x\xffy", "x\uFFFDy"},
		{"\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		{"emoji 😀 é", "emoji 😀 é"},
		{"it’s “fine”", "it’s “fine”"},
		{"it’s\x01 “fine”", "it’s “fine”"},
		{"“quoted”\xff", "“quoted”\uFFFD"},
		{"é\x00", "é"},
	} {
		if got := clean(c.in); got != c.want {
			t.Errorf("clean(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := escString(`<a href="x">&'` + "\t"); got != `&lt;a href=&quot;x&quot;&gt;&amp;'&#9;` {
		t.Errorf("escString: %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	first := docxOf(t, bt.Rich())
	for _, tz := range []string{"UTC", "Pacific/Chatham", "America/St_Johns"} {
		loc, err := time.LoadLocation(tz)
		if err != nil {
			t.Fatalf("time zone %s: %v", tz, err)
		}
		saved := time.Local
		time.Local = loc
		again := docxOf(t, bt.Rich())
		time.Local = saved
		if !bytes.Equal(first, again) {
			t.Errorf("different bytes in time zone %s", tz)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.ModifiedDate != dosDate || f.ModifiedTime != dosTime || len(f.Extra) != 0 {
			t.Errorf("%s: date %#x time %#x extra %d bytes; want the zip epoch and no extra field", f.Name, f.ModifiedDate, f.ModifiedTime, len(f.Extra))
		}
	}
}

func TestConcurrentWrites(t *testing.T) {
	want := docxOf(t, bt.Rich())
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 8; j++ {
				var b bytes.Buffer
				if err := Write(&b, bt.Rich(), Options{}); err != nil {
					errs <- err.Error()
					return
				}
				if !bytes.Equal(b.Bytes(), want) {
					errs <- "different bytes from a concurrent Write"
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestTooDeep(t *testing.T) {
	var q briefing.Block = bt.Para(bt.Text("deep"))
	for i := 0; i < MaxDepth+5; i++ {
		q = &briefing.Quote{Blocks: []briefing.Block{q}}
	}
	var b bytes.Buffer
	if err := Write(&b, bt.Minimal(q), Options{}); err != ErrTooDeep {
		t.Errorf("quotes nested %d deep: err = %v, want ErrTooDeep", MaxDepth+5, err)
	}
	var in briefing.Inline = bt.Text("deep")
	for i := 0; i < MaxDepth+5; i++ {
		in = &briefing.Emph{Inlines: []briefing.Inline{in}}
	}
	if err := Write(&b, bt.Minimal(bt.Para(in)), Options{}); err != ErrTooDeep {
		t.Errorf("emphasis nested %d deep: err = %v, want ErrTooDeep", MaxDepth+5, err)
	}
	if err := Write(&b, nil, Options{}); err == nil {
		t.Error("Write(nil) did not fail")
	}
}

func BenchmarkWrite(b *testing.B) {
	d := bt.Rich()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestColumnWidths(t *testing.T) {
	cells := func(ss ...string) []briefing.Cell {
		var out []briefing.Cell
		for _, s := range ss {
			out = append(out, briefing.Cell{bt.Text(s)})
		}
		return out
	}
	long := "a sentence long enough to need wrapping over several lines of its cell, and more"
	many := make([]string, 200)
	for i := range many {
		many[i] = "wide"
	}
	const tw = 9638
	// needs is the width of s at 9 pt in twips, with the cell's margins.
	needs := func(f fontmetrics.Face, s string) int { return int(fontmetrics.Width(f, s, 9)*20) + 216 }
	tests := []struct {
		name   string
		header []briefing.Cell
		rows   [][]briefing.Cell
		check  func(w []int) string
	}{
		{"one column takes the width", cells("Only"), [][]briefing.Cell{cells("x")}, func(w []int) string {
			if w[0] != tw {
				return "not the whole width"
			}
			return ""
		}},
		{"empty columns share equally", cells("", "", ""), nil, func(w []int) string {
			if w[0] != w[1] || w[1] < w[2]-2 || w[1] > w[2] {
				return "unequal"
			}
			return ""
		}},
		{"labels narrower than sentences", cells("Step", "What it asks"), [][]briefing.Cell{cells("Partners", long), cells("Enablers", long)}, func(w []int) string {
			if w[0] >= w[1] {
				return "label column not narrower"
			}
			// "Partners" still fits unbroken, in bold.
			if w[0] < needs(fontmetrics.SansBold, "Partners") {
				return "label column too narrow for its longest word"
			}
			return ""
		}},
		{"short table fills the width in proportion", cells("A", "BBBB"), [][]briefing.Cell{cells("1", "2222")}, func(w []int) string {
			if w[0] >= w[1] {
				return "not in proportion"
			}
			return ""
		}},
		{"a header word is never broken when there is room", cells("Option", "How it works"), [][]briefing.Cell{cells("1", long+long)}, func(w []int) string {
			if w[0] < needs(fontmetrics.SansBold, "Option") {
				return "Option does not fit"
			}
			return ""
		}},
		{"a short column that fits its fair share is not wrapped", cells("No.", "Names", "What it asks", "Cost"),
			[][]briefing.Cell{cells("1", "Łódź Żółć café naïve Dvořák Ærø", long+long+long, "£1,000 / €1,200")}, func(w []int) string {
				for i, s := range []string{"1", "Łódź Żółć café naïve Dvořák Ærø", "", "£1,000 / €1,200"} {
					if s != "" && w[i] < needs(fontmetrics.Sans, s) {
						return fmt.Sprintf("column %d narrower than its text %q", i, s)
					}
				}
				if w[2] <= w[1] {
					return "the sentences do not have the most room"
				}
				return ""
			}},
		{"measured in the fonts, not by characters", cells("a", "b"), [][]briefing.Cell{cells("iiiiiiiiiiii", "WWWWWWWWWWWW")}, func(w []int) string {
			if w[0]*2 >= w[1] {
				return "a column of narrow letters is not narrower than one of as many wide ones"
			}
			return ""
		}},
		{"more columns than the page has room for", cells(many...), nil, func(w []int) string {
			for _, x := range w {
				if x < 0 {
					return "negative width"
				}
			}
			return ""
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tbl := &briefing.Table{Align: make([]briefing.Align, len(tc.header)), Header: tc.header, Rows: tc.rows}
			w := columnWidths(tbl, len(tc.header), tw)
			sum := 0
			for _, x := range w {
				sum += x
			}
			if len(w) != len(tc.header) || sum != tw {
				t.Fatalf("widths %v: %d columns adding up to %d, want %d and %d", w, len(w), sum, len(tc.header), tw)
			}
			if msg := tc.check(w); msg != "" {
				t.Errorf("widths %v: %s", w, msg)
			}
		})
	}
}
