package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
)

func init() { api.DisableConfigDir() }

// readStrict reads a PDF with pdfcpu and validates it in strict mode
// (PDF 32000-1:2008).
func readStrict(t *testing.T, pdf []byte) *model.Context {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatalf("pdfcpu cannot read the PDF: %v", err)
	}
	if err := api.ValidateContext(ctx); err != nil {
		t.Fatalf("pdfcpu validate -m strict: %v", err)
	}
	return ctx
}

// TestTaggedStrictValid runs pdfcpu's strict validation on every
// interoperability handout.
func TestTaggedStrictValid(t *testing.T) {
	docs := interopDocs(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			for _, paper := range []string{"a4", "letter"} {
				readStrict(t, pdfOf(t, docs[name], Options{Paper: paper}))
			}
		})
	}
}

// TestTaggedStructure walks the structure tree of real handouts (the
// briefing of every block kind, the long one and the examples) and
// checks it against the pages' content and annotations.
func TestTaggedStructure(t *testing.T) {
	docs := interopDocs(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			want := []string{"Document", "H1", "H2", "P", "Table", "TR", "TH", "TD"}
			if name == "rich" { // every block kind, and links and notes
				want = append(want, "H3", "L", "LI", "Lbl", "LBody", "BlockQuote", "Code", "Link", "Note")
			}
			checkTagged(t, pdfOf(t, docs[name], Options{}), docs[name], want)
		})
	}
}

// walker holds what a walk of one PDF found.
type walker struct {
	t   *testing.T
	x   *model.XRefTable
	mcr map[[2]int]int // (page object, MCID) → the element holding it
	// objr: annotation object → the elements that hold an OBJR of it.
	objr  map[int][]int
	types map[string]int
	ids   map[string]int // Note /ID → element
}

func (w *walker) deref(o types.Object) types.Object {
	o, err := w.x.Dereference(o)
	if err != nil {
		w.t.Fatal(err)
	}
	return o
}

func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	return 0
}

func (w *walker) text(o types.Object) string {
	switch s := w.deref(o).(type) {
	case types.StringLiteral:
		b, _ := types.Unescape(s.Value())
		return decodeText(b)
	case types.HexLiteral:
		b, _ := s.Bytes()
		return decodeText(b)
	}
	return ""
}

func decodeText(b []byte) string {
	s, err := types.StringOrHexLiteral(types.HexLiteral(fmt.Sprintf("%x", b)))
	if err != nil {
		return string(b)
	}
	return *s
}

// element checks one structure element and walks its children.
func (w *walker) element(ref types.Object, parent int, depth int) {
	t := w.t
	if depth > 100 {
		t.Fatal("structure tree too deep")
	}
	nr := objNr(ref)
	if nr == 0 {
		t.Fatalf("a structure element is not an indirect object: %v", ref)
	}
	d, ok := w.deref(ref).(types.Dict)
	if !ok {
		t.Fatalf("element %d is not a dictionary", nr)
	}
	s := d.NameEntry("S")
	if s == nil || !standardTypes[*s] {
		t.Errorf("element %d has type %v, not a standard structure type", nr, s)
		return
	}
	w.types[*s]++
	if objNr(d["P"]) != parent {
		t.Errorf("%s %d: /P is %v, want %d", *s, nr, d["P"], parent)
	}
	switch *s {
	case "TH":
		a, _ := w.deref(d["A"]).(types.Dict)
		if sc := a.NameEntry("Scope"); a == nil || sc == nil || (*sc != "Row" && *sc != "Column" && *sc != "Both") {
			t.Errorf("TH %d has no /Scope: %v", nr, d["A"])
		}
	case "Note":
		id := w.text(d["ID"])
		if id == "" {
			t.Errorf("Note %d has no /ID", nr)
		}
		w.ids[id] = nr
	case "Figure":
		if w.text(d["Alt"]) == "" {
			t.Errorf("Figure %d has no /Alt", nr)
		}
	case "L":
		a, _ := w.deref(d["A"]).(types.Dict)
		if a == nil || a.NameEntry("ListNumbering") == nil {
			t.Errorf("L %d has no /ListNumbering", nr)
		}
	}
	pg := objNr(d["Pg"])
	var kids types.Array
	switch k := w.deref(d["K"]).(type) {
	case types.Array:
		kids = k
	case nil:
	default:
		kids = types.Array{d["K"]}
	}
	for _, k := range kids {
		if r, ok := k.(types.IndirectRef); ok {
			kd, _ := w.deref(r).(types.Dict)
			if kd.Type() == nil || *kd.Type() == "StructElem" {
				w.element(r, nr, depth+1)
				continue
			}
			k = kd
		}
		switch k := k.(type) {
		case types.Integer:
			if pg == 0 {
				t.Errorf("%s %d holds MCID %d but has no /Pg", *s, nr, k.Value())
			}
			w.addMCR(pg, k.Value(), nr)
		case types.Dict:
			switch *k.Type() {
			case "MCR":
				w.addMCR(objNr(k["Pg"]), *k.IntEntry("MCID"), nr)
			case "OBJR":
				if *s != "Link" {
					t.Errorf("an OBJR is in a %s, not a Link", *s)
				}
				a := objNr(k["Obj"])
				w.objr[a] = append(w.objr[a], nr)
			default:
				t.Errorf("%s %d: unknown kid %v", *s, nr, k)
			}
		default:
			t.Errorf("%s %d: unknown kid %v", *s, nr, k)
		}
	}
}

