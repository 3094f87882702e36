// Package picture reads the pictures a handout shows: a briefing's local
// PNG and JPEG files and the project's logo. A picture is read through
// boundedfile, recognised by its content (never by its name), and held
// to limits on its file size, its pixel count and the memory it takes
// decoded; the dimensions in its header are checked before anything is
// decoded. Writers get the bytes as read, with the format and size, and
// never touch the file system.
package picture

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"handouts/internal/boundedfile"
)

// Limits on a picture.
const (
	// MaxFileBytes is the largest picture file read.
	MaxFileBytes = 8 << 20
	// MaxPixels bounds width × height: 24 megapixels is a photograph
	// from a good camera, far more than a printed page needs.
	MaxPixels = 24_000_000
	// MaxDecodedBytes bounds the memory of the decoded picture.
	MaxDecodedBytes = 128 << 20
	// MaxSide bounds either dimension, so a 1 × 20 000 000 strip is
	// refused too.
	MaxSide = 20_000
)

// Formats.
const (
	PNG  = "png"
	JPEG = "jpeg"
)

// Picture is a PNG or JPEG file, read and checked.
type Picture struct {
	Path   string // as the author wrote it, slash-separated, for messages and names
	Format string // PNG or JPEG
	Data   []byte // the file's bytes, unchanged
	Width  int    // in pixels
	Height int
	// DPI is the resolution the file declares (PNG pHYs, JPEG JFIF), or
	// 0; a writer uses it for the natural size.
	DPI float64

	sumOnce sync.Once // sum is Data's SHA-256, made once (sum.go)
	sum     [sha256.Size]byte
}

// Ext is the file name extension of the format, without the dot.
func (p *Picture) Ext() string {
	if p.Format == JPEG {
		return "jpeg"
	}
	return "png"
}

// MIME is the content type of the format.
func (p *Picture) MIME() string { return "image/" + p.Format }

