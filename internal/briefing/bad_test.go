package briefing

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/bad")

// corpusOptions are the options every corpus file is checked with: a
// fixed today, so that review warnings do not depend on the clock, and
// no project producer.
var corpusOptions = Options{Today: Date{2026, 11, 25}}

// TestBadCorpus checks every briefing in testdata/bad against the exact
// diagnostics in its .golden file. Run with -update to rewrite them, then
// read the diff: each message must say what is wrong, where and how to
// fix it.
func TestBadCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 30 {
		t.Fatalf("only %d bad briefings in testdata/bad; the corpus needs at least 30", len(files))
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, diags := Parse(name+".md", src, corpusOptions)
			var b strings.Builder
			for _, d := range diags {
				b.WriteString(d.String() + "\n")
			}
			got := b.String()
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\ngot:\n%swant:\n%s", golden, got, want)
			}
			if !diags.HasErrors() && !strings.Contains(name, "overdue") && !strings.Contains(name, "past") && !strings.Contains(name, "uncited") {
				t.Errorf("a bad briefing with no errors")
			}
		})
	}
}