func (w *walker) addMCR(page, mcid, elem int) {
	key := [2]int{page, mcid}
	if e, dup := w.mcr[key]; dup {
		w.t.Errorf("MCID %d of page %d is in elements %d and %d", mcid, page, e, elem)
	}
	w.mcr[key] = elem
}

// checkTagged checks a handout is a tagged PDF as PDF/UA-1 asks.
func checkTagged(t *testing.T, pdf []byte, d *briefing.Document, want []string) {
	ctx := readStrict(t, pdf)
	w := &walker{t: t, x: ctx.XRefTable, mcr: map[[2]int]int{}, objr: map[int][]int{}, types: map[string]int{}, ids: map[string]int{}}
	cat, err := ctx.XRefTable.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	// The catalog's keys and the metadata.
	wantLang := d.Meta.Lang
	if wantLang == "" {
		wantLang = "en-GB"
	}
	if lang := w.text(cat["Lang"]); lang != wantLang {
		t.Errorf("/Lang is %q, want %s", lang, wantLang)
	}
	if mi, _ := w.deref(cat["MarkInfo"]).(types.Dict); mi == nil || mi.BooleanEntry("Marked") == nil || !*mi.BooleanEntry("Marked") {
		t.Errorf("/MarkInfo is %v, want Marked true", cat["MarkInfo"])
	}
	if vp, _ := w.deref(cat["ViewerPreferences"]).(types.Dict); vp == nil || vp.BooleanEntry("DisplayDocTitle") == nil || !*vp.BooleanEntry("DisplayDocTitle") {
		t.Errorf("/ViewerPreferences is %v, want DisplayDocTitle true", cat["ViewerPreferences"])
	}
	if cat["Outlines"] == nil {
		t.Error("the bookmarks are gone")
	}
	sd, _, err := ctx.XRefTable.DereferenceStreamDict(cat["Metadata"])
	if err != nil || sd == nil {
		t.Fatalf("no XMP metadata: %v", err)
	}
	if err := sd.Decode(); err != nil {
		t.Fatal(err)
	}
	xmp := string(sd.Content)
	for _, want := range []string{"<pdfuaid:part>1</pdfuaid:part>", "<dc:language><rdf:Bag><rdf:li>" + wantLang + "</rdf:li>", "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlEscape(metaText(d.Meta.Title)) + "<"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("the XMP lacks %q:\n%s", want, xmp)
		}
	}
	if !strings.HasPrefix(string(pdf), "%PDF-1.7\n") || bytes.Count(pdf, []byte("%%EOF")) != 1 {
		t.Error("not one PDF 1.7 revision")
	}

	// The structure tree.
	root, _ := w.deref(cat["StructTreeRoot"]).(types.Dict)
	if root == nil {
		t.Fatal("no /StructTreeRoot")
	}
	if objNr(root["K"]) == 0 {
		t.Fatalf("the root's /K is %v, want the Document", root["K"])
	}
	if dd, _ := w.deref(root["K"]).(types.Dict); dd.NameEntry("S") == nil || *dd.NameEntry("S") != "Document" {
		t.Errorf("the first element is not a Document")
	}
	w.element(root["K"], objNr(cat["StructTreeRoot"]), 0)
	for _, typ := range want {
		if w.types[typ] == 0 {
			t.Errorf("no %s element", typ)
		}
	}
	if len(d.Footnotes) > 0 && w.types["Note"] != len(d.Footnotes) {
		t.Errorf("%d Note elements, want %d", w.types["Note"], len(d.Footnotes))
	}
	// The ID tree holds every Note's id.
	if len(w.ids) > 0 {
		idt, _ := w.deref(root["IDTree"]).(types.Dict)
		names, _ := w.deref(idt["Names"]).(types.Array)
		got := map[string]int{}
		for i := 0; i+1 < len(names); i += 2 {
			got[w.text(names[i])] = objNr(names[i+1])
		}
		for id, e := range w.ids {
			if got[id] != e {
				t.Errorf("Note id %q is %d in the ID tree, want %d", id, got[id], e)
			}
		}
	}
	// The parent tree: key → element, or array of elements by MCID.
	pt, _ := w.deref(root["ParentTree"]).(types.Dict)
	nums, _ := w.deref(pt["Nums"]).(types.Array)
	parent := map[int]types.Object{}
	for i := 0; i+1 < len(nums); i += 2 {
		k, _ := nums[i].(types.Integer)
		parent[k.Value()] = nums[i+1]
	}

	// The pages: content, annotations.
	seen := map[[2]int]bool{}
	for p := 1; p <= ctx.PageCount; p++ {
		pd, pref, _, err := ctx.XRefTable.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		pn := pref.ObjectNumber.Value()
		if tabs := pd.NameEntry("Tabs"); tabs == nil || *tabs != "S" {
			t.Errorf("page %d: /Tabs is %v, want /S", p, tabs)
		}
		sp := pd.IntEntry("StructParents")
		if sp == nil {
			t.Fatalf("page %d has no /StructParents", p)
		}
		byMCID, _ := w.deref(parent[*sp]).(types.Array)
		content, err := ctx.XRefTable.PageContent(pd, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, mcid := range markedContent(t, p, content) {
			key := [2]int{pn, mcid}
			if seen[key] {
				t.Errorf("page %d: MCID %d marks two sequences", p, mcid)
			}
			seen[key] = true
			e, ok := w.mcr[key]
			if !ok {
				t.Errorf("page %d: MCID %d is in no element", p, mcid)
				continue
			}
			if mcid >= len(byMCID) || objNr(byMCID[mcid]) != e {
				t.Errorf("page %d: MCID %d's parent is not element %d in the parent tree", p, mcid, e)
			}
		}
		annots, _ := w.deref(pd["Annots"]).(types.Array)
		for _, a := range annots {
			an := objNr(a)
			if an == 0 {
				t.Errorf("page %d: an annotation is not an indirect object", p)
				continue
			}
			ad, _ := w.deref(a).(types.Dict)
			if w.text(ad["Contents"]) == "" {
				t.Errorf("page %d: annotation %d has no /Contents", p, an)
			}
			k := ad.IntEntry("StructParent")
			if k == nil {
				t.Errorf("page %d: annotation %d has no /StructParent", p, an)
				continue
			}
			if len(w.objr[an]) != 1 {
				t.Errorf("page %d: annotation %d is in %d Link elements, want 1", p, an, len(w.objr[an]))
			} else if objNr(parent[*k]) != w.objr[an][0] {
				t.Errorf("page %d: annotation %d's /StructParent is not its Link", p, an)
			}
		}
	}
	for key := range w.mcr {
		if !seen[key] {
			t.Errorf("the tree holds MCID %d of object %d, which marks nothing", key[1], key[0])
		}
	}
}

