package build

import (
	"os"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
)

// asDraft marks a briefing's Markdown "draft: true".
func asDraft(md string) string { return strings.Replace(md, "---\n", "---\ndraft: true\n", 1) }

// listed reports whether the catalogue and the feed name briefing b.
func listed(t *testing.T) (catalogue, feed bool) {
	t.Helper()
	files := tree(t, "out")
	return strings.Contains(files["index.html"], `href="b.html"`), strings.Contains(files["feed.xml"], "b.html")
}

// TestDraftsAreNeverListed: a draft is in neither the catalogue nor the
// feed, whether left out, built with --drafts, or kept from when it was
// published; it is listed again once it is no longer a draft.
func TestDraftsAreNeverListed(t *testing.T) {
	project(t, map[string]string{"sources/a.md": bt.Markdown(1), "sources/b.md": asDraft(bt.Markdown(2))})
	may := briefing.Date{Year: 2018, Month: 5, Day: 1}
	o := webOptions(may)
	check := func(step string, want bool) {
		t.Helper()
		cat, feed := listed(t)
		if cat != want || feed != want {
			t.Errorf("%s: b listed in the catalogue %v and the feed %v; want %v", step, cat, feed, want)
		}
		if files := tree(t, "out"); !strings.Contains(files["index.html"], `href="a.html"`) || !strings.Contains(files["feed.xml"], "a.html") {
			t.Errorf("%s: a is not listed", step)
		}
		buildtest.CheckConsistent(t, "out")
	}

	res := run(t, o)
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md draft"})
	check("a draft left out", false)

	o.Drafts = true
	res = run(t, o)
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged", "sources/b.md built"})
	if _, ok := tree(t, "out")["b.html"]; !ok {
		t.Fatal("--drafts did not build the draft's page")
	}
	check("a draft built with --drafts", false)

	o.Drafts = false
	run(t, o)
	check("a draft's page from a --drafts build", false)
	// The same with the catalogue's cache lost: the entry is read again.
	if err := os.Remove("out/" + EntriesName); err != nil {
		t.Fatal(err)
	}
	run(t, o)
	check("a draft's page from a --drafts build, no cache", false)

	write(t, "sources/b.md", bt.Markdown(2))
	run(t, o)
	check("published", true)

	write(t, "sources/b.md", asDraft(bt.Markdown(2)))
	res = run(t, o)
	equal(t, "statuses", statuses(res), []string{"sources/a.md unchanged", "sources/b.md draft"})
	if _, ok := tree(t, "out")["b.html"]; !ok {
		t.Fatal("the page of a briefing made a draft again was not kept")
	}
	check("a published briefing made a draft again", false)
}
