package docx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.document.xml from the example briefings")

// goldenBreaks are the elements that start a new line in a golden file.
// Text is escaped in every part, so "<" only ever begins a tag and a
// break before one never falls inside a run of text.
var goldenBreaks = strings.NewReplacer(
	"<w:body>", "\n<w:body>",
	"</w:body>", "\n</w:body>",
	"<w:p>", "\n<w:p>",
	"<w:p ", "\n<w:p ",
	"<w:tbl>", "\n<w:tbl>",
	"</w:tbl>", "\n</w:tbl>",
	"<w:tr>", "\n<w:tr>",
	"<w:tc>", "\n<w:tc>",
	"<w:sectPr", "\n<w:sectPr",
)

// goldenForm lays word/document.xml out one paragraph, row or cell to a
// line, so that a change to the writer reads as a small diff.
func goldenForm(doc string) string {
	return goldenBreaks.Replace(doc) + "\n"
}

// TestExamplesGolden compares word/document.xml of every example handout,
// written as the build writes it (QR code on), with
// testdata/<name>.document.xml. Run with -update to rewrite them
// after a deliberate change, and read the diff.
func TestExamplesGolden(t *testing.T) {
	docs := bt.Examples(t)
	for _, name := range bt.Names(docs) {
		t.Run(name, func(t *testing.T) {
			var w bytes.Buffer
			if err := Write(&w, docs[name], Options{QR: true}); err != nil {
				t.Fatal(err)
			}
			b := w.Bytes()
			checkParts(t, b)
			got := goldenForm(partOf(t, b, "word/document.xml"))
			path := filepath.Join("testdata", name+".document.xml")
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -run TestExamplesGolden -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("word/document.xml differs from %s (run with -update after a deliberate change):\n%s", path, bt.DiffLines(string(want), got))
			}
		})
	}
	// A golden file whose briefing is gone is stale.
	files, err := filepath.Glob(filepath.Join("testdata", "*.document.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".document.xml")
		if _, ok := docs[name]; ok {
			continue
		}
		if *update {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		t.Errorf("%s has no example briefing %s.md (run with -update to remove it)", f, name)
	}
}

// TestExamplesDeterministic writes each example twice and in reverse
// order and expects the same bytes: the golden files can only be stable
// if the writer is.
func TestExamplesDeterministic(t *testing.T) {
	docs := bt.Examples(t)
	names := bt.Names(docs)
	first := make(map[string][]byte, len(names))
	for _, n := range names {
		first[n] = docxOf(t, docs[n])
	}
	for i := len(names) - 1; i >= 0; i-- {
		n := names[i]
		if !bytes.Equal(first[n], docxOf(t, docs[n])) {
			t.Errorf("%s: two writes of the same briefing differ", n)
		}
	}
}