// markedContent reads a page's content and returns its MCIDs, checking
// every painting and text-showing operator is inside marked content
// (tagged or an artifact) and that marked content never nests.
func markedContent(t *testing.T, page int, content []byte) []int {
	var mcids []int
	depth := 0
	var operands []string
	for _, tok := range contentTokens(content) {
		if tok == "" {
			continue
		}
		c := tok[0]
		if c == '/' || c == '(' || c == '<' || c == '>' || c == '[' || c == ']' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
			operands = append(operands, tok)
			continue
		}
		switch tok {
		case "BDC", "BMC":
			if depth > 0 {
				t.Errorf("page %d: marked content nested in marked content", page)
			}
			depth++
			if tok == "BDC" && len(operands) >= 2 && operands[0] != "/Artifact" {
				d := strings.Join(operands[1:], " ")
				i := strings.Index(d, "/MCID ")
				if i < 0 {
					t.Errorf("page %d: tagged content without an MCID: %v", page, operands)
					break
				}
				f := strings.Fields(d[i+len("/MCID "):])
				n, err := strconv.Atoi(strings.TrimSuffix(f[0], ">>"))
				if err != nil {
					t.Errorf("page %d: MCID %q", page, f[0])
				}
				mcids = append(mcids, n)
			} else if tok == "BDC" && (len(operands) < 2 || operands[0] != "/Artifact") {
				t.Errorf("page %d: BDC without properties: %v", page, operands)
			}
		case "EMC":
			if depth == 0 {
				t.Errorf("page %d: EMC without BDC", page)
			}
			depth--
		case "Tj", "TJ", "'", "\"", "re", "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh", "Do", "BI":
			if tok == "re" {
				break // a path's construction; its painting is what counts
			}
			if depth != 1 {
				t.Errorf("page %d: %s outside marked content", page, tok)
			}
		}
		operands = operands[:0]
	}
	if depth != 0 {
		t.Errorf("page %d: marked content left open", page)
	}
	return mcids
}

