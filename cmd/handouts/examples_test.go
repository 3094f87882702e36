package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handouts/internal/slug"
)

// TestNewExamplesWork: a new user tries the examples of "handouts new" in
// the README and the help in a fresh clone, so none may name a briefing
// that sources/ already holds (new would refuse to overwrite it).
func TestNewExamplesWork(t *testing.T) {
	example := regexp.MustCompile(`handouts new (?:--[a-z-]+ [a-z-]+ )*\\?"([^"\\]+)\\?"`)
	found := 0
	for _, file := range []string{"../../README.md", "main.go", "new.go"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range example.FindAllStringSubmatch(string(data), -1) {
			found++
			name, err := slug.Make(m[1])
			if err != nil {
				t.Errorf("%s: %q: %v", file, m[0], err)
				continue
			}
			if _, err := os.Stat(filepath.Join("../../sources", name+".md")); err == nil {
				t.Errorf("%s: %s fails in a fresh clone: sources/%s.md exists", file, strings.ReplaceAll(m[0], `\"`, `"`), name)
			}
		}
	}
	if found < 5 {
		t.Errorf("found %d examples of handouts new; the pattern no longer matches them", found)
	}
}
