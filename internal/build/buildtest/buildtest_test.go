package buildtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handouts/internal/manifest"
)

func TestTree(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub", "deeper"), 0o755)
	os.MkdirAll(filepath.Join(dir, "empty"), 0o755)
	for name, data := range map[string]string{"a.txt": "alpha", "sub/b.txt": "", "sub/deeper/c": "gamma"} {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Tree(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a.txt": "alpha", "sub/b.txt": "", "sub/deeper/c": "gamma"}
	if !maps.Equal(got, want) {
		t.Errorf("Tree = %v, want %v", got, want)
	}
	if _, err := Tree(filepath.Join(dir, "missing")); err == nil {
		t.Error("Tree of a missing folder: no error")
	}
}

// recorder is a testing.TB that keeps what a check reports.
type recorder struct {
	testing.TB
	msgs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msgs = append(r.msgs, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(r)
}
func (r *recorder) Fatal(args ...any) { r.Fatalf("%s", fmt.Sprint(args...)) }

// check runs CheckConsistent on out and returns what it reported.
func check(out string) (msgs []string) {
	r := &recorder{}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
		msgs = r.msgs
	}()
	CheckConsistent(r, out)
	return r.msgs
}

// folder writes an output folder holding files, all recorded in its
// manifest and SHA256SUMS.
func folder(t *testing.T, files map[string]string) string {
	t.Helper()
	out := t.TempDir()
	m := manifest.New()
	var sums strings.Builder
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := os.WriteFile(filepath.Join(out, name), []byte(files[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		h := sha256.Sum256([]byte(files[name]))
		m.Outputs[name] = manifest.Record{Source: "sources/x.md", SHA256: hex.EncodeToString(h[:]), Size: int64(len(files[name]))}
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(h[:]), name)
	}
	if err := os.WriteFile(filepath.Join(out, manifest.FileName), m.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, SumsName), []byte(sums.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheckConsistent(t *testing.T) {
	files := map[string]string{"a.docx": "word", "a.pdf": "pdf"}
	if msgs := check(folder(t, files)); len(msgs) > 0 {
		t.Fatalf("a consistent folder: %q", msgs)
	}
	for _, tc := range []struct {
		name  string
		spoil func(out string)
		want  string
	}{
		{"temporary file", func(out string) { os.WriteFile(filepath.Join(out, ".handouts-tmp-1"), nil, 0o644) }, "temporary file left behind"},
		{"changed handout", func(out string) { os.WriteFile(filepath.Join(out, "a.pdf"), []byte("PDF"), 0o644) }, "a.pdf: hash or size differs"},
		{"missing handout", func(out string) { os.Remove(filepath.Join(out, "a.docx")) }, "the manifest records a.docx, which is not there"},
		{"sums out of step", func(out string) { os.WriteFile(filepath.Join(out, SumsName), nil, 0o644) }, "want (from the manifest)"},
		{"no sums", func(out string) { os.Remove(filepath.Join(out, SumsName)) }, "SHA256SUMS: "},
		{"no manifest", func(out string) { os.Remove(filepath.Join(out, manifest.FileName)) }, "want (from the manifest)"},
		{"bad manifest", func(out string) { os.WriteFile(filepath.Join(out, manifest.FileName), []byte("{"), 0o644) }, "manifest: "},
	} {
		out := folder(t, files)
		tc.spoil(out)
		msgs := check(out)
		if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
			t.Errorf("%s: reported %q, want %q", tc.name, msgs, tc.want)
		}
	}
}
