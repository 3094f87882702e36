// Package wordread reads a Word document (.docx) into the neutral blocks
// of internal/importer: paragraphs with their style (title, headings,
// quotes), Word's lists with their nesting and numbers, tables,
// footnotes, bold, italic and hyperlinks. It is our own reader on
// archive/zip and encoding/xml, bounded like the reference-document
// reader: the file's size, the number of entries, each part's and all
// parts' expanded size, and the depth of the XML. Nothing outside the
// file is ever fetched: a hyperlink's address is kept as text.
package wordread

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"handouts/internal/boundedfile"
	"handouts/internal/boundedzip"
	"handouts/internal/importer"
)

// Limits on a Word document.
const (
	MaxFileBytes = 32 << 20 // the .docx file itself
	MaxEntries   = 1000     // entries in its zip
	MaxPartBytes = 16 << 20 // one part, expanded
	MaxAllBytes  = 48 << 20 // every part read, expanded
	MaxXMLDepth  = 256      // elements within elements
)

// ReadFile reads the Word document at path through the bounded reader.
func ReadFile(p string) (importer.Source, error) {
	b, err := boundedfile.Read(p, MaxFileBytes)
	if err != nil {
		return importer.Source{}, importer.Describe(err, MaxFileBytes)
	}
	return Read(bytes.NewReader(b), int64(len(b)))
}

const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relTy = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
)

// Read reads a Word document. It returns an error, never panics, for a
// file that is not one, is corrupt, or is over a limit.
func Read(ra io.ReaderAt, size int64) (importer.Source, error) {
	zr, err := boundedzip.Open(ra, size, MaxEntries, MaxAllBytes)
	if err != nil {
		if e := (*boundedzip.Error)(nil); errors.As(err, &e) && e.Op == boundedzip.OpEntries {
			return importer.Source{}, fmt.Errorf("has %d entries, more than the %d a Word document may have here", e.Entries, MaxEntries)
		}
		return importer.Source{}, errors.New("is not a Word document (.docx): it cannot be opened as one (a .doc file must be saved as .docx first)")
	}
	pk := &pkg{zr: zr}
	docName := "word/document.xml"
	if rels, err := pk.rels("_rels/.rels", ""); err != nil {
		return importer.Source{}, err
	} else if t := rels.byType["officeDocument"]; t != "" {
		docName = t
	}
	doc, err := pk.part(docName)
	if err != nil {
		return importer.Source{}, err
	}
	if doc == nil {
		return importer.Source{}, errors.New("is not a Word document: it has no main document (word/document.xml)")
	}
	dir := path.Dir(docName)
	rels, err := pk.rels(path.Join(dir, "_rels", path.Base(docName)+".rels"), dir)
	if err != nil {
		return importer.Source{}, err
	}
	r := &reader{pk: pk, rels: rels, notes: map[string]int{}, pictures: map[string]*importer.Picture{}}
	if name := rels.byType["styles"]; name != "" {
		b, err := pk.part(name)
		if err != nil {
			return importer.Source{}, err
		}
		r.styles = readStyles(b)
	}
	if name := rels.byType["numbering"]; name != "" {
		b, err := pk.part(name)
		if err != nil {
			return importer.Source{}, err
		}
		r.numbering = readNumbering(b)
	}
	var footnotes []byte
	if name := rels.byType["footnotes"]; name != "" {
		if footnotes, err = pk.part(name); err != nil {
			return importer.Source{}, err
		}
	}
	if err := r.body(doc); err != nil {
		return importer.Source{}, err
	}
	src := importer.Source{Blocks: r.blocks}
	if footnotes != nil && len(r.noteOrder) > 0 {
		r.inNotes = true
		texts, err := r.footnotes(footnotes)
		if err != nil {
			return importer.Source{}, err
		}
		for _, id := range r.noteOrder {
			src.Notes = append(src.Notes, texts[id])
		}
	}
	if core, _ := pk.part("docProps/core.xml"); core != nil {
		src.Keywords = keywords(core)
	}
	src.Remarks = r.remarks
	return src, nil
}

// pkg reads parts of the zip within the limits.
type pkg struct{ zr *boundedzip.Reader }

func (p *pkg) part(name string) ([]byte, error) { return p.sizedPart(name, MaxPartBytes) }

// sizedPart reads a part of at most max bytes expanded (and within what
// is left of MaxAllBytes); nil when there is no such part.
func (p *pkg) sizedPart(name string, most int64) ([]byte, error) {
	b, err := p.zr.Part(name, most)
	if e := (*boundedzip.Error)(nil); errors.As(err, &e) {
		if e.Op == boundedzip.OpExpand {
			return nil, fmt.Errorf("%s expands beyond the size limit (%d MiB a part, %d MiB in all)", name, most>>20, MaxAllBytes>>20)
		}
		return nil, fmt.Errorf("is corrupt: %s cannot be read (%v)", name, e.Err)
	}
	return b, err
}

