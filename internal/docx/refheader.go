package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of a header's pictures
	_ "image/png"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// A reference document's header and footer are outside input copied into
// every handout, so only what is known to be safe is carried over: text
// runs and tabs with their formatting, paragraphs and tables with theirs,
// the PAGE and NUMPAGES fields, and pictures embedded in the document as
// PNG or JPEG. Everything else (other fields such as INCLUDEPICTURE,
// INCLUDETEXT, HYPERLINK or DDEAUTO, whether as w:instrText or
// w:fldSimple; xi:include; linked pictures; any element not known) is
// dropped, and the Reference's Notes say what was.

// Namespaces of the parts of a picture.
const (
	refNsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	refNsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	refNsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	refNsXML = "http://www.w3.org/XML/1998/namespace"
)

// Limits on the pictures of a header or footer.
const (
	maxHFPictures     = 4
	maxHFPictureBytes = 4 << 20
	maxHFPixels       = 40 << 20
	maxHFDepth        = 64
)

// hfKeep lists the elements of the w: namespace that are carried over as
// they are (with their w: attributes), their children checked in turn.
var hfKeep = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`
		p pPr pStyle jc spacing ind tabs tab keepNext keepLines widowControl
		contextualSpacing suppressAutoHyphens textAlignment snapToGrid
		pBdr top bottom left right start end between bar shd
		r rPr rStyle b bCs i iCs u strike dstrike caps smallCaps color sz szCs
		rFonts highlight vertAlign lang kern position w fitText noProof vanish
		emboss imprint outline shadow em eastAsianLayout effect
		t br cr fldChar instrText noBreakHyphen softHyphen ptab sym
		tbl tblPr tblStyle tblW tblInd tblBorders tblLayout tblCellMar tblLook
		tblGrid gridCol tr trPr trHeight cantSplit tc tcPr tcW tcBorders gridSpan
		vMerge vAlign noWrap tcMar insideH insideV
	`) {
		hfKeep[s] = true
	}
}

// hfUnwrap lists the containers whose content is carried over without
// them: a content control (Word's page-number galleries put PAGE in
// one) and a tracked insertion.
var hfUnwrap = map[string]bool{"sdt": true, "sdtContent": true, "smartTag": true, "ins": true, "moveTo": true}

// hfQuiet lists what is dropped without a note: marks of editing that
// change nothing shown.
var hfQuiet = map[string]bool{
	"sdtPr": true, "sdtEndPr": true, "proofErr": true, "bookmarkStart": true, "bookmarkEnd": true,
	"lastRenderedPageBreak": true, "permStart": true, "permEnd": true, "del": true, "moveFrom": true,
	"rPrChange": true, "pPrChange": true, "moveFromRangeStart": true, "moveFromRangeEnd": true,
	"moveToRangeStart": true, "moveToRangeEnd": true, "smartTagPr": true,
}

