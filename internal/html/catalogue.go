package html

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/picture"
	"handouts/internal/review"
)

// Entry is one briefing in the catalogue and the feed.
type Entry struct {
	Name     string // output base name: the source file name without ".md"
	Title    string
	Subtitle string
	Kind     briefing.Kind
	Producer string
	Subject  string // the driver and its publisher, as in the metadata
	Tags     []string
	Audience []string
	Updated  briefing.Date
	Review   briefing.Date
	// State is the review state on the build's date; "" when the briefing
	// has no review date.
	State review.State
	// HTML, Docx and PDF are the handouts' file names in the output
	// folder, "" for one not there.
	HTML, Docx, PDF string
	// Draft is set for a briefing marked "draft: true": a build lists
	// no draft in the catalogue or the feed, even one it built.
	Draft bool `json:",omitempty"`
}

// SiteOptions choose the words and addresses of the catalogue and feed.
type SiteOptions struct {
	// Title heads the catalogue and names the feed; "" means DefaultTitle.
	Title string
	// Base is the absolute address the output folder is published at,
	// ending in "/", or "". The feed's links and ids are made from it;
	// without it links are relative and ids are URNs of the file names.
	Base string
	// Colours are the catalogue's colours, as a page's.
	Colours Colours
	// Logo and LogoAlt are the library's logo and its alternative text,
	// shown in the catalogue's header as in a page's; nil for none.
	Logo    *picture.Picture
	LogoAlt string
}

// DefaultTitle is the catalogue's title when none is given.
const DefaultTitle = "Policy briefings and hot topics"

// Catalogue and feed file names in the output folder.
const (
	CatalogueName = "index.html"
	FeedName      = "feed.xml"
)

// SortEntries puts entries newest first: by date last updated (a month
// counts as its last day), then by title, then by name, so the order
// never depends on the order they were found in.
func SortEntries(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		if c := b.Updated.Last().Compare(a.Updated.Last()); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
}

func (o SiteOptions) title() string {
	if t := oneLine(o.Title); t != "" {
		return t
	}
	return DefaultTitle
}

// group is a section of the catalogue: the briefings of one kind or tag.
type group struct {
	id, heading string
	entries     []*Entry
}

// groups lists the kinds present, then the tags in alphabetical order;
// ids are unique whatever the tags are called.
func groups(es []Entry) (kinds, tags []group) {
	for _, k := range []briefing.Kind{briefing.PolicyBriefing, briefing.HotTopic} {
		g := group{id: "kind-" + string(k), heading: k.Label() + "s"}
		for i := range es {
			if kindOf(es[i].Kind) == k {
				g.entries = append(g.entries, &es[i])
			}
		}
		if len(g.entries) > 0 {
			kinds = append(kinds, g)
		}
	}
	byTag := map[string]*group{}
	var names []string
	for i := range es {
		seen := map[string]bool{}
		for _, t := range es[i].Tags {
			t = oneLine(t)
			key := strings.ToLower(t)
			if t == "" || seen[key] {
				continue
			}
			seen[key] = true
			g := byTag[key]
			if g == nil {
				g = &group{heading: t}
				byTag[key] = g
				names = append(names, key)
			}
			g.entries = append(g.entries, &es[i])
		}
	}
	slices.Sort(names)
	used := map[string]bool{}
	for _, k := range names {
		g := byTag[k]
		id := "tag-" + idOf(k)
		for n := 2; used[id]; n++ {
			id = "tag-" + idOf(k) + "-" + strconv.Itoa(n)
		}
		used[id] = true
		g.id = id
		tags = append(tags, *g)
	}
	return kinds, tags
}

func kindOf(k briefing.Kind) briefing.Kind {
	if k == briefing.HotTopic {
		return k
	}
	return briefing.PolicyBriefing
}

