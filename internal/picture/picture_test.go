package picture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/picture/picturetest"
)

// header16 is a PNG header claiming w × h at 16 bits a channel, RGBA.
func header16(w, h int) []byte {
	b := picturetest.PNGHeader(w, h)
	// IHDR data starts at 16; bit depth at 24. Fix the depth and CRC.
	b[24] = 16
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string // error, "" for none
	}{
		{"png", picturetest.PNG(20, 10), ""},
		{"jpeg", picturetest.JPEG(20, 10), ""},
		{"empty", nil, "is not a PNG or JPEG picture (the file is empty); save it as PNG (for diagrams) or JPEG (for photographs)"},
		{"gif", []byte("GIF89a...."), "is not a PNG or JPEG picture (it is a GIF); save it as PNG (for diagrams) or JPEG (for photographs)"},
		{"svg", []byte("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), "is not a PNG or JPEG picture (it is SVG or XML); save it as PNG (for diagrams) or JPEG (for photographs)"},
		{"too many pixels", picturetest.PNGHeader(6000, 5000), "is 6000 × 5000 pixels, over the limit of 24 megapixels (and 20000 pixels a side); save a smaller copy"},
		{"too long a side", picturetest.PNGHeader(30000, 10), "is 30000 × 10 pixels, over the limit of 24 megapixels (and 20000 pixels a side); save a smaller copy"},
		{"too much memory", header16(5000, 4000), "would take 152 MiB of memory to draw, over the limit of 128 MiB; save a smaller copy, or with 8 bits per channel"},
		{"header only", picturetest.PNGHeader(100, 100), "is a damaged PNG file (unexpected EOF); save it again from a picture editor"},
		{"damaged jpeg", picturetest.JPEG(64, 64)[:200], "is a damaged JPEG file (unexpected EOF); save it again from a picture editor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Check("x", tt.data)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Fatalf("got %q\nwant %q", got, tt.want)
			}
			if err == nil && (p.Width != 20 || p.Height != 10 || !bytes.Equal(p.Data, tt.data)) {
				t.Errorf("got %d × %d", p.Width, p.Height)
			}
		})
	}
}

func TestDPI(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 4, 4))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	jfif := b.Bytes()
	// Go writes no JFIF header; a file that declares 300 dpi has one.
	app0 := []byte{0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0x01, 0x2c, 0x01, 0x2c, 0, 0}
	withDPI := append(append([]byte{0xff, 0xd8}, app0...), jfif[2:]...)
	if p, err := Check("x.jpg", withDPI); err != nil || p.DPI != 300 {
		t.Errorf("JFIF 300 dpi: %v, %v", p, err)
	}
	var pb bytes.Buffer
	if err := png.Encode(&pb, img); err != nil {
		t.Fatal(err)
	}
	if p, err := Check("x.png", pb.Bytes()); err != nil || p.DPI != 0 {
		t.Errorf("a PNG with no pHYs: %v, %v", p, err)
	}
}

func TestResolve(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "sources", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "sources", "images", "a.png"), picturetest.PNG(4, 4), 0o644); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(root, "sources")
	for rel, want := range map[string]string{
		"images/a.png":      "",
		"images\\a.png":     "uses a backslash",
		"/images/a.png":     "is an absolute path",
		"images/../x.png":   `goes up with ".."`,
		"images/none.png":   "does not exist",
		"":                  "has no file name",
		"images/./a.png":    "",
		"./images/a.png":    "",
		"images//a.png":     "",
		"images/a.png/x":    "cannot be read",
		"images/sub/../..":  `goes up with ".."`,
		"images/a.png?x=1":  "does not exist",
		"images/a%20b.png":  "does not exist",
		"images/A.PNG":      "does not exist",
		"images/a.png#frag": "does not exist",
	} {
		_, err := Resolve(root, base, rel)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%q: got %q, want %q", rel, got, want)
		}
	}
}

func FuzzCheck(f *testing.F) {
	f.Add(picturetest.PNG(8, 8))
	f.Add(picturetest.JPEG(8, 8))
	f.Add(picturetest.PNGHeader(100, 100))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Check("x", data)
		if err != nil {
			return
		}
		if p.Width <= 0 || p.Height <= 0 || int64(p.Width)*int64(p.Height) > MaxPixels || (p.Format != PNG && p.Format != JPEG) {
			t.Fatalf("accepted %+v", p)
		}
	})
}
