package pdf

import (
	"bytes"
	"slices"
	"strconv"
)

// The font objects of a handout are ours, not fpdf's: fpdf draws the
// text (our code sets the font with a Tf operator of its own, named
// after the page, /Ffa0 and so on) and finish adds the fonts the pages
// used to the file, with the resource dictionary naming them. Each
// object but the references between them is made once per process.

// pageObjects are a font page's objects, made once per process, each
// but for the object numbers it refers to.
type pageObjects struct {
	// font is the font dictionary up to the number of its descriptor:
	// its name, widths and encoding.
	font []byte
	// desc is the font descriptor up to the number of the font file.
	desc []byte
	// file is the compressed subset's stream object; cmap the ToUnicode
	// map's. Neither refers to another object.
	file, cmap []byte
}

// makePageObjects makes the objects of page p of a face with metrics m,
// whose subset is named name: file is the subset's stream object (see
// fontFileObject), cmap its ToUnicode map's.
func makePageObjects(name string, p *fontPage, m *metrics, file, cmap []byte) pageObjects {
	var cw [256]int
	for i, r := range p.runes {
		cw[p.codes[i]] = int(m.adv(r))
	}
	font := make([]byte, 0, 256+len(p.diff)+4*224)
	font = append(font, "<</Type /Font\n/Subtype /TrueType\n/BaseFont /"+name+"\n/FirstChar 32 /LastChar 255\n/Widths ["...)
	for c := 32; c < 256; c++ {
		if c > 32 {
			font = append(font, ' ')
		}
		font = strconv.AppendInt(font, int64(cw[c]), 10)
	}
	font = append(font, "]\n/Encoding "...)
	if p.diff == "" {
		font = append(font, "/WinAnsiEncoding"...)
	} else {
		font = append(font, "<</Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences ["+p.diff+"]>>"...)
	}
	font = append(font, "\n/FontDescriptor "...)

	d := m.desc
	desc := make([]byte, 0, 256)
	desc = append(desc, "<</Type /FontDescriptor /FontName /"+name...)
	for _, kv := range []struct {
		k string
		v int
	}{{"Ascent", d.Ascent}, {"Descent", d.Descent}, {"CapHeight", d.CapHeight}, {"Flags", d.Flags}} {
		desc = append(desc, " /"+kv.k+" "...)
		desc = strconv.AppendInt(desc, int64(kv.v), 10)
	}
	desc = append(desc, " /FontBBox ["...)
	for i, v := range []int{d.FontBBox.Xmin, d.FontBBox.Ymin, d.FontBBox.Xmax, d.FontBBox.Ymax} {
		if i > 0 {
			desc = append(desc, ' ')
		}
		desc = strconv.AppendInt(desc, int64(v), 10)
	}
	desc = append(desc, ']')
	for _, kv := range []struct {
		k string
		v int
	}{{"ItalicAngle", d.ItalicAngle}, {"StemV", d.StemV}, {"MissingWidth", d.MissingWidth}} {
		desc = append(desc, " /"+kv.k+" "...)
		desc = strconv.AppendInt(desc, int64(kv.v), 10)
	}
	desc = append(desc, " /FontFile2 "...)

	return pageObjects{font: font, desc: desc, file: file, cmap: cmap}
}

// fontFileObject is the stream object of a subset: z is the subset
// compressed, size its size before.
func fontFileObject(z []byte, size int) []byte {
	head := "<</Length " + strconv.Itoa(len(z)) + " /Filter /FlateDecode /Length1 " + strconv.Itoa(size) + ">>\nstream\n"
	file := make([]byte, 0, len(head)+len(z)+len("\nendstream"))
	return append(append(append(file, head...), z...), "\nendstream"...)
}

// usedFont is a font page a handout draws with.
type usedFont struct {
	face face // Liberation Serif's numbered after ours, as fontSet.use numbers them
	page int
	objs *pageObjects
}

// resourceName is the name the pages' content and resources call the
// font by.
func (u usedFont) resourceName() string { return "F" + family(u.face, u.page) }

// tfOperator is the content that sets the font and size, as fpdf's
// SetFont writes it.
func (u usedFont) tfOperator(size float64) string {
	return "BT /" + u.resourceName() + " " + strconv.FormatFloat(size, 'f', 2, 64) + " Tf ET"
}

// addFonts adds the objects of fonts to *objs, alloc giving each its
// number (and growing *objs), and names them in the pages' resource
// dictionary, object res. The fonts come in order of face and page,
// whatever the order of use.
func addFonts(objs *[][]byte, alloc func() int, res int, fonts []usedFont) error {
	slices.SortFunc(fonts, func(a, b usedFont) int {
		if a.face != b.face {
			return int(a.face) - int(b.face)
		}
		return a.page - b.page
	})
	const empty = "/Font <<\n>>"
	if res <= 0 || res >= len(*objs) || bytes.Count((*objs)[res], []byte(empty)) != 1 {
		return errShape
	}
	names := []byte("/Font <<\n")
	for _, u := range fonts {
		n, d, fl, cm := alloc(), alloc(), alloc(), alloc()
		o := *objs
		ref := func(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...) }
		font := make([]byte, 0, len(u.objs.font)+48)
		font = ref(append(font, u.objs.font...), d)
		font = ref(append(font, "\n/ToUnicode "...), cm)
		o[n] = append(font, ">>"...)
		o[d] = append(ref(append([]byte(nil), u.objs.desc...), fl), ">>"...)
		o[fl] = u.objs.file
		o[cm] = u.objs.cmap
		names = ref(append(append(append(names, '/'), u.resourceName()...), ' '), n)
		names = append(names, '\n')
	}
	names = append(names, ">>"...)
	(*objs)[res] = bytes.Replace((*objs)[res], []byte(empty), names, 1)
	return nil
}