// Resolve finds the file of a picture written as rel in a file in
// folder base (relative to the working folder), within the project
// folder root. rel must be relative, use slashes and have no ".."; the
// file it names, symbolic links followed, must lie inside root. It
// returns the path to open, or an error whose text is a sentence for
// the author.
func Resolve(root, base, rel string) (string, error) {
	if rel == "" {
		return "", errors.New("has no file name")
	}
	if strings.Contains(rel, `\`) {
		return "", errors.New("uses a backslash; write the path with forward slashes, such as images/map.png")
	}
	if strings.HasPrefix(rel, "/") || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return "", errors.New("is an absolute path; write it relative to the briefing's folder, such as images/map.png")
	}
	for _, part := range strings.Split(rel, "/") {
		if part == ".." {
			return "", errors.New("goes up with \"..\"; keep pictures in this file's folder or a folder under it, such as images/")
		}
	}
	p := filepath.Join(base, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", errors.New("does not exist; check the file name (names are case-sensitive) and that the file is in the project")
		}
		return "", fmt.Errorf("cannot be read: %s", describe(err))
	}
	if root == "" {
		root = "."
	}
	realRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", fmt.Errorf("cannot find the project folder: %s", describe(err))
	}
	ar, err1 := filepath.Abs(real)
	aroot, err2 := filepath.Abs(realRoot)
	if err1 != nil || err2 != nil {
		return "", errors.New("cannot be located")
	}
	if r, err := filepath.Rel(aroot, ar); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", errors.New("is a link to a file outside the project; copy the picture into the project instead")
	}
	return p, nil
}

// Load reads and checks the picture file at path; name is how messages
// and the handouts call it. The error is a sentence for the author.
func Load(path, name string) (*Picture, error) {
	data, err := boundedfile.Read(path, MaxFileBytes)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, boundedfile.ErrFolder):
		return nil, errors.New("is a folder, not a picture")
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, errors.New("is not a regular file")
	case errors.As(err, &tl):
		return nil, fmt.Errorf("is larger than %d MiB; save a smaller copy (a handout needs no more than about 2000 pixels across)", MaxFileBytes>>20)
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("does not exist; check the file name (names are case-sensitive)")
	case err != nil:
		return nil, fmt.Errorf("cannot be read: %s", describe(err))
	}
	return Check(name, data)
}

// Check checks data as a picture named name.
func Check(name string, data []byte) (*Picture, error) {
	p := &Picture{Path: name, Data: data}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		p.Format = PNG
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		p.Format = JPEG
	default:
		return nil, fmt.Errorf("is not a PNG or JPEG picture%s; save it as PNG (for diagrams) or JPEG (for photographs)", sniffed(data))
	}
	var cfg image.Config
	var err error
	if p.Format == PNG {
		cfg, err = png.DecodeConfig(bytes.NewReader(data))
	} else {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(data))
	}
	if err != nil {
		return nil, fmt.Errorf("is a damaged %s file (%v); save it again from a picture editor", strings.ToUpper(p.Format), err)
	}
	p.Width, p.Height = cfg.Width, cfg.Height
	if p.Width <= 0 || p.Height <= 0 {
		return nil, errors.New("has no pixels")
	}
	if p.Width > MaxSide || p.Height > MaxSide || int64(p.Width)*int64(p.Height) > MaxPixels {
		return nil, fmt.Errorf("is %d × %d pixels, over the limit of %d megapixels (and %d pixels a side); save a smaller copy", p.Width, p.Height, MaxPixels/1_000_000, MaxSide)
	}
	if mem := int64(p.Width) * int64(p.Height) * bytesPerPixel(cfg.ColorModel); mem > MaxDecodedBytes {
		return nil, fmt.Errorf("would take %d MiB of memory to draw, over the limit of %d MiB; save a smaller copy, or with 8 bits per channel", mem>>20, MaxDecodedBytes>>20)
	}
	// The header is sound and small enough: decode the whole picture, so
	// a damaged file is reported here, not by a writer.
	err = p.decodes()
	if err != nil {
		return nil, fmt.Errorf("is a damaged %s file (%v); save it again from a picture editor", strings.ToUpper(p.Format), err)
	}
	p.DPI = dpi(p.Format, data)
	return p, nil
}

// bytesPerPixel is the memory one pixel takes decoded.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.RGBA64Model, color.NRGBA64Model:
		return 8
	case color.YCbCrModel:
		return 3
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 4
}

// sniffed names what data seems to be, for the message.
func sniffed(data []byte) string {
	switch {
	case len(data) == 0:
		return " (the file is empty)"
	case bytes.HasPrefix(data, []byte("GIF8")):
		return " (it is a GIF)"
	case bytes.HasPrefix(data, []byte("RIFF")) && len(data) > 12 && string(data[8:12]) == "WEBP":
		return " (it is a WebP)"
	case bytes.HasPrefix(data, []byte("<svg")) || bytes.HasPrefix(data, []byte("<?xml")):
		return " (it is SVG or XML)"
	case bytes.HasPrefix(data, []byte("%PDF")):
		return " (it is a PDF)"
	}
	return ""
}

// dpi reads the resolution a PNG (pHYs, in pixels per metre) or a JFIF
// JPEG declares; 0 when it declares none.
func dpi(format string, b []byte) float64 {
	if format == PNG {
		for i := 8; i+12 <= len(b); {
			n := int(uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3]))
			typ := string(b[i+4 : i+8])
			if typ == "IDAT" || n < 0 || i+12+n > len(b) {
				return 0
			}
			if typ == "pHYs" && n == 9 && b[i+16] == 1 {
				ppm := float64(uint32(b[i+8])<<24 | uint32(b[i+9])<<16 | uint32(b[i+10])<<8 | uint32(b[i+11]))
				return ppm * 0.0254
			}
			i += 12 + n
		}
		return 0
	}
	// JFIF APP0 straight after the SOI marker.
	if len(b) >= 18 && b[2] == 0xff && b[3] == 0xe0 && string(b[6:11]) == "JFIF\x00" {
		x := float64(int(b[14])<<8 | int(b[15]))
		switch b[13] {
		case 1:
			return x
		case 2:
			return x * 2.54
		}
	}
	return 0
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	if errors.Is(err, os.ErrPermission) {
		return "permission denied"
	}
	return err.Error()
}
