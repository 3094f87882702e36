package briefing

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// samePictures checks that pictureUses finds the pictures parse finds.
func samePictures(t *testing.T, name string, src []byte) int {
	t.Helper()
	_, _, uses := parse(name, src, Options{NoPictures: true})
	var want, got []string
	for _, u := range uses {
		want = append(want, u.Image.URL)
	}
	for _, u := range pictureUses(name, src) {
		got = append(got, u.Image.URL)
	}
	if !slices.Equal(got, want) {
		t.Errorf("%s: pictureUses found %q, parse %q", name, got, want)
	}
	// A build takes the addresses from a parsed document in place of
	// PictureURLs: they must be the same.
	if doc, _ := Parse(name, src, Options{NoPictures: true}); doc != nil {
		if urls := PictureURLs(name, src, ""); !slices.Equal(doc.PictureURLs, urls) {
			t.Errorf("%s: the document's picture addresses %q, PictureURLs %q", name, doc.PictureURLs, urls)
		}
	}
	return len(want)
}

func TestPictureUsesAsParse(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.md"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "sources", "*.md"))
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("only %d briefings found to compare", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		samePictures(t, f, src)
	}
	pics := "\n![A map](images/map.png)\n\n```\n![In code](images/code.png)\n```\n\n![Far](https://example.org/c.png) ![Two](two.jpg)\n"
	cases := map[string]string{
		"pictures":             policyFront + policyBody + pics,
		"in the front matter":  strings.Replace(policyFront, "---\n", "---\nnote: \"![x](front.png)\"\n", 1) + policyBody + pics,
		"bad front matter":     "---\ntitle: [unclosed\n---\n" + policyBody + pics,
		"no front matter":      policyBody + pics,
		"unclosed front":       "---\ntitle: x\n" + pics,
		"byte order mark":      "\ufeff" + policyFront + policyBody + pics,
		"carriage returns":     strings.ReplaceAll(policyFront+policyBody+pics, "\n", "\r\n"),
		"too deep to parse":    policyFront + strings.Repeat("> ", 200) + "x\n" + pics,
		"in a footnote":        policyFront + policyBody + "a[^1]\n\n[^1]: ![Note](note.png)\n",
		"in a link":            policyFront + policyBody + "[![Badge](badge.png)](https://example.org)\n",
		"over fifty":           policyFront + policyBody + strings.Repeat("![P](p.png)\n\n", 60),
		"UTF-16":               "\xff\xfe-\x00-\x00-\x00",
		"over the size limit":  policyFront + strings.Repeat("![P](p.png) ", MaxFileSize/10),
		"control characters":   policyFront + policyBody + "\x00\x07![Ctl](ctl.png)\n",
		"escaped address":      policyFront + policyBody + `![Esc](images/a\_b.png)` + "\n",
		"reference definition": policyFront + policyBody + "![Ref][r]\n\n[r]: ref.png\n",
	}
	for name, src := range cases {
		n := samePictures(t, name, []byte(src))
		if name == "pictures" && n != 2 {
			t.Errorf("%s: parse found %d pictures, want 2", name, n)
		}
	}
}

// BenchmarkPictureURLs measures finding the pictures of a briefing that
// shows one, as a build does before parsing it.
func BenchmarkPictureURLs(b *testing.B) {
	src := []byte(benchBriefing + "\n![A chart of the three approaches](images/chart.png)\n")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if len(PictureURLs("bench.md", src, "")) != 1 {
			b.Fatal("picture not found")
		}
	}
}
