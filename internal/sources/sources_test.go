package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestList(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"src/a.md", "src/README.md", "src/sub/b.md", "src/x.txt", "src/out/c.md", "elsewhere/secret.md", "one.md"} {
		os.MkdirAll(filepath.Dir(f), 0o755)
		os.WriteFile(f, []byte("x"), 0o644)
	}
	links := map[string]string{
		"src/in.md":     "sub/b.md",
		"src/escape.md": "../elsewhere/secret.md",
		"src/abs.md":    filepath.Join(dir, "elsewhere/secret.md"),
		"src/dir.md":    "sub",
		"src/broken.md": "nothing.md",
		"src/elsewhere": "../elsewhere",
		"given.md":      "elsewhere/secret.md",
	}
	for l, target := range links {
		if err := os.Symlink(target, l); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	files, skipped, err := List([]string{"src", "one.md", "src/a.md", "given.md"}, Options{Exclude: []string{"src/out"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(files, " "); got != "given.md one.md src/a.md src/in.md src/sub/b.md" {
		t.Errorf("files: %s", got)
	}
	var got []string
	for _, s := range skipped {
		got = append(got, s.Path+": "+s.Reason)
	}
	want := []string{
		"src/abs.md: a symbolic link out of src; not followed",
		"src/broken.md: a symbolic link that leads nowhere",
		"src/dir.md: a symbolic link to something other than a file; not followed",
		"src/escape.md: a symbolic link out of src; not followed",
		"src/out: it is the output folder",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("skipped:\n%s", strings.Join(got, "\n"))
	}

	if _, err := Find([]string{"missing"}); err == nil || !strings.HasPrefix(err.Error(), "missing: ") {
		t.Errorf("missing path: %v", err)
	}
	found, err := Find([]string{"src"})
	if err != nil || strings.Join(found, " ") != "src/a.md src/in.md src/out/c.md src/sub/b.md" {
		t.Errorf("Find: %v %v", found, err)
	}
}
