package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"handouts/internal/boundedfile"
	"handouts/internal/boundedzip"
	"handouts/templates"
)

// Reference is the look of the handouts: styles, page set-up, header and
// footer, fonts and theme. Load one from a .docx with LoadReference or
// ReadReference; a nil *Reference in Options is the default look. A
// Reference is read-only once made and may be shared by any number of
// concurrent Writes.
//
// From a reference document we take word/styles.xml (required), the page
// set-up of its last section (size, margins, columns; not its header and
// footer references), what is safe of its default header and footer
// (text, tabs, tables, the PAGE and NUMPAGES fields, pictures stored in
// the document; see refheader.go), word/fontTable.xml and the theme. Numbering (the bullets and numbers of lists) and
// settings are always our own. A style the handout uses but the reference
// lacks is taken from the default look and named in Notes: a librarian
// who deletes a style still gets a handout, and is told.
type Reference struct {
	// Notes says what the reference lacked and was taken from the
	// default look, one sentence each.
	Notes []string

	styles     []byte
	header     []byte // with placeholders {kind}, {title}, {footer}, {producer}
	footer     []byte
	fontTable  []byte
	theme      []byte // nil when there is none
	sectPr     string // children of w:sectPr but the header and footer references
	textWidth  int    // width between the margins, twips
	textHeight int    // height between the margins, less a paragraph's spacing, twips

	headerPics []hfPicture // pictures carried over from the reference
	footerPics []hfPicture

	fixedRels []rel // the document's relationships to its parts
	headerRel int
	footerRel int
	static    []rawPart // the parts written unchanged, compressed once
	// contentTypes is static[0] uncompressed, for a handout with pictures.
	contentTypes []byte
	numbering    []byte            // numbering.xml up to its closing tag
	rename       *strings.Replacer // our style ids to the reference's, or nil
}

type rel struct{ typ, target string }

// Limits on reading a reference document. Entries are read through
// these limits, whatever sizes their headers claim.
const (
	MaxReferenceEntries   = 1000
	MaxReferencePartBytes = 8 << 20  // one part, uncompressed
	MaxReferenceBytes     = 32 << 20 // all parts read, uncompressed
)

// The styles a handout uses: every style of templates/docx/styles.xml.
var (
	defaultOnce sync.Once
	defaultRef  *Reference
	defaultErr  error
	defStyles   []styleDef // in the order of the default styles.xml
)

type styleDef struct {
	id, typ, name string
	raw           string // the whole w:style element
}

// styleKey is how Word matches styles by name: "heading 1" is
// "Heading 1".
func styleKey(typ, name string) string {
	return typ + ":" + strings.ToLower(strings.Join(strings.Fields(name), ""))
}

func defaultReference() (*Reference, error) {
	defaultOnce.Do(func() {
		defaultRef, defaultErr = buildDefault()
	})
	return defaultRef, defaultErr
}

func readTemplate(name string) ([]byte, error) {
	b, err := fs.ReadFile(templates.Docx, "docx/"+name)
	if err != nil {
		return nil, fmt.Errorf("docx: default template: %w", err)
	}
	return b, nil
}

func buildDefault() (*Reference, error) {
	files := map[string][]byte{}
	allChecked := true
	for _, n := range defaultParts {
		b, err := readTemplate(n)
		if err != nil {
			return nil, err
		}
		if !checkedPart(n, b) { // else checked ahead of time (checkeddefaults.go)
			allChecked = false
			if err := wellFormed(b); err != nil {
				return nil, fmt.Errorf("docx: default template %s: %w", n, err)
			}
		}
		files[n] = b
	}
	defs := checkedStyleDefs(files["styles.xml"])
	if defs == nil {
		var err error
		if defs, err = styleDefs(files["styles.xml"]); err != nil {
			return nil, fmt.Errorf("docx: default template styles.xml: %w", err)
		}
	}
	defStyles = defs
	der := checkedDerivedParts // made ahead of time from the parts checked
	if !allChecked {
		var err error
		if der, err = deriveDefaults(files); err != nil {
			return nil, err
		}
	}
	r := &Reference{
		styles:     files["styles.xml"],
		header:     []byte(der.header),
		footer:     []byte(der.footer),
		fontTable:  files["fontTable.xml"],
		sectPr:     der.sectPr,
		textWidth:  der.textWidth,
		textHeight: der.textHeight,
	}
	return r, r.finish(files["numbering.xml"], files["settings.xml"])
}

