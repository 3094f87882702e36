package qrcode

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// pngViaImage is a code's PNG as image/png makes it of a picture of the
// code, at its best compression: the measure of png's size.
func pngViaImage(c *Code, px int) []byte {
	side := (c.N + 2*Quiet) * px
	img := image.NewPaletted(image.Rect(0, 0, side, side), color.Palette{color.Gray{Y: 0xff}, color.Gray{Y: 0}})
	for y := 0; y < c.N; y++ {
		for x := 0; x < c.N; x++ {
			if !c.Dark[y*c.N+x] {
				continue
			}
			x0, y0 := (x+Quiet)*px, (y+Quiet)*px
			for j := y0; j < y0+px; j++ {
				row := img.Pix[j*img.Stride:]
				for i := x0; i < x0+px; i++ {
					row[i] = 1
				}
			}
		}
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// TestPNGDrawsTheCode: the PNG written row by row decodes, pixel for
// pixel, to the code with its quiet zone, for short and long addresses
// (small and large codes) and pixel sizes that fill whole bytes or leave
// bits over at the end of a row; it is at most a third larger than
// image/png's best compression makes it (two thirds for large pixels); and one large enough that its
// compressed data spans several IDAT chunks decodes too.
func TestPNGDrawsTheCode(t *testing.T) {
	addrs := []string{
		"https://example.org/a",
		"https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems",
		"https://example.org/" + strings.Repeat("long-path/", 40) + "?q=1&r=ü",
	}
	for _, a := range addrs {
		c, err := encode(a)
		if err != nil {
			t.Fatal(err)
		}
		for _, px := range []int{1, 2, 3, 5, 7, 8, 9, 16} {
			got, err := c.png(px)
			if err != nil {
				t.Fatal(err)
			}
			checkDrawn(t, got, c, px)
			// Larger pixels leave the fastest Deflate longer runs to
			// find than its window holds well.
			limit := len(pngViaImage(c, px)) * 4 / 3
			if px > 9 {
				limit = len(pngViaImage(c, px)) * 5 / 3
			}
			if len(got) > limit+64 {
				t.Errorf("%q at %d px: %d bytes, more than %d", a, px, len(got), limit+64)
			}
		}
	}
	// Random modules do not compress: data over 32 KB, several IDATs.
	n := 600
	c := &Code{N: n, Dark: make([]bool, n*n)}
	x := uint32(1)
	for i := range c.Dark {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		c.Dark[i] = x&1 == 1
	}
	got, err := c.png(1)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawn(t, got, c, 1)
	if bytes.Count(got, []byte("IDAT")) < 2 {
		t.Errorf("random code: one IDAT chunk; the test wants several")
	}
}

// checkDrawn decodes a code's PNG (image/png checks the chunks' CRCs and
// the zlib stream's Adler-32) and compares every pixel with the modules.
func checkDrawn(t *testing.T, data []byte, c *Code, px int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%d px: %v", px, err)
	}
	side := (c.N + 2*Quiet) * px
	if b := img.Bounds(); b.Dx() != side || b.Dy() != side {
		t.Fatalf("%d px: picture %v, want %d px square", px, b, side)
	}
	for y := 0; y < side; y++ {
		for x := 0; x < side; x++ {
			r, _, _, _ := img.At(x, y).RGBA()
			mx, my := x/px-Quiet, y/px-Quiet
			want := mx >= 0 && my >= 0 && mx < c.N && my < c.N && c.Dark[my*c.N+mx]
			if (r < 0x8000) != want {
				t.Fatalf("%d px: pixel %d,%d dark %v, want %v", px, x, y, r < 0x8000, want)
			}
		}
	}
}
