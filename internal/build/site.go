package build

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"path/filepath"
	"slices"

	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/diag"
	"handouts/internal/handout"
	"handouts/internal/html"
	"handouts/internal/manifest"
	"handouts/internal/pdf"
	"handouts/internal/review"
)

// The web pages of a build besides the handouts: the catalogue of every
// briefing and its feed, made when the html format is built.
//
// The catalogue needs every briefing's title, dates and tags, also those
// of briefings skipped as unchanged, which are never parsed. Rather than
// parse them again, each build keeps the catalogue entries in
// EntriesName in the output folder, each under the inputs hash of its
// briefing's HTML handout; an entry is used only while that hash holds.
// The pages are rewritten only when their bytes change.

// EntriesName is the file in the output folder that keeps the catalogue
// entries between builds. Like the manifest it is not a handout: it is
// not listed in SHA256SUMS.
const EntriesName = ".handouts-catalogue.json"

// siteFiles are the catalogue and the feed, in the order they are made.
var siteFiles = []string{html.CatalogueName, html.FeedName}

func isSiteFile(name string) bool { return slices.Contains(siteFiles, name) }

// entryCache is the file EntriesName.
type entryCache struct {
	Version int                    `json:"version"`
	Entries map[string]cachedEntry `json:"entries"`
}

type cachedEntry struct {
	Inputs string     `json:"inputs"` // of the briefing's HTML handout
	Entry  html.Entry `json:"entry"`
}

// entryCacheVersion is raised when Entry changes: 2 notes drafts.
const entryCacheVersion = 2

// maxEntryCache bounds the cache read: about a kilobyte a briefing.
const maxEntryCache = 64 << 20

func loadEntries(out string) map[string]cachedEntry {
	data, err := boundedfile.Read(filepath.Join(out, EntriesName), maxEntryCache)
	var c entryCache
	if err != nil || json.Unmarshal(data, &c) != nil || c.Version != entryCacheVersion {
		return map[string]cachedEntry{} // rebuilt from the briefings
	}
	if c.Entries == nil {
		c.Entries = map[string]cachedEntry{}
	}
	return c.Entries
}

// entryOf makes a briefing's catalogue entry; the review state and the
// files are filled in later.
func entryOf(d *briefing.Document, e *env) *html.Entry {
	h := handout.New(d, e.handout)
	m := d.Meta
	producer := m.Producer
	if producer == "" {
		producer = e.handout.Producer
	}
	return &html.Entry{
		Name: d.Name, Title: m.Title, Subtitle: m.Subtitle, Kind: m.Kind,
		Producer: producer, Subject: h.Meta.Subject,
		Tags: m.Tags, Audience: m.Audience, Updated: m.Updated, Review: m.Review,
		Draft: m.Draft,
	}
}

// present reports whether an output's file is in place after the build.
func present(s Status) bool {
	return s == Built || s == Unchanged || s == Stale || s == Modified
}

