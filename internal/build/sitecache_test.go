package build

import (
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/config"
)

// countEntryLoads counts the reads of the catalogue entries kept.
func countEntryLoads(t *testing.T) *atomic.Int32 {
	t.Helper()
	n := new(atomic.Int32)
	old := loadEntriesFile
	loadEntriesFile = func(out string) map[string]cachedEntry {
		n.Add(1)
		return old(out)
	}
	t.Cleanup(func() { loadEntriesFile = old })
	return n
}

// TestSiteKeptWhenNothingChanged: a rebuild with nothing changed keeps
// the catalogue, the feed and the entries file without reading the
// entries or making the pages; a change to anything they are made from,
// or to any of the three files, makes them again as before.
func TestSiteKeptWhenNothingChanged(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache is used on Linux only")
	}
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	project(t, map[string]string{"sources/a.md": bt.Markdown(1), "sources/b.md": bt.Markdown(2)})
	may := briefing.Date{Year: 2018, Month: 5, Day: 1}
	loads := countEntryLoads(t)
	settle := func() { time.Sleep(20 * time.Millisecond) } // past the clock tick of the writes
	run(t, webOptions(may))
	settle()
	run(t, webOptions(may))
	settle()
	files := tree(t, "out")
	loads.Store(0)
	res := run(t, webOptions(may))
	equal(t, "site", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})
	if n := loads.Load(); n != 0 {
		t.Errorf("with nothing changed the entries were read %d times", n)
	}
	if got := tree(t, "out"); !sameTree(got, files) {
		t.Error("an unchanged build changed the output folder")
	}
	if !res.OK() {
		t.Errorf("not OK: %v", res.Diags)
	}

	// Another date: review states may differ, so the pages are made.
	loads.Store(0)
	res = run(t, webOptions(briefing.Date{Year: 2030, Month: 1, Day: 1}))
	if n := loads.Load(); n != 1 {
		t.Errorf("on another date the entries were read %d times, not once", n)
	}
	equal(t, "site on another date", siteStatuses(res), []string{"index.html built", "feed.xml unchanged"})
	if strings.Contains(tree(t, "out")["index.html"], "up to date") {
		t.Error("the catalogue still says a briefing is up to date in 2030")
	}
	run(t, webOptions(may))
	settle()

	// Another site title.
	cfg := config.Default()
	cfg.SiteTitle = "Our briefings"
	o := webOptions(may)
	o.Config = cfg
	res = run(t, o)
	equal(t, "site with a new title", siteStatuses(res), []string{"index.html built", "feed.xml built"})
	run(t, webOptions(may))
	settle()
	run(t, webOptions(may))
	settle()

	// The catalogue changed by hand, same size and time: reported, kept.
	st, _ := os.Stat("out/index.html")
	old, _ := os.ReadFile("out/index.html")
	edited := strings.Replace(string(old), "<main>", "<MAIN>", 1)
	if edited == string(old) {
		t.Fatal("test edit changed nothing")
	}
	write(t, "out/index.html", edited)
	os.Chtimes("out/index.html", st.ModTime(), st.ModTime())
	res = run(t, webOptions(may))
	equal(t, "site after an edit by hand", siteStatuses(res), []string{"index.html modified", "feed.xml unchanged"})
	if b, _ := os.ReadFile("out/index.html"); string(b) != edited {
		t.Error("a catalogue changed by hand was overwritten")
	}
	run(t, Options{Formats: []string{"docx", "pdf", "html"}, Today: may, Force: true})
	settle()
	run(t, webOptions(may))
	settle()

	// The entries file changed: read again.
	ent, _ := os.ReadFile("out/" + EntriesName)
	write(t, "out/"+EntriesName, string(ent))
	loads.Store(0)
	res = run(t, webOptions(may))
	if n := loads.Load(); n != 1 {
		t.Errorf("after the entries file was written the entries were read %d times, not once", n)
	}
	equal(t, "site after the entries file was written", siteStatuses(res), []string{"index.html unchanged", "feed.xml unchanged"})

	// A briefing gone: made again without it.
	settle()
	if err := os.Remove("sources/b.md"); err != nil {
		t.Fatal(err)
	}
	res = run(t, webOptions(may))
	equal(t, "site without b", siteStatuses(res), []string{"index.html built", "feed.xml built"})
	if strings.Contains(tree(t, "out")["index.html"], "Briefing 2") {
		t.Error("the catalogue still lists a briefing removed")
	}
}
