package build

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"handouts/internal/config"
	"handouts/internal/picture/picturetest"
)

// TestSumCacheNeverHidesAnEditByHand builds, lets the cache be written,
// then changes a handout by hand to other bytes of the same size and
// puts its modification time back: the next build must still call it
// changed (its change time moved) and leave it alone. A damaged cache
// must change nothing either.
func TestSumCacheNeverHidesAnEditByHand(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache is used on Linux only")
	}
	fakes(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	time.Sleep(20 * time.Millisecond) // past the clock tick of the writes
	run(t, Options{})                 // hashes again (racy entries), writes a trusted cache

	real, err := filepath.EvalSymlinks("out")
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs(real)
	cache := sumCachePath(abs)
	data, err := os.ReadFile(cache)
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	for _, name := range []string{"a.docx", "a.pdf", "b.docx", "b.pdf"} {
		if !strings.Contains(string(data), " "+name+"\n") {
			t.Errorf("the cache lacks %s:\n%s", name, data)
		}
	}
	if entries, _ := os.ReadDir("out"); len(entries) != 6 {
		t.Errorf("%d files in out; the cache must not be one of them", len(entries))
	}

	st, err := os.Stat("out/a.docx")
	if err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile("out/a.docx")
	edited := []byte(strings.ToUpper(string(old)))
	if len(edited) != len(old) || string(edited) == string(old) {
		t.Fatal("test edit must keep the size and change the bytes")
	}
	if err := os.WriteFile("out/a.docx", edited, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes("out/a.docx", st.ModTime(), st.ModTime()); err != nil {
		t.Fatal(err)
	}
	res := run(t, Options{})
	equal(t, "after an edit by hand", statuses(res), []string{"sources/a.md modified", "sources/b.md unchanged"})

	// A damaged cache: every line claims other sums.
	bad := strings.ReplaceAll(string(data), "a", "b")
	if err := os.WriteFile(cache, []byte(bad+"garbage line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	res = run(t, Options{})
	equal(t, "with a damaged cache", statuses(res), []string{"sources/a.md modified", "sources/b.md unchanged"})
	if b, _ := os.ReadFile(cache); string(b) == bad+"garbage line\n" {
		t.Error("a damaged cache was not replaced")
	}
	if b, _ := os.ReadFile("out/a.docx"); string(b) != string(edited) {
		t.Error("a handout changed by hand was overwritten")
	}
}

func TestSumCacheParseKeepsOnlyOlderEntries(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	body := sum + " 1 10 100 200 old.pdf\n" +
		sum + " 2 10 100 300 racy.pdf\n" +
		sum + " 3 10 100 x bad.pdf\n" +
		"short 4 10 100 200 short.pdf\n" +
		sum + " 5 10 100 200 ../escape.pdf\n"
	whole := sha256.Sum256([]byte(body))
	c := &sumCache{entries: map[string]sumEntry{}}
	c.parse([]byte(body+"end "+hex.EncodeToString(whole[:])+"\n"), 300)
	if _, ok := c.entries["old.pdf"]; !ok || len(c.entries) != 1 {
		t.Errorf("entries = %v; want old.pdf only", c.entries)
	}
	for _, damaged := range []string{body, body + "end 00\n", body[1:] + "end " + hex.EncodeToString(whole[:]) + "\n"} {
		c := &sumCache{entries: map[string]sumEntry{}}
		c.parse([]byte(damaged), 300)
		if len(c.entries) != 0 {
			t.Errorf("a damaged cache gave entries %v", c.entries)
		}
	}
}

// TestSumCacheKeepsPictureAddressesNotPictures: the addresses a
// briefing's pictures are found at are kept, but a picture just
// written is read every time, so changing one still rebuilds its
// briefing (see also TestInputCacheSeesEditsThatKeepSizeAndTime).
func TestSumCacheKeepsPictureAddressesNotPictures(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the cache is used on Linux only")
	}
	fakes(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	project(t, map[string]string{"sources/a.md": "alpha\n\n![A map](images/map.png)\n", "sources/b.md": "beta", "sources/images/x.txt": ""})
	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), picturetest.PNG(20, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Config: config.Default()}
	run(t, opts)
	abs, _ := filepath.Abs("out")
	data, err := os.ReadFile(sumCachePath(abs))
	if err != nil || !strings.Contains(string(data), "pics ") || !strings.Contains(string(data), `["images/map.png"]`) {
		t.Fatalf("the cache does not keep the picture's address (%v):\n%s", err, data)
	}
	res := run(t, opts)
	equal(t, "unchanged", statuses(res), []string{"sources/a.md unchanged", "sources/b.md unchanged"})
	if err := os.WriteFile(filepath.Join("sources", "images", "map.png"), picturetest.PNG(21, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	res = run(t, opts)
	equal(t, "after the picture changed", statuses(res), []string{"sources/a.md built", "sources/b.md unchanged"})
}
