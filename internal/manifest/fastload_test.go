package manifest

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func canonical(data []byte) (*Manifest, error) {
	return parseCanonical(bufio.NewReader(bytes.NewReader(data)))
}

// TestCanonicalReadsWhatEncodeWrites: every manifest Encode writes
// whose strings need no escaping is read back by the line reader, the
// same as by the JSON decoder; the others are left to the decoder.
func TestCanonicalReadsWhatEncodeWrites(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	odd := []string{"café ☕.md", "a<b>.md", `q"uote.md`, "tab\t.md", "\u2028.md", "sp ace.md"}
	for n := range 60 {
		m := New()
		escaped := false
		for i := range n * 5 {
			src := fmt.Sprintf("sources/b%03d.md", i/3)
			if r.IntN(10) == 0 {
				src = odd[r.IntN(len(odd))]
				escaped = escaped || !plainJSON(src) && strings.ContainsAny(src, "<\"\t\u2028")
			}
			rec := Record{Source: src, Inputs: fmt.Sprintf("%064x", r.Uint64()), SHA256: fmt.Sprintf("%064x", r.Uint64()), Size: r.Int64N(1<<40) - 2}
			if r.IntN(2) == 0 {
				rec.FromOut = "../" + src
			}
			m.Outputs[fmt.Sprintf("b%03d.%s", i/3, []string{"docx", "html", "pdf"}[i%3])] = rec
		}
		data := m.Marshal()
		got, err := canonical(data)
		if escaped {
			if err == nil {
				t.Fatalf("case %d: a manifest with escaped strings was read by the line reader", n)
			}
			continue
		}
		if err != nil {
			t.Fatalf("case %d: %v\n%s", n, err, data)
		}
		want, err := Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Outputs, want.Outputs) {
			t.Fatalf("case %d: the line reader and the decoder differ", n)
		}
	}
}

// TestCanonicalRefusesOtherLayouts: anything but Encode's exact layout
// goes to the JSON decoder.
func TestCanonicalRefusesOtherLayouts(t *testing.T) {
	m := New()
	m.Outputs["a.docx"] = Record{Source: "sources/a.md", Inputs: "i", SHA256: "s", Size: 3}
	m.Outputs["a.pdf"] = Record{Source: "sources/a.md", Inputs: "i", SHA256: "s", Size: 4}
	good := string(m.Marshal())
	if _, err := canonical([]byte(good)); err != nil {
		t.Fatalf("Encode's layout refused: %v", err)
	}
	for _, bad := range []string{
		strings.Replace(good, `"version": 1`, `"version": 2`, 1),
		strings.Replace(good, `"size": 3`, `"size": 03`, 1),
		strings.Replace(good, `"size": 3`, `"size": 3.0`, 1),
		strings.Replace(good, `"size": 3`, `"size": "3"`, 1),
		strings.Replace(good, `"a.pdf"`, `"a.docx"`, 1),   // the same name twice
		strings.Replace(good, `"a.pdf"`, `"../a.pdf"`, 1), // not a plain name
		strings.Replace(good, `"inputs": "i"`, `"inputs": "\u0069"`, 1),
		strings.Replace(good, `"source": "sources/a.md",`, `"source": "sources/a.md",`+"\n"+`      "extra": 1,`, 1),
		strings.Replace(good, `      "inputs": "i",`+"\n", "", 1),
		strings.Replace(good, `"sources/a.md",`, `"sources/a.md" ,`, 1),
		strings.Replace(good, "\n", "\r\n", -1),
		strings.TrimSuffix(good, "\n"),
		good + "\n",
		good + "{}",
		`{"version": 1, "outputs": {}}` + "\n",
		"{\n  \"version\": 1,\n  \"outputs\": null\n}\n",
		strings.Replace(good, `"source": "sources/a.md"`, `"source": "sources/`+"\xff"+`.md"`, 1),
		strings.Replace(good, `"sha256": "s",`, `"sha256": "s",`+"\n"+`      "from_out": "x",`, 1),
	} {
		if got, err := canonical([]byte(bad)); err == nil {
			t.Errorf("read by the line reader:\n%s\nas %v", bad, got.Outputs)
		}
	}
}

// TestLoadReadsEitherLayout: Load gives the same manifest for a file in
// Encode's layout and for the same manifest written on one line.
func TestLoadReadsEitherLayout(t *testing.T) {
	m := New()
	m.Outputs["a.docx"] = Record{Source: "sources/a.md", FromOut: "../sources/a.md", Inputs: "i", SHA256: "s", Size: 3}
	m.Outputs["é<b>.pdf"] = Record{Source: "sources/é<b>.md", Inputs: "i", SHA256: "s", Size: 4}
	for _, data := range [][]byte{m.Marshal(), []byte(strings.ReplaceAll(string(m.Marshal()), "\n", " "))} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Load(dir)
		if err != nil || !reflect.DeepEqual(got.Outputs, m.Outputs) {
			t.Errorf("Load = %v, %v; want %v", got.Outputs, err, m.Outputs)
		}
	}
}

// FuzzCanonical: whatever the line reader accepts, the JSON decoder
// accepts too, as the same manifest.
func FuzzCanonical(f *testing.F) {
	m := New()
	m.Outputs["a.docx"] = Record{Source: "sources/a.md", FromOut: "../a.md", Inputs: "i", SHA256: "s", Size: 3}
	m.Outputs["b.pdf"] = Record{Source: "sources/b.md", Inputs: "i", SHA256: "s", Size: -1}
	f.Add(m.Marshal())
	f.Add(New().Marshal())
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := canonical(data)
		if err != nil {
			return
		}
		want, err := Parse(data)
		if err != nil {
			t.Fatalf("the line reader accepted what the decoder refuses (%v):\n%s", err, data)
		}
		if !reflect.DeepEqual(got.Outputs, want.Outputs) {
			t.Fatalf("the line reader and the decoder differ:\n%v\n%v", got.Outputs, want.Outputs)
		}
		if !bytes.Equal(got.Marshal(), data) {
			t.Fatalf("accepted a file that is not its own encoding:\n%s", data)
		}
	})
}
