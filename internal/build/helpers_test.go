package build

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/build/buildtest"
	"handouts/internal/diag"
)

// fakeParse stands in for the briefing parser: the document's title is
// the whole source, and a line "ERROR" is an error on that line, a line
// "WARN" a warning.
func fakeParse(path string, src []byte, opts briefing.Options) (*briefing.Document, diag.List) {
	var l diag.List
	for i, line := range strings.Split(string(src), "\n") {
		switch strings.TrimSpace(line) {
		case "ERROR":
			l.Errorf(path, i+1, "a deliberate error")
		case "WARN":
			l.Warnf(path, i+1, "a deliberate warning")
		}
	}
	name := strings.TrimSuffix(filepath.Base(path), ".md")
	// The pictures are those a real parse finds: a build that parses
	// first hashes them from here.
	pics := briefing.PictureURLs(path, src, opts.Root)
	return &briefing.Document{Path: path, Name: name, Meta: briefing.Meta{Title: string(src)}, PictureURLs: pics}, l
}

func fakeWriter(format string) writeFunc {
	return func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
		_, err := fmt.Fprintf(w, "%s handout\npaper %s\nadapted by %q\n%s", format, e.paper, e.handout.AdaptedBy, d.Meta.Title)
		return err
	}
}

// fakes swaps in the fake parser and writers for the test's duration.
// Tests that use it must not run in parallel with each other.
func fakes(t *testing.T) {
	t.Helper()
	oldParse, oldWriters, oldBefore, oldFlush := parse, writers, beforeRename, flushStaged
	parse = fakeParse
	writers = map[string]writeFunc{"docx": fakeWriter("docx"), "pdf": fakeWriter("pdf")}
	beforeRename = func(context.Context, string) error { return nil }
	t.Cleanup(func() { parse, writers, beforeRename, flushStaged = oldParse, oldWriters, oldBefore, oldFlush })
}

// project makes a folder with the given files and changes into it.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		write(t, filepath.Join(dir, name), text)
	}
	t.Chdir(dir)
	return dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, o Options) *Result {
	t.Helper()
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return res
}

// statuses lists "source status" for each briefing.
func statuses(res *Result) []string {
	var out []string
	for _, it := range res.Items {
		out = append(out, it.Source+" "+string(it.Status))
	}
	return out
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot\n\t%s\nwant\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// tree reads every file under dir: slash path to contents.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out, err := buildtest.Tree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestBuildtestKnowsTheSumsName(t *testing.T) {
	if buildtest.SumsName != SumsName {
		t.Errorf("buildtest.SumsName is %q, build.SumsName %q", buildtest.SumsName, SumsName)
	}
}
