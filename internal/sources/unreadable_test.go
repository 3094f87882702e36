//go:build linux

package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/readonly"
)

// An unreadable folder inside a source folder is skipped with a reason,
// as an unreadable file is, and the rest is listed. Permission bits do
// not stop root, so as root the listing runs in a child process as the
// user nobody.
func TestUnreadableSubfolderIsSkipped(t *testing.T) {
	if d := os.Getenv("SOURCES_UNREADABLE_DIR"); d != "" {
		listUnreadable(t, d)
		return
	}
	dir := t.TempDir()
	for _, f := range []string{"src/a.md", "src/locked/b.md", "src/z/c.md"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	if err := os.Chmod(filepath.Join(dir, "src/locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(dir, "src/locked"), 0o755) })
	if os.Geteuid() != 0 {
		listUnreadable(t, dir)
		return
	}
	cmd, err := readonly.AsNobody(dir, os.Args[0], "sources.test", "-test.run=^TestUnreadableSubfolderIsSkipped$", "-test.count=1")
	if err != nil {
		t.Fatal(err)
	}
	cmd.Env = append(cmd.Env, "SOURCES_UNREADABLE_DIR="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("as nobody: %v\n%s", err, out)
	}
}

func listUnreadable(t *testing.T, dir string) {
	t.Chdir(dir)
	files, skipped, err := List([]string{"src"}, Options{})
	if err != nil {
		t.Fatalf("List: %v", err)
	}
	if strings.Join(files, " ") != "src/a.md src/z/c.md" {
		t.Errorf("files %q", files)
	}
	if len(skipped) != 1 || skipped[0].Path != "src/locked" || !strings.Contains(skipped[0].Reason, "a folder that cannot be read (permission denied)") {
		t.Errorf("skipped %+v", skipped)
	}
}
