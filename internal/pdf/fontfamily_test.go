package pdf

import (
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
)

func TestThemeFontFamily(t *testing.T) {
	def, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	if def.Fonts.Text != FamilySans || def.Fonts.Code != FamilyMono {
		t.Errorf("default fonts %+v", def.Fonts)
	}
	tests := []struct{ yaml, want string }{
		{"fonts:\n  text: Liberation-Serif\n", ""},
		{"fonts:\n  text: liberation-serf\n", `theme.yaml:2: fonts.text: unknown font family "liberation-serf"; did you mean "liberation-serif"?`},
		{"fonts:\n  text: comic sans\n", `theme.yaml:2: fonts.text: unknown font family "comic sans"; the families are liberation-sans, liberation-serif`},
		{"fonts:\n  code: liberation-sans\n", `theme.yaml:2: fonts.code: unknown font family "liberation-sans"; did you mean "liberation-mono"?`},
		{"fonts:\n  text: [a]\n", `theme.yaml:2: fonts.text must be a font family such as liberation-serif`},
	}
	for _, tt := range tests {
		base := *def
		_, err := ParseTheme("theme.yaml", []byte(tt.yaml), &base)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.yaml, got, tt.want)
		}
	}
}

// A serif theme embeds Liberation Serif for the text, and Liberation Mono
// still for code; the default embeds no serif face.
func TestInteropSerifFonts(t *testing.T) {
	extprog.Need(t, "pdffonts")
	serif := serifTheme(t)
	dir := t.TempDir()
	out := string(extprog.Run(t, dir, "pdffonts", writePDF(t, dir, "serif", bt.Rich(), Options{Theme: serif})))
	for _, want := range []string{"+LiberationSerif ", "+LiberationSerif-Bold ", "+LiberationSerif-Italic ", "+LiberationMono "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in:\n%s", strings.TrimSpace(want), out)
		}
	}
	if strings.Contains(out, "LiberationSans") {
		t.Errorf("Liberation Sans embedded in a serif handout:\n%s", out)
	}
	everyFontMapped(t, out)
	out = string(extprog.Run(t, dir, "pdffonts", writePDF(t, dir, "sans", bt.Rich(), Options{})))
	if strings.Contains(out, "Serif") {
		t.Errorf("a serif face in the default handout:\n%s", out)
	}
	everyFontMapped(t, out)
}

// everyFontMapped checks pdffonts' listing: every font embedded, a
// subset, and with a ToUnicode map, so that its text can be copied,
// searched and read aloud.
func everyFontMapped(t *testing.T, pdffonts string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(pdffonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts listed:\n%s", pdffonts)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		if len(f) < 6 || strings.Join(f[len(f)-5:len(f)-2], " ") != "yes yes yes" {
			t.Errorf("not embedded, subset and mapped to Unicode: %s", l)
		}
	}
}

// serifTheme is the default theme with its text in Liberation Serif.
func serifTheme(t *testing.T) *Theme {
	t.Helper()
	def, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	serif := *def
	if _, err := ParseTheme("theme.yaml", []byte("fonts:\n  text: liberation-serif\n"), &serif); err != nil {
		t.Fatal(err)
	}
	return &serif
}
