package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"
	"testing"

	"handouts/internal/briefing"
)

// pdfOf writes d with the given options, failing the test on error.
func pdfOf(t testing.TB, d *briefing.Document, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, d, o); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.Bytes()
}

// streamRE finds a PDF's streams.
var streamRE = regexp.MustCompile(`(?s)<<([^>]*?)/Length (\d+)>>\nstream\n`)

// pageContent returns every compressed stream of a PDF inflated (the
// page content, the ToUnicode maps and the fonts), one after another.
func pageContent(t testing.TB, pdf []byte) []byte {
	t.Helper()
	var out []byte
	for _, m := range streamRE.FindAllSubmatchIndex(pdf, -1) {
		if !bytes.Contains(pdf[m[2]:m[3]], []byte("/FlateDecode")) {
			continue
		}
		n, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatalf("a stream does not inflate: %v", err)
		}
		b, err := io.ReadAll(zr)
		if err != nil {
			t.Fatalf("a stream does not inflate: %v", err)
		}
		out = append(out, b...)
	}
	return out
}
