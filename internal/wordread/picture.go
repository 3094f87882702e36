package wordread

import (
	"encoding/xml"
	"fmt"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/importer"
	"handouts/internal/picture"
)

// Pictures: a picture embedded in the document (w:drawing with a
// pic:pic, or the older w:pict with v:imagedata) is read from its part,
// checked as a briefing's picture is (PNG or JPEG, within
// internal/picture's limits) and carried with its description. A picture
// linked to a file or an address outside the document is never fetched;
// nor is one in a footnote, a chart or a shape read. Each is named in
// the remarks the import lists.

// decorativeURI is the extension Word marks a decorative picture with.
const decorativeURI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"

// drawingInfo is what a drawing or pict element says of its picture.
type drawingInfo struct {
	descr, title string
	decorative   bool
	embed, link  string // relationship ids
	isPicture    bool
}

// readDrawing reads the element just opened (w:drawing or w:pict) to
// its end.
func readDrawing(d *xml.Decoder) (drawingInfo, error) {
	var di drawingInfo
	err := within(d, func(t xml.StartElement) (bool, error) {
		switch t.Name.Local {
		case "docPr":
			di.descr, di.title = attr(t, "descr"), attr(t, "title")
		case "decorative":
			if v := attr(t, "val"); v == "1" || v == "true" {
				di.decorative = true
			}
		case "pic":
			di.isPicture = true
		case "blip":
			di.embed, di.link = relAttr(t, "embed"), relAttr(t, "link")
		case "shape":
			if di.descr == "" {
				di.descr = attr(t, "alt")
			}
		case "imagedata":
			di.isPicture = true
			di.embed = relAttr(t, "id")
			if di.title == "" {
				di.title = attr(t, "title")
			}
		}
		return false, nil
	})
	return di, err
}

// relAttr is an attribute in the relationships namespace.
func relAttr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local && a.Name.Space == nsR {
			return a.Value
		}
	}
	return ""
}

// picture turns a drawing into a picture inline, or nil with a remark.
func (r *reader) picture(di drawingInfo) *importer.Picture {
	r.drawings++
	n := r.drawings
	switch {
	case r.inNotes:
		r.remark("picture %d is in a footnote, which cannot show a picture, and was left out", n)
		return nil
	case !di.isPicture:
		r.remark("drawing %d is not a picture (a chart, a shape or a diagram) and was left out", n)
		return nil
	case di.embed == "" && di.link != "":
		r.remark("picture %d is linked to %q, not embedded in the document; it was not fetched: save the picture into the project and add it by hand", n, clip(r.rels.links[di.link]))
		return nil
	}
	target, ok := r.rels.byID[di.embed]
	if !ok {
		if u, ext := r.rels.links[di.embed]; ext {
			r.remark("picture %d is linked to %q, not embedded in the document; it was not fetched: save the picture into the project and add it by hand", n, clip(u))
		} else {
			r.remark("picture %d has no picture data in the document and was left out", n)
		}
		return nil
	}
	p, seen := r.pictures[target]
	if !seen {
		if len(r.pictures) == briefing.MaxPictures {
			r.remark("picture %d was left out: a briefing shows at most %d pictures", n, briefing.MaxPictures)
			return nil
		}
		data, err := r.pk.sizedPart(target, picture.MaxFileBytes)
		if err != nil || data == nil {
			r.remark("picture %d was left out: %s", n, orMissing(err))
			return nil
		}
		pic, err := picture.Check(target, data)
		if err != nil {
			r.remark("picture %d (%s) was left out: it %s", n, target, err)
			return nil
		}
		p = &importer.Picture{Data: pic.Data, Ext: pic.Ext()}
		r.pictures[target] = p
	}
	alt := strings.TrimSpace(di.descr)
	if alt == "" {
		alt = strings.TrimSpace(di.title)
	}
	if di.decorative {
		alt = ""
	}
	if !seen {
		p.Alt, p.Decorative = alt, di.decorative
		return p
	}
	// The same picture shown again: one file when it is described the
	// same way, else a file for each description.
	if p.Alt == alt && p.Decorative == di.decorative {
		return p
	}
	return &importer.Picture{Data: p.Data, Ext: p.Ext, Alt: alt, Decorative: di.decorative}
}

func orMissing(err error) string {
	if err == nil {
		return "its data is missing from the document"
	}
	return err.Error()
}

func (r *reader) remark(format string, args ...any) {
	r.remarks = append(r.remarks, fmt.Sprintf(format, args...))
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "…"
	}
	return s
}
