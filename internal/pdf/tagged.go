package pdf

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// A tagged PDF is made in two steps. While fpdf draws, every run of
// operations of one structure element is wrapped in marked content
// (BDC … EMC) with an id of its own on its page (an MCID), and
// artifacts in /Artifact; the links are only noted. Then finish reads
// fpdf's finished file (our own output, of a known shape) and writes it
// again as one revision with what fpdf cannot write: the structure tree
// and its parent tree, the link annotations as indirect objects in the
// tree, the fonts the pages use with their ToUnicode maps (fontobjs.go),
// the XMP metadata and the catalog's keys for PDF/UA.

// place is a point on a page: its index and y from the top, pt.
type place struct {
	page int
	y    float64
}

// mark is one piece of an element's content, in drawing order: marked
// content mcid on a page, or (mcid < 0) the annotation annot.
type mark struct {
	tag   tag
	page  int
	mcid  int
	annot int
}

// annot is a link annotation: its area, and an address or the name of
// a place in the document ("#note-1").
type annot struct {
	page       int
	x, y, w, h float64
	target     string
	tag        tag
}

// tagging gathers what the drawing marked.
type tagging struct {
	tree    *tree
	lang    string
	title   string
	pageH   float64
	open    tag     // the marked content open on the page; 0 for none
	pages   [][]tag // each page's MCIDs' elements
	marks   []mark
	annots  []annot
	anchors map[string]place
	fonts   []usedFont // the font pages drawn with
}

