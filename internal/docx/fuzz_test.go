package docx

import (
	"bytes"
	"errors"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

// fuzzShape bounds the briefings FuzzWrite builds from its input.
var fuzzShape = bt.FuzzShape{Str: 24, StartScale: 1, Cols: 4, Rows: 3, Cells: 5}

// checkDocx checks what every written .docx must be: a zip whose every
// part is well-formed XML, read back by encoding/xml, with no character
// XML forbids.
func checkDocx(t *testing.T, b []byte) {
	t.Helper()
	for _, p := range unzip(t, b) {
		if err := parseXML(p.data); err != nil {
			t.Fatalf("%s is not well-formed: %v\n%s", p.name, err, p.data)
		}
		if bad := forbidden(p.data); bad != "" {
			t.Fatalf("%s holds %s", p.name, bad)
		}
	}
}

func FuzzWrite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x05Title\x00\x03Lib\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x02\x01\x03\x02\x01\x01\x03\x00hello"))
	f.Add(bytes.Repeat([]byte{3, 3, 1, 1, 5}, 40))
	f.Add(bytes.Repeat([]byte{2, 5, 1, 2, 2}, 60))
	f.Add([]byte("\x07<&\">\xff\x00\x01\x03\x04\x04\x02\x04\x05\x06\x07\x08\x01\x02\x03\x04\x05\x06\x07\x08\x09"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := bt.FromFuzz(data, fuzzShape)
		var b bytes.Buffer
		err := Write(&b, d, Options{})
		if errors.Is(err, ErrTooDeep) {
			return
		}
		if err != nil {
			t.Fatalf("Write: %v", err)
		}
		checkDocx(t, b.Bytes())
	})
}

func FuzzReadReference(f *testing.F) {
	good := DefaultReference()
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	// The default reference with its styles part replaced or dropped.
	parts := unzip(f, good)
	f.Add(rezip(f, parts, func(name string, data []byte) []byte {
		if name == "word/styles.xml" {
			return []byte(`<w:styles xmlns:w="` + nsW + `"/>`)
		}
		return data
	}))
	f.Add(rezip(f, parts, func(name string, data []byte) []byte {
		if name == "word/document.xml" {
			return []byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:sectPr><w:pgSz w:w="99999999999"/></w:sectPr></w:body></w:document>`)
		}
		return data
	}))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadReference(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		// A reference that is accepted must make well-formed handouts.
		var b bytes.Buffer
		if err := Write(&b, bt.Rich(), Options{Reference: r}); err != nil {
			t.Fatalf("Write with an accepted reference: %v", err)
		}
		checkDocx(t, b.Bytes())
	})
}
