package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
)

// TestBuildStopsCleanlyOnSignal runs handouts build as a program of its
// own on 600 briefings and signals it once its first handout is in place.
// It must exit with 128+signal, say so, and leave only complete handouts:
// no temporary file, and every handout listed in SHA256SUMS as it is.
func TestBuildStopsCleanlyOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 600 briefings")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin", "handouts")
	os.MkdirAll(filepath.Dir(bin), 0o755)
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	// TestMain runs the CLI when the test binary is called "handouts".
	if err := os.Symlink(self, bin); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "sources"), 0o755)
	for i := range 600 {
		p := filepath.Join(dir, "sources", fmt.Sprintf("b%04d.md", i))
		if err := os.WriteFile(p, []byte(bt.Markdown(i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		sig  syscall.Signal
		name string
		code int
	}{{syscall.SIGINT, "SIGINT", 130}, {syscall.SIGTERM, "SIGTERM", 143}} {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+c.name)
			cmd := exec.Command(bin, "build", "--jobs", "2", "--out", out, "sources")
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "CI=true", "NO_COLOR=1")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			first := filepath.Join(out, "b0000.pdf")
			for deadline := time.Now().Add(time.Minute); ; time.Sleep(2 * time.Millisecond) {
				if _, err := os.Stat(first); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("no handout within a minute:\n%s", stderr.String())
				}
			}
			cmd.Process.Signal(c.sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != c.code {
				t.Fatalf("exit: %v; want status %d\n%s", err, c.code, stderr.String())
			}
			want := "handouts: interrupted by " + c.name + ": "
			if !strings.Contains(stderr.String(), "\n"+want) {
				t.Errorf("stderr lacks %q:\n%s", want, lastLines(stderr.String(), 5))
			}
			if _, err := os.Stat(filepath.Join(out, "b0599.pdf")); err == nil {
				t.Errorf("the build ran to the end; the signal came too late to test anything")
			}
			checkOutFolder(t, out)
		})
	}
}

// checkOutFolder checks that the interrupted build kept its promises (no
// temporary file left; the manifest, SHA256SUMS and the handouts agree),
// that it built some handouts, and that nothing else is in the folder.
func checkOutFolder(t *testing.T, out string) {
	t.Helper()
	buildtest.CheckConsistent(t, out)
	entries, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(out, buildtest.SumsName))
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Count(string(sums), "\n")
	if n == 0 {
		t.Error("SHA256SUMS lists nothing, though handouts were built")
	}
	if len(entries) != n+2 { // the handouts, SHA256SUMS and the manifest
		t.Errorf("%d files in %s, %d of them handouts listed in SHA256SUMS", len(entries), out, n)
	}
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
