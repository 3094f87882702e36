package build

import (
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
	"handouts/internal/config"
	"handouts/internal/picture/picturetest"
)

// TestWebPagesHoldPicturesAndLogo: a briefing's picture and the logo are
// in its web page as data: addresses, the logo in the catalogue too, and
// no other file appears in OUT; changing the picture rebuilds the page.
func TestWebPagesHoldPicturesAndLogo(t *testing.T) {
	md := strings.Replace(bt.Markdown(1), "\n## ", "\n![A map of the wards](images/map.png \"width=40%\")\n\n## ", 1)
	project(t, map[string]string{"sources/a.md": md})
	png := picturetest.PNG(20, 10)
	if err := os.MkdirAll(filepath.Join("sources", "images"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	cfg.LogoPicture, cfg.LogoAlt = testLogo(t), "Example Library logo"
	o := Options{Formats: []string{"html"}, Config: cfg, Today: briefing.Date{Year: 2018, Month: 5, Day: 1}}
	res := run(t, o)
	if !res.OK() {
		t.Fatalf("not OK: %v %v", res.Diags, res.Items[0].Diags)
	}
	files := tree(t, "out")
	equal(t, "files", names(files), []string{".handouts-catalogue.json", ".handouts-manifest.json", "SHA256SUMS", "a.html", "feed.xml", "index.html"})
	page := files["a.html"]
	logo := `<img class="logo" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(cfg.LogoPicture.Data) + `" alt="Example Library logo" width="30" height="10"/>`
	for _, want := range []string{
		`<p class="picture"><img class="w40" src="data:image/png;base64,` + base64.StdEncoding.EncodeToString(png) + `" alt="A map of the wards" width="20" height="10"/></p>`,
		logo,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %.120s…", want)
		}
	}
	if !strings.Contains(files["index.html"], logo) {
		t.Error("the catalogue lacks the logo")
	}
	buildtest.CheckConsistent(t, "out")

	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), picturetest.PNG(22, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	res = run(t, o)
	equal(t, "after the picture changed", statuses(res), []string{"sources/a.md built"})
	if !strings.Contains(tree(t, "out")["a.html"], base64.StdEncoding.EncodeToString(picturetest.PNG(22, 10))) {
		t.Error("the page does not hold the new picture")
	}
}
