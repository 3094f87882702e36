package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"handouts/internal/config"
	"handouts/internal/picture/picturetest"
)

// inputCacheTest sets up the input cache for a test: a cache folder of
// its own, the clock as now gives it, and a count of briefings read.
func inputCacheTest(t *testing.T, now func() time.Time) *atomic.Int64 {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the cache is used on Linux only")
	}
	fakes(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	oldNow, oldRead := clockNow, readSourceFile
	var reads atomic.Int64
	clockNow = now
	readSourceFile = func(it *Item) ([]byte, error) {
		reads.Add(1)
		return readSource(it)
	}
	t.Cleanup(func() { clockNow, readSourceFile = oldNow, oldRead })
	return &reads
}

// later is a clock an hour ahead: every file counts as settled.
func later() time.Time { return time.Now().Add(time.Hour) }

func cacheText(t *testing.T) string {
	t.Helper()
	real, err := filepath.EvalSymlinks("out")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(real)
	data, err := os.ReadFile(sumCachePath(abs))
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	return string(data)
}

// TestInputCacheSkipsReadingUnchangedBriefings: a rebuild with nothing
// changed reads no briefing, and says every handout is unchanged.
func TestInputCacheSkipsReadingUnchangedBriefings(t *testing.T) {
	reads := inputCacheTest(t, later)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	if n := reads.Swap(0); n != 2 {
		t.Fatalf("the first build read %d briefings, not 2", n)
	}
	abs, _ := filepath.Abs("sources/a.md")
	if !strings.Contains(cacheText(t), " "+abs+"\n") {
		t.Fatalf("the cache lacks %s:\n%s", abs, cacheText(t))
	}
	res := run(t, Options{})
	equal(t, "nothing changed", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})
	if n := reads.Swap(0); n != 0 {
		t.Errorf("a rebuild with nothing changed read %d briefings", n)
	}
	// Kept for the build after: entries used are written again.
	res = run(t, Options{})
	equal(t, "nothing changed, again", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})
	if n := reads.Swap(0); n != 0 {
		t.Errorf("the second rebuild with nothing changed read %d briefings", n)
	}
	// --force reads everything.
	run(t, Options{Force: true})
	if n := reads.Swap(0); n != 2 {
		t.Errorf("--force read %d briefings, not 2", n)
	}
}

