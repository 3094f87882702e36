package boundedzip

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"
)

// zipOf makes a zip of name, contents pairs, in that order.
func zipOf(t *testing.T, kv ...string) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(kv); i += 2 {
		w, err := zw.Create(kv[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(kv[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func op(err error) string {
	if e := (*Error)(nil); errors.As(err, &e) {
		return e.Op
	}
	return ""
}

func TestOpen(t *testing.T) {
	if _, err := Open(strings.NewReader("not a zip"), 9, 10, 100); op(err) != OpZip {
		t.Errorf("not a zip: got %v, want Op %q", err, OpZip)
	}
	z := zipOf(t, "a", "1", "b", "2", "c", "3")
	_, err := Open(z, z.Size(), 2, 100)
	if e := (*Error)(nil); !errors.As(err, &e) || e.Op != OpEntries || e.Entries != 3 {
		t.Errorf("three entries, two allowed: got %#v", err)
	}
	if _, err := Open(z, z.Size(), 3, 100); err != nil {
		t.Errorf("three entries, three allowed: %v", err)
	}
}

func TestPart(t *testing.T) {
	z := zipOf(t, "Word/A.xml", "folded", "word/a.xml", "exact", "word/B.xml", "bee", "big", strings.Repeat("x", 11))
	tests := []struct {
		name   string
		most   int64
		want   string
		wantOp string
	}{
		{"word/a.xml", 10, "exact", ""},          // the exact name before one that differs by case
		{"WORD/b.xml", 10, "bee", ""},            // else the same name but for case
		{"word/none.xml", 10, "", ""},            // no such part: nil, no error
		{"big", 10, "", OpExpand},                // one byte past the part's limit
		{"big", 11, strings.Repeat("x", 11), ""}, // just within it
	}
	for _, tc := range tests {
		zr, err := Open(z, z.Size(), 10, 100)
		if err != nil {
			t.Fatal(err)
		}
		b, err := zr.Part(tc.name, tc.most)
		if string(b) != tc.want || op(err) != tc.wantOp {
			t.Errorf("Part(%q, %d) = %q, %v; want %q, Op %q", tc.name, tc.most, b, err, tc.want, tc.wantOp)
		}
	}
}

// TestPartAll: the parts read together may not expand beyond the limit on
// all, though each is within its own.
func TestPartAll(t *testing.T) {
	z := zipOf(t, "a", "12345", "b", "12345", "c", "1")
	zr, err := Open(z, z.Size(), 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a", "b"} {
		if _, err := zr.Part(name, 8); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if b, err := zr.Part("c", 8); op(err) != OpExpand {
		t.Errorf("third part past the limit on all: got %q, %v; want Op %q", b, err, OpExpand)
	}
}
