package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/atomicfile"
	"handouts/internal/briefing"
	"handouts/internal/html"
)

// pieces makes a generator writing data in pieces of the given size.
func pieces(data []byte, size int) func(io.Writer) error {
	return func(w io.Writer) error {
		for len(data) > 0 {
			k := min(size, len(data))
			if _, err := w.Write(data[:k]); err != nil {
				return err
			}
			data = data[k:]
		}
		return nil
	}
}

func TestWriteStream(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	long := bytes.Repeat([]byte("0123456789abcdef"), 20000) // 320 KB, beyond one buffer
	changed := func(at int) []byte {
		b := append([]byte(nil), long...)
		b[at] = 'X'
		return b
	}
	steps := []struct {
		name  string
		data  []byte
		piece int
		wrote bool
	}{
		{"new file", long, 1000, true},
		{"same bytes, small pieces", long, 7, false},
		{"same bytes, one piece", long, len(long), false},
		{"differs at the start", changed(0), 4096, true},
		{"differs in the middle", changed(200000), 4096, true},
		{"differs at the last byte", changed(len(long) - 1), 100000, true},
		{"longer", append(changed(len(long)-1), 'Z'), 333, true},
		{"shorter", long[:1000], 10, true},
		{"same again", long[:1000], 1000, false},
		{"empty", nil, 1, true},
		{"empty again", nil, 1, false},
	}
	for _, s := range steps {
		before, _ := os.Stat(p)
		sum, size, wrote, err := writeStream(p, pieces(s.data, s.piece))
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		got, _ := os.ReadFile(p)
		if !bytes.Equal(got, s.data) {
			t.Fatalf("%s: the file holds %d bytes, not the %d made", s.name, len(got), len(s.data))
		}
		if sum != sha256.Sum256(s.data) || size != int64(len(s.data)) || wrote != s.wrote {
			t.Errorf("%s: sum, size, wrote = %x, %d, %t; want the data's, %d, %t", s.name, sum, size, wrote, len(s.data), s.wrote)
		}
		if after, _ := os.Stat(p); !s.wrote && !os.SameFile(before, after) {
			t.Errorf("%s: the file was replaced although unchanged", s.name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left in the folder: %v", entries)
	}
}

// TestWriteStreamFollowsALinkToTheSameBytes, as reading the file whole
// did: a link to a file already holding the bytes is left alone.
func TestWriteStreamFollowsALinkToTheSameBytes(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "target"), filepath.Join(dir, "link")
	if err := os.WriteFile(target, []byte("same"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symbolic links here")
	}
	if _, _, wrote, err := writeStream(link, pieces([]byte("same"), 2)); err != nil || wrote {
		t.Errorf("wrote %t, err %v; want the link left alone", wrote, err)
	}
	if st, _ := os.Lstat(link); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}

// TestWriteStreamLeavesTheFileOnError: a generator that fails after the
// bytes have begun to differ leaves the old file and no temporary one.
func TestWriteStreamLeavesTheFileOnError(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte("old contents"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	_, _, wrote, err := writeStream(p, func(w io.Writer) error {
		w.Write([]byte("new contents, longer"))
		return boom
	})
	if !errors.Is(err, boom) || wrote {
		t.Errorf("wrote %t, err %v; want boom", wrote, err)
	}
	if b, _ := os.ReadFile(p); string(b) != "old contents" {
		t.Errorf("the file holds %q", b)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// TestWriteEntryCacheIsMarshalIndent: the streamed cache of catalogue
// entries is the bytes json.MarshalIndent made of it, whole.
func TestWriteEntryCacheIsMarshalIndent(t *testing.T) {
	for _, n := range []int{0, 1, 3, 50} {
		m := map[string]cachedEntry{}
		for i := range n {
			d, _ := briefing.ParseDate(fmt.Sprintf("2024-%02d", i%12+1))
			m[fmt.Sprintf("sources/b<%d>&\"é\".md", i)] = cachedEntry{Inputs: fmt.Sprintf("%064x", i), Entry: html.Entry{
				Name: fmt.Sprint("b", i), Title: "Title <&> \u2028", Tags: []string{"x", "y"}[:i%3*0+i%2], Updated: d, Draft: i%4 == 0}}
		}
		want, err := json.MarshalIndent(entryCache{Version: entryCacheVersion, Entries: m}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := writeEntryCache(&b, m); err != nil {
			t.Fatal(err)
		}
		if got := b.String(); got != string(want)+"\n" {
			t.Errorf("%d entries: got\n%s\nwant\n%s", n, got, want)
		}
	}
}
