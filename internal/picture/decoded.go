package picture

import (
	"bytes"
	"crypto/sha256"
	"image/jpeg"
	"image/png"
	"sync"
)

// A library's briefings often show the same picture (a logo, a shared
// diagram), and a build checks each briefing's pictures, so the verdict
// of decoding a picture whole is kept for the process, by the SHA-256 of
// its bytes: hashing costs a small part of decoding. Only pictures that
// decode are kept (an error is found again, and says the same), and at
// most maxDecoded of them.
const maxDecoded = 4096

var (
	decodedMu sync.Mutex
	decoded   = map[[sha256.Size]byte]bool{}
)

// decodes decodes the picture whole, as a PNG or a JPEG, and returns the
// decoder's error. It knows the picture by the SHA-256 the writers use
// too (sum.go), so the bytes are hashed once; the format needs no place
// in the key, since Check takes it from the bytes.
func (p *Picture) decodes() error {
	key := p.SHA256()
	format, data := p.Format, p.Data
	decodedMu.Lock()
	ok := decoded[key]
	decodedMu.Unlock()
	if ok {
		return nil
	}
	var err error
	if format == PNG {
		if !pngWhole(data) { // else whole, as png.Decode would find it (pngwhole.go)
			_, err = png.Decode(bytes.NewReader(data))
		}
	} else {
		_, err = jpeg.Decode(bytes.NewReader(data))
	}
	if err == nil {
		decodedMu.Lock()
		if len(decoded) < maxDecoded {
			decoded[key] = true
		}
		decodedMu.Unlock()
	}
	return err
}
