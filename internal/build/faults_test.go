package build

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/build/buildtest"
	"handouts/internal/readonly"
)

// TestFullDisk builds in a child process whose files may not grow beyond
// 4 KiB (RLIMIT_FSIZE, as `ulimit -f` sets), with SIGXFSZ ignored so that
// a write past the limit fails with EFBIG as it would on a full disk. The
// big briefing's handouts fail; the small ones are built; no partial or
// temporary file remains.
func TestFullDisk(t *testing.T) {
	if os.Getenv("HANDOUTS_FULLDISK_CHILD") != "" {
		fullDiskChild(t)
		return
	}
	if err := limitFileSize(-1); err != nil {
		t.Skipf("cannot limit the size of files: %v", err)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "sources/a.md"), "small")
	write(t, filepath.Join(dir, "sources/big.md"), "big")
	write(t, filepath.Join(dir, "sources/c.md"), "small too")
	cmd := exec.Command(os.Args[0], "-test.run=^TestFullDisk$", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HANDOUTS_FULLDISK_CHILD=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s%s", err, stdout.String(), stderr.String())
	}
	_, js, ok := strings.Cut(stdout.String(), "RESULT ")
	if !ok {
		t.Fatalf("child printed no result:\n%s%s", stdout.String(), stderr.String())
	}
	js, _, _ = strings.Cut(js, "\nEND")
	var got struct {
		Briefings []struct {
			Source      string
			Status      string
			Diagnostics []struct{ File, Message string }
		}
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatalf("%v\n%s", err, js)
	}
	var lines []string
	for _, b := range got.Briefings {
		lines = append(lines, b.Source+" "+b.Status)
		for _, d := range b.Diagnostics {
			lines = append(lines, "  "+d.File+": "+d.Message)
		}
	}
	equal(t, "outcome", lines, []string{
		"sources/a.md built",
		"sources/big.md failed",
		"  out/big.docx: cannot write: file too large",
		"  out/big.pdf: cannot write: file too large",
		"sources/c.md built",
	})
	t.Chdir(dir)
	equal(t, "files", names(tree(t, "out")), []string{".handouts-manifest.json", "SHA256SUMS", "a.docx", "a.pdf", "c.docx", "c.pdf"})
	buildtest.CheckConsistent(t, "out")
}

func fullDiskChild(t *testing.T) {
	fakes(t)
	for f, w := range writers {
		writers[f] = func(out io.Writer, d *briefing.Document, e *env, s *shared) error {
			if d.Meta.Title == "big" {
				_, err := out.Write(bytes.Repeat([]byte("x"), 64<<10))
				return err
			}
			return w(out, d, e, s)
		}
	}
	if err := limitFileSize(4096); err != nil {
		t.Fatalf("setrlimit: %v", err)
	}
	res, err := Run(context.Background(), Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("RESULT %s\nEND\n", res.JSON())
}

// TestReadOnlyOutputFolder builds into a folder the process may not write
// to. Permission bits do not stop root, so as root the folder is made
// immutable with chattr(1) instead; where neither works, the same fault
// is injected (TestWriteErrorIsThatHandoutsError covers that path).
func TestReadOnlyOutputFolder(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	before := tree(t, "out")
	write(t, "sources/a.md", "alpha 2")
	write(t, "sources/c.md", "gamma")

	readOnly(t, "out")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md stale", "sources/b.md unchanged", "sources/c.md failed"})
	var msgs []string
	for _, it := range res.Items {
		for _, d := range it.Diags {
			msgs = append(msgs, d.String())
		}
	}
	for _, d := range res.Diags {
		msgs = append(msgs, d.String())
	}
	for i, m := range msgs {
		// The error is "permission denied" (chmod) or "operation not
		// permitted" (chattr).
		msgs[i] = strings.NewReplacer("permission denied", "DENIED", "operation not permitted", "DENIED").Replace(m)
	}
	equal(t, "messages", msgs, []string{
		"out/a.docx: cannot write: DENIED",
		"out/a.pdf: cannot write: DENIED",
		"out/c.docx: cannot write: DENIED",
		"out/c.pdf: cannot write: DENIED",
		// The manifest and checksums need no change: nothing was built.
	})
	if res.OK() {
		t.Error("a build that wrote nothing is OK")
	}
	if got := tree(t, "out"); fmt.Sprint(got) != fmt.Sprint(before) {
		t.Error("the read-only folder changed")
	}
}

// readOnly makes dir unwritable for this process until the test ends.
func readOnly(t *testing.T, dir string) {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { readonly.Undo(abs) })
	err = readonly.Make(dir)
	if errors.Is(err, readonly.ErrUnsupported) {
		t.Skipf("%v; the write-error path is covered by TestWriteErrorIsThatHandoutsError", err)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestOutputFolderCannotBeMade(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "file": "a file, not a folder"})
	_, err := Run(context.Background(), Options{Out: "file/out"})
	var be *Error
	if !errors.As(err, &be) || err.Error() != "file/out: cannot create the output folder: not a directory" {
		t.Errorf("err = %v", err)
	}
	_, err = Run(context.Background(), Options{Out: "file"})
	if err == nil || err.Error() != "file: is not a folder" {
		t.Errorf("err = %v", err)
	}
}
