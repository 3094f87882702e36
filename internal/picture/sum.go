package picture

import "crypto/sha256"

// SHA256 returns the SHA-256 of the picture's bytes. The writers of a
// briefing's handouts each know a picture by it (one part or image for
// two pictures with the same bytes); it is made once, on first use, so
// a picture shown in every format is hashed once.
func (p *Picture) SHA256() [32]byte {
	p.sumOnce.Do(func() { p.sum = sha256.Sum256(p.Data) })
	return p.sum
}
