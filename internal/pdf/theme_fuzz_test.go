package pdf

import (
	"strings"
	"testing"

	"handouts/templates"
)

// FuzzParseTheme feeds the theme reader arbitrary files, over the
// built-in theme as LoadTheme does. It must never panic, and each problem
// it reports is a line naming the file.
func FuzzParseTheme(f *testing.F) {
	f.Add(templates.PDFTheme)
	f.Add([]byte("sizes:\n  bodi: 11\ncolours:\n  text: red\n"))
	f.Add([]byte("margins: &m {top: 20}\nsizes: *m\n"))
	f.Add([]byte("margins:\n  top: [1, 2]\nline-height: tall\n"))
	f.Add([]byte("sizes:\n  body: [\n"))
	f.Add([]byte("- a\n- b\n"))
	def, err := DefaultTheme()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		base := *def
		th, err := ParseTheme("theme.yaml", data, &base)
		if err == nil {
			if th == nil {
				t.Fatal("no theme and no error")
			}
			return
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "theme.yaml:") {
				t.Errorf("error line does not name the file: %q", line)
			}
		}
	})
}
