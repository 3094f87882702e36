// Package picturetest makes small pictures for tests, drawn here so that
// no picture file of unknown origin is needed.
package picturetest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// PNG returns a w × h PNG with transparency: a blue disc on a clear
// ground, with a half-transparent band across it.
func PNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	cx, cy, r := w/2, h/2, min(w, h)/2-1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dx, dy := x-cx, y-cy
			switch {
			case y > h*2/5 && y < h*3/5:
				img.Set(x, y, color.NRGBA{200, 60, 20, 128})
			case dx*dx+dy*dy <= r*r:
				img.Set(x, y, color.NRGBA{0, 94, 184, 255})
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// JPEG returns a w × h JPEG: a colour gradient.
func JPEG(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(255 * x / w), uint8(255 * y / h), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// PNGHeader returns the start of a PNG that claims to be w × h (8-bit
// RGBA) and holds no pixels: enough for a header check, not for a decode.
func PNGHeader(w, h int) []byte {
	b := []byte("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 6
	return append(b, chunk("IHDR", ihdr)...)
}

// Chunk returns a PNG chunk of type typ holding data, its checksum right.
func Chunk(typ string, data []byte) []byte { return chunk(typ, data) }

func chunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}
