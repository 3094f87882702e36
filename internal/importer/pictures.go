package importer

import (
	"fmt"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/qrcode"
)

// Picture is a picture embedded in the source, already checked by its
// reader (a PNG or JPEG within internal/picture's limits). The import
// writes it to a file of its own beside the briefing and shows it there.
type Picture struct {
	Data []byte
	Ext  string // file name extension without the dot: "png" or "jpeg"
	// Alt is the description the source gives, "" for none; Decorative
	// is set when the source marks the picture decorative.
	Alt        string
	Decorative bool
	// Name is the file the briefing shows, relative to it and
	// slash-separated ("images/my-briefing-1.png"); set by Convert and
	// NamePictures.
	Name string
}

// PlaceholderAlt is the alternative text written for a picture whose
// source gives none: check reports it, so the author describes it.
const PlaceholderAlt = briefing.PlaceholderAlt

// hasPicture reports whether inlines hold a picture.
func hasPicture(ins []Inline) bool {
	for _, in := range ins {
		if in.Picture != nil {
			return true
		}
	}
	return false
}

// separatePictures gives every picture a paragraph of its own, as a
// briefing needs: a paragraph with text and pictures is split where
// they stand; a picture in a heading, list item, quote or table goes in
// a paragraph after it, and a remark says so.
func separatePictures(bs []Block) (out []Block, remarks []string) {
	moved := 0
	for _, b := range bs {
		var pics []Inline
		take := func(ins []Inline) []Inline {
			if !hasPicture(ins) {
				return ins
			}
			var rest []Inline
			for _, in := range ins {
				if in.Picture != nil {
					pics = append(pics, in)
				} else {
					rest = append(rest, in)
				}
			}
			return rest
		}
		if b.Kind == Para && hasPicture(b.Inlines) {
			var run []Inline
			cont := b.Cont
			flush := func() {
				if strings.TrimSpace(PlainText(run)) != "" || hasNote(run) {
					p := b
					p.Inlines, p.Cont = run, cont
					out = append(out, p)
				}
				run = nil
			}
			for _, in := range b.Inlines {
				if in.Picture == nil {
					run = append(run, in)
					continue
				}
				flush()
				// After a picture the paragraph no longer continues a
				// list item: it would read as indented code.
				cont = false
				out = append(out, Block{Kind: Para, Inlines: []Inline{in}, Line: b.Line})
			}
			flush()
			continue
		}
		b.Inlines = take(b.Inlines)
		if b.Kind == Table {
			for r := range b.Rows {
				for c := range b.Rows[r] {
					b.Rows[r][c] = take(dropQRCodes(b.Rows[r][c]))
				}
			}
		}
		out = append(out, b)
		for _, p := range pics {
			out = append(out, Block{Kind: Para, Inlines: []Inline{p}, Line: b.Line})
		}
		moved += len(pics)
	}
	if moved > 0 {
		remarks = append(remarks, fmt.Sprintf("%s in a heading, list, quote or table %s moved to a paragraph of %s own after it: a briefing shows a picture on its own", count(moved, "picture"), verb(moved), map[bool]string{true: "its", false: "their"}[moved == 1]))
	}
	return out, remarks
}

// dropQRCodes leaves out the QR code of a handout's source panel: it
// shows the driver's address, which the panel gives as text, and a build
// draws it again.
func dropQRCodes(ins []Inline) []Inline {
	out := ins[:0:0]
	for _, in := range ins {
		if in.Picture != nil && strings.HasPrefix(in.Picture.Alt, qrcode.AltPrefix) {
			continue
		}
		out = append(out, in)
	}
	return out
}

// Pictures returns the briefing's pictures, each once, in the order the
// briefing shows them.
func (b *Briefing) Pictures() []*Picture {
	var out []*Picture
	seen := map[*Picture]bool{}
	add := func(ins []Inline) {
		for _, in := range ins {
			if p := in.Picture; p != nil && !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	walk := func(bs []Block) {
		for _, bl := range bs {
			add(bl.Inlines)
			for _, row := range bl.Rows {
				for _, c := range row {
					add(c)
				}
			}
		}
	}
	walk(b.Lead)
	for _, s := range b.Sections {
		walk(s.Blocks)
	}
	return out
}

// NamePictures names the briefing's pictures images/SLUG-1.png,
// images/SLUG-2.jpeg, … in the order shown, passing over every name
// taken reports as taken (a file that exists), so that no file is ever
// overwritten.
func (b *Briefing) NamePictures(slug string, taken func(name string) bool) {
	n := 0
	for _, p := range b.Pictures() {
		for {
			n++
			name := fmt.Sprintf("images/%s-%d.%s", slug, n, p.Ext)
			if taken == nil || !taken(name) {
				p.Name = name
				break
			}
		}
	}
}

// pictureMarkdown writes a picture: its description as the alternative
// text, "decorative" for a decorative one, the placeholder for one with
// no description.
func pictureMarkdown(p *Picture) string {
	dest := linkDest(p.Name)
	if p.Decorative {
		return "![](" + dest + ` "decorative")`
	}
	alt := strings.Join(strings.Fields(p.Alt), " ")
	if alt == "" {
		alt = PlaceholderAlt
	}
	return "![" + escapeText(alt) + "](" + dest + ")"
}
