package build

import (
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"

	"handouts/internal/config"
)

// projectRoot is the project folder, which a briefing's pictures must lie
// in: the config file's folder, or the working folder.
func projectRoot(c *config.Config) string { return c.Root() }

// picturesSumOf hashes the names and contents of the picture files of
// a briefing, each through the cache (pictureFileSum); nil when there
// are none. A picture that cannot be read hashes as such: parsing
// reports it. c may be nil.
func (c *sumCache) picturesSumOf(files []string) []byte {
	if len(files) == 0 {
		return nil
	}
	h := sha256.New()
	for _, f := range files {
		writeField(h, filepath.ToSlash(f))
		sum, err := c.pictureFileSum(f)
		if err != nil {
			writeField(h, "unreadable "+err.Error())
			continue
		}
		h.Write(sum[:])
	}
	return h.Sum(nil)
}

// brandingHash adds the logo and the QR code switch to a build's common
// inputs: changing either rebuilds every handout.
func brandingHash(h io.Writer, o Options) {
	c := o.Config
	if c == nil {
		return
	}
	if c.LogoPicture != nil {
		sum := c.LogoPicture.SHA256()
		writeField(h, fmt.Sprintf("logo %x", sum))
		writeField(h, c.LogoAlt)
	}
	if c.NoQR {
		writeField(h, "no qr")
	}
}