// idOf makes a fragment id from a tag: ASCII letters and digits, the
// rest as hyphens.
func idOf(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
		if r > 0x7f {
			b.WriteString("u" + strconv.FormatInt(int64(r), 16))
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// WriteCatalogue writes the catalogue page of the entries, which must be
// sorted (SortEntries): every briefing newest first with its kind, tags,
// dates, review state, audience and handouts; then the same briefings
// grouped by kind and by tag, as sections a contents list links to, so
// no script is needed to find one.
func WriteCatalogue(w io.Writer, es []Entry, o SiteOptions) error {
	p := &page{b: &strings.Builder{}}
	title := o.title()
	p.s("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	p.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
	p.text(title)
	p.s("</title>\n<meta name=\"generator\" content=\"handouts\"/>\n")
	p.s("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"", FeedName, "\" title=\"")
	p.text(title)
	p.s("\"/>\n<style>\n", stylesheet(o.Colours.withDefaults()), "</style>\n</head>\n<body class=\"catalogue\">\n")
	p.s("<header>\n")
	p.logo(o.Logo, o.LogoAlt)
	p.s("<h1>")
	p.text(title)
	p.s("</h1>\n</header>\n<main>\n<p>")
	p.s(strconv.Itoa(len(es)), " ")
	if len(es) == 1 {
		p.s("briefing")
	} else {
		p.s("briefings")
	}
	p.s(", newest first. Follow new and updated briefings with the <a href=\"", FeedName, "\">Atom feed</a>.</p>\n")

	kinds, tags := groups(es)
	p.s("<nav class=\"toc\" aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ul>\n<li><a href=\"#all\">All briefings</a></li>\n")
	for _, g := range kinds {
		p.s("<li><a href=\"#", g.id, "\">")
		p.text(g.heading)
		p.s("</a></li>\n")
	}
	p.s("</ul>\n")
	if len(tags) > 0 {
		p.s("<h3>By tag</h3>\n<ul class=\"by-tag\">\n")
		for _, g := range tags {
			p.s("<li><a href=\"#", g.id, "\">")
			p.text(g.heading)
			p.s("</a> (", strconv.Itoa(len(g.entries)), ")</li>\n")
		}
		p.s("</ul>\n")
	}
	p.s("</nav>\n")

	p.s("<section aria-labelledby=\"all\">\n<h2 id=\"all\">All briefings</h2>\n")
	var werr error
	for i := range es {
		p.entry(&es[i])
		p.spill(w, &werr)
	}
	p.s("</section>\n")
	for _, g := range append(kinds, tags...) {
		p.s("<section aria-labelledby=\"", g.id, "\">\n<h2 id=\"", g.id, "\">")
		if strings.HasPrefix(g.id, "tag-") {
			p.s("Tagged “")
			p.text(g.heading)
			p.s("”")
		} else {
			p.text(g.heading)
		}
		p.s(" <span class=\"count\">(", strconv.Itoa(len(g.entries)), ")</span></h2>\n<ul>\n")
		for _, e := range g.entries {
			p.s("<li>")
			p.entryLink(e)
			if !e.Updated.IsZero() {
				p.s(", updated ")
				p.time(e.Updated)
			}
			p.s("</li>\n")
			p.spill(w, &werr)
		}
		p.s("</ul>\n</section>\n")
	}
	p.s("</main>\n</body>\n</html>\n")
	if werr != nil {
		return werr
	}
	_, err := io.WriteString(w, p.b.String())
	return err
}

// spillAt is how much of a catalogue or feed is held before it is
// written out: a library of thousands of briefings makes pages of
// megabytes, which are never whole in memory.
const spillAt = 32 << 10

// spill writes out what the page holds once it is spillAt or more; the
// first error is kept in *err, and nothing is written after it.
func (p *page) spill(w io.Writer, err *error) {
	if *err != nil || p.b.Len() < spillAt {
		return
	}
	_, *err = io.WriteString(w, p.b.String())
	p.b.Reset()
}

func (p *page) time(d briefing.Date) {
	p.s("<time datetime=\"", d.ISO(), "\">")
	p.text(d.String())
	p.s("</time>")
}

// entryLink is an entry's title, linked to its web page when there is
// one.
func (p *page) entryLink(e *Entry) {
	title := e.Title
	if title == "" {
		title = e.Name
	}
	if e.HTML != "" {
		p.s("<a href=\"", Escape(relative(e.HTML)), "\">")
		p.text(title)
		p.s("</a>")
		return
	}
	p.text(title)
}

var stateWords = map[review.State]string{
	review.OK:      "up to date",
	review.Due:     "due for review soon",
	review.Overdue: "overdue for review",
}

// entry writes one briefing of the full list.
func (p *page) entry(e *Entry) {
	p.s("<article class=\"entry\" aria-labelledby=\"entry-", Escape(idOf(e.Name)), "\">\n<h3 id=\"entry-", Escape(idOf(e.Name)), "\">")
	p.entryLink(e)
	p.s("</h3>\n")
	if e.Subtitle != "" {
		p.s("<p>")
		p.text(e.Subtitle)
		p.s("</p>\n")
	}
	p.s("<p class=\"meta\">")
	p.text(kindOf(e.Kind).Label())
	if !e.Updated.IsZero() {
		p.s(" · updated ")
		p.time(e.Updated)
	}
	if !e.Review.IsZero() {
		p.s(" · review ")
		p.time(e.Review)
		if w := stateWords[e.State]; w != "" {
			p.s(": <span class=\"state-", string(e.State), "\">")
			p.text(w)
			p.s("</span>")
		}
	}
	p.s("</p>\n")
	if len(e.Audience) > 0 {
		p.s("<p><span class=\"label\">Primary audience:</span> ")
		p.text(strings.Join(nonEmpty(e.Audience), "; "))
		p.s("</p>\n")
	}
	if tags := nonEmpty(e.Tags); len(tags) > 0 {
		p.s("<ul class=\"tags\" aria-label=\"Tags\">")
		for _, t := range tags {
			p.s("<li>")
			p.text(t)
			p.s("</li>")
		}
		p.s("</ul>\n")
	}
	var links []string
	add := func(file, label string) {
		if file != "" {
			links = append(links, "<a href=\""+Escape(relative(file))+"\">"+label+"<span class=\"visually-hidden\">: "+Escape(e.Title)+"</span></a>")
		}
	}
	add(e.HTML, "Web page")
	add(e.Docx, "Word")
	add(e.PDF, "PDF")
	if len(links) > 0 {
		p.s("<p class=\"formats\">", strings.Join(links, " · "), "</p>\n")
	}
	p.s("</article>\n")
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = oneLine(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}
