package qrcode

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
)

// The PNG of a code is made row by row, without a picture of it in
// memory: the bytes image/png makes of a two-colour image.Paletted
// (white, black) drawing the code, which pngViaImage in the tests
// checks. A code of 45 modules at 8 pixels each was a 130 KB picture,
// for a PNG of a few hundred bytes.

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
	// IDAT: as image/png writes them, zlib through a 32 KB buffer, each
	// of its writes one chunk, a row (filter byte none, then the pixels,
	// eight a byte, first in the high bit) at a time.
	bw := bufio.NewWriterSize(idatWriter{&out}, 1<<15)
	zw, err := zlib.NewWriterLevel(bw, zlib.BestCompression)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 1+(side+7)/8)
	for y := 0; y < side; y++ {
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
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
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