// safeField matches the instructions of the fields carried over: PAGE
// and NUMPAGES, with format switches only.
var safeField = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\s*(PAGE|NUMPAGES)(\s+\\\*\s+[A-Za-z]+)*\s*$`) })

// hfNode is an element of a header or footer, or (name empty) text.
type hfNode struct {
	name  xml.Name
	attrs []xml.Attr
	kids  []*hfNode
	text  string
}

func parseHF(b []byte) (*hfNode, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	var stack []*hfNode
	var root *hfNode
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxHFDepth {
				return nil, fmt.Errorf("nested more than %d deep", maxHFDepth)
			}
			n := &hfNode{name: t.Name, attrs: t.Copy().Attr}
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.kids = append(top.kids, &hfNode{text: string(t)})
			}
		case xml.ProcInst:
			if len(stack) > 0 {
				return nil, fmt.Errorf("holds a processing instruction")
			}
		}
	}
	if root == nil {
		return nil, fmt.Errorf("is empty")
	}
	return root, nil
}

// hfPicture is a picture carried over from a header or footer.
type hfPicture struct {
	rid   string // in the part's relationships
	media string // part name, word/media/…
	ctype string
	data  []byte
}

// hfSanitizer cleans one header or footer part.
type hfSanitizer struct {
	kind    string            // "header" or "footer"
	rels    map[string]string // id → part name (internal targets only)
	image   func(name string) ([]byte, error)
	dropped []string // what was dropped, each once, in order
	pics    []hfPicture
	byPart  map[string]string // image part → rid
	fields  []bool            // per complex field, in order: carried over
	names   []string          // per complex field: its instruction's name
	field   int               // the next complex field's index
	open    []bool            // the complex fields open, carried over or not
	changed bool              // something was dropped or rebuilt
	docPrID int
}

func (s *hfSanitizer) drop(what string) {
	s.changed = true
	for _, d := range s.dropped {
		if d == what {
			return
		}
	}
	s.dropped = append(s.dropped, what)
}

// sanitizeHF returns a header or footer part holding only what is safe,
// with its pictures. When nothing had to go, the part is returned as it
// was (its comments stripped), so a reference made by DefaultReference
// gives the very same handouts as none.
func sanitizeHF(kind string, b []byte, rels map[string]string, image func(string) ([]byte, error), firstDocPr int) ([]byte, []hfPicture, []string, error) {
	root, err := parseHF(b)
	if err != nil {
		return nil, nil, nil, err
	}
	if root.name.Space != nsW || (root.name.Local != "hdr" && root.name.Local != "ftr") {
		return nil, nil, nil, fmt.Errorf("is not a w:hdr or w:ftr part")
	}
	s := &hfSanitizer{kind: kind, rels: rels, image: image, byPart: map[string]string{}, docPrID: firstDocPr}
	s.scanFields(root)
	var body bytes.Buffer
	for _, k := range root.kids {
		s.node(&body, k)
	}
	s.checkAttrs(root)
	if !s.changed {
		return stripComments(b), nil, nil, nil
	}
	var out bytes.Buffer
	out.WriteString(xmlHeader)
	out.WriteString(`<w:` + root.name.Local + ` xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + refNsWP + `" xmlns:a="` + refNsA + `" xmlns:pic="` + refNsPic + `">`)
	out.Write(body.Bytes())
	out.WriteString(`</w:` + root.name.Local + `>`)
	return out.Bytes(), s.pics, s.dropped, nil
}

