package pdf

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

func TestDefaultTheme(t *testing.T) {
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	if th.Sizes.Body != 10 || th.Margins.Left != 19 || th.Colours.Accent != (Colour{0x00, 0x5e, 0xb8}) || th.LineHeight != 1.3 {
		t.Errorf("default theme not read from templates/pdf/theme.yaml: %+v", th)
	}
	// LoadTheme without overrides is the default.
	if got, err := LoadTheme(""); err != nil || got != th {
		t.Errorf("LoadTheme(\"\") = %p, %v; want the default %p", got, err, th)
	}
}

// themeDir makes a templates folder holding pdf/theme.yaml.
func themeDir(t *testing.T, yaml string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pdf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pdf", "theme.yaml"), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLoadThemeOverrides(t *testing.T) {
	dir := themeDir(t, "# our look\nsizes:\n  body: 11\ncolours:\n  accent: \"#a00054\"\n")
	th, err := LoadTheme(dir)
	if err != nil {
		t.Fatal(err)
	}
	def, _ := DefaultTheme()
	if th.Sizes.Body != 11 || th.Colours.Accent != (Colour{0xa0, 0x00, 0x54}) {
		t.Errorf("overrides not applied: body %v accent %v", th.Sizes.Body, th.Colours.Accent)
	}
	if th.Sizes.Title != def.Sizes.Title || th.Margins != def.Margins {
		t.Error("keys the override leaves out do not keep the built-in values")
	}
	if def.Sizes.Body != 10 {
		t.Error("an override changed the shared default theme")
	}
	// The handout uses it: the accent colour is in the page content.
	var b bytes.Buffer
	if err := Write(&b, bt.Minimal(), Options{Theme: th}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("0.627 0.000 0.329 rg")) {
		t.Error("the theme's accent colour is not drawn")
	}

	// A templates folder without a PDF theme gives the default.
	if th, err := LoadTheme(t.TempDir()); err != nil || th != def {
		t.Errorf("templates folder without pdf/theme.yaml: %v, %v", th, err)
	}
}

func TestThemeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key with a suggestion", "sizes:\n  bodi: 11\n", []string{"theme.yaml:2: unknown key \"sizes.bodi\"; did you mean \"body\"?"}},
		{"unknown top-level key", "colors:\n  text: \"#000000\"\n", []string{"theme.yaml:1: unknown key \"colors\"; did you mean \"colours\"?"}},
		{"unknown key, no close name", "sizes:\n  zzzzzzzz: 1\n", []string{"theme.yaml:2: unknown key \"sizes.zzzzzzzz\"; the keys here are body, kind"}},
		{"bad colour", "colours:\n  text: blue\n", []string{"theme.yaml:2: colours.text: \"blue\" is not a colour"}},
		{"not a number", "line-height: tall\n", []string{"theme.yaml:1: line-height: \"tall\" is not a number"}},
		{"out of range", "\nsizes:\n  body: 300\n", []string{"theme.yaml:3: sizes.body is 300; it must be between 5 and 48"}},
		{"a list where a number goes", "margins:\n  top: [1, 2]\n", []string{"theme.yaml:2: margins.top must be a number"}},
		{"a value where a section goes", "margins: 20\n", []string{"theme.yaml:1: margins must be a set of \"key: value\" lines"}},
		{"twice", "line-height: 1.2\nline-height: 1.3\n", []string{"theme.yaml:2: line-height is given twice (first on line 1)"}},
		{"YAML syntax", "sizes:\n  body: [\n", []string{"theme.yaml:2: YAML syntax"}},
		{"binary junk", "sizes:\n  body: \x00\x01\xff\n", []string{"theme.yaml: YAML syntax: control characters are not allowed"}},
		{"every error reported", "sizes:\n  bodi: 11\ncolours:\n  text: red\n", []string{"theme.yaml:2: unknown key", "theme.yaml:4: colours.text"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadTheme(themeDir(t, tc.yaml))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestThemeFileLimits(t *testing.T) {
	big := "# " + strings.Repeat("x", MaxThemeSize) + "\n"
	if _, err := LoadTheme(themeDir(t, big)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a theme over %d bytes: %v", MaxThemeSize, err)
	}
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "pdf", "theme.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTheme(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("a folder named theme.yaml: %v", err)
	}
	// An empty file or only comments: the default.
	for _, y := range []string{"", "# nothing yet\n"} {
		if _, err := LoadTheme(themeDir(t, y)); err != nil {
			t.Errorf("theme %q: %v", y, err)
		}
	}
}

// LoadThemeFile gives the SHA-256 of the theme file it read, so that a
// build records the theme it rendered with; zero where there is none.
func TestLoadThemeFileSum(t *testing.T) {
	dir := t.TempDir()
	if _, sum, err := LoadThemeFile(dir); err != nil || sum != ([32]byte{}) {
		t.Errorf("no theme file: sum %x, %v", sum, err)
	}
	if _, sum, err := LoadThemeFile(""); err != nil || sum != ([32]byte{}) {
		t.Errorf("no templates folder: sum %x, %v", sum, err)
	}
	p := filepath.Join(dir, filepath.FromSlash(ThemeFile))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"", "line-height: 1.4\n"} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		th, sum, err := LoadThemeFile(dir)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		if want := sha256.Sum256([]byte(text)); sum != want {
			t.Errorf("%q: sum %x, want %x", text, sum, want)
		}
		if text != "" && th.LineHeight != 1.4 {
			t.Errorf("%q: line height %v", text, th.LineHeight)
		}
	}
}