// deriveDefaults makes what buildDefault takes from the default parts
// besides the parts themselves: the section properties, the header and
// footer without comments, the text's width and height.
func deriveDefaults(files map[string][]byte) (checkedDerived, error) {
	sect, ok := sectPrChildren(string(files["sectPr.xml"]))
	if !ok {
		return checkedDerived{}, errors.New("docx: default template sectPr.xml has no w:sectPr")
	}
	return checkedDerived{
		sectPr:     sect,
		header:     string(stripComments(files["header.xml"])),
		footer:     string(stripComments(files["footer.xml"])),
		textWidth:  textWidth(sect),
		textHeight: textHeight(sect),
	}, nil
}

// finish computes what every Write needs from the parts.
func (r *Reference) finish(numbering, settings []byte) error {
	if r.textWidth == 0 { // else known (the default look's, made ahead of time)
		r.textWidth, r.textHeight = textWidth(r.sectPr), textHeight(r.sectPr)
	}
	i := bytes.LastIndex(numbering, []byte("</w:numbering>"))
	if i < 0 {
		return errors.New("docx: numbering.xml has no closing w:numbering")
	}
	r.numbering = numbering[:i]

	const officeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	r.fixedRels = []rel{
		{officeRel + "styles", "styles.xml"},
		{officeRel + "numbering", "numbering.xml"},
		{officeRel + "settings", "settings.xml"},
		{officeRel + "footnotes", "footnotes.xml"},
		{officeRel + "header", "header1.xml"},
		{officeRel + "footer", "footer1.xml"},
		{officeRel + "fontTable", "fontTable.xml"},
	}
	r.headerRel, r.footerRel = 5, 6
	if r.theme != nil {
		r.fixedRels = append(r.fixedRels, rel{officeRel + "theme", "theme/theme1.xml"})
	}

	var ct bytes.Buffer
	ct.WriteString(xmlHeader)
	ct.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	ct.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	ct.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	for _, o := range [][2]string{
		{"/word/document.xml", wml + "document.main+xml"},
		{"/word/styles.xml", wml + "styles+xml"},
		{"/word/numbering.xml", wml + "numbering+xml"},
		{"/word/settings.xml", wml + "settings+xml"},
		{"/word/footnotes.xml", wml + "footnotes+xml"},
		{"/word/header1.xml", wml + "header+xml"},
		{"/word/footer1.xml", wml + "footer+xml"},
		{"/word/fontTable.xml", wml + "fontTable+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		ct.WriteString(`<Override PartName="` + o[0] + `" ContentType="` + o[1] + `"/>`)
	}
	if r.theme != nil {
		ct.WriteString(`<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>`)
	}
	for _, p := range append(r.headerPics[:len(r.headerPics):len(r.headerPics)], r.footerPics...) {
		ct.WriteString(`<Override PartName="/` + p.media + `" ContentType="` + p.ctype + `"/>`)
	}
	ct.WriteString(`</Types>`)

	rootRels := xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
		`</Relationships>`
	app := xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
		`<Template>Normal.dotm</Template><Application>handouts</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>` +
		`</Properties>`

	// The order here is the order of the entries in every .docx:
	// static[:2] first, static[2] after core.xml, static[3:] last.
	r.contentTypes = ct.Bytes()
	r.static = []rawPart{
		compressBest("[Content_Types].xml", ct.Bytes()),
		compressBest("_rels/.rels", []byte(rootRels)),
		compressBest("docProps/app.xml", []byte(app)),
		compressBest("word/styles.xml", r.styles),
		compressBest("word/settings.xml", settings),
		compressBest("word/fontTable.xml", r.fontTable),
	}
	if r.theme != nil {
		r.static = append(r.static, compressBest("word/theme/theme1.xml", r.theme))
	}
	// A header's or footer's pictures, after every other part.
	if len(r.headerPics) > 0 {
		r.static = append(r.static, compressBest("word/_rels/header1.xml.rels", hfRels(r.headerPics)))
	}
	if len(r.footerPics) > 0 {
		r.static = append(r.static, compressBest("word/_rels/footer1.xml.rels", hfRels(r.footerPics)))
	}
	for _, p := range append(r.headerPics[:len(r.headerPics):len(r.headerPics)], r.footerPics...) {
		r.static = append(r.static, compressBest(p.media, p.data))
	}
	return nil
}

var (
	reSectPr = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<w:sectPr(?:\s[^>]*)?>(.*?)</w:sectPr>`) })
	reHFRef  = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`<w:(?:header|footer)Reference\s[^>]*?/>|<w:titlePg(?:\s[^>]*)?/>`)
	})
	reComment = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)<!--.*?-->`) })
	rePgW     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgSz\s[^>]*?w:w="(\d+)"`) })
	reMarL    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgMar\s[^>]*?w:left="(-?\d+)"`) })
	reMarR    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgMar\s[^>]*?w:right="(-?\d+)"`) })
	rePgH     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgSz\s[^>]*?w:h="(\d+)"`) })
	reMarT    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgMar\s[^>]*?w:top="(-?\d+)"`) })
	reMarB    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`<w:pgMar\s[^>]*?w:bottom="(-?\d+)"`) })
)

// sectPrChildren returns the children of the last w:sectPr of a part,
// without header and footer references or a distinct first page.
func sectPrChildren(part string) (string, bool) {
	part = reComment().ReplaceAllString(part, "")
	all := reSectPr().FindAllStringSubmatchIndex(part, -1)
	if len(all) == 0 {
		return "", false
	}
	m := all[len(all)-1]
	inner := part[m[2]:m[3]]
	inner = reHFRef().ReplaceAllString(inner, "")
	inner = strings.Join(strings.Fields(inner), " ")
	inner = strings.ReplaceAll(inner, "> <", "><")
	return inner, true
}

// textWidth is the page width between the margins, in twips.
func textWidth(sect string) int {
	w := sectTwips(sect, rePgW(), 11906) - sectTwips(sect, reMarL(), 1134) - sectTwips(sect, reMarR(), 1134)
	if w < 1440 || w > 31680 {
		w = 9638
	}
	return w
}

// textHeight is the page height between the margins, in twips, less room
// for the paragraph's spacing.
func textHeight(sect string) int {
	h := sectTwips(sect, rePgH(), 16838) - abs(sectTwips(sect, reMarT(), 1134)) - abs(sectTwips(sect, reMarB(), 1134)) - 720
	if h < 1440 || h > 31680 {
		h = 12960
	}
	return h
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// sectTwips is the number re finds in sect, or def.
func sectTwips(sect string, re *regexp.Regexp, def int) int {
	if m := re.FindStringSubmatch(sect); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil {
			return n
		}
	}
	return def
}

// stripComments removes XML comments from a header or footer, so that
// a placeholder named in a comment is not filled in there (a value could
// hold "--", which a comment may not). It keeps the part as it is when
// that would not leave it well-formed (a CDATA section holding "<!--").
func stripComments(b []byte) []byte {
	out := reComment().ReplaceAll(b, nil)
	if wellFormed(out) != nil {
		return b
	}
	return out
}

// wellFormed checks that b is one well-formed XML element with no
// document type declaration (Word refuses those, and we never expand
// entities).
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	roots := 0
	depth := 0
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.Directive:
			return errors.New("has a document type declaration")
		case xml.StartElement:
			if depth == 0 {
				roots++
			}
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if roots != 1 || depth != 0 {
		return errors.New("is not one XML element")
	}
	return nil
}

// styleDefs lists the w:style elements of a styles part.
func styleDefs(b []byte) ([]styleDef, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	var out []styleDef
	depth := 0
	for {
		start := d.InputOffset()
		t, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch e := t.(type) {
		case xml.StartElement:
			depth++
			if depth == 2 && e.Name.Space == nsW && e.Name.Local == "style" {
				var s styleDef
				for _, a := range e.Attr {
					if a.Name.Space == nsW && a.Name.Local == "styleId" {
						s.id = a.Value
					}
					if a.Name.Space == nsW && a.Name.Local == "type" {
						s.typ = a.Value
					}
				}
				var x struct {
					Name struct {
						Val string `xml:"val,attr"`
					} `xml:"name"`
				}
				if err := d.DecodeElement(&x, &e); err != nil {
					return nil, err
				}
				depth--
				s.name = x.Name.Val
				s.raw = string(b[start:d.InputOffset()])
				out = append(out, s)
			}
		case xml.EndElement:
			depth--
		}
	}
	return out, nil
}

// DefaultReference returns the default reference document: a handout of
// a sample briefing that shows every style, with the header and footer
// placeholders ({kind}, {title}, {footer}) left in. Restyle it in Word
// and pass it back as a reference document.
func DefaultReference() []byte {
	var b bytes.Buffer
	if err := write(&b, sampleBriefing(), Options{}, true); err != nil {
		panic("docx: default reference: " + err.Error()) // the embedded templates are broken
	}
	return b.Bytes()
}

// MaxReferenceFileBytes bounds the reference document read into memory;
// the zip's parts are bounded again, uncompressed, by ReadReference.
const MaxReferenceFileBytes = 64 << 20

// LoadReference reads a reference document from a file: a regular file
// of at most MaxReferenceFileBytes (a named pipe is refused, never waited
// on).
func LoadReference(name string) (*Reference, error) {
	data, err := boundedfile.Read(name, MaxReferenceFileBytes)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, fmt.Errorf("%s: is not a file; a reference document is a .docx file", name)
	case errors.As(err, &tl):
		return nil, fmt.Errorf("%s: is larger than %d MiB; a reference document is a .docx file", name, MaxReferenceFileBytes>>20)
	case err != nil:
		return nil, err
	}
	r, err := ReadReference(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// ReadReference reads a reference document (.docx). It returns an error,
// never panics, for anything that is not a usable Word document: not a
// zip, corrupt, too many entries, a part that would expand beyond
// MaxReferencePartBytes or all parts beyond MaxReferenceBytes, no
// word/styles.xml, or a part we take that is not well-formed XML.
func ReadReference(ra io.ReaderAt, size int64) (*Reference, error) {
	def, err := defaultReference()
	if err != nil {
		return nil, err
	}
	zr, err := boundedzip.Open(ra, size, MaxReferenceEntries, MaxReferenceBytes)
	if e := (*boundedzip.Error)(nil); errors.As(err, &e) {
		if e.Op == boundedzip.OpEntries {
			return nil, fmt.Errorf("reference document has %d entries, more than the %d allowed", e.Entries, MaxReferenceEntries)
		}
		return nil, fmt.Errorf("reference document is not a Word document (.docx): %w", e.Err)
	}
	rd := &refReader{zr: zr}
	r := &Reference{}
	note := func(format string, args ...any) { r.Notes = append(r.Notes, fmt.Sprintf(format, args...)) }

	// The main document and its relationships say where the parts are.
	docName := "word/document.xml"
	if rels, err := rd.rels("_rels/.rels", ""); err != nil {
		return nil, err
	} else if t := rels.byType("officeDocument"); t != "" {
		docName = t
	}
	doc, err := rd.part(docName)
	if err != nil {
		return nil, err
	}
	docDir := path.Dir(docName)
	docRels, err := rd.rels(path.Join(docDir, "_rels", path.Base(docName)+".rels"), docDir)
	if err != nil {
		return nil, err
	}

	stylesName := docRels.byType("styles")
	if stylesName == "" {
		stylesName = "word/styles.xml"
	}
	styles, err := rd.part(stylesName)
	if err != nil {
		return nil, err
	}
	if styles == nil {
		return nil, errors.New("reference document has no styles (word/styles.xml)")
	}
	var rename map[string]string
	if r.styles, rename, err = mergeStyles(styles, note); err != nil {
		return nil, fmt.Errorf("reference document %s: %w", stylesName, err)
	}

	// Page set-up from the last section.
	r.sectPr = def.sectPr
	var sect string
	if doc != nil {
		s, ok := sectPrChildren(string(doc))
		if ok && wellFormed([]byte(`<w:sectPr xmlns:w="`+nsW+`">`+s+`</w:sectPr>`)) == nil {
			r.sectPr = s
			if m := reSectPr().FindAllString(reComment().ReplaceAllString(string(doc), ""), -1); len(m) > 0 {
				sect = m[len(m)-1]
			}
		} else {
			note("the page set-up was not readable; the default (A4) is used")
		}
	} else {
		note("there is no main document, so no page set-up; the default (A4) is used")
	}

	// The default header and footer of that section.
	hf := func(kind string, def []byte, pics *[]hfPicture, firstDocPr int) ([]byte, error) {
		re := regexp.MustCompile(`<w:` + kind + `Reference\s[^>]*?/>`)
		for _, ref := range re.FindAllString(sect, -1) {
			if strings.Contains(ref, `w:type="first"`) || strings.Contains(ref, `w:type="even"`) {
				continue
			}
			id := attr(ref, "r:id")
			name := docRels.byID[id]
			if name == "" {
				break
			}
			b, err := rd.part(name)
			if err != nil {
				return nil, err
			}
			if b == nil {
				break
			}
			pr, err := rd.rels(path.Join(path.Dir(name), "_rels", path.Base(name)+".rels"), path.Dir(name))
			if err != nil {
				return nil, err
			}
			clean, found, dropped, err := sanitizeHF(kind, b, pr.byID, rd.raw, firstDocPr)
			if err != nil {
				note("the %s could not be read (%v); the default %s is used", kind, err, kind)
				return def, nil
			}
			if len(dropped) > 0 {
				note("the %s held what is not carried over, so it was left out: %s (only text, tabs, tables, the PAGE and NUMPAGES fields and pictures stored in the document are carried over)",
					kind, strings.Join(dropped, "; "))
			}
			*pics = found
			return clean, nil
		}
		note("there is no %s; the default %s is used", kind, kind)
		return def, nil
	}
	if r.header, err = hf("header", def.header, &r.headerPics, 900000); err != nil {
		return nil, err
	}
	if r.footer, err = hf("footer", def.footer, &r.footerPics, 900100); err != nil {
		return nil, err
	}

	r.fontTable = def.fontTable
	if n := docRels.byType("fontTable"); n != "" {
		b, err := rd.part(n)
		if err != nil {
			return nil, err
		}
		if b != nil {
			r.fontTable = b
		}
	}
	if n := docRels.byType("theme"); n != "" {
		if r.theme, err = rd.part(n); err != nil {
			return nil, err
		}
	}

	numbering, err := readTemplate("numbering.xml")
	if err != nil {
		return nil, err
	}
	settings, err := readTemplate("settings.xml")
	if err != nil {
		return nil, err
	}
	if err := r.finish(numbering, settings); err != nil {
		return nil, err
	}
	if len(rename) > 0 {
		var pairs []string
		for _, s := range defStyles {
			if to := rename[s.id]; to != "" {
				for _, el := range []string{"pStyle", "rStyle", "tblStyle"} {
					pairs = append(pairs, `<w:`+el+` w:val="`+s.id+`"/>`, `<w:`+el+` w:val="`+to+`"/>`)
				}
			}
		}
		r.rename = strings.NewReplacer(pairs...)
		// A default header or footer (the reference had none of its
		// own) names the styles by our ids.
		if bytes.Equal(r.header, def.header) {
			r.header = []byte(r.rename.Replace(string(r.header)))
		}
		if bytes.Equal(r.footer, def.footer) {
			r.footer = []byte(r.rename.Replace(string(r.footer)))
		}
	}
	return r, nil
}

// mergeStyles checks a reference's styles part and adds, from the
// default look, each style the handout uses that it lacks.
//
// Word and LibreOffice match styles by name, and LibreOffice renames
// some style ids when it saves ("Body Text" becomes TextBody, "Hyperlink"
// InternetLink); a style found by name is used under its own id, and
// the returned map says which.
func mergeStyles(b []byte, note func(string, ...any)) ([]byte, map[string]string, error) {
	have, err := styleDefs(b)
	if err != nil {
		return nil, nil, err
	}
	ids := map[string]bool{}
	byName := map[string]string{}
	for _, s := range have {
		ids[s.id] = true
		if k := styleKey(s.typ, s.name); byName[k] == "" {
			byName[k] = s.id
		}
	}
	rename := map[string]string{}
	for _, s := range defStyles {
		if !ids[s.id] {
			if other := byName[styleKey(s.typ, s.name)]; other != "" {
				rename[s.id] = other
			}
		}
	}
	var add bytes.Buffer
	var missing []string
	for _, s := range defStyles {
		if ids[s.id] || rename[s.id] != "" {
			continue
		}
		missing = append(missing, s.id)
		// The copied element declares the w: prefix itself, so it is
		// right whatever prefix the reference's styles part uses.
		raw := strings.Replace(s.raw, "<w:style ", `<w:style xmlns:w="`+nsW+`" `, 1)
		for from, to := range rename { // the styles it is based on
			for _, el := range []string{"basedOn", "next", "link"} {
				raw = strings.ReplaceAll(raw, `<w:`+el+` w:val="`+from+`"/>`, `<w:`+el+` w:val="`+to+`"/>`)
			}
		}
		add.WriteString(raw)
	}
	if len(missing) == 0 {
		return b, rename, nil
	}
	end := bytes.LastIndex(b, []byte("</"))
	if end < 0 {
		return nil, nil, errors.New("has no closing tag")
	}
	out := make([]byte, 0, len(b)+add.Len())
	out = append(out, b[:end]...)
	out = append(out, add.Bytes()...)
	out = append(out, b[end:]...)
	if err := wellFormed(out); err != nil {
		return nil, nil, err
	}
	note("the reference lacks the style(s) %s; the default look is used for them", strings.Join(missing, ", "))
	return out, rename, nil
}

func attr(tag, name string) string {
	i := strings.Index(tag, " "+name+`="`)
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+3:]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		return v[:j]
	}
	return ""
}

