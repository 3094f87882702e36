package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
	"handouts/internal/config"
)

// siteStatuses lists "file status" for the catalogue and the feed.
func siteStatuses(res *Result) []string {
	var out []string
	for _, o := range res.Site {
		out = append(out, o.Name+" "+string(o.Status))
	}
	return out
}

func webOptions(today briefing.Date) Options {
	return Options{Formats: []string{"docx", "pdf", "html"}, Today: today}
}

func TestWebPagesCatalogueAndFeedAreBuiltIncrementally(t *testing.T) {
	project(t, map[string]string{"sources/a.md": bt.Markdown(1), "sources/b.md": bt.Markdown(2)})
	may := briefing.Date{Year: 2018, Month: 5, Day: 1}
	res := run(t, webOptions(may))
	if !res.OK() {
		t.Fatalf("not OK: %v %v", res.Diags, res.Items[0].Diags)
	}
	equal(t, "site", siteStatuses(res), []string{"index.html built", "feed.xml built"})
	files := tree(t, "out")
	equal(t, "files", names(files), []string{
		".handouts-catalogue.json", ".handouts-manifest.json", "SHA256SUMS",
		"a.docx", "a.html", "a.pdf", "b.docx", "b.html", "b.pdf", "feed.xml", "index.html",
	})
	for _, want := range []string{"  index.html\n", "  feed.xml\n", "  a.html\n"} {
		if !strings.Contains(files["SHA256SUMS"], want) {
			t.Errorf("SHA256SUMS lacks%s", want)
		}
	}
	if !strings.Contains(files["a.html"], `href="a.docx"`) || !strings.Contains(files["a.html"], `href="a.pdf"`) {
		t.Error("a page does not link to its Word and PDF handouts")
	}
	if !strings.Contains(files["index.html"], "Briefing 1 on integrated care") || !strings.Contains(files["index.html"], "up to date") {
		t.Error("the catalogue lacks a briefing or its review state")
	}
	if !strings.Contains(string(res.JSON()), `"file": "out/index.html"`) {
		t.Error("the JSON does not report the catalogue")
	}
	buildtest.CheckConsistent(t, "out")

	// Nothing changed: nothing parsed, nothing written.
	parsed := countParses(t)
	res = run(t, webOptions(may))
	equal(t, "site again", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})
	if n := parsed.Load(); n != 0 {
		t.Errorf("parsed %d briefings", n)
	}
	if got := tree(t, "out"); !sameTree(got, files) {
		t.Error("an unchanged build changed the output folder")
	}

	// A change to the body only: its page is rebuilt, the catalogue and
	// feed are not rewritten.
	write(t, "sources/b.md", bt.Markdown(2)+"\nOne more sentence.\n")
	res = run(t, webOptions(may))
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged", "sources/b.md built"})
	equal(t, "site after a body edit", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})

	// A new title is a new entry: both are rewritten.
	write(t, "sources/b.md", strings.Replace(bt.Markdown(2), "title: Briefing 2", "title: Briefing two", 1))
	res = run(t, webOptions(may))
	equal(t, "site after a new title", siteStatuses(res), []string{"index.html built", "feed.xml built"})
	if !strings.Contains(tree(t, "out")["feed.xml"], "Briefing two on integrated care") {
		t.Error("the feed lacks the new title")
	}

	// Another day: only a change of review state rewrites the catalogue.
	res = run(t, webOptions(briefing.Date{Year: 2018, Month: 5, Day: 2}))
	equal(t, "next day", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})
	res = run(t, webOptions(briefing.Date{Year: 2019, Month: 3, Day: 10}))
	equal(t, "review due", siteStatuses(res), []string{"index.html built", "feed.xml unchanged"})
	if !strings.Contains(tree(t, "out")["index.html"], "due for review soon") {
		t.Error("the catalogue does not say the briefings are due")
	}

	// Without its kept entries the build reads the briefings again, and
	// makes the same pages.
	before := tree(t, "out")
	os.Remove(filepath.Join("out", EntriesName))
	parsed = countParses(t)
	res = run(t, webOptions(briefing.Date{Year: 2019, Month: 3, Day: 10}))
	equal(t, "without the kept entries", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})
	if n := parsed.Load(); n != 2 {
		t.Errorf("parsed %d briefings; want 2", n)
	}
	if got := tree(t, "out"); !sameTree(got, before) {
		t.Error("the pages differ when made from the briefings again")
	}

	// A deleted briefing: --prune removes its page and the catalogue
	// drops it.
	os.Remove("sources/a.md")
	o := webOptions(may)
	o.Prune = true
	res = run(t, o)
	files = tree(t, "out")
	if _, ok := files["a.html"]; ok {
		t.Error("--prune left a.html")
	}
	if strings.Contains(files["index.html"], "Briefing 1 ") || strings.Contains(files["feed.xml"], "Briefing 1 ") {
		t.Error("the catalogue or feed still lists the deleted briefing")
	}
	buildtest.CheckConsistent(t, "out")

	// A build without html leaves the catalogue and feed in place, in the
	// manifest and SHA256SUMS, and --prune does not take them.
	res = run(t, Options{Formats: []string{"docx"}, Prune: true})
	files = tree(t, "out")
	if _, ok := files["index.html"]; !ok || !strings.Contains(files["SHA256SUMS"], "  feed.xml\n") || len(res.Site) != 0 {
		t.Error("a docx build dropped the catalogue or feed")
	}
	buildtest.CheckConsistent(t, "out")
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestCatalogueChangedByHandIsNotOverwritten(t *testing.T) {
	project(t, map[string]string{"sources/a.md": bt.Markdown(1)})
	o := Options{Formats: []string{"html"}}
	run(t, o)
	write(t, "out/index.html", "my own page")
	write(t, "sources/a.md", strings.Replace(bt.Markdown(1), "title: Briefing 1", "title: Briefing one", 1))
	res := run(t, o)
	equal(t, "site", siteStatuses(res), []string{"index.html modified", "feed.xml built"})
	if res.OK() || !strings.Contains(fmt.Sprint(res.Diags), "out/index.html: changed since handouts wrote it") {
		t.Errorf("no error for the changed catalogue: %v", res.Diags)
	}
	if tree(t, "out")["index.html"] != "my own page" {
		t.Error("overwritten")
	}
	if strings.Contains(tree(t, "out")[SumsName], "index.html") {
		t.Error("SHA256SUMS vouches for a catalogue changed by hand")
	}
	res = run(t, o)
	equal(t, "site, built again", siteStatuses(res), []string{"index.html modified", "feed.xml unchanged"})
	o.Force = true
	res = run(t, o)
	equal(t, "site with --force", siteStatuses(res), []string{"index.html built", "feed.xml unchanged"})
	if !res.OK() {
		t.Errorf("not OK: %v", res.Diags)
	}
	buildtest.CheckConsistent(t, "out")
	// A page only links to the formats built with it.
	if strings.Contains(tree(t, "out")["a.html"], "a.docx") {
		t.Error("the page links to a Word handout not built")
	}
}

