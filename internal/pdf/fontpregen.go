package pdf

import (
	"embed"
	"strconv"
	"strings"
	"sync"
)

//go:generate go test -run ^TestPregeneratedFontPages$ -update .

// The first page of every face (Windows-1252: what nearly every handout
// in a Latin-script language uses) is cut and compressed ahead of time,
// into fontpages/, and embedded: cutting and compressing it with zlib's
// best level took most of the time of a one-briefing build in a process
// of its own. TestPregeneratedFontPages checks that each file is the
// bytes cutPage makes now, so they cannot go stale (go generate, or the
// test with -update, rewrites them). Other pages are made when first
// used, as before.

//go:embed fontpages
var pregenFS embed.FS

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

// pregenSizesName is the file of the subsets' sizes before compression,
// one "name size" a line.
const pregenSizesName = "fontpages/sizes.txt"

var (
	pregenOnce  sync.Once
	pregenSizes map[string]int
)

// pregenerated returns the compressed subset made ahead of time for the
// page fpdf calls name, and its size before compression; nil when there
// is none.
func pregenerated(name string) (z []byte, size int) {
	pregenOnce.Do(func() {
		pregenSizes = map[string]int{}
		b, err := pregenFS.ReadFile(pregenSizesName)
		if err != nil {
			return
		}
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) != 2 {
				continue
			}
			if v, err := strconv.Atoi(f[1]); err == nil {
				pregenSizes[f[0]] = v
			}
		}
	})
	size, ok := pregenSizes[name]
	if !ok {
		return nil, 0
	}
	z, err := pregenFS.ReadFile("fontpages/" + name + ".z")
	if err != nil {
		return nil, 0
	}
	return z, size
}
