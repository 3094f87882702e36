package build

import (
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"

	"handouts/internal/briefing"
	"handouts/internal/config"
)

// projectRoot is the project folder, which a briefing's pictures must lie
// in: the config file's folder, or the working folder.
func projectRoot(c *config.Config) string { return c.Root() }

// picturesSum hashes the names and contents of the local pictures of the
// briefing at source, so that changing a picture rebuilds its handouts;
// nil when it shows none (its handouts' inputs are then what they were
// before pictures existed). A picture that cannot be read hashes as
// such: parsing reports it.
func picturesSum(source string, src []byte, root string) []byte {
	return picturesSumOf(briefing.LocalPictures(source, src, root))
}

// picturesSumOf is picturesSum of the picture files found.
func picturesSumOf(files []string) []byte {
	return (*sumCache)(nil).picturesSumOf(files)
}

// picturesSumOf is picturesSumOf, each file hashed through the cache
// (pictureFileSum); c may be nil.
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