// refReader reads parts of a reference document within the limits.
type refReader struct{ zr *boundedzip.Reader }

// part returns the bytes of the named part, nil if there is none; a part
// must be well-formed XML.
func (rd *refReader) part(name string) ([]byte, error) {
	b, err := rd.raw(name)
	if err != nil || b == nil {
		return b, err
	}
	if err := wellFormed(b); err != nil {
		return nil, fmt.Errorf("reference document: %s is not well-formed XML: %w", name, err)
	}
	return b, nil
}

// raw returns the bytes of the named part, nil if there is none, within
// the limits.
func (rd *refReader) raw(name string) ([]byte, error) {
	b, err := rd.zr.Part(name, MaxReferencePartBytes)
	if e := (*boundedzip.Error)(nil); errors.As(err, &e) {
		switch e.Op {
		case boundedzip.OpOpen:
			return nil, fmt.Errorf("reference document: %s: %w", name, e.Err)
		case boundedzip.OpRead:
			return nil, fmt.Errorf("reference document: %s is corrupt: %w", name, e.Err)
		}
		return nil, fmt.Errorf("reference document: %s expands beyond the size limit (%d MiB a part, %d MiB in all)", name, MaxReferencePartBytes>>20, MaxReferenceBytes>>20)
	}
	return b, err
}

type relsInfo struct {
	byID   map[string]string // id → part name (internal targets only)
	byKind map[string]string // last path element of the type → part name
}

func (ri relsInfo) byType(kind string) string { return ri.byKind[kind] }

// rels reads a relationships part; targets are resolved against dir
// and must stay inside the package.
func (rd *refReader) rels(name, dir string) (relsInfo, error) {
	ri := relsInfo{byID: map[string]string{}, byKind: map[string]string{}}
	b, err := rd.part(name)
	if err != nil || b == nil {
		return ri, err
	}
	var x struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return ri, fmt.Errorf("reference document: %s: %w", name, err)
	}
	for _, r := range x.Rel {
		if r.Mode == "External" {
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = path.Clean(t[1:])
		} else {
			t = path.Clean(path.Join(dir, t))
		}
		if strings.HasPrefix(t, "../") || t == ".." {
			continue
		}
		ri.byID[r.ID] = t
		kind := r.Type[strings.LastIndexByte(r.Type, '/')+1:]
		if _, seen := ri.byKind[kind]; !seen {
			ri.byKind[kind] = t
		}
	}
	return ri, nil
}