// buildSite makes the catalogue and the feed of the briefings whose web
// page is in place, and writes each whose bytes changed. It returns the
// records of the two files for the manifest, and which of them are no
// longer as recorded (changed by hand), to leave out of SHA256SUMS.
func buildSite(e *env, res *Result) (records map[string]manifest.Record, notOurs map[string]bool) {
	outDir := filepath.ToSlash(e.out)
	records, notOurs = map[string]manifest.Record{}, map[string]bool{}
	keep := func(name string) {
		if rec, ok := e.old.Outputs[name]; ok {
			switch onDisk(filepath.Join(e.out, name), rec) {
			case diskOurs:
				records[name] = rec
			case diskChanged:
				records[name] = rec
				notOurs[name] = true
			}
		}
	}
	if !slices.Contains(e.formats, "html") || res.Interrupted {
		// Not asked for, or not all known: the pages stay as they are.
		for _, name := range siteFiles {
			keep(name)
		}
		return records, notOurs
	}
	st := siteDigestOf(e, res)
	if kept, ok := keptSite(e, st); ok { // sitecache.go
		for _, name := range siteFiles {
			records[name] = kept[name]
			res.Site = append(res.Site, Output{Format: "html", Name: name, Path: path(outDir, name), Status: Unchanged, SHA256: kept[name].SHA256})
		}
		return records, notOurs
	}

	cache := loadEntriesFile(e.out)
	fresh := map[string]cachedEntry{}
	var entries []html.Entry
	for _, it := range res.Items {
		files := map[string]string{}
		var webOut *Output
		for i := range it.Outputs {
			o := &it.Outputs[i]
			if present(o.Status) {
				files[o.Format] = o.Name
			}
			if o.Format == "html" {
				webOut = o
			}
		}
		if webOut == nil || files["html"] == "" {
			continue
		}
		inputs := webOut.inputs
		if webOut.Status != Built {
			inputs = e.old.Outputs[webOut.Name].Inputs
		}
		var ent *html.Entry
		switch c, ok := cache[it.Source]; {
		case it.entry != nil:
			ent = it.entry
		case ok && (c.Inputs == inputs || webOut.Status == Stale):
			// A stale page is the one from the cached entry's build.
			ent, inputs = &c.Entry, c.Inputs
		default:
			ent = reparse(e, it)
		}
		it.entry = nil // copied below: not kept to the end
		if ent == nil {
			st.whole = false
			continue
		}
		fresh[it.Source] = cachedEntry{Inputs: inputs, Entry: *ent}
		if ent.Draft {
			// Built with --drafts, or kept from before: a draft is not
			// published, so neither listed nor announced.
			continue
		}
		en := *ent
		en.HTML, en.Docx, en.PDF = files["html"], files["docx"], files["pdf"]
		en.State = ""
		if !e.o.Today.IsZero() && !en.Review.IsZero() {
			en.State, _ = review.StateOf(en.Review, e.o.Today, review.DefaultWithin)
		}
		entries = append(entries, en)
	}
	html.SortEntries(entries)

	if err := writeIfChangedStream(filepath.Join(e.out, EntriesName), func(w io.Writer) error { return writeEntryCache(w, fresh) }); err != nil {
		res.Diags.Warnf(path(outDir, EntriesName), 0, "cannot write: %s (the next build reads the briefings again)", describe(err))
		st.whole = false
	}

	so := html.SiteOptions{Title: e.o.Config.SiteTitle, Base: e.o.Config.SiteURL, Colours: e.colours,
		Logo: e.o.Config.LogoPicture, LogoAlt: e.o.Config.LogoAlt}
	for _, name := range siteFiles {
		gen := func(w io.Writer) error {
			if name == html.CatalogueName {
				return html.WriteCatalogue(w, entries, so)
			}
			return html.WriteFeed(w, entries, so)
		}
		// Hashed as it is made; made again only to be written.
		sum, size, err := hashOf(gen)
		out := Output{Format: "html", Name: name, Path: path(outDir, name)}
		if err != nil {
			res.Diags.Errorf(out.Path, 0, "cannot make: %v", err)
			st.whole = false
			out.Status = Failed
			keep(name)
			res.Site = append(res.Site, out)
			continue
		}
		out.Status, out.SHA256 = writeSiteFile(e, res, &out, sum, size, gen)
		switch out.Status {
		case Built, Unchanged:
			records[name] = manifest.Record{Source: siteSource(e), Inputs: out.SHA256, SHA256: out.SHA256, Size: size}
		default:
			keep(name)
			st.whole = false
		}
		res.Site = append(res.Site, out)
	}
	rememberSite(e, st)
	return records, notOurs
}

// siteSource is what the manifest names as the source of the catalogue
// and feed: the first folder or file of briefings built.
func siteSource(e *env) string {
	if len(e.o.Paths) == 0 {
		return "sources"
	}
	return filepath.ToSlash(e.o.Paths[0])
}

