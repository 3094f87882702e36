package picture

import (
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"io"
)

// pngWhole reports whether data, a PNG whose header png.DecodeConfig has
// accepted, is whole: every chunk's checksum right, the chunks in order,
// one run of IDAT chunks holding one zlib stream, checksum right, that
// inflates to exactly the rows the header promises, each with a known
// filter, and nothing after it, then IEND.
//
// It reads what png.Decode reads, without building the picture:
// decoding a picture whole to check it (the pixels converted and stored)
// was a fifth of the CPU time of a one-briefing build that showed one.
// It is stricter than png.Decode, never looser (FuzzPNGWhole holds it
// to that): when it says no, decodes asks png.Decode, whose verdict and
// words stand, so a picture is refused exactly when png.Decode refuses
// it.
func pngWhole(data []byte) bool {
	const sig = 8
	if len(data) < sig+8+13+4 || string(data[sig+4:sig+8]) != "IHDR" || binary.BigEndian.Uint32(data[sig:]) != 13 {
		return false
	}
	ihdr := data[sig+8 : sig+8+13]
	w, h := int(binary.BigEndian.Uint32(ihdr[0:])), int(binary.BigEndian.Uint32(ihdr[4:]))
	depth, colour, interlace := int(ihdr[8]), ihdr[9], ihdr[12]
	channels := 0
	switch colour {
	case 0, 3: // grey, palette
		channels = 1
	case 4: // grey and alpha
		channels = 2
	case 2: // RGB
		channels = 3
	case 6: // RGBA
		channels = 4
	}
	if channels == 0 || depth == 0 || w <= 0 || h <= 0 || w > MaxSide || h > MaxSide || interlace > 1 {
		return false
	}
	// The chunks: IHDR, then PLTE, tRNS and others, one run of IDAT,
	// others, IEND. Every checksum is checked.
	var idat [][]byte
	idatDone, end := false, false
	for at := sig; !end; {
		if at+12 > len(data) {
			return false
		}
		n := binary.BigEndian.Uint32(data[at:])
		if n > 0x7fffffff || uint64(at)+12+uint64(n) > uint64(len(data)) {
			return false
		}
		typ, body := string(data[at+4:at+8]), data[at+8:at+8+int(n)]
		if crc32.ChecksumIEEE(data[at+4:at+8+int(n)]) != binary.BigEndian.Uint32(data[at+8+int(n):]) {
			return false
		}
		switch typ {
		case "IHDR":
			if at != sig {
				return false
			}
		case "PLTE", "tRNS":
			if idat != nil {
				return false
			}
		case "IDAT":
			if idatDone {
				return false
			}
			idat = append(idat, body)
		case "IEND":
			if n != 0 || idat == nil {
				return false
			}
			end = true
		}
		if typ != "IDAT" && idat != nil {
			idatDone = true
		}
		at += 12 + int(n)
	}
	// The pixels: the rows of each pass, each a filter byte (0 to 4) and
	// the row's bytes.
	r := &chunksReader{chunks: idat}
	z, err := zlib.NewReader(r)
	if err != nil {
		return false
	}
	bits := channels * depth
	row := make([]byte, 1+(w*bits+7)/8)
	passes := [][4]int{{0, 0, 1, 1}} // x, y, dx, dy
	if interlace == 1 {
		passes = [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	}
	for _, p := range passes {
		pw, ph := (w-p[0]+p[2]-1)/p[2], (h-p[1]+p[3]-1)/p[3]
		if pw <= 0 || ph <= 0 {
			continue
		}
		line := row[:1+(pw*bits+7)/8]
		for y := 0; y < ph; y++ {
			if _, err := io.ReadFull(z, line); err != nil || line[0] > 4 {
				return false
			}
		}
	}
	// The stream ends there (its checksum is checked on reaching the
	// end), with every byte of the IDAT chunks used.
	if n, err := z.Read(row[:1]); n != 0 || err != io.EOF {
		return false
	}
	return r.left() == 0
}

// chunksReader reads the data of a run of IDAT chunks as one stream. It
// is an io.ByteReader, so zlib reads no further than the stream goes.
type chunksReader struct {
	chunks [][]byte
}

func (r *chunksReader) Read(p []byte) (int, error) {
	for len(r.chunks) > 0 && len(r.chunks[0]) == 0 {
		r.chunks = r.chunks[1:]
	}
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.chunks[0])
	r.chunks[0] = r.chunks[0][n:]
	return n, nil
}

func (r *chunksReader) ReadByte() (byte, error) {
	for len(r.chunks) > 0 && len(r.chunks[0]) == 0 {
		r.chunks = r.chunks[1:]
	}
	if len(r.chunks) == 0 {
		return 0, io.EOF
	}
	b := r.chunks[0][0]
	r.chunks[0] = r.chunks[0][1:]
	return b, nil
}

// left is the number of bytes not read.
func (r *chunksReader) left() int {
	n := 0
	for _, c := range r.chunks {
		n += len(c)
	}
	return n
}
