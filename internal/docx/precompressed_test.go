package docx

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestPrecompressedParts checks that every part compressed ahead of time
// is what deflateBest makes now of the bytes its name hashes to, and
// that every static part of the default styles is among them. With
// -update (or go generate) it writes them.
func TestPrecompressedParts(t *testing.T) {
	ref, err := buildDefault()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, p := range ref.static {
		r := flate.NewReader(bytes.NewReader(p.compressed))
		raw, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", p.name, err)
		}
		sum := sha256.Sum256(raw)
		want[hex.EncodeToString(sum[:])] = deflateBest(p.name, raw).compressed
	}
	if *update {
		old, _ := filepath.Glob(filepath.Join("precompressed", "*"))
		for _, f := range old {
			if filepath.Base(f) != "README.txt" {
				os.Remove(f)
			}
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join("precompressed", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := precompressedFS.ReadDir("precompressed")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if e.Name() == "README.txt" {
			continue
		}
		seen[e.Name()] = true
		got, _ := precompressedFS.ReadFile("precompressed/" + e.Name())
		raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(got)))
		if err != nil {
			t.Errorf("precompressed/%s: %v", e.Name(), err)
			continue
		}
		sum := sha256.Sum256(raw)
		if hex.EncodeToString(sum[:]) != e.Name() {
			t.Errorf("precompressed/%s holds other bytes; run go generate ./internal/docx", e.Name())
		}
		if !bytes.Equal(got, deflateBest("", raw).compressed) {
			t.Errorf("precompressed/%s is not what the compressor makes now; run go generate ./internal/docx", e.Name())
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("a default part (SHA-256 %s) is not compressed ahead of time; run go generate ./internal/docx", name)
		}
	}
}
