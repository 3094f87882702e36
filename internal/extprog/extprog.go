// Package extprog lets tests check our output with real outside programs
// (pandoc, LibreOffice, qpdf, poppler, xmllint). Where a program is missing
// a test is skipped with a message naming the package to install, unless
// HANDOUTS_INTEROP=require is set, as .ci/run does: then a missing program
// fails the test, so CI can never pass by skipping.
package extprog

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"testing"
	"time"
)

// packages names the Debian package that provides each program.
var packages = map[string]string{
	"pandoc":    "pandoc",
	"soffice":   "libreoffice-writer-nogui",
	"xmllint":   "libxml2-utils",
	"qpdf":      "qpdf",
	"pdftotext": "poppler-utils",
	"pdffonts":  "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"pdftoppm":  "poppler-utils",
	"pdfimages": "poppler-utils",
	"zbarimg":   "zbar-tools",
	"chromium":  "chromium",
	"node":      "nodejs",
}

// Required reports whether missing programs must fail tests.
func Required() bool { return os.Getenv("HANDOUTS_INTEROP") == "require" }

// Need returns the path of program name, or skips (fails under
// HANDOUTS_INTEROP=require) when it is not installed.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	pkg := packages[name]
	if pkg == "" {
		pkg = name
	}
	if Required() {
		t.Fatalf("%s is not installed (Debian package %s) and HANDOUTS_INTEROP=require", name, pkg)
	}
	t.Skipf("skipping: %s is not installed; install Debian package %s (or run .ci/run) to run this check", name, pkg)
	return ""
}

// Run runs program name with args and returns its standard output; a
// non-zero exit, fails the test.
// Each run has a time limit so a stuck program cannot hang the suite.
func Run(t testing.TB, dir string, name string, args ...string) []byte {
	t.Helper()
	path := Need(t, name)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	// A private HOME keeps LibreOffice's profile out of the user's.
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir(), "LC_ALL=C.UTF-8", "TZ=UTC")
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, errb.String())
	}
	return out.Bytes()
}
