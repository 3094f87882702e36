package main

import (
	"os"
	"path/filepath"
	"testing"
)

const exitBriefing = `---
title: A briefing
kind: hot-topic
producer: JET Library
updated: 2018-02
review: 2019-02
responsible: VT
audience: [LKS staff]
---

## Impact on library policy/practice

- Share it.
`

// The exit statuses are exact, as documented: a failed build and a build
// with no briefings exit 1 (not merely non-zero), a wrong command line 2.
func TestExitStatusesAreExact(t *testing.T) {
	cases := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"a good build", map[string]string{"sources/a.md": exitBriefing}, []string{"build"}, exitOK},
		{"a briefing with errors", map[string]string{"sources/a.md": exitBriefing, "sources/b.md": "---\ntitle: x\n---\n"}, []string{"build"}, exitFailed},
		{"no briefings", map[string]string{"sources/README.md": "not a briefing"}, []string{"build"}, exitFailed},
		{"no briefings, as JSON", map[string]string{"sources/notes.txt": "x"}, []string{"build", "--json"}, exitFailed},
		{"nothing was built", map[string]string{"sources/a.md": exitBriefing, "sources/sub/a.md": exitBriefing}, []string{"build"}, exitFailed},
		{"check with errors", map[string]string{"sources/b.md": "---\ntitle: x\n---\n"}, []string{"check"}, exitFailed},
		{"check with no briefings", map[string]string{"sources/README.md": "x"}, []string{"check"}, exitFailed},
		{"a path that does not exist", nil, []string{"build", "missing"}, exitUsage},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range c.files {
				p := filepath.Join(dir, name)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(dir)
			devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer devnull.Close()
			stdout, stderr := os.Stdout, os.Stderr
			os.Stdout, os.Stderr = devnull, devnull
			got := run(append([]string{"handouts"}, c.args...))
			os.Stdout, os.Stderr = stdout, stderr
			if got != c.want {
				t.Errorf("handouts %v exited %d, want %d", c.args, got, c.want)
			}
		})
	}
}
