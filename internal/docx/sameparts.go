package docx

import (
	"bytes"
	"sync"
)

// Some parts made for every document are the same for most briefings
// of a library: the footer (filled with the same producer), the
// footnotes' relationships, the content types of a document with
// pictures. Compressing a part costs building its Huffman tables,
// however small it is, so the last small part made under each name is
// kept, with the bytes it was made from, and used again for the same
// bytes. One per name: the memory is bounded by the parts of a
// document.

// maxSamePart is the largest part kept.
const maxSamePart = 8 << 10

// madePart is a part compressed, with the bytes it holds.
type madePart struct {
	data []byte
	part rawPart
}

// lastParts holds a *madePart by part name.
var lastParts sync.Map

// compressSame is compress, reusing the last part of that name made
// from the same bytes.
func compressSame(name string, data []byte) (rawPart, error) {
	if len(data) > maxSamePart {
		return compress(name, data)
	}
	if v, ok := lastParts.Load(name); ok {
		if m := v.(*madePart); bytes.Equal(m.data, data) {
			return m.part, nil
		}
	}
	p, err := compress(name, data)
	if err == nil {
		lastParts.Store(name, &madePart{data: bytes.Clone(data), part: p})
	}
	return p, err
}
