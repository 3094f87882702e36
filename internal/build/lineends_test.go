package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/manifest"
)

// TestLineEndsGiveTheSameHandouts builds the project's own briefings and
// generated ones three times, with the real parser and writers: as saved
// on Linux or macOS (LF), by a Windows editor (CRLF), and by one that
// also starts the file with a byte-order mark. Every handout, in every
// format, and SHA256SUMS are byte-identical.
func TestLineEndsGiveTheSameHandouts(t *testing.T) {
	own, err := filepath.Glob(filepath.Join("..", "..", "sources", "*.md"))
	if err != nil || len(own) == 0 {
		t.Fatalf("the project's briefings: %v %v", own, err)
	}
	texts := map[string]string{}
	for _, p := range own {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), "\r") {
			t.Fatalf("%s already has carriage returns", p)
		}
		texts[filepath.Base(p)] = string(b)
	}
	for i := range 4 {
		texts[fmt.Sprintf("generated-%d.md", i)] = bt.Markdown(i)
	}
	variants := []struct {
		name string
		save func(string) string
	}{
		{"lf", func(s string) string { return s }},
		{"crlf", func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
		{"crlf-bom", func(s string) string { return "\uFEFF" + strings.ReplaceAll(s, "\n", "\r\n") }},
	}
	files := map[string]string{}
	for _, v := range variants {
		for name, text := range texts {
			files[v.name+"/"+name] = v.save(text)
		}
	}
	// The pictures the briefings show, beside each variant's briefings.
	pics, err := filepath.Glob(filepath.Join("..", "..", "sources", "images", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pics {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range variants {
			files[v.name+"/images/"+filepath.Base(p)] = string(b)
		}
	}
	project(t, files)

	var outs []map[string]string
	for _, v := range variants {
		out := "out-" + v.name
		res, err := Run(context.Background(), Options{Paths: []string{v.name}, Out: out, Formats: Formats, Today: briefing.Date{Year: 2026, Month: 12, Day: 1}})
		if err != nil {
			t.Fatal(err)
		}
		if c := res.Counts(); c.Built != len(texts) || !res.OK() {
			t.Fatalf("%s: %+v\n%v", v.name, c, res.Diags)
		}
		files := tree(t, out)
		delete(files, manifest.FileName) // it records the sources' own hashes
		delete(files, EntriesName)       // so does the catalogue's record of its entries
		outs = append(outs, files)
	}
	// Each briefing's handouts, SHA256SUMS, the catalogue and the feed.
	if want := len(texts)*len(Formats) + 3; len(outs[0]) != want {
		t.Fatalf("%d files, want %d: %v", len(outs[0]), want, names(outs[0]))
	}
	for i, v := range variants[1:] {
		if got, want := names(outs[i+1]), names(outs[0]); !slices.Equal(got, want) {
			t.Fatalf("%s: files %v, want %v", v.name, got, want)
		}
		for name, data := range outs[0] {
			if outs[i+1][name] != data {
				t.Errorf("%s: %s differs from the one built from LF", v.name, name)
			}
		}
	}
}