// scanFields works out, for each complex field (fldChar begin … end),
// whether it is carried over, from its whole instruction, which may be
// split over several runs.
func (s *hfSanitizer) scanFields(n *hfNode) {
	var open []int
	var instr []strings.Builder
	var walk func(*hfNode)
	walk = func(n *hfNode) {
		if n.name.Space == nsW {
			switch n.name.Local {
			case "fldChar":
				switch attrW(n, "fldCharType") {
				case "begin":
					s.fields = append(s.fields, false)
					s.names = append(s.names, "")
					instr = append(instr, strings.Builder{})
					open = append(open, len(s.fields)-1)
				case "end":
					if len(open) > 0 {
						i := open[len(open)-1]
						s.fields[i] = safeField().MatchString(instr[i].String())
						s.names[i] = fieldName(instr[i].String())
						open = open[:len(open)-1]
					}
				}
			case "instrText":
				if len(open) > 0 {
					instr[open[len(open)-1]].WriteString(textOf(n))
				}
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
}

func textOf(n *hfNode) string {
	var b strings.Builder
	for _, k := range n.kids {
		if k.name.Local == "" {
			b.WriteString(k.text)
		}
	}
	return b.String()
}

func attrW(n *hfNode, local string) string {
	for _, a := range n.attrs {
		if a.Name.Space == nsW && a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// inDroppedField reports whether the position is inside a complex field
// that is not carried over.
func (s *hfSanitizer) inDroppedField() bool {
	for _, ok := range s.open {
		if !ok {
			return true
		}
	}
	return false
}

// checkAttrs notes attributes that would not be carried over (any not in
// the w: or xml: namespace, but namespace declarations), so that such a
// part is rewritten rather than kept as it was.
func (s *hfSanitizer) checkAttrs(n *hfNode) {
	for _, a := range n.attrs {
		if !keepAttr(a) && a.Name.Space != "xmlns" && !(a.Name.Space == "" && a.Name.Local == "xmlns") {
			s.changed = true
		}
	}
}

func keepAttr(a xml.Attr) bool {
	return a.Name.Space == nsW || (a.Name.Space == refNsXML && a.Name.Local == "space")
}

func describeHF(n *hfNode) string {
	switch n.name.Space {
	case nsW:
		return "w:" + n.name.Local
	case "http://www.w3.org/2001/XInclude":
		return "xi:include"
	case "http://schemas.openxmlformats.org/markup-compatibility/2006":
		return "mc:" + n.name.Local + " (content for other versions of Word)"
	case "urn:schemas-microsoft-com:vml":
		return "a VML shape (v:" + n.name.Local + ")"
	}
	return "an unknown element " + n.name.Local + " (" + n.name.Space + ")"
}

// node writes n if it is safe, its safe children only.
func (s *hfSanitizer) node(b *bytes.Buffer, n *hfNode) {
	if n.name.Local == "" { // text: kept inside w:t and w:instrText only
		if strings.TrimSpace(n.text) != "" {
			s.changed = true
		}
		return
	}
	if n.name.Space != nsW {
		s.drop(describeHF(n))
		return
	}
	local := n.name.Local
	switch {
	case local == "r":
		s.run(b, n)
		return
	case local == "fldSimple":
		instr := attrW(n, "instr")
		if !safeField().MatchString(instr) {
			s.drop(fieldName(instr) + " field")
			return
		}
		s.element(b, n)
		return
	case local == "drawing":
		s.drawing(b, n)
		return
	case local == "pict" || local == "object":
		s.drop("a picture or object in an old format (w:" + local + ")")
		return
	case hfUnwrap[local]:
		s.changed = true
		for _, k := range n.kids {
			s.node(b, k)
		}
		return
	case hfQuiet[local]:
		s.changed = true
		return
	case !hfKeep[local]:
		s.drop(describeHF(n))
		return
	}
	s.element(b, n)
}

// element writes n with its w: attributes and its safe children.
func (s *hfSanitizer) element(b *bytes.Buffer, n *hfNode) {
	s.checkAttrs(n)
	b.WriteString("<w:" + n.name.Local)
	for _, a := range n.attrs {
		if !keepAttr(a) {
			continue
		}
		prefix := "w:"
		if a.Name.Space == refNsXML {
			prefix = "xml:"
		}
		b.WriteString(" " + prefix + a.Name.Local + `="`)
		esc(b, a.Value)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	for _, k := range n.kids {
		if k.name.Local == "" {
			if n.name.Local == "t" || n.name.Local == "instrText" {
				esc(b, k.text)
			} else if strings.TrimSpace(k.text) != "" {
				s.changed = true // text where Word allows none
			}
			continue
		}
		s.node(b, k)
	}
	b.WriteString("</w:" + n.name.Local + ">")
}

// run writes a run unless it is part of a field not carried over.
func (s *hfSanitizer) run(b *bytes.Buffer, n *hfNode) {
	ends := 0
	for _, k := range n.kids {
		if k.name.Space == nsW && k.name.Local == "fldChar" {
			switch attrW(k, "fldCharType") {
			case "begin":
				ok := s.field < len(s.fields) && s.fields[s.field]
				if !ok {
					name := "an unfinished"
					if s.field < len(s.names) && s.names[s.field] != "" {
						name = s.names[s.field]
					}
					s.drop(name + " field")
				}
				s.field++
				s.open = append(s.open, ok)
			case "end":
				ends++
			}
		}
	}
	dropped := s.inDroppedField()
	for ; ends > 0 && len(s.open) > 0; ends-- {
		s.open = s.open[:len(s.open)-1]
	}
	if dropped {
		s.changed = true
		return
	}
	var inner bytes.Buffer
	s.element(&inner, n)
	b.Write(inner.Bytes())
}

// fieldName is the first word of a field instruction, for a note.
func fieldName(instr string) string {
	f := strings.Fields(instr)
	if len(f) == 0 {
		return "a"
	}
	name := strings.ToUpper(f[0])
	if len(name) > 20 || strings.ContainsFunc(name, func(r rune) bool { return r < 'A' || r > 'Z' }) {
		return "a"
	}
	if strings.ContainsRune("AEIOU", rune(name[0])) {
		return "an " + name
	}
	return "a " + name
}

// drawing carries over a picture embedded in the document as PNG or
// JPEG, written anew as an inline picture of the same size and
// description; anything else in a w:drawing is dropped.
func (s *hfSanitizer) drawing(b *bytes.Buffer, n *hfNode) {
	s.changed = true
	var embed, link, descr, name string
	var cx, cy int64
	var shapes int
	var walk func(*hfNode)
	walk = func(n *hfNode) {
		switch {
		case n.name.Space == refNsA && n.name.Local == "blip":
			for _, a := range n.attrs {
				if a.Name.Space == nsR && a.Name.Local == "embed" {
					embed = a.Value
				}
				if a.Name.Space == nsR && a.Name.Local == "link" {
					link = a.Value
				}
			}
		case n.name.Space == refNsWP && n.name.Local == "extent":
			for _, a := range n.attrs {
				v, _ := strconv.ParseInt(a.Value, 10, 64)
				switch a.Name.Local {
				case "cx":
					cx = v
				case "cy":
					cy = v
				}
			}
		case n.name.Space == refNsWP && n.name.Local == "docPr":
			for _, a := range n.attrs {
				switch a.Name.Local {
				case "descr":
					descr = a.Value
				case "name":
					name = a.Value
				}
			}
		case n.name.Space == refNsA && n.name.Local == "graphicData":
			for _, a := range n.attrs {
				if a.Name.Local == "uri" && a.Value != refNsPic {
					shapes++
				}
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	const maxEMU = 9144000 * 2 // 20 inches: bigger than any page
	switch {
	case shapes > 0:
		s.drop("a drawing that is not a picture (a shape, chart or diagram)")
		return
	case link != "" || (embed == "" && link == ""):
		s.drop("a linked picture")
		return
	case cx <= 0 || cy <= 0 || cx > maxEMU || cy > maxEMU:
		s.drop("a picture without a usable size")
		return
	}
	rid, ok := s.picture(embed)
	if !ok {
		return
	}
	s.docPrID++
	if name == "" {
		name = "Picture"
	}
	fmt.Fprintf(b, `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="%d" cy="%d"/><wp:docPr id="%d" name="`, cx, cy, s.docPrID)
	esc(b, name)
	b.WriteString(`" descr="`)
	esc(b, descr)
	b.WriteString(`"/><a:graphic><a:graphicData uri="` + refNsPic + `"><pic:pic><pic:nvPicPr>`)
	fmt.Fprintf(b, `<pic:cNvPr id="%d" name="`, s.docPrID)
	esc(b, name)
	b.WriteString(`"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + rid + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	fmt.Fprintf(b, `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="%d" cy="%d"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`, cx, cy)
}

// picture takes the image part of relationship id embed into the
// handout, once, and returns its new relationship id.
func (s *hfSanitizer) picture(embed string) (string, bool) {
	target, ok := s.rels[embed]
	if !ok {
		s.drop("a linked picture")
		return "", false
	}
	if rid, ok := s.byPart[target]; ok {
		return rid, true
	}
	if len(s.pics) == maxHFPictures {
		s.drop(fmt.Sprintf("pictures beyond the first %d", maxHFPictures))
		return "", false
	}
	data, err := s.image(target)
	if err == nil && len(data) > maxHFPictureBytes {
		s.drop(fmt.Sprintf("a picture larger than %d MiB", maxHFPictureBytes>>20))
		return "", false
	}
	if err != nil || data == nil {
		s.drop("a picture whose image cannot be read")
		return "", false
	}
	var ext, ctype string
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		ext, ctype = "png", "image/png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		ext, ctype = "jpeg", "image/jpeg"
	default:
		s.drop("a picture that is not a PNG or JPEG image")
		return "", false
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > maxHFPixels {
		s.drop("a picture that is damaged or too large")
		return "", false
	}
	n := len(s.pics) + 1
	rid := fmt.Sprintf("rIdRefPic%d", n)
	s.pics = append(s.pics, hfPicture{rid: rid, media: fmt.Sprintf("word/media/reference-%s%d.%s", s.kind, n, ext), ctype: ctype, data: data})
	s.byPart[target] = rid
	return rid, true
}

// hfRels is the relationships part of a header or footer with pictures.
func hfRels(pics []hfPicture) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, p := range pics {
		b.WriteString(`<Relationship Id="` + p.rid + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + strings.TrimPrefix(p.media, "word/") + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}
