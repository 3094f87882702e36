package importer_test

import (
	"os"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/importer"
)

// checkWritten is what every import must give, whatever the input: a
// briefing whose front matter is valid YAML and whose body parses.
func checkWritten(t *testing.T, src importer.Source) {
	t.Helper()
	b := importer.Convert(src)
	md := b.Markdown("input")
	doc, diags := briefing.Parse("x.md", md, briefing.Options{})
	if doc == nil {
		t.Fatalf("the written briefing could not be read:\n%s", md)
	}
	for _, d := range diags {
		if strings.Contains(d.Message, "front matter is not valid YAML") || strings.Contains(d.Message, "no front matter") ||
			strings.Contains(d.Message, "unknown key") || strings.Contains(d.Message, "is given twice") {
			t.Fatalf("%s\n%s", d, md)
		}
	}
}

// FuzzReadText: pasted text of any shape never panics and always gives
// a briefing the parser can read.
func FuzzReadText(f *testing.F) {
	for _, p := range []string{"testdata/pasted.txt"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("Title: a: b\n• x\n  ◦ y\n1. z\nSummary of driver: text\nDate last updated: 31/12/2026\n"))
	f.Add([]byte("Hot topic: '#!&*\n---\n```\n| a |\n> q\n[^1]: n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkWritten(t, importer.ReadText(data))
	})
}
