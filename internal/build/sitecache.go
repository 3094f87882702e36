package build

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"handouts/internal/manifest"
)

// With nothing changed, making the catalogue and the feed again only to
// find them the same, from the catalogue entries read back from
// EntriesName, was a quarter of a rebuild of a big library. So the
// checksum cache (sumcache.go) also keeps a digest of everything the two
// pages and the entries file are made from: the tool's version, the
// site's options, the build's date, and for each briefing its source,
// which of its handouts are in place and the inputs hash of its web
// page (which determines its catalogue entry). When a build finds the
// same digest, the entries file unchanged since (by its stat, as the
// handouts are), and both pages as the manifest records them, it keeps
// all three as they are without reading or making them.

// siteState is what buildSite knows of the briefings' web pages.
type siteState struct {
	digest string
	// whole is set when every web page in place is one made or found
	// unchanged in this build, each from an entry known as its inputs:
	// only then do the pages depend on nothing but the digest.
	whole bool
	// quiet is set when, besides, no briefing was parsed in this build
	// and every web page was unchanged: the pages may then be kept.
	quiet bool
}

// siteDigestOf digests what the catalogue, the feed and the entries
// file are made from.
func siteDigestOf(e *env, res *Result) siteState {
	h := sha256.New()
	st := siteState{whole: true, quiet: true}
	writeField(h, "site 1")
	writeField(h, ToolVersion())
	writeField(h, strconv.Itoa(entryCacheVersion))
	writeField(h, e.o.Config.SiteTitle)
	writeField(h, e.o.Config.SiteURL)
	writeField(h, fmt.Sprintf("%+v", e.colours))
	if e.o.Config.LogoPicture != nil {
		writeField(h, fmt.Sprintf("logo %x", e.o.Config.LogoPicture.SHA256()))
	}
	writeField(h, e.o.Config.LogoAlt)
	writeField(h, siteSource(e))
	writeField(h, e.o.Today.ISO())
	for _, it := range res.Items {
		writeField(h, it.Source)
		var webOut *Output
		for i := range it.Outputs {
			o := &it.Outputs[i]
			if present(o.Status) {
				writeField(h, o.Format+" "+o.Name)
			}
			if o.Format == "html" {
				webOut = o
			}
		}
		if webOut == nil || !present(webOut.Status) {
			writeField(h, "-")
			continue
		}
		switch webOut.Status {
		case Built:
			writeField(h, webOut.inputs)
			st.quiet = false
		case Unchanged:
			writeField(h, e.old.Outputs[webOut.Name].Inputs)
		default:
			st.whole, st.quiet = false, false
		}
		if it.entry != nil {
			st.quiet = false
		}
	}
	st.digest = hex.EncodeToString(h.Sum(nil))
	return st
}

// keptSite returns the records of the catalogue and the feed when the
// cache shows that they, and the entries file, are what this build
// would make: see above.
func keptSite(e *env, st siteState) (map[string]manifest.Record, bool) {
	c := e.sums
	if c == nil || !st.quiet || c.site == "" {
		return nil, false
	}
	digest, stamp, ok := strings.Cut(c.site, " ")
	if !ok || digest != st.digest || stamp != entriesStamp(e) {
		return nil, false
	}
	records := map[string]manifest.Record{}
	for _, name := range siteFiles {
		rec, ok := e.old.Outputs[name]
		if !ok || rec.Source != siteSource(e) || rec.Inputs != rec.SHA256 ||
			onDisk(filepath.Join(e.out, name), rec) != diskOurs {
			return nil, false
		}
		records[name] = rec
	}
	c.siteNew = c.site
	return records, true
}

// rememberSite notes, for the next build, that the pages and the entries
// file now in place were made from st.
func rememberSite(e *env, st siteState) {
	if e.sums == nil || !st.whole {
		return
	}
	if stamp := entriesStamp(e); stamp != "" {
		e.sums.siteNew = st.digest + " " + stamp
	}
}

// entriesStamp is the entries file's stat, as the cache keeps it, or ""
// when it cannot be kept.
func entriesStamp(e *env) string {
	st, err := os.Lstat(filepath.Join(e.out, EntriesName))
	if err != nil {
		return ""
	}
	s, ok := stampOf(st)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%d %d %d %d", s.ino, s.size, s.mtime, s.ctime)
}

// parseSite reads the "site" line of the cache (without "site "),
// kept when the entries file last changed before the cache was written.
func (c *sumCache) parseSite(line string, written int64) {
	f := strings.Split(line, " ")
	if len(f) != 5 || len(f[0]) != 64 {
		return
	}
	ctime, err := strconv.ParseInt(f[4], 10, 64)
	if err != nil || ctime >= written {
		return
	}
	c.site = line
}