func TestCatalogueFromConfig(t *testing.T) {
	project(t, map[string]string{"sources/a.md": bt.Markdown(1)})
	cfg := config.Default()
	cfg.SiteURL = "https://library.example.org/b/"
	cfg.SiteTitle = "Hot topics of the library"
	res := run(t, Options{Formats: []string{"html"}, Config: cfg})
	files := tree(t, "out")
	if !strings.Contains(files["feed.xml"], "<id>https://library.example.org/b/a.html</id>") ||
		!strings.Contains(files["index.html"], "<h1>Hot topics of the library</h1>") {
		t.Errorf("the config's site address or title is not used:\n%s", files["feed.xml"])
	}
	// Two builds in two folders give the same bytes.
	o := Options{Formats: []string{"html"}, Config: cfg, Out: "again"}
	run(t, o)
	if !bytes.Equal([]byte(tree(t, "again")["feed.xml"]), []byte(files["feed.xml"])) || tree(t, "again")["index.html"] != files["index.html"] {
		t.Error("two builds differ")
	}
	_ = res
}

// TestBadBriefingKeepsItsEntry: a briefing that breaks keeps its last
// good page, reported stale, and its entry in the catalogue.
func TestBadBriefingKeepsItsEntry(t *testing.T) {
	project(t, map[string]string{"sources/a.md": bt.Markdown(1), "sources/b.md": bt.Markdown(2)})
	o := Options{Formats: []string{"html"}}
	run(t, o)
	index := tree(t, "out")["index.html"]
	write(t, "sources/b.md", "no front matter\n")
	res := run(t, o)
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged", "sources/b.md stale"})
	equal(t, "site", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})
	if tree(t, "out")["index.html"] != index {
		t.Error("the catalogue changed")
	}
}

func TestLowContrastThemeIsWarnedOf(t *testing.T) {
	project(t, map[string]string{
		"sources/a.md":             bt.Markdown(1),
		"templates/pdf/theme.yaml": "colours:\n  muted: \"#aaaaaa\"\n",
	})
	cfg := config.Default()
	cfg.Templates = "templates"
	res := run(t, Options{Formats: []string{"html"}, Config: cfg})
	if got := fmt.Sprint(res.Diags); !strings.Contains(got, "templates/pdf/theme.yaml: warning: colour muted #aaaaaa on white #ffffff has a contrast of 2.3:1") {
		t.Errorf("no warning of the muted colour: %s", got)
	}
	if !res.OK() {
		t.Error("a warning failed the build")
	}
	if !strings.Contains(tree(t, "out")["a.html"], "color:#aaaaaa") {
		t.Error("the page does not use the theme's colour")
	}
	res = run(t, Options{Formats: []string{"pdf"}, Config: cfg})
	if len(res.Diags) != 0 {
		t.Errorf("a PDF build warns of web contrast: %v", res.Diags)
	}
}

// A briefing read again for its catalogue entry must still be the file
// listed: a link to a file outside, swapped in after it was found
// unchanged, is not followed into the catalogue.
func TestCatalogueDoesNotFollowALinkSwappedIn(t *testing.T) {
	dir := project(t, map[string]string{"sources/a.md": bt.Markdown(1), "sources/b.md": bt.Markdown(2),
		"secret.md": strings.Replace(bt.Markdown(3), "title: Briefing 3", "title: SECRET", 1)})
	may := briefing.Date{Year: 2018, Month: 5, Day: 1}
	if res := run(t, webOptions(may)); !res.OK() {
		t.Fatalf("not OK: %v", res.Diags)
	}
	// Without the kept entries the catalogue reads the briefings again.
	if err := os.Remove(filepath.Join("out", EntriesName)); err != nil {
		t.Fatal(err)
	}
	o := webOptions(may)
	o.Observe = func(ev Event) {
		if ev.Kind == Finished && ev.Item.Source == "sources/a.md" {
			os.Remove("sources/a.md")
			if err := os.Symlink(filepath.Join(dir, "secret.md"), "sources/a.md"); err != nil {
				t.Skipf("symbolic links: %v", err)
			}
		}
	}
	res := run(t, o)
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})
	index, err := os.ReadFile("out/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(index, []byte("SECRET")) {
		t.Error("the catalogue lists the file the link points to")
	}
	if !bytes.Contains(index, []byte("Briefing 2")) {
		t.Error("the catalogue lost the briefing that was not swapped")
	}
}