// contentTokens cuts a content stream into tokens: strings, names,
// numbers, dictionaries' brackets and operators.
func contentTokens(b []byte) []string {
	var out []string
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '(':
			j, depth := i+1, 1
			for j < len(b) && depth > 0 {
				switch b[j] {
				case '\\':
					j++
				case '(':
					depth++
				case ')':
					depth--
				}
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			out = append(out, string(b[i:i+2]))
			i += 2
		case c == '<':
			j := bytes.IndexByte(b[i:], '>')
			out = append(out, string(b[i:i+j+1]))
			i += j + 1
		case c == '[' || c == ']':
			out = append(out, string(c))
			i++
		default:
			j := i + 1
			for j < len(b) && !strings.ContainsRune(" \n\r\t()<>[]/", rune(b[j])) {
				j++
			}
			out = append(out, string(b[i:j]))
			i = j
		}
	}
	return out
}

// TestTaggedLanguage checks a briefing's lang is the PDF's language.
func TestTaggedLanguage(t *testing.T) {
	d := bt.Rich()
	d.Meta.Lang = "cy"
	checkTagged(t, pdfOf(t, d, Options{}), d, []string{"Document"})
}

// TestInteropTagged checks pdfinfo finds every handout tagged, and
// compares its reading of the structure tree with the golden files.
func TestInteropTagged(t *testing.T) {
	extprog.Need(t, "pdfinfo")
	eachInteropPDF(t, func(t *testing.T, name string, d *briefing.Document, dir, path string) {
		info := string(extprog.Run(t, dir, "pdfinfo", path))
		if !strings.Contains(info, "\nTagged:          yes\n") {
			t.Errorf("pdfinfo does not find the handout tagged:\n%s", info)
		}
		if !strings.Contains(info, "\nPDF version:     1.7\n") {
			t.Errorf("pdfinfo does not find PDF 1.7:\n%s", info)
		}
		if name == "long" {
			return // many pages of the same: no golden file
		}
		got := extprog.Run(t, dir, "pdfinfo", "-struct-text", path)
		golden := filepath.Join("testdata", "struct-"+name+".golden")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to make it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("pdfinfo -struct-text differs from %s (go test -update to refresh, then review the diff)", golden)
		}
	})
}

