package qrcode

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"hash/crc32"

	"handouts/internal/deflate"
)

// The PNG of a code is made row by row, without a picture of it in
// memory: a code of 45 modules at 8 pixels each was a 130 KB picture,
// for a PNG of a few hundred bytes. Its data is compressed by the
// process's shared Deflate writer: compress/zlib's cost 650 KB of
// memory for every code, whatever the level.

const pngSignature = "\x89PNG\r\n\x1a\n"

// png renders the code with its quiet zone at px pixels per module.
func (c *Code) png(px int) ([]byte, error) {
	side := (c.N + 2*Quiet) * px
	var out bytes.Buffer
	out.WriteString(pngSignature)
	// IHDR: the size, one bit per pixel, indexed colour, no interlace.
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:4], uint32(side))
	binary.BigEndian.PutUint32(ihdr[4:8], uint32(side))
	ihdr[8], ihdr[9] = 1, 3
	writeChunk(&out, "IHDR", ihdr[:])
	// PLTE: white (index 0), black (index 1); both opaque, so no tRNS.
	writeChunk(&out, "PLTE", []byte{0xff, 0xff, 0xff, 0, 0, 0})
	// IDAT: a zlib stream through a 32 KB buffer, each of its writes one
	// chunk, a row (filter byte none, then the pixels, eight a byte,
	// first in the high bit) at a time. zlib is a two-byte header
	// (Deflate, 32 KB window, fastest level), the Deflate data and the
	// Adler-32 of what was compressed.
	bw := bufio.NewWriterSize(idatWriter{&out}, 1<<15)
	bw.WriteString("\x78\x01")
	zw := deflate.Get(bw)
	defer deflate.Put(zw)
	sum := adler32.New()
	row := make([]byte, 1+(side+7)/8)
	up := make([]byte, len(row)) // a row the same as the one above
	up[0] = 2                    // filter Up: each byte less the one above
	for y := 0; y < side; y++ {
		if y > 0 && (y%px != 0 || y/px < Quiet || (y-1)/px >= c.N+Quiet) {
			// A row of pixels like the one above (the same modules, or
			// the quiet zone) is written with the Up filter: all zeros,
			// which the fastest Deflate still packs into a few bytes.
			sum.Write(up)
			if _, err := zw.Write(up); err != nil {
				return nil, err
			}
			continue
		}
		clear(row)
		if my := y/px - Quiet; my >= 0 && my < c.N {
			for mx := 0; mx < c.N; mx++ {
				if !c.Dark[my*c.N+mx] {
					continue
				}
				for x := (mx + Quiet) * px; x < (mx+Quiet+1)*px; x++ {
					row[1+x/8] |= 0x80 >> (x % 8)
				}
			}
		}
		sum.Write(row)
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	bw.Write(sum.Sum(nil)) // big-endian, as zlib has it
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// idatWriter writes each write as one IDAT chunk.
type idatWriter struct{ out *bytes.Buffer }

func (w idatWriter) Write(b []byte) (int, error) {
	writeChunk(w.out, "IDAT", b)
	return len(b), nil
}

// writeChunk appends a PNG chunk: length, name, data, CRC of name and
// data.
func writeChunk(out *bytes.Buffer, name string, data []byte) {
	var head [8]byte
	binary.BigEndian.PutUint32(head[:4], uint32(len(data)))
	copy(head[4:], name)
	crc := crc32.Update(crc32.ChecksumIEEE(head[4:]), crc32.IEEETable, data)
	var foot [4]byte
	binary.BigEndian.PutUint32(foot[:], crc)
	out.Write(head[:])
	out.Write(data)
	out.Write(foot[:])
}
