package picture

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/png"
	"os"
	"testing"

	"handouts/internal/picture/picturetest"
)

// wholePictures are PNGs png.Decode reads: every colour type and depth
// Go's encoder writes, an interlaced one made here, and the example
// briefings' picture.
func wholePictures(t testing.TB) map[string][]byte {
	enc := func(img image.Image) []byte {
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	r := image.Rect(0, 0, 37, 23)
	gray, gray16, rgba64 := image.NewGray(r), image.NewGray16(r), image.NewRGBA64(r)
	pal2 := image.NewPaletted(r, color.Palette{color.Black, color.White})
	pal16 := image.NewPaletted(r, palette.Plan9[:16])
	pal256 := image.NewPaletted(r, palette.Plan9)
	for y := 0; y < r.Dy(); y++ {
		for x := 0; x < r.Dx(); x++ {
			gray.SetGray(x, y, color.Gray{uint8(x * y)})
			gray16.SetGray16(x, y, color.Gray16{uint16(x * y * 97)})
			rgba64.SetRGBA64(x, y, color.RGBA64{uint16(x * 1000), uint16(y * 2000), 300, 0xffff})
			pal2.SetColorIndex(x, y, uint8((x+y)%2))
			pal16.SetColorIndex(x, y, uint8(x%16))
			pal256.SetColorIndex(x, y, uint8(x*y))
		}
	}
	out := map[string][]byte{
		"nrgba":      picturetest.PNG(40, 30),
		"gray":       enc(gray),
		"gray16":     enc(gray16),
		"rgba64":     enc(rgba64),
		"palette 1":  enc(pal2),
		"palette 4":  enc(pal16),
		"palette 8":  enc(pal256),
		"interlaced": interlacedPNG(13, 11),
		"one pixel":  picturetest.PNG(1, 1),
	}
	if b, err := os.ReadFile("../../sources/images/three-approaches.png"); err == nil {
		out["example"] = b
	}
	return out
}

// interlacedPNG makes a w × h 8-bit RGB PNG in Adam7 order, its IDAT
// in two chunks (Go's encoder writes neither).
func interlacedPNG(w, h int) []byte {
	return rgbPNG(w, h, true, func(y int) byte { return byte(y % 2) }, 0)
}

// rgbPNG makes a w × h 8-bit RGB PNG, interlaced or not, with filter(y)
// as the filter byte of row y (None and Sub leave the pixels valid) and
// extra bytes of pixel data more (or fewer, if negative) than the rows
// need, its IDAT in two chunks.
func rgbPNG(w, h int, interlaced bool, filter func(y int) byte, extra int) []byte {
	passes := [][4]int{{0, 0, 1, 1}}
	if interlaced {
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	var raw bytes.Buffer
	for _, p := range passes {
		for y := p[1]; y < h; y += p[3] {
			if p[0] >= w {
				break
			}
			raw.WriteByte(filter(y))
			for x := p[0]; x < w; x += p[2] {
				raw.Write([]byte{byte(x * 20), byte(y * 20), 99})
			}
		}
	}
	pix := raw.Bytes()
	if extra > 0 {
		pix = append(pix, make([]byte, extra)...)
	} else {
		pix = pix[:len(pix)+extra]
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(pix)
	zw.Close()
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2
	if interlaced {
		ihdr[12] = 1
	}
	half := z.Len() / 2
	b := []byte("\x89PNG\r\n\x1a\n")
	b = append(b, picturetest.Chunk("IHDR", ihdr)...)
	b = append(b, picturetest.Chunk("IDAT", z.Bytes()[:half])...)
	b = append(b, picturetest.Chunk("IDAT", z.Bytes()[half:])...)
	return append(b, picturetest.Chunk("IEND", nil)...)
}

// TestPNGWhole checks that pngWhole finds whole pictures whole, so that
// they are not decoded, and that Check still accepts them.
func TestPNGWhole(t *testing.T) {
	pics := wholePictures(t)
	if _, ok := pics["example"]; !ok {
		t.Error("the example picture sources/images/three-approaches.png is missing")
	}
	for name, b := range pics {
		if _, err := png.Decode(bytes.NewReader(b)); err != nil {
			t.Fatalf("%s: png.Decode: %v", name, err)
		}
		if !pngWhole(b) {
			t.Errorf("%s: pngWhole says damaged; png.Decode reads it", name)
		}
		if _, err := Check(name+".png", b); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// neverLooser fails if pngWhole accepts b while png.Decode refuses it.
func neverLooser(t *testing.T, what string, b []byte) bool {
	if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil || !pngWhole(b) {
		return false
	}
	if _, err := png.Decode(bytes.NewReader(b)); err != nil {
		t.Errorf("%s: pngWhole accepts what png.Decode refuses (%v)", what, err)
	}
	return true
}

// fixCRCs recomputes the checksum of every chunk of b, in place, as far
// as its chunks can be followed.
func fixCRCs(b []byte) {
	for at := 8; at+12 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[at:]))
		if n < 0 || at+12+n > len(b) {
			return
		}
		binary.BigEndian.PutUint32(b[at+8+n:], crc32.ChecksumIEEE(b[at+4:at+8+n]))
		at += 12 + n
	}
}

// TestPNGWholeNeverLooserThanDecode damages each whole picture in many
// ways (cut short, each byte changed with and without the chunk
// checksums made right again, chunks added or moved) and checks that
// pngWhole never accepts what png.Decode refuses.
func TestPNGWholeNeverLooserThanDecode(t *testing.T) {
	for name, b := range wholePictures(t) {
		step := max(1, len(b)/600)
		for n := 0; n < len(b); n += step {
			neverLooser(t, name+" cut short", b[:n])
		}
		for i := 8; i < len(b); i += step {
			for _, fix := range []bool{false, true} {
				m := bytes.Clone(b)
				m[i] ^= 0x41
				if fix {
					fixCRCs(m)
				}
				neverLooser(t, name+" with a byte changed", m)
			}
		}
		iend := len(b) - 12
		for _, extra := range map[string][]byte{
			"an IDAT after IEND's place": picturetest.Chunk("IDAT", []byte{1, 2, 3}),
			"an empty IDAT":              picturetest.Chunk("IDAT", nil),
			"a PLTE after the pixels":    picturetest.Chunk("PLTE", []byte{1, 2, 3}),
			"a second IHDR":              picturetest.Chunk("IHDR", b[16:29]),
			"a text chunk":               picturetest.Chunk("tEXt", []byte("Title\x00x")),
		} {
			m := append(bytes.Clone(b[:iend]), extra...)
			neverLooser(t, name+" with "+string(extra[4:8]), append(m, b[iend:]...))
		}
		neverLooser(t, name+" without IEND", b[:iend])
	}
}

// TestPNGWholeRefusesBadPixelData checks pictures whose chunks and
// zlib stream are sound but whose pixel data is not: png.Decode refuses
// them, and so does pngWhole (then png.Decode's words are given).
func TestPNGWholeRefusesBadPixelData(t *testing.T) {
	none := func(int) byte { return 0 }
	for _, interlaced := range []bool{false, true} {
		for what, b := range map[string][]byte{
			"a row of filter 5": rgbPNG(9, 7, interlaced, func(y int) byte { return byte(5 * (y / 6)) }, 0),
			"one byte too many": rgbPNG(9, 7, interlaced, none, 1),
			"one byte too few":  rgbPNG(9, 7, interlaced, none, -1),
			"a row too many":    rgbPNG(9, 7, interlaced, none, 28),
		} {
			if _, err := png.Decode(bytes.NewReader(b)); err == nil {
				t.Fatalf("%s (interlaced %v): png.Decode reads it", what, interlaced)
			}
			if pngWhole(b) {
				t.Errorf("%s (interlaced %v): pngWhole says whole", what, interlaced)
			}
		}
		if b := rgbPNG(9, 7, interlaced, none, 0); !pngWhole(b) {
			t.Errorf("interlaced %v: the sound picture is not whole", interlaced)
		}
	}
}

func FuzzPNGWhole(f *testing.F) {
	for _, b := range wholePictures(f) {
		if len(b) < 4096 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fixCRCs(b)
		neverLooser(t, "fuzzed", b)
	})
}