// TestInputCacheSeesEditsThatKeepSizeAndTime: a briefing or a picture
// changed to other bytes of the same size, its modification time put
// back, is still seen as changed (its change time moved), and so is a
// briefing replaced by another file.
func TestInputCacheSeesEditsThatKeepSizeAndTime(t *testing.T) {
	reads := inputCacheTest(t, later)
	project(t, map[string]string{"sources/a.md": "alpha\n\n![A map](images/map.png)\n", "sources/b.md": "beta", "sources/c.md": "gamma", "sources/images/x.txt": ""})
	pic := filepath.Join("sources", "images", "map.png")
	if err := os.WriteFile(pic, picturetest.PNG(20, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Config: config.Default()}
	run(t, opts)
	res := run(t, opts)
	equal(t, "nothing changed", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged", "sources/c.md unchanged"})
	if n := reads.Swap(0); n != 3 {
		t.Fatalf("two builds read %d briefings, not 3", n)
	}
	if text := cacheText(t); !strings.Contains(text, "map.png\n") {
		t.Fatalf("the cache lacks the picture:\n%s", text)
	}

	sameSizeEdit := func(p string, edit func([]byte) []byte) {
		t.Helper()
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := os.ReadFile(p)
		b := edit(append([]byte(nil), old...))
		if len(b) != len(old) || string(b) == string(old) {
			t.Fatal("the edit must keep the size and change the bytes")
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, st.ModTime(), st.ModTime()); err != nil {
			t.Fatal(err)
		}
	}
	sameSizeEdit("sources/b.md", func(b []byte) []byte { return []byte(strings.ToUpper(string(b))) })
	res = run(t, opts)
	equal(t, "after an edit of b", statuses(res), []string{"sources/a.md unchanged", "sources/b.md built", "sources/c.md unchanged"})

	// The picture: one pixel's worth of the file changed, size kept.
	sameSizeEdit(pic, func(b []byte) []byte { b[len(b)-20] ^= 0xff; return b })
	res = run(t, opts)
	if got := statuses(res); got[0] != "sources/a.md built" && got[0] != "sources/a.md failed" {
		t.Errorf("after an edit of the picture: %v; a.md must be made again", got)
	}

	// c.md replaced by another file of the same size and times.
	st, _ := os.Stat("sources/c.md")
	write(t, "sources/c.new", "GAMMA")
	if err := os.Chtimes("sources/c.new", st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename("sources/c.new", "sources/c.md"); err != nil {
		t.Fatal(err)
	}
	res = run(t, opts)
	if got := statuses(res); got[2] != "sources/c.md built" {
		t.Errorf("after c.md was replaced: %v", got)
	}
}

// TestInputCacheTrustsNoFileChangedLately: a file changed at or after
// racyMargin before the build began is never recorded, since a second
// change within the same tick of the clock would keep its times.
func TestInputCacheTrustsNoFileChangedLately(t *testing.T) {
	reads := inputCacheTest(t, time.Now)
	project(t, map[string]string{"sources/a.md": "alpha"})
	run(t, Options{})
	run(t, Options{})
	if n := reads.Swap(0); n != 2 {
		t.Errorf("with a briefing just written, two builds read it %d times, not 2", n)
	}
	if strings.Contains(cacheText(t), "\nin ") || strings.HasPrefix(cacheText(t), "in ") {
		t.Errorf("a briefing just written was cached:\n%s", cacheText(t))
	}

	// At the boundary: changed exactly racyMargin before the build, not
	// recorded; a nanosecond earlier, recorded.
	st, err := os.Stat("sources/a.md")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := inStampOf(st)
	changed := time.Unix(0, s.ctime)
	clockNow = func() time.Time { return changed.Add(racyMargin) }
	run(t, Options{})
	if strings.Contains(cacheText(t), "a.md\n") {
		t.Errorf("a briefing changed within the margin was cached:\n%s", cacheText(t))
	}
	clockNow = func() time.Time { return changed.Add(racyMargin + time.Nanosecond) }
	run(t, Options{})
	if !strings.Contains(cacheText(t), "a.md\n") {
		t.Errorf("a briefing changed before the margin was not cached:\n%s", cacheText(t))
	}
	reads.Store(0)
	run(t, Options{})
	if n := reads.Load(); n != 0 {
		t.Errorf("a cached briefing was read %d times", n)
	}
}

func TestInputCacheParse(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	body := "in " + sum + " p 1 2 10 100 200 /src/old.md\n" +
		"in " + sum + " - 1 3 10 100 300 /src/racy.md\n" +
		"in " + sum + " - 1 4 10 300 100 /src/racy-mtime.md\n" +
		"in " + sum + " x 1 5 10 100 200 /src/bad-flag.md\n" +
		"in " + sum + " - 1 6 10 100 200 src/relative.md\n" +
		"in " + sum[:60] + " - 1 7 10 100 200 /src/short.md\n" +
		"in " + sum + " - 1 8 ten 100 200 /src/nan.md\n" +
		"in " + sum + " - 1 9 10 100 200 /src/with space.md\n"
	whole := sha256.Sum256([]byte(body))
	c := &sumCache{entries: map[string]sumEntry{}, ins: map[string]inEntry{}}
	c.parse([]byte(body+"end "+hex.EncodeToString(whole[:])+"\n"), 300)
	var got []string
	for k, e := range c.ins {
		got = append(got, k+" "+string(e.flag))
	}
	if len(got) != 2 || c.ins["/src/old.md"].flag != 'p' || c.ins["/src/with space.md"].stamp.ino != 9 {
		t.Errorf("entries = %v; want /src/old.md and /src/with space.md", got)
	}
}

// TestSumCacheRememberRefusesABadSum: a sum that is not hex is not
// kept, and the cache stays usable.
func TestSumCacheRememberRefusesABadSum(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache is used on Linux only")
	}
	p := filepath.Join(t.TempDir(), "a.pdf")
	write(t, p, "x")
	st, err := os.Lstat(p)
	if err != nil {
		t.Fatal(err)
	}
	c := &sumCache{entries: map[string]sumEntry{}}
	c.remember(p, st, strings.Repeat("zz", 32))
	good := strings.Repeat("ab", 32)
	c.remember(p, st, good)
	if got, ok := c.lookup(p, st); !ok || got != good {
		t.Errorf("lookup = %q, %t; want the good sum", got, ok)
	}
}

// TestInputCacheSettlesLateFilesAtTheEnd: a briefing changed just before
// a build began is not recorded when read, but at the end of the build,
// once its change is racyMargin old, it is read again and recorded, so
// the next build need not read it. One edited during the build is not.
func TestInputCacheSettlesLateFilesAtTheEnd(t *testing.T) {
	reads := inputCacheTest(t, time.Now)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	st, err := os.Stat("sources/a.md")
	if err != nil {
		t.Fatal(err)
	}
	s, _ := inStampOf(st)
	changed := time.Unix(0, s.ctime)
	// The build begins as the files are written, and ends long after.
	calls := 0
	clockNow = func() time.Time {
		if calls++; calls == 1 {
			return changed
		}
		return changed.Add(time.Hour)
	}
	run(t, Options{})
	text := cacheText(t)
	for _, name := range []string{"a.md", "b.md"} {
		if !strings.Contains(text, name+"\n") {
			t.Errorf("%s was not recorded at the end of the build:\n%s", name, text)
		}
	}
	reads.Store(0)
	clockNow = later
	res := run(t, Options{})
	equal(t, "nothing changed", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})
	if n := reads.Load(); n != 0 {
		t.Errorf("the build after read %d briefings", n)
	}

	// An edit while the build runs, after b.md was read: not recorded,
	// and the next build builds b.md again.
	write(t, "sources/b.md", "beta 2")
	time.Sleep(20 * time.Millisecond) // past the clock tick of the write
	st, _ = os.Stat("sources/b.md")
	s, _ = inStampOf(st)
	changed, calls = time.Unix(0, s.ctime), 0
	clockNow = func() time.Time {
		if calls++; calls == 1 {
			return changed
		}
		return changed.Add(time.Hour)
	}
	edited := false
	beforeRename = func(context.Context, string) error {
		if !edited {
			edited = true
			time.Sleep(20 * time.Millisecond)
			write(t, "sources/b.md", "beta 3")
			os.Chtimes("sources/b.md", st.ModTime(), st.ModTime())
		}
		return nil
	}
	run(t, Options{Jobs: 1})
	beforeRename = func(context.Context, string) error { return nil }
	if strings.Contains(cacheText(t), "b.md\n") {
		t.Errorf("b.md, edited during the build, was recorded:\n%s", cacheText(t))
	}
	clockNow = later
	res = run(t, Options{})
	equal(t, "after an edit during the build", statuses(res), []string{"sources/a.md unchanged", "sources/b.md built"})
	if got := tree(t, "out")["b.docx"]; !strings.Contains(got, "beta 3") {
		t.Errorf("b.docx = %q; want it made from the edit", got)
	}
}
