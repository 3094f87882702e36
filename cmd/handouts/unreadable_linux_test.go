package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/readonly"
)

// One unreadable folder among the briefings is skipped with a warning;
// check and build go on with the rest and keep their exit statuses (2 is
// for command-line mistakes only). As root, whom permission bits do not
// stop, the commands run as the user nobody.
func TestUnreadableSubfolder(t *testing.T) {
	dir := t.TempDir()
	const front = "---\ntitle: T\nkind: hot-topic\nproducer: P\nupdated: 2024-01\nreview: 2030-01\nresponsible: VT\naudience: [LKS staff]\n---\n## Impact\n- x\n"
	for _, f := range []string{"sources/a.md", "sources/locked/b.md"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte(front), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "out"), 0o755)
	os.Chmod(filepath.Join(dir, "out"), 0o777) // for nobody, as root
	locked := filepath.Join(dir, "sources/locked")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"check", "--today", "2026-11-25", "sources"}, exitOK},
		{[]string{"check", "--today", "2026-11-25", "--strict", "sources"}, exitFailed},
		{[]string{"check", "--today", "2026-11-25", "sources/locked"}, exitFailed},
		{[]string{"build", "--format", "docx", "sources"}, exitOK},
	} {
		var code int
		var stderr string
		if os.Geteuid() == 0 {
			cmd, err := readonly.AsNobody(dir, os.Args[0], "handouts", c.args...)
			if err != nil {
				t.Fatal(err)
			}
			var out strings.Builder
			cmd.Stderr = &out
			err = cmd.Run()
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			stderr = out.String()
		} else {
			t.Chdir(dir)
			code, stderr = runCaptured(t, append([]string{"handouts"}, c.args...))
		}
		if code != c.want {
			t.Errorf("%v: exit status %d, want %d\n%s", c.args, code, c.want, stderr)
		}
		if c.want == exitOK && !strings.Contains(stderr, "sources/locked: warning: skipped: a folder that cannot be read (permission denied)") {
			t.Errorf("%v: no warning:\n%s", c.args, stderr)
		}
	}
}
