package qrcode

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
)

// pngViaImage is how a code's PNG was made before png wrote it row by
// row: a picture of the code, encoded by image/png.
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

// TestPNGSameAsImagePNG: the PNG written row by row is, byte for byte,
// what image/png makes of the code's picture, for short and long
// addresses (small and large codes) and pixel sizes that fill whole
// bytes or leave bits over at the end of a row; one large enough that
// its compressed data spans several IDAT chunks.
func TestPNGSameAsImagePNG(t *testing.T) {
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
		for _, px := range []int{1, 2, 3, 5, 7, 8, 9, 16, 40} {
			got, err := c.png(px)
			if err != nil {
				t.Fatal(err)
			}
			if want := pngViaImage(c, px); !bytes.Equal(got, want) {
				t.Errorf("%q at %d px: %d bytes, image/png makes %d", a, px, len(got), len(want))
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
	got, _ := c.png(1)
	want := pngViaImage(c, 1)
	if !bytes.Equal(got, want) {
		t.Errorf("random code: %d bytes, image/png makes %d", len(got), len(want))
	}
	if bytes.Count(want, []byte("IDAT")) < 2 {
		t.Errorf("random code: one IDAT chunk; the test wants several")
	}
}
