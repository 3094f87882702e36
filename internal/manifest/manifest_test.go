package manifest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoundTripIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	m := New()
	m.Outputs["b.pdf"] = Record{Source: "sources/b.md", Inputs: "i2", SHA256: "s2", Size: 2}
	m.Outputs["a.docx"] = Record{Source: "sources/a.md", Inputs: "i1", SHA256: "s1", Size: 1}
	if err := os.WriteFile(filepath.Join(dir, FileName), m.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Marshal()) != string(m.Marshal()) {
		t.Errorf("round trip changed the manifest:\n%s", got.Marshal())
	}
	want := `{
  "version": 1,
  "outputs": {
    "a.docx": {
      "source": "sources/a.md",
      "inputs": "i1",
      "sha256": "s1",
      "size": 1
    },
    "b.pdf": {
      "source": "sources/b.md",
      "inputs": "i2",
      "sha256": "s2",
      "size": 2
    }
  }
}
`
	if string(m.Marshal()) != want {
		t.Errorf("got\n%s", m.Marshal())
	}
}

func TestLoadRefusesWhatItCannotTrust(t *testing.T) {
	cases := map[string]string{
		"not json":      "{",
		"other version": `{"version": 9, "outputs": {}}`,
		"unknown field": `{"version": 1, "outputs": {}, "extra": 1}`,
		"a path":        `{"version": 1, "outputs": {"../etc/passwd": {}}}`,
		"a folder":      `{"version": 1, "outputs": {"sub/a.pdf": {}}}`,
		"dot dot":       `{"version": 1, "outputs": {"..": {}}}`,
		"a new line":    `{"version": 1, "outputs": {"a\nb.pdf": {}}}`,
		"two values":    `{"version": 1, "outputs": {}} {}`,
	}
	for name, text := range cases {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, FileName), []byte(text), 0o644)
		m, err := Load(dir)
		if err == nil || len(m.Outputs) != 0 {
			t.Errorf("%s: loaded %v, err %v", name, m.Outputs, err)
		}
		var pe *fs.PathError
		if err != nil && (!errors.As(err, &pe) || pe.Path != filepath.Join(dir, FileName)) {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
	m, err := Load(t.TempDir())
	if err != nil || len(m.Outputs) != 0 {
		t.Errorf("missing manifest: %v %v", m.Outputs, err)
	}
}

// FuzzParse: a manifest is a file in the output folder that anyone may
// edit. Whatever it holds, Parse must not panic, must name only plain
// files, and what it accepts must survive a round trip.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version": 1, "outputs": {"a.docx": {"source": "sources/a.md", "inputs": "i", "sha256": "s", "size": 3}}}`))
	f.Add([]byte(`{"version": 1, "outputs": {"../a.pdf": {}}}`))
	f.Add([]byte(`{"version": 1, "outputs": {}} {}`))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(data)
		if err != nil {
			if len(m.Outputs) != 0 {
				t.Fatalf("error %v with %d outputs", err, len(m.Outputs))
			}
			return
		}
		for name := range m.Outputs {
			if !ValidName(name) || strings.ContainsAny(name, "/\\\n") {
				t.Fatalf("accepted output name %q", name)
			}
		}
		again, err := Parse(m.Marshal())
		if err != nil {
			t.Fatalf("its own output does not parse: %v", err)
		}
		if string(again.Marshal()) != string(m.Marshal()) {
			t.Fatal("round trip changed the manifest")
		}
	})
}
