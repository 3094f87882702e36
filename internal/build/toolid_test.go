package build

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestGoBuildIDMatchesGoTool reads the test binary's build ID and checks
// it against what `go tool buildid` reports for the same file.
func TestGoBuildIDMatchesGoTool(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	got, err := goBuildID(exe)
	if err != nil {
		t.Fatalf("goBuildID(%s): %v", exe, err)
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH: cannot compare with go tool buildid")
	}
	out, err := exec.Command(goCmd, "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	if want := strings.TrimSpace(string(out)); got != want {
		t.Errorf("goBuildID = %q, go tool buildid = %q", got, want)
	}
	if v := ToolVersion(); strings.Contains(v, " exe:") {
		t.Errorf("ToolVersion() = %q: hashed the executable although its build ID %q can be read", v, got)
	}
}

func TestGoBuildIDRefusesOtherFiles(t *testing.T) {
	p := t.TempDir() + "/not-elf"
	os.WriteFile(p, []byte("#!/bin/sh\necho hello\n"), 0o755)
	if id, err := goBuildID(p); err == nil {
		t.Errorf("goBuildID of a shell script = %q, want an error", id)
	}
}
