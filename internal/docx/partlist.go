package docx

import (
	"archive/zip"
	"io"
)

// partList holds a document's zip entries, in order, until all are made:
// then the output, when it is a buffer (as the build renders), is grown
// once to the whole file's size and the entries are written. Written as
// they were made, a buffer grew by doubling, to twice the file and more.
type partList struct {
	parts []listedPart
}

// listedPart is a compressed part (raw) or, where media is set, a
// picture stored as it is.
type listedPart struct {
	raw   rawPart
	media string
	data  []byte
}

// addRaw adds a compressed part; addMedia a picture, stored as it is.
// Either is only listed: errors come from writeTo.
func (l *partList) addRaw(p rawPart) { l.parts = append(l.parts, listedPart{raw: p}) }

func (l *partList) addMedia(name string, data []byte) {
	l.parts = append(l.parts, listedPart{media: name, data: data})
}

// size is the file's size or a little more: each entry's local header,
// data, data descriptor and central directory record, and the end of
// the central directory.
func (l *partList) size() int {
	const perEntry = 30 + 16 + 46 + 64 // headers, descriptor, room for extras
	n := 22
	for _, p := range l.parts {
		if p.media != "" {
			n += perEntry + 2*len(p.media) + len(p.data)
		} else {
			n += perEntry + 2*len(p.raw.name) + len(p.raw.compressed)
		}
	}
	return n
}

// writeTo writes the entries to w as a zip file.
func (l *partList) writeTo(w io.Writer) error {
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(l.size())
	}
	z := zip.NewWriter(w)
	for _, p := range l.parts {
		var err error
		if p.media != "" {
			err = writeMedia(z, p.media, p.data)
		} else {
			err = writeRaw(z, p.raw)
		}
		if err != nil {
			return err
		}
	}
	return z.Close()
}