// mark makes t the marked content open on page n: it ends the one open
// and begins t's (nothing for tagUnset).
func (g *tagging) mark(f *fpdf.Fpdf, n int, t tag) {
	if t == g.open && t <= 0 {
		return // artifacts of a kind run on; an element's run too
	}
	if t == g.open && t > 0 {
		return
	}
	if g.open != tagUnset {
		f.RawWriteStr("EMC")
	}
	g.open = t
	switch {
	case t > 0:
		mcid := len(g.pages[n])
		g.pages[n] = append(g.pages[n], t)
		g.marks = append(g.marks, mark{tag: t, page: n, mcid: mcid, annot: -1})
		f.RawWriteStr("/" + g.tree.elems[t].typ + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	case t == tagArtifact:
		f.RawWriteStr("/Artifact <</Type /Layout>> BDC")
	case t == tagPagination:
		f.RawWriteStr("/Artifact <</Type /Pagination>> BDC")
	case t == tagFooter:
		f.RawWriteStr("/Artifact <</Type /Pagination /Subtype /Footer>> BDC")
	}
}

// link notes a link annotation of the op o on page n.
func (g *tagging) link(n int, o op) {
	if o.tag <= 0 {
		return // not in the structure (cannot happen: links are tagged)
	}
	g.marks = append(g.marks, mark{tag: o.tag, page: n, mcid: -1, annot: len(g.annots)})
	g.annots = append(g.annots, annot{page: n, x: o.x, y: o.y, w: o.w, h: o.h, target: o.text, tag: o.tag})
}

// rawPDF is fpdf's output cut into objects.
type rawPDF struct {
	objs       [][]byte // by object number; objs[0] unused
	root, info int
	pages      []int // page objects in order
}

// errShape is returned when fpdf's output is not of the shape expected.
var errShape = errors.New("pdf: unexpected output from fpdf")

// parseRaw cuts fpdf's output into its objects by the offsets of its
// cross-reference table.
func parseRaw(b []byte) (*rawPDF, error) {
	i := bytes.LastIndex(b, []byte("startxref\n"))
	if i < 0 {
		return nil, errShape
	}
	rest := b[i+len("startxref\n"):]
	xref, err := strconv.Atoi(string(rest[:bytes.IndexByte(rest, '\n')]))
	if err != nil || xref <= 0 || xref >= len(b) || !bytes.HasPrefix(b[xref:], []byte("xref\n0 ")) {
		return nil, errShape
	}
	t := b[xref+len("xref\n0 "):]
	nl := bytes.IndexByte(t, '\n')
	n, err := strconv.Atoi(string(t[:nl]))
	if err != nil || n < 2 {
		return nil, errShape
	}
	t = t[nl+1:]
	if len(t) < 20*n {
		return nil, errShape
	}
	offs := make([]int, n)
	for k := 1; k < n; k++ {
		if offs[k], err = strconv.Atoi(string(t[20*k : 20*k+10])); err != nil {
			return nil, errShape
		}
	}
	sorted := slices.Clone(offs[1:])
	slices.Sort(sorted)
	r := &rawPDF{objs: make([][]byte, n)}
	for k := 1; k < n; k++ {
		start := offs[k]
		j, _ := slices.BinarySearch(sorted, start)
		end := xref
		if j+1 < len(sorted) {
			end = sorted[j+1]
		}
		head := strconv.Itoa(k) + " 0 obj\n"
		o := b[start:end]
		if !bytes.HasPrefix(o, []byte(head)) {
			return nil, errShape
		}
		o = bytes.TrimRight(o[len(head):], "\n")
		if !bytes.HasSuffix(o, []byte("endobj")) {
			return nil, errShape
		}
		r.objs[k] = bytes.TrimRight(o[:len(o)-len("endobj")], "\n")
	}
	trailer := t[20*n:]
	if r.root = refAfter(trailer, "/Root "); r.root <= 0 || r.root >= n {
		return nil, errShape
	}
	r.info = refAfter(trailer, "/Info ")
	pages := r.objs[refAfter(r.objs[r.root], "/Pages ")]
	k := bytes.Index(pages, []byte("/Kids ["))
	if k < 0 {
		return nil, errShape
	}
	kids := pages[k+len("/Kids ["):]
	kids = kids[:bytes.IndexByte(kids, ']')]
	for _, f := range strings.Fields(string(kids)) {
		if v, err := strconv.Atoi(f); err == nil && v > 0 && v < n {
			r.pages = append(r.pages, v)
		}
	}
	return r, nil
}

// refAfter reads the object number of "key N 0 R" in b; 0 if absent.
func refAfter(b []byte, key string) int {
	i := bytes.Index(b, []byte(key))
	if i < 0 {
		return 0
	}
	rest := strings.TrimLeft(string(b[i+len(key):min(len(b), i+len(key)+24)]), " ")
	j := strings.IndexFunc(rest, func(r rune) bool { return r < '0' || r > '9' })
	if j <= 0 {
		return 0
	}
	v, _ := strconv.Atoi(rest[:j])
	return v
}

// insertKeys adds keys before the dictionary's final ">>".
func insertKeys(dict []byte, keys string) []byte {
	i := bytes.LastIndex(dict, []byte(">>"))
	if i < 0 {
		return dict
	}
	out := make([]byte, 0, len(dict)+len(keys)+1)
	out = append(out, dict[:i]...)
	out = append(out, '\n')
	out = append(out, keys...)
	return append(out, dict[i:]...)
}

// zpool holds compressors for the page content, reused across
// handouts: a new one costs about a megabyte of allocation.
var zpool sync.Pool

func deflate(b []byte) []byte {
	var out bytes.Buffer
	zw, _ := zpool.Get().(*zlib.Writer)
	if zw == nil {
		zw, _ = zlib.NewWriterLevel(&out, zlib.BestSpeed)
	} else {
		zw.Reset(&out)
	}
	zw.Write(b)
	zw.Close()
	zpool.Put(zw)
	return out.Bytes()
}

// finish writes raw, fpdf's output, to w as a tagged PDF.
func (g *tagging) finish(w io.Writer, raw []byte) error {
	r, err := parseRaw(raw)
	if err != nil {
		return err
	}
	if len(r.pages) != len(g.pages) {
		return errShape
	}
	objs := r.objs
	next := len(objs)
	alloc := func() int {
		objs = append(objs, nil)
		next++
		return next - 1
	}
	ref := func(n int) string { return strconv.Itoa(n) + " 0 R" }

	// The elements kept: those with content, and every table cell.
	elems := g.tree.elems
	kids := make([][]kid, len(elems))
	for e := 2; e < len(elems); e++ {
		if !elems[e].inline {
			p := elems[e].parent
			kids[p] = append(kids[p], kid{elem: tag(e)})
		}
	}
	attached := make([]bool, len(elems))
	var attach func(t tag)
	attach = func(t tag) {
		if attached[t] {
			return
		}
		attached[t] = true
		if p := elems[t].parent; elems[t].inline && t > 1 {
			kids[p] = append(kids[p], kid{elem: t})
			attach(p)
		}
	}
	for _, m := range g.marks {
		kids[m.tag] = append(kids[m.tag], kid{mark: true, page: m.page, mcid: m.mcid, annot: m.annot})
		attach(m.tag)
	}
	keep := make([]bool, len(elems))
	var kept func(t tag) bool
	kept = func(t tag) bool {
		k := elems[t].typ == "TH" || elems[t].typ == "TD"
		for _, c := range kids[t] {
			if c.mark || kept(c.elem) {
				k = true
			}
		}
		keep[t] = k
		return k
	}
	kept(1)
	keep[1] = true
	// Object numbers in the tree's order.
	num := make([]int, len(elems))
	var number func(t tag)
	number = func(t tag) {
		num[t] = alloc()
		for _, c := range kids[t] {
			if !c.mark && keep[c.elem] {
				number(c.elem)
			}
		}
	}
	rootNum := alloc()
	number(1)
	annotNum := make([]int, len(g.annots))
	for i := range g.annots {
		annotNum[i] = alloc()
	}
	parentNum := alloc()

	// The new objects are written one after another into one buffer,
	// each object a slice of it.
	buf := make([]byte, 0, 96*len(elems)+160*len(g.annots)+1024)
	put := func(x string) { buf = append(buf, x...) }
	putInt := func(n int) { buf = strconv.AppendInt(buf, int64(n), 10) }
	putRef := func(n int) {
		putInt(n)
		put(" 0 R")
	}
	putNum := func(v float64) { buf = strconv.AppendFloat(buf, v, 'f', 2, 64) }
	done := func(n, from int) { objs[n] = buf[from:len(buf):len(buf)] }

	// The elements, and the parent tree of marked content and links.
	parentOf := make([][]int, len(g.pages))
	for p, ids := range g.pages {
		parentOf[p] = make([]int, len(ids))
	}
	annotParent := make([]int, len(g.annots))
	var ids []string
	idNum := map[string]int{}
	for t := tag(1); int(t) < len(elems); t++ {
		if !keep[t] || num[t] == 0 {
			continue
		}
		e := elems[t]
		from := len(buf)
		put("<</Type /StructElem /S /")
		put(e.typ)
		put(" /P ")
		if t == 1 {
			putRef(rootNum)
		} else {
			putRef(num[e.parent])
		}
		pg := -1
		for _, c := range kids[t] {
			if c.mark {
				pg = c.page
				break
			}
		}
		if pg >= 0 {
			put(" /Pg ")
			putRef(r.pages[pg])
		}
		switch {
		case e.scope != "":
			put(" /A <</O /Table /Scope /" + e.scope + ">>")
		case e.list != "":
			put(" /A <</O /List /ListNumbering /" + e.list + ">>")
		}
		if e.alt != "" && e.typ == "Figure" {
			put(" /Alt " + pdfText(e.alt))
		}
		if e.id != "" {
			put(" /ID " + pdfText(e.id))
			if _, dup := idNum[e.id]; !dup {
				ids = append(ids, e.id)
				idNum[e.id] = num[t]
			}
		}
		put(" /K [")
		for i, c := range kids[t] {
			if i > 0 {
				put(" ")
			}
			switch {
			case !c.mark:
				if keep[c.elem] {
					putRef(num[c.elem])
				}
			case c.annot >= 0:
				put("<</Type /OBJR /Pg ")
				putRef(r.pages[c.page])
				put(" /Obj ")
				putRef(annotNum[c.annot])
				put(">>")
				annotParent[c.annot] = num[t]
			case c.page == pg:
				putInt(c.mcid)
				parentOf[c.page][c.mcid] = num[t]
			default:
				put("<</Type /MCR /Pg ")
				putRef(r.pages[c.page])
				put(" /MCID ")
				putInt(c.mcid)
				put(">>")
				parentOf[c.page][c.mcid] = num[t]
			}
		}
		put("]>>")
		done(num[t], from)
	}
	from := len(buf)
	put("<</Nums [")
	for p, ns := range parentOf {
		putInt(p)
		put(" [")
		for i, n := range ns {
			if i > 0 {
				put(" ")
			}
			putRef(n)
		}
		put("]\n")
	}
	for i, n := range annotParent {
		putInt(len(g.pages) + i)
		put(" ")
		putRef(n)
		put("\n")
	}
	put("]>>")
	done(parentNum, from)
	from = len(buf)
	put("<</Type /StructTreeRoot /K ")
	putRef(num[1])
	put(" /ParentTree ")
	putRef(parentNum)
	put(" /ParentTreeNextKey ")
	putInt(len(g.pages) + len(g.annots))
	if len(ids) > 0 {
		slices.Sort(ids)
		put(" /IDTree <</Names [")
		for i, id := range ids {
			if i > 0 {
				put(" ")
			}
			put(pdfText(id) + " ")
			putRef(idNum[id])
		}
		put("]>>")
	}
	put(">>")
	done(rootNum, from)

	// The link annotations; one action for each address, however many
	// lines its link runs over.
	actions := map[string]int{}
	pageAnnots := make([][]int, len(g.pages))
	for i, a := range g.annots {
		from := len(buf)
		put("<</Type /Annot /Subtype /Link /Rect [")
		putNum(a.x)
		put(" ")
		putNum(g.pageH - a.y - a.h)
		put(" ")
		putNum(a.x + a.w)
		put(" ")
		putNum(g.pageH - a.y)
		put("] /Border [0 0 0] /F 4 /StructParent ")
		putInt(len(g.pages) + i)
		put(" /Contents ")
		put(pdfText(elems[a.tag].alt))
		if strings.HasPrefix(a.target, "#") {
			to, ok := g.anchors[a.target]
			if !ok {
				return fmt.Errorf("pdf: no place %s in the document", a.target)
			}
			put(" /Dest [")
			putRef(r.pages[to.page])
			put(" /XYZ 0 ")
			putNum(g.pageH - to.y)
			put(" null]")
		} else {
			n, ok := actions[a.target]
			if !ok {
				n = alloc()
				actions[a.target] = n
				objs[n] = []byte("<</Type /Action /S /URI /URI " + pdfLiteral(a.target) + ">>")
			}
			put(" /A ")
			putRef(n)
		}
		put(">>")
		done(annotNum[i], from)
		pageAnnots[a.page] = append(pageAnnots[a.page], annotNum[i])
	}

	// Pages: their structure key, tab order and annotations. Their
	// content stays uncompressed, as fpdf wrote it: compressing it
	// would cost more time than the few kilobytes are worth.
	for p, pn := range r.pages {
		keys := "/Tabs /S\n/StructParents " + strconv.Itoa(p)
		if len(pageAnnots[p]) > 0 {
			keys += "\n/Annots ["
			for i, n := range pageAnnots[p] {
				if i > 0 {
					keys += " "
				}
				keys += ref(n)
			}
			keys += "]"
		}
		objs[pn] = insertKeys(objs[pn], keys)
	}
	// Fonts: ours, named in the pages' resources (fontobjs.go).
	if len(g.fonts) > 0 {
		if err := addFonts(&objs, alloc, refAfter(objs[r.pages[0]], "/Resources "), g.fonts); err != nil {
			return err
		}
	}
	meta := alloc()
	objs[meta] = xmpStream(g.title, g.lang)
	lang := g.lang
	if lang == "" {
		lang = "en-GB"
	}
	objs[r.root] = insertKeys(objs[r.root], "/Lang "+pdfText(lang)+
		"\n/MarkInfo <</Marked true>>\n/ViewerPreferences <</DisplayDocTitle true>>\n/Metadata "+ref(meta)+
		"\n/StructTreeRoot "+ref(rootNum))

	return writeObjects(w, objs, r.root, r.info)
}

// kid is one of an element's children: an element, or a mark.
type kid struct {
	elem  tag
	mark  bool
	page  int
	mcid  int
	annot int
}

// writeObjects writes a whole PDF 1.7 file of objs.
func writeObjects(w io.Writer, objs [][]byte, root, info int) error {
	// Into a buffer (as the build renders), the file is written straight
	// to it, grown once to its size rather than doubling; elsewhere
	// through a bufio.Writer.
	var out interface {
		io.Writer
		Flush() error
	}
	if g, ok := w.(growWriter); ok {
		size := 64 + 20*len(objs) + 256
		for _, o := range objs[1:] {
			size += len(o) + 32
		}
		g.Grow(size)
		out = &flushless{w: g}
	} else {
		out = bufio.NewWriterSize(w, 32<<10)
	}
	offs := make([]int, len(objs))
	at := 0
	put := func(b []byte) {
		out.Write(b)
		at += len(b)
	}
	put([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"))
	var head []byte
	for n := 1; n < len(objs); n++ {
		offs[n] = at
		head = strconv.AppendInt(head[:0], int64(n), 10)
		put(append(head, " 0 obj\n"...))
		put(objs[n])
		put([]byte("\nendobj\n"))
	}
	// No file identifier: it is optional, and one that differed between
	// runs would break reproducibility.
	xref := make([]byte, 0, 20*len(objs)+256)
	xref = append(xref, "xref\n0 "+strconv.Itoa(len(objs))+"\n0000000000 65535 f \n"...)
	for n := 1; n < len(objs); n++ {
		off := strconv.Itoa(offs[n])
		xref = append(xref, "0000000000"[len(off):]...)
		xref = append(append(xref, off...), " 00000 n \n"...)
	}
	xref = append(xref, "trailer\n<</Size "+strconv.Itoa(len(objs))+" /Root "+strconv.Itoa(root)+" 0 R"...)
	if info > 0 {
		xref = append(xref, " /Info "+strconv.Itoa(info)+" 0 R"...)
	}
	xref = append(xref, ">>\nstartxref\n"+strconv.Itoa(at)+"\n%%EOF\n"...)
	out.Write(xref)
	return out.Flush()
}

// growWriter is a writer that can make room ahead, as bytes.Buffer does.
type growWriter interface {
	io.Writer
	Grow(n int)
}

// flushless writes straight to w; Flush reports its first error, as a
// bufio.Writer's would.
type flushless struct {
	w   io.Writer
	err error
}

func (f *flushless) Write(b []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(b)
	f.err = err
	return n, err
}

func (f *flushless) Flush() error { return f.err }

// toUnicode is the page's ToUnicode CMap stream object, made once.
func (p *fontPage) toUnicode() []byte {
	p.cmapOnce.Do(func() {
		var b strings.Builder
		b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
			"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
			"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
			"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n")
		for i := 0; i < len(p.runes); i += 100 {
			chunk := p.runes[i:min(i+100, len(p.runes))]
			fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
			for j, r := range chunk {
				fmt.Fprintf(&b, "<%02X> <", p.codes[i+j])
				for _, u := range utf16.Encode([]rune{r}) {
					fmt.Fprintf(&b, "%04X", u)
				}
				b.WriteString(">\n")
			}
			b.WriteString("endbfchar\n")
		}
		b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
		z := deflate([]byte(b.String()))
		p.cmap = append([]byte("<</Filter /FlateDecode /Length "+strconv.Itoa(len(z))+">>\nstream\n"), z...)
		p.cmap = append(p.cmap, "\nendstream"...)
	})
	return p.cmap
}

// xmpStream is the XMP metadata: the title, the language and the
// PDF/UA identification.
func xmpStream(title, lang string) []byte {
	if lang == "" {
		lang = "en-GB"
	}
	x := `<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + xmlEscape(title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + xmlEscape(lang) + `</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>` + producer + `</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`
	return []byte("<</Type /Metadata /Subtype /XML /Length " + strconv.Itoa(len(x)) + ">>\nstream\n" + x + "\nendstream")
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < 0x20 || r == 0xfffe || r == 0xffff:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// pdfText is s as a PDF text string: literal when printable ASCII,
// else UTF-16BE with its byte order mark, in hex.
func pdfText(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			ascii = false
			break
		}
	}
	if ascii {
		return pdfLiteral(s)
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfLiteral is ASCII s as a literal string, its delimiters escaped.
func pdfLiteral(s string) string {
	return "(" + literalEscaper.Replace(s) + ")"
}

var literalEscaper = strings.NewReplacer(`\`, `\\`, `(`, `\(`, `)`, `\)`)
