package build

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"handouts/internal/config"
)

// Only the files of a templates folder that a build uses count: a file
// it does not use is neither read nor hashed, however large, and no link
// out of the folder is followed.
func TestTemplatesFolderIsReadOnlyWhereUsed(t *testing.T) {
	fakes(t)
	dir := project(t, map[string]string{"sources/a.md": "alpha", "templates/pdf/theme.yaml": "line-height: 1.3\n"})
	cfg := config.Default()
	cfg.Templates = "templates"
	opts := Options{Config: cfg}
	run(t, opts)

	// A 3 GB file (sparse: it takes no room) next to the theme, and a
	// link to a large folder outside.
	big, err := os.Create(filepath.Join(dir, "templates/pdf/huge.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if err := big.Truncate(3 << 30); err != nil {
		t.Fatal(err)
	}
	big.Close()
	if err := os.Symlink("/usr", filepath.Join(dir, "templates/pdf/usr")); err != nil {
		t.Fatal(err)
	}
	write(t, "templates/docx/notes.txt", "not a template")
	res := run(t, opts)
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged"})
	if len(res.Diags) != 0 {
		t.Errorf("diagnostics: %v", res.Diags)
	}
}

func TestTemplatesLinkOutIsRefused(t *testing.T) {
	cases := map[string]func(t *testing.T, outside string){
		"theme is a link out": func(t *testing.T, outside string) {
			write(t, filepath.Join(outside, "theme.yaml"), "line-height: 1.3\n")
			os.MkdirAll("templates/pdf", 0o755)
			if err := os.Symlink(filepath.Join(outside, "theme.yaml"), "templates/pdf/theme.yaml"); err != nil {
				t.Fatal(err)
			}
		},
		"pdf folder is a link out": func(t *testing.T, outside string) {
			write(t, filepath.Join(outside, "theme.yaml"), "line-height: 1.3\n")
			os.MkdirAll("templates", 0o755)
			if err := os.Symlink(outside, "templates/pdf"); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, plant := range cases {
		t.Run(name, func(t *testing.T) {
			fakes(t)
			outside := t.TempDir()
			project(t, map[string]string{"sources/a.md": "alpha"})
			plant(t, outside)
			cfg := config.Default()
			cfg.Templates = "templates"
			_, err := Run(t.Context(), Options{Config: cfg})
			var be *Error
			want := "templates/pdf/theme.yaml: cannot read the PDF theme: a symbolic link out of the templates folder; not followed"
			if !errors.As(err, &be) || be.Error() != want {
				t.Errorf("err = %v\nwant %s", err, want)
			}
		})
	}
	// A link inside the folder is fine.
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "templates/shared/theme.yaml": "line-height: 1.3\n"})
	os.MkdirAll("templates/pdf", 0o755)
	if err := os.Symlink("../shared/theme.yaml", "templates/pdf/theme.yaml"); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Templates = "templates"
	res := run(t, Options{Config: cfg})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
}

func TestReferenceInTemplatesLinkOutIsRefused(t *testing.T) {
	fakes(t)
	outside := t.TempDir()
	project(t, map[string]string{"sources/a.md": "alpha"})
	write(t, filepath.Join(outside, "r.docx"), "x")
	os.MkdirAll("templates/docx", 0o755)
	if err := os.Symlink(filepath.Join(outside, "r.docx"), "templates/docx/reference.docx"); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.Templates = "templates"
	_, err := Run(t.Context(), Options{Config: cfg})
	want := "templates/docx/reference.docx: cannot read the reference document: a symbolic link out of the templates folder; not followed"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