// TestTaggedFigure checks a drawing tagged as a Figure (as a picture
// will be) is in the tree with its alternative text.
func TestTaggedFigure(t *testing.T) {
	d := bt.Minimal()
	l, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.cur = 1
	fig := l.figure("A bar chart of library visits, 2015 to 2018")
	pages[0].ops = append(pages[0].ops, op{kind: opRect, x: 60, y: 500, w: 100, h: 50, colour: Colour{0x80, 0x80, 0x80}, tag: fig})
	var b bytes.Buffer
	if err := render(&b, l.paper, l.th, l.h, d, pages, l.figs, l.tags); err != nil {
		t.Fatal(err)
	}
	checkTagged(t, b.Bytes(), d, []string{"Figure"})
	if !bytes.Contains(b.Bytes(), []byte("/Alt (A bar chart of library visits, 2015 to 2018)")) {
		t.Error("the Figure lacks its /Alt")
	}
}

// TestLinkActionsShared checks each address is stored once, in one URI
// action that every clickable area of it points to (a link's text, its
// printed address, each line a long link wraps onto).
func TestLinkActionsShared(t *testing.T) {
	d := bt.Rich()
	long := "https://example.org/" + strings.Repeat("a-long-address-segment/", 12)
	d.Lead = append(d.Lead, bt.Para(bt.Link(long, bt.Text(strings.Repeat("words of a long link ", 12)))))
	b := pdfOf(t, d, Options{})
	ctx := readStrict(t, b)
	uses := map[int]int{}       // action object → annotations using it
	targets := map[string]int{} // address → action objects
	for p := 1; p <= ctx.PageCount; p++ {
		pd, _, _, err := ctx.XRefTable.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		annots, _ := ctx.XRefTable.DereferenceArray(pd["Annots"])
		for _, a := range annots {
			ad, _ := ctx.XRefTable.DereferenceDict(a)
			if ad["Dest"] != nil {
				continue // a note mark
			}
			n := objNr(ad["A"])
			if n == 0 {
				t.Fatalf("page %d: a link's action is not an indirect object: %v", p, ad["A"])
			}
			uses[n]++
			if uses[n] == 1 {
				act, _ := ctx.XRefTable.DereferenceDict(ad["A"])
				uri, _ := act["URI"].(types.StringLiteral)
				targets[uri.Value()]++
			}
		}
	}
	for u, n := range targets {
		if n != 1 {
			t.Errorf("%s is in %d actions, want 1", u, n)
		}
	}
	if uses[0] != 0 || len(targets) < 5 {
		t.Errorf("actions for %d addresses, want at least 5", len(targets))
	}
	shared := 0
	for _, n := range uses {
		if n >= 3 {
			shared++
		}
	}
	if shared == 0 {
		t.Error("no action shared by the areas of the long link wrapping over lines")
	}
	// Once printed (in brackets, wrapped), once in its action.
	if c := bytes.Count(b, []byte(long[:40])); c != 2 {
		t.Errorf("the long address is in the file %d times, want twice", c)
	}
}

// TestTaggedPictures checks the structure of a handout with pictures,
// the logo and the QR code: each is a Figure with its alternative text
// (a decorative picture an artifact), and the file stays strictly valid.
func TestTaggedPictures(t *testing.T) {
	d, logo := bt.Pictures()
	b := pdfOf(t, d, Options{Logo: logo, LogoAlt: bt.LogoAlt, QR: true})
	readStrict(t, b)
	checkTagged(t, b, d, []string{"Document", "H1", "H2", "P", "Table", "TH", "TD", "Figure"})
	for _, alt := range []string{bt.LogoAlt, "QR code of the address of the main document"} {
		if !bytes.Contains(b, []byte(alt)) && !bytes.Contains(b, utf16BE(alt)) {
			t.Errorf("no Figure with /Alt %q", alt)
		}
	}
}

// utf16BE is s as UTF-16BE with its byte order mark, as a PDF text
// string may be written.
func utf16BE(s string) []byte { return []byte(utf16Text(s)) }
