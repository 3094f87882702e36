package docx

import (
	"bytes"
	"testing"
)

// TestCompressSame: a part made again from the same bytes is the part
// made before, not compressed again; from other bytes it is made anew;
// either way it is what compress makes. A large part is not kept.
func TestCompressSame(t *testing.T) {
	const name = "word/test-same.xml"
	footer := []byte(`<w:ftr><w:p><w:r><w:t>Produced by the JET Library</w:t></w:r></w:p></w:ftr>`)
	first, err := compressSame(name, footer)
	if err != nil {
		t.Fatal(err)
	}
	again, err := compressSame(name, bytes.Clone(footer))
	if err != nil {
		t.Fatal(err)
	}
	if &again.compressed[0] != &first.compressed[0] {
		t.Error("the same bytes were compressed again")
	}
	other := bytes.Replace(footer, []byte("JET"), []byte("Mid Cheshire"), 1)
	p, err := compressSame(name, other)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data []byte
		got  rawPart
	}{{footer, first}, {footer, again}, {other, p}} {
		want, err := compress(name, c.data)
		if err != nil {
			t.Fatal(err)
		}
		if c.got.name != want.name || c.got.crc != want.crc || c.got.size != want.size || !bytes.Equal(c.got.compressed, want.compressed) {
			t.Errorf("%.20s...: the part differs from compress's", c.data)
		}
	}
	big := bytes.Repeat([]byte("<w:p/>"), maxSamePart)
	a, _ := compressSame(name+".big", big)
	b, _ := compressSame(name+".big", big)
	if &a.compressed[0] == &b.compressed[0] {
		t.Error("a large part was kept")
	}
}
