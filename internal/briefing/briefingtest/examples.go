package briefingtest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/sources"
)

// ExamplesDir returns the project's folder of example briefings, sources/
// beside go.mod, found from the test's working directory upwards.
func ExamplesDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "sources")
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = up
	}
}

// Examples parses every example briefing in sources/, by name (the file
// name without ".md"). The examples are what golden and interoperability
// tests are about, so the test fails when there are none or when one does
// not parse without errors.
func Examples(t testing.TB) map[string]*briefing.Document {
	t.Helper()
	dir := ExamplesDir(t)
	paths, err := sources.Find([]string{dir})
	if err != nil {
		t.Fatalf("finding the example briefings: %v", err)
	}
	if len(paths) == 0 {
		t.Fatalf("no example briefings in %s", dir)
	}
	docs := make(map[string]*briefing.Document, len(paths))
	for _, p := range paths {
		d, diags := briefing.ParseFile(p, briefing.Options{})
		if diags.HasErrors() || d == nil {
			var msgs []string
			for _, m := range diags {
				msgs = append(msgs, m.String())
			}
			t.Fatalf("example briefing %s does not parse:\n%s", p, strings.Join(msgs, "\n"))
		}
		docs[strings.TrimSuffix(filepath.Base(p), ".md")] = d
	}
	return docs
}

// Names returns the names of docs in order, so that subtests run in the
// same order every time.
func Names(docs map[string]*briefing.Document) []string {
	names := make([]string, 0, len(docs))
	for n := range docs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
