package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/extprog"
)

// TestGlyphs checks the characters the fonts lack are reported with
// their line, name and code point, and only those: a tick and a Chinese
// word are errors; arrows, Greek, Cyrillic and Welsh print.
func TestGlyphs(t *testing.T) {
	path := filepath.Join("testdata", "glyphs", "scripts.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, diags := briefing.Parse("scripts.md", src, briefing.Options{})
	if diags.HasErrors() {
		t.Fatalf("the briefing does not parse: %v", diags)
	}
	var got []string
	for _, g := range Glyphs(d, src, nil) {
		got = append(got, g.String())
	}
	want := []string{
		`scripts.md:13: "✓" (U+2713 CHECK MARK) is not in the PDF handout's fonts and would print as an empty box; write it another way ("yes" for a tick, a transliteration) or leave it out`,
		`scripts.md:19: "图" (U+56FE CJK UNIFIED IDEOGRAPH-56FE), "书" (U+4E66 CJK UNIFIED IDEOGRAPH-4E66), "馆" (U+9986 CJK UNIFIED IDEOGRAPH-9986) are not in the PDF handout's fonts and would print as an empty box; write it another way ("yes" for a tick, a transliteration) or leave it out`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Without them, nothing is reported, and the other scripts print and
	// copy as written.
	src2 := strings.NewReplacer("Done ✓", "Done", "A word in Chinese: 图书馆.", "No Chinese.").Replace(string(src))
	d, _ = briefing.Parse("scripts.md", []byte(src2), briefing.Options{})
	if g := Glyphs(d, []byte(src2), nil); len(g) != 0 {
		t.Errorf("reported without a missing character: %v", g)
	}
	checkTagged(t, pdfOf(t, d, Options{}), d, []string{"L", "LI"})
	extprog.Need(t, "pdftotext")
	dir := t.TempDir()
	p := writePDF(t, dir, "scripts", d, Options{})
	text := string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", p, "-"))
	for _, w := range []string{"next → later", "αβγ Ελληνικά", "Кириллица", "Croeso i’r llyfrgell, ŵ ŷ â"} {
		if !strings.Contains(text, w) {
			t.Errorf("the PDF's text lacks %q:\n%s", w, text)
		}
	}
}

// A serif theme's text is checked against Liberation Serif: a character
// Liberation Sans has and Liberation Serif lacks (☿, MERCURY) prints in
// the default theme and is reported in the serif one.
func TestGlyphsFollowTheTheme(t *testing.T) {
	path := filepath.Join("testdata", "glyphs", "scripts.md")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src = []byte(strings.NewReplacer("Done ✓", "Done ☿", "A word in Chinese: 图书馆.", "No Chinese.").Replace(string(src)))
	d, diags := briefing.Parse("scripts.md", src, briefing.Options{})
	if diags.HasErrors() {
		t.Fatalf("the briefing does not parse: %v", diags)
	}
	if g := Glyphs(d, src, nil); len(g) != 0 {
		t.Errorf("default theme: reported %v", g)
	}
	serif := serifTheme(t)
	g := Glyphs(d, src, serif)
	if len(g) != 1 || g[0].Line != 13 || !strings.Contains(g[0].Message, `"☿" (U+263F MERCURY)`) {
		t.Errorf("serif theme: got %v", g)
	}
}