// writeSiteFile writes one page of the site unless the file in place is
// already those bytes, or was changed by hand (kept, as a handout would
// be, unless --force).
func writeSiteFile(e *env, res *Result, out *Output, sum [32]byte, size int64, gen func(io.Writer) error) (Status, string) {
	hexSum := hex.EncodeToString(sum[:])
	target := filepath.Join(e.out, out.Name)
	rec, hasRec := e.old.Outputs[out.Name]
	state, onDiskSum := look(target, size, rec.Size)
	switch {
	case state == diskNotRegular:
		res.Diags.Errorf(out.Path, 0, "is not a regular file; not replaced")
		return Modified, ""
	case state == diskRegular && onDiskSum == hexSum:
		return Unchanged, hexSum
	case state == diskRegular && !e.o.Force && !(hasRec && rec.SHA256 != "" && onDiskSum == rec.SHA256):
		if hasRec {
			res.Diags.Errorf(out.Path, 0, "changed since handouts wrote it; not overwritten (move it elsewhere to keep it, or build with --force)")
		} else {
			res.Diags.Errorf(out.Path, 0, "already exists and was not made by this build; not overwritten (move it elsewhere to keep it, or build with --force)")
		}
		return Modified, ""
	}
	again, _, _, err := writeStream(target, gen)
	if err == nil && again != sum {
		err = errors.New("made differently the second time (please report it)")
	}
	if err != nil {
		res.Diags.Errorf(out.Path, 0, "cannot write: %s", describe(err))
		return Failed, ""
	}
	return Built, hexSum
}

// reparse reads and parses a briefing again for its catalogue entry,
// when the entry kept from an earlier build is missing or out of date.
// It reads as the build does: only the file that was listed.
func reparse(e *env, it *Item) *html.Entry {
	src, err := readSourceFile(it)
	if err != nil {
		return nil
	}
	d, diags := parse(it.Source, src, e.parseOpts)
	if d == nil || diags.HasErrors() {
		return nil
	}
	return entryOf(d, e)
}

// colours are the web pages' colours: the PDF theme's.
func colours(th *pdf.Theme) html.Colours {
	c := th.Colours
	return html.Colours{
		Text: c.Text.String(), Muted: c.Muted.String(), Accent: c.Accent.String(), Link: c.Link.String(),
		Rule: c.Rule.String(), Panel: c.Panel.String(), TableHeader: c.TableHeader.String(),
		QuoteBar: c.QuoteBar.String(), CodeBackground: c.CodeBackground.String(),
	}
}

// linkedFormats are the other handouts a web page links to: those of
// this build.
func linkedFormats(e *env, name string) (docxName, pdfName string) {
	if slices.Contains(e.formats, "docx") {
		docxName = name + ".docx"
	}
	if slices.Contains(e.formats, "pdf") {
		pdfName = name + ".pdf"
	}
	return docxName, pdfName
}

// contrastWarnings warns of theme colours in which the web pages' text
// would fail WCAG AA contrast (4.5:1) on a ground it is set on: the page
// is still made, but would not pass an accessibility check.
func contrastWarnings(e *env) diag.List {
	var l diag.List
	c := e.colours
	where := "the PDF theme"
	if dir := e.o.Config.Templates; dir != "" {
		where = filepath.ToSlash(filepath.Join(dir, "pdf", "theme.yaml"))
	}
	grounds := []struct{ name, colour string }{{"white", "#ffffff"}, {"panel", c.Panel}, {"table-header", c.TableHeader}, {"code-background", c.CodeBackground}}
	for _, fg := range []struct{ name, colour string }{{"text", c.Text}, {"muted", c.Muted}, {"accent", c.Accent}, {"link", c.Link}} {
		for _, bg := range grounds {
			if r := html.Contrast(fg.colour, bg.colour); r < 4.5 {
				l.Warnf(where, 0, "colour %s %s on %s %s has a contrast of %.1f:1, under the 4.5:1 of WCAG AA; the web pages will not pass an accessibility check", fg.name, fg.colour, bg.name, bg.colour, r)
				break
			}
		}
	}
	return l
}
