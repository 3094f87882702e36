package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestCheckExitStatus checks the exit status of handouts check, which
// the testscript scenarios can only tell apart as zero or not: 0 valid
// (warnings allowed), 1 errors (or warnings with --strict), 2 usage.
func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const front = "---\ntitle: T\nkind: hot-topic\nproducer: P\nupdated: 2024-01\nreview: %s\nresponsible: VT\naudience: [LKS staff]\n---\n## Impact\n- x\n"
	good := write("good/a.md", fmt.Sprintf(front, "2030-01"))
	overdue := write("overdue/a.md", fmt.Sprintf(front, "2025-01"))
	bad := write("bad/a.md", fmt.Sprintf(front, "2023-01"))
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		want int
	}{
		{[]string{"check", "--today", "2026-11-25", good}, exitOK},
		{[]string{"check", "--today", "2026-11-25", filepath.Dir(good)}, exitOK},
		{[]string{"check", "--today", "2026-11-25", overdue}, exitOK},
		{[]string{"check", "--today", "2026-11-25", "--strict", overdue}, exitFailed},
		{[]string{"check", "--today", "2026-11-25", "--json", overdue}, exitOK},
		{[]string{"check", "--today", "2026-11-25", bad}, exitFailed},
		{[]string{"check", "--today", "2026-11-25", good, bad}, exitFailed},
		{[]string{"check", "--today", "2026-11-25", "--json", bad}, exitFailed},
		{[]string{"check", empty}, exitFailed},
		{[]string{"check", filepath.Join(dir, "nowhere")}, exitUsage},
		{[]string{"check", "--today", "soon", good}, exitUsage},
		{[]string{"check", "--no-such-flag", good}, exitUsage},
		{[]string{"check", good, "--strict=maybe"}, exitUsage},
		// status and build agree with check on what a wrong path is.
		{[]string{"status", "--today", "2026-11-25", filepath.Join(dir, "nowhere")}, exitUsage},
		{[]string{"status", "--today", "2026-11-25", empty}, exitFailed},
		{[]string{"status", "--today", "2026-11-25", "--fail-overdue", overdue}, exitFailed},
		{[]string{"status", "--today", "2026-11-25", overdue}, exitOK},
		{[]string{"build", "--out", filepath.Join(dir, "out"), filepath.Join(dir, "nowhere")}, exitUsage},
	}
	for _, tt := range tests {
		got, stderr := runCaptured(t, append([]string{"handouts"}, tt.args...))
		if got != tt.want {
			t.Errorf("%v: exit status %d, want %d\nstderr:\n%s", tt.args, got, tt.want, stderr)
		}
	}
}

// runCaptured runs the command line with stdout and stderr sent to
// files, and returns the exit status and what went to stderr.
func runCaptured(t *testing.T, args []string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	stdout, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	stderr, err := os.Create(filepath.Join(dir, "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = stdout, stderr
	code := run(args)
	os.Stdout, os.Stderr = oldOut, oldErr
	msg, _ := os.ReadFile(stderr.Name())
	return code, string(msg)
}
