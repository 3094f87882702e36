package manifest

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// tiny is a manifest of n entries of the smallest kind.
func tiny(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"version":1,"outputs":{`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `"%d.pdf":{}`, i)
	}
	b.WriteString(`}}`)
	return b.Bytes()
}

// A manifest is bounded by entries as well as bytes: exactly MaxEntries
// is read, one more is refused as damaged (the build then warns and
// rebuilds), whatever the bytes.
func TestParseEntriesBoundary(t *testing.T) {
	m, err := Parse(tiny(MaxEntries))
	if err != nil || len(m.Outputs) != MaxEntries {
		t.Fatalf("at the limit: %d outputs, err %v", len(m.Outputs), err)
	}
	m, err = Parse(tiny(MaxEntries + 1))
	if err == nil || !strings.Contains(err.Error(), "more than 100000 entries") {
		t.Fatalf("one past the limit: err %v", err)
	}
	if len(m.Outputs) != 0 {
		t.Errorf("refused manifest kept %d outputs", len(m.Outputs))
	}
}

func TestParseNullOutputsAndFieldOrder(t *testing.T) {
	for _, text := range []string{
		`{"version": 1, "outputs": null}`,
		`{"outputs": {"a.pdf": {"size": 1}}, "version": 1}`,
	} {
		if _, err := Parse([]byte(text)); err != nil {
			t.Errorf("%s: %v", text, err)
		}
	}
	for _, text := range []string{`{"outputs": {}}`, `{"version": 1, "outputs": []}`, `{"version": 1, "outputs": {"a.pdf": {"x": 1}}}`} {
		if _, err := Parse([]byte(text)); err == nil {
			t.Errorf("%s: accepted", text)
		}
	}
}
