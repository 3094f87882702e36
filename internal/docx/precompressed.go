package docx

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
)

//go:generate go test -run ^TestPrecompressedParts$ -update .

// The static parts of the default Word styles (styles, settings, fonts,
// content types...) are compressed at flate's best level in every
// process, a tenth of the time of a one-briefing build. They are
// compressed ahead of time into precompressed/, each file named by the
// SHA-256 of the part it holds, so a file can only ever be used for the
// very bytes it was made from: a template that changes simply misses,
// and is compressed as before. TestPrecompressedParts checks every file
// is what compressBest makes now, and that the default parts all hit.

//go:embed precompressed
var precompressedFS embed.FS

// precompressed returns data compressed ahead of time, or nil.
func precompressed(data []byte) []byte {
	sum := sha256.Sum256(data)
	b, err := precompressedFS.ReadFile("precompressed/" + hex.EncodeToString(sum[:]))
	if err != nil {
		return nil
	}
	return b
}
