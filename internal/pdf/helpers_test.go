package pdf

import (
	"bytes"
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
