package deflate

import (
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"
)

// A writer given back and taken again writes the same bytes as a new
// one, and what it writes inflates to what it was given.
func TestWritersAreReusedToTheSameBytes(t *testing.T) {
	text := []byte(strings.Repeat("<w:p><w:r><w:t>A briefing</w:t></w:r></w:p>", 200))
	deflated := func() []byte {
		var out bytes.Buffer
		w := Get(&out)
		if _, err := w.Write(text); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		Put(w)
		return out.Bytes()
	}
	first := deflated()
	second := deflated() // the writer of the first, reset
	if !bytes.Equal(first, second) {
		t.Error("a reused writer wrote other bytes")
	}
	if len(list.free) != 1 {
		t.Errorf("%d writers kept, want 1", len(list.free))
	}
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(second)))
	if err != nil || !bytes.Equal(got, text) {
		t.Errorf("inflated %d bytes, %v; want the %d given", len(got), err, len(text))
	}
}
