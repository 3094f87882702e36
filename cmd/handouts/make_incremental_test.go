package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"handouts/internal/extprog"
)

// TestMakeRebuildsWhatChanged copies the project into a new Git
// repository and builds it with make handouts, as CI does with a kept
// out/: a commit that edits one briefing rebuilds that briefing's
// handouts only, a commit that touches no input rebuilds nothing, and a
// commit that changes the code rebuilds every handout.
func TestMakeRebuildsWhatChanged(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: builds the tool three times")
	}
	extprog.Need(t, "git")
	extprog.Need(t, "make")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := exec.Command("git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("skipping: the project is not a Git work tree: %v", err)
	}
	copied := 0
	for _, f := range strings.Split(strings.TrimSpace(string(files)), "\n") {
		top, _, _ := strings.Cut(f, "/")
		if !slices.Contains([]string{"Makefile", "go.mod", "go.sum", "cmd", "internal", "templates", "sources", "out"}, top) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(root, f))
		if os.IsNotExist(err) {
			continue // deleted in the work tree
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
		copied++
	}
	if copied == 0 {
		t.Fatal("no files copied")
	}
	run := func(name string, args ...string) string {
		t.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
			"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_CONFIG_NOSYSTEM=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out.String())
		}
		return out.String()
	}
	commit := func(msg string) {
		t.Helper()
		run("git", "add", "-A")
		run("git", "commit", "-q", "--no-gpg-sign", "-m", msg)
	}
	built := regexp.MustCompile(`(?m)^built (out/\S+)$`)
	makeHandouts := func() []string {
		t.Helper()
		var got []string
		for _, m := range built.FindAllStringSubmatch(run("make", "-s", "handouts"), -1) {
			got = append(got, m[1])
		}
		slices.Sort(got)
		return got
	}
	edit := func(name, add string) {
		t.Helper()
		p := filepath.Join(dir, name)
		data, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, append(data, add...), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	run("git", "init", "-q")
	commit("the project")
	all := makeHandouts()
	if len(all) < 4 {
		t.Fatalf("the first build built %v; want every briefing's handouts", all)
	}

	edit("sources/accountable-care-the-art-of-the-possible.md", "\nOne more sentence for the test.\n")
	commit("edit one briefing")
	want := []string{"out/accountable-care-the-art-of-the-possible.docx", "out/accountable-care-the-art-of-the-possible.html", "out/accountable-care-the-art-of-the-possible.pdf"}
	if got := makeHandouts(); !slices.Equal(got, want) {
		t.Errorf("after a commit editing one briefing, built %v; want %v", got, want)
	}

	edit("NOTES.txt", "A note.\n")
	commit("a note beside the code")
	if got := makeHandouts(); len(got) != 0 {
		t.Errorf("after a commit changing no input, built %v; want nothing", got)
	}

	edit("internal/handout/handout.go", "\n// A change to the code.\n")
	commit("change the code")
	// Every briefing's handouts; the catalogue and feed are rewritten
	// only when their bytes change, and a comment changes none.
	var handouts []string
	for _, f := range all {
		if f != "out/index.html" && f != "out/feed.xml" {
			handouts = append(handouts, f)
		}
	}
	if got := makeHandouts(); !slices.Equal(got, handouts) {
		t.Errorf("after a commit changing the code, built %v; want every briefing's handout %v", got, handouts)
	}
}
