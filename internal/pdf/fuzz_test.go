package pdf

import (
	"bytes"
	"errors"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

// fuzzShape bounds the briefings FuzzWrite builds from its input: long
// strings, addresses that are often absolute, and wide tables.
var fuzzShape = bt.FuzzShape{Str: 40, LinkScheme: true, StartScale: 997, Cols: 6, Rows: 4, Cells: 7}

func FuzzWrite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x05Title\x00\x03Lib\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x10\x02\x01\x03\x02\x01\x01\x03\x00hello"))
	f.Add(bytes.Repeat([]byte{3, 3, 1, 1, 5}, 40))
	f.Add(bytes.Repeat([]byte{2, 5, 1, 2, 2}, 60))
	f.Add([]byte("\x07(\\)\xff\x00\x01\x03\x04\x04\x02\x04\x05\x06\x07\x08\x01\x02\x03\x04\x05\x06\x07\x08\x09"))
	f.Add([]byte("\x08“Zoë” £€\x03\x02\x01\x01\x0c\x01\x00\xf0\x9f\x98\x80漢字\t\r\n\x04\x04\x04\x04"))
	f.Add(bytes.Repeat([]byte{1, 4, 5, 3, 3, 4, 6, 2}, 80))
	f.Fuzz(func(t *testing.T, data []byte) {
		d := bt.FromFuzz(data, fuzzShape)
		for _, paper := range []string{"", "letter"} {
			var b bytes.Buffer
			err := Write(&b, d, Options{Paper: paper})
			if errors.Is(err, ErrTooDeep) {
				return
			}
			if err != nil {
				t.Fatalf("Write: %v", err)
			}
			// More than the first and last bytes: the xref table, the
			// page count and the title (structure_test.go).
			if err := checkStructure(b.Bytes(), metaText(d.Meta.Title)); err != nil {
				t.Fatalf("paper %q: %v", paper, err)
			}
		}
	})
}
