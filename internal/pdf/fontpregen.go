package pdf

import (
	_ "embed" // the pages made ahead of time
	"strconv"
	"strings"
)

//go:generate go test -run ^TestPregeneratedFontPages$ -update .

// The first page of every face (Windows-1252: what nearly every handout
// in a Latin-script language uses) is cut and compressed ahead of time,
// into fontpages/, and embedded: cutting and compressing it with zlib's
// best level took most of the time of a one-briefing build in a process
// of its own. fontpages/files.bin holds each page's whole font file
// stream object, one after another, and index.txt where each is
// ("name offset length" a line): embedded as a []byte, the objects are
// written straight from the program's data, never copied into memory
// of their own (each copy was pages of memory to fault in).
// TestPregeneratedFontPages checks that they are the bytes cutPage and
// fontFileObject make now, so they cannot go stale (go generate, or the
// test with -update, rewrites them). Other pages are made when first
// used, as before.

//go:embed fontpages/files.bin
var pregenFiles []byte

//go:embed fontpages/index.txt
var pregenIndex string

// pregenFace is a face whose first page is made ahead of time; face
// numbers the serif faces after the others, as fontSet.use does.
type pregenFace struct {
	face face
	ttf  []byte
}

// pregeneratedFaces lists the faces whose page 0 is in fontpages/.
func pregeneratedFaces() []pregenFace {
	var out []pregenFace
	for f := sans; f < numFaces; f++ {
		out = append(out, pregenFace{f, faces[f].ttf})
	}
	for i, sf := range serifFaces {
		out = append(out, pregenFace{face(i) + sans + numFaces, sf.ttf})
	}
	return out
}

// pregenerated returns the font file stream object made ahead of time
// for the page named name (see family); nil when there is none. It is
// the embedded bytes themselves: not to be changed.
func pregenerated(name string) []byte { return indexedPart(pregenIndex, pregenFiles, name) }

// indexedPart returns the part of data named name in index, a line
// "name offset length" a part; nil when there is none, or its line does
// not fit data. It is data's bytes themselves: not to be changed.
func indexedPart(index string, data []byte, name string) []byte {
	for line := range strings.Lines(index) {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != name {
			continue
		}
		off, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || off < 0 || n < 0 || off+n > len(data) {
			return nil
		}
		return data[off : off+n : off+n]
	}
	return nil
}
