package truetype

import (
	"encoding/binary"
	"strings"
	"testing"

	"github.com/go-fonts/liberation/liberationsansregular"
)

func TestTablesOfLiberation(t *testing.T) {
	tables, err := Tables(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"head", "hhea", "hmtx", "cmap", "maxp", "loca", "glyf", "OS/2", "post"} {
		if len(tables[tag]) == 0 {
			t.Errorf("no %s table", tag)
		}
	}
	// head starts with version 1.0 and holds the magic number at 12.
	if head := tables["head"]; binary.BigEndian.Uint32(head) != 0x00010000 || binary.BigEndian.Uint32(head[12:]) != 0x5F0F3CF5 {
		t.Errorf("head table is not where the directory says: % x", head[:16])
	}
}

func TestTablesBroken(t *testing.T) {
	// dir makes a font of one directory record for "abcd" at off, ln, in a
	// file of size bytes.
	dir := func(off, ln uint32, size int) []byte {
		b := make([]byte, size)
		binary.BigEndian.PutUint16(b[4:], 1)
		copy(b[12:], "abcd")
		binary.BigEndian.PutUint32(b[20:], off)
		binary.BigEndian.PutUint32(b[24:], ln)
		return b
	}
	tests := []struct {
		name string
		ttf  []byte
		want string
	}{
		{"short", make([]byte, 11), "too short"},
		{"directory cut", dir(0, 0, 28)[:27], "table directory cut short"},
		{"table past the end", dir(28, 5, 32), "table abcd out of range"},
	}
	for _, tc := range tests {
		if _, err := Tables(tc.ttf); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
	tables, err := Tables(dir(28, 4, 32))
	if err != nil || len(tables["abcd"]) != 4 {
		t.Errorf("table just within the file: %v, %v", tables, err)
	}
}

func TestCharsOfLiberation(t *testing.T) {
	tables, err := Tables(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int]int{}
	if err := Chars(tables["cmap"], func(c, glyph int) { got[c] = glyph }); err != nil {
		t.Fatal(err)
	}
	for _, c := range []int{'A', 'z', ' ', 0xe9, 0x2019} {
		if got[c] == 0 {
			t.Errorf("U+%04X has no glyph", c)
		}
	}
	if _, ok := got[0x1F600]; ok || len(got) < 500 {
		t.Errorf("%d characters mapped, want hundreds and none beyond the BMP", len(got))
	}
	// nil, no subtables, and a subtable of 100 segments cut short.
	for _, cmap := range [][]byte{nil, {0, 0, 0, 0}, {0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12, 0, 4, 0, 0, 0, 0, 0, 200, 0, 0, 0, 0, 0, 0, 0, 0}} {
		if err := Chars(cmap, func(int, int) {}); err == nil {
			t.Errorf("Chars(% x) gave no error", cmap)
		}
	}
}

func TestAdvancesOfLiberation(t *testing.T) {
	tables, err := Tables(liberationsansregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadAdvances(tables)
	if err != nil {
		t.Fatal(err)
	}
	if a.UnitsPerEm != 2048 {
		t.Errorf("units per em %d, want 2048", a.UnitsPerEm)
	}
	// Every glyph past those hmtx lists has its last advance.
	if last := a.Of(a.n - 1); a.Of(a.n) != last || a.Of(a.n+1000) != last {
		t.Errorf("glyphs beyond hmtx: %d, %d, want %d", a.Of(a.n), a.Of(a.n+1000), last)
	}
	// A missing head, a zero em and an hmtx shorter than hhea says are refused.
	zeroEm := map[string][]byte{"head": make([]byte, 54), "hhea": tables["hhea"], "hmtx": tables["hmtx"]}
	short := map[string][]byte{"head": tables["head"], "hhea": tables["hhea"], "hmtx": tables["hmtx"][:4]}
	for name, tb := range map[string]map[string][]byte{"no head": {"hhea": tables["hhea"]}, "zero em": zeroEm, "short hmtx": short} {
		if _, err := ReadAdvances(tb); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