type relsInfo struct {
	byID   map[string]string // internal targets, resolved
	links  map[string]string // external targets (hyperlinks)
	byType map[string]string
}

func (p *pkg) rels(name, dir string) (relsInfo, error) {
	ri := relsInfo{byID: map[string]string{}, links: map[string]string{}, byType: map[string]string{}}
	b, err := p.part(name)
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
	if err := decodeBounded(b, &x); err != nil {
		return ri, fmt.Errorf("is corrupt: %s is not well-formed XML (%v)", name, err)
	}
	for _, r := range x.Rel {
		typ := r.Type[strings.LastIndex(r.Type, "/")+1:]
		if strings.EqualFold(r.Mode, "External") {
			ri.links[r.ID] = r.Target
			continue
		}
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join(dir, t)
		}
		if strings.HasPrefix(t, "../") {
			continue // outside the package
		}
		ri.byID[r.ID] = t
		if _, seen := ri.byType[typ]; !seen {
			ri.byType[typ] = t
		}
	}
	return ri, nil
}

// decodeBounded unmarshals b after checking its depth.
func decodeBounded(b []byte, v any) error {
	if err := checkDepth(b); err != nil {
		return err
	}
	return xml.Unmarshal(b, v)
}

func checkDepth(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	depth := 0
	for {
		t, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
			if depth > MaxXMLDepth {
				return fmt.Errorf("elements nested more than %d deep", MaxXMLDepth)
			}
		case xml.EndElement:
			depth--
		}
	}
}

// readStyles maps style ids to their names, lower case.
func readStyles(b []byte) map[string]string {
	var x struct {
		Style []struct {
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
		} `xml:"style"`
	}
	m := map[string]string{}
	if decodeBounded(b, &x) != nil {
		return m
	}
	for _, s := range x.Style {
		m[s.ID] = strings.ToLower(strings.Join(strings.Fields(s.Name.Val), " "))
	}
	return m
}

// numbering says, per list and level, whether it is numbered and from
// which number.
type numbering map[string]map[int]numLevel

type numLevel struct {
	ordered bool
	start   int
}

func readNumbering(b []byte) numbering {
	type lvl struct {
		Ilvl  string `xml:"ilvl,attr"`
		Start struct {
			Val string `xml:"val,attr"`
		} `xml:"start"`
		Fmt struct {
			Val string `xml:"val,attr"`
		} `xml:"numFmt"`
	}
	var x struct {
		Abstract []struct {
			ID  string `xml:"abstractNumId,attr"`
			Lvl []lvl  `xml:"lvl"`
		} `xml:"abstractNum"`
		Num []struct {
			ID       string `xml:"numId,attr"`
			Abstract struct {
				Val string `xml:"val,attr"`
			} `xml:"abstractNumId"`
			Override []struct {
				Ilvl  string `xml:"ilvl,attr"`
				Start struct {
					Val string `xml:"val,attr"`
				} `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	out := numbering{}
	if decodeBounded(b, &x) != nil {
		return out
	}
	abs := map[string]map[int]numLevel{}
	for _, a := range x.Abstract {
		levels := map[int]numLevel{}
		for _, l := range a.Lvl {
			i, _ := strconv.Atoi(l.Ilvl)
			s, err := strconv.Atoi(l.Start.Val)
			if err != nil {
				s = 1
			}
			f := l.Fmt.Val
			levels[i] = numLevel{ordered: f != "bullet" && f != "none" && f != "", start: s}
		}
		abs[a.ID] = levels
	}
	for _, n := range x.Num {
		levels := map[int]numLevel{}
		for k, v := range abs[n.Abstract.Val] {
			levels[k] = v
		}
		for _, o := range n.Override {
			i, _ := strconv.Atoi(o.Ilvl)
			if s, err := strconv.Atoi(o.Start.Val); err == nil {
				l := levels[i]
				l.start = s
				levels[i] = l
			}
		}
		out[n.ID] = levels
	}
	return out
}

// keywords reads the subject words of docProps/core.xml.
func keywords(b []byte) []string {
	var x struct {
		Keywords string `xml:"keywords"`
	}
	if decodeBounded(b, &x) != nil {
		return nil
	}
	var out []string
	for _, k := range strings.FieldsFunc(x.Keywords, func(r rune) bool { return r == ',' || r == ';' }) {
		if k = strings.TrimSpace(k); k != "" {
			out = append(out, k)
		}
	}
	return out
}
