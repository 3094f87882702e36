package html

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"
	"time"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/handout"
	"handouts/internal/review"
)

// exampleEntries are the catalogue entries of the example briefings, as
// the build makes them, with every handout present.
func exampleEntries(t testing.TB, today briefing.Date) []Entry {
	docs := bt.Examples(t)
	var es []Entry
	for _, name := range bt.Names(docs) {
		d := docs[name]
		m := d.Meta
		e := Entry{
			Name: name, Title: m.Title, Subtitle: m.Subtitle, Kind: m.Kind, Producer: m.Producer,
			Subject: handout.New(d, handout.Options{}).Meta.Subject,
			Tags:    m.Tags, Audience: m.Audience, Updated: m.Updated, Review: m.Review,
			HTML: name + ".html", Docx: name + ".docx", PDF: name + ".pdf",
		}
		e.State, _ = review.StateOf(m.Review, today, review.DefaultWithin)
		es = append(es, e)
	}
	SortEntries(es)
	return es
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  []atomName  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string     `xml:"id"`
	Title    string     `xml:"title"`
	Updated  string     `xml:"updated"`
	Author   []atomName `xml:"author"`
	Links    []atomLink `xml:"link"`
	Summary  string     `xml:"summary"`
	Category []struct {
		Term string `xml:"term,attr"`
	} `xml:"category"`
}

func readFeed(t *testing.T, data []byte) atomFeed {
	t.Helper()
	wellFormed(t, data)
	var f atomFeed
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("not an Atom feed: %v", err)
	}
	return f
}

func TestFeedIsAtomOfTheBriefings(t *testing.T) {
	today := briefing.Date{Year: 2018, Month: 5, Day: 20}
	es := exampleEntries(t, today)
	var b bytes.Buffer
	if err := WriteFeed(&b, es, SiteOptions{}); err != nil {
		t.Fatal(err)
	}
	f := readFeed(t, b.Bytes())
	uuid := regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !uuid.MatchString(f.ID) || f.Title != DefaultTitle || len(f.Author) != 1 || f.Author[0].Name == "" {
		t.Errorf("feed id %q, title %q, author %+v", f.ID, f.Title, f.Author)
	}
	if len(f.Entries) != len(es) {
		t.Fatalf("%d entries for %d briefings", len(f.Entries), len(es))
	}
	if f.Updated != es[0].Updated.Time().UTC().Format(time.RFC3339) {
		t.Errorf("feed updated %s; want the newest briefing's date", f.Updated)
	}
	ids := map[string]bool{}
	var last time.Time
	for i, fe := range f.Entries {
		e := es[i]
		if fe.Title != e.Title {
			t.Errorf("entry %d is %q, want %q", i, fe.Title, e.Title)
		}
		if !uuid.MatchString(fe.ID) || ids[fe.ID] {
			t.Errorf("entry id %q: not a name-based URN, or not unique", fe.ID)
		}
		ids[fe.ID] = true
		if fe.ID != siteID("", e.Name+".html") {
			t.Errorf("entry id %q is not made from the file name", fe.ID)
		}
		u, err := time.Parse(time.RFC3339, fe.Updated)
		if err != nil || !u.Equal(e.Updated.Time()) {
			t.Errorf("entry %q updated %q (%v), want %s", e.Name, fe.Updated, err, e.Updated.ISO())
		}
		if i > 0 && u.After(last) {
			t.Errorf("entry %q is newer than the one before it", e.Name)
		}
		last = u
		if len(fe.Author) != 1 || fe.Author[0].Name != e.Producer {
			t.Errorf("entry author %+v", fe.Author)
		}
		var alt, pdfs int
		for _, l := range fe.Links {
			switch {
			case l.Rel == "alternate" && l.Href == e.Name+".html":
				alt++
			case l.Rel == "enclosure" && l.Href == e.Name+".pdf" && l.Type == "application/pdf":
				pdfs++
			}
		}
		if alt != 1 || pdfs != 1 {
			t.Errorf("entry %q links %+v", e.Name, fe.Links)
		}
		if len(fe.Category) != len(e.Tags) || !strings.Contains(fe.Summary, e.Subject) {
			t.Errorf("entry %q: categories %+v, summary %q", e.Name, fe.Category, fe.Summary)
		}
	}
	var again bytes.Buffer
	WriteFeed(&again, exampleEntries(t, today), SiteOptions{})
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two feeds of the same briefings differ")
	}
}

func TestFeedWithASiteAddress(t *testing.T) {
	es := exampleEntries(t, briefing.Date{Year: 2018, Month: 1, Day: 1})
	var b bytes.Buffer
	WriteFeed(&b, es, SiteOptions{Base: "https://library.example.org/hot/", Title: "Hot & new"})
	f := readFeed(t, b.Bytes())
	if f.ID != "https://library.example.org/hot/feed.xml" || f.Title != "Hot & new" {
		t.Errorf("feed id %q title %q", f.ID, f.Title)
	}
	for i, fe := range f.Entries {
		if want := "https://library.example.org/hot/" + es[i].Name + ".html"; fe.ID != want || fe.Links[0].Href != want {
			t.Errorf("entry id %q, link %q; want %s", fe.ID, fe.Links[0].Href, want)
		}
	}
}

func TestEmptyFeedAndCatalogue(t *testing.T) {
	var b bytes.Buffer
	WriteFeed(&b, nil, SiteOptions{})
	f := readFeed(t, b.Bytes())
	if len(f.Entries) != 0 || f.Updated != "2000-01-01T00:00:00Z" {
		t.Errorf("empty feed: %+v", f)
	}
	b.Reset()
	WriteCatalogue(&b, nil, SiteOptions{})
	checkPage(t, nil, b.Bytes())
	if !strings.Contains(b.String(), "0 briefings") {
		t.Error("the empty catalogue does not say so")
	}
}

func TestCatalogue(t *testing.T) {
	today := briefing.Date{Year: 2018, Month: 5, Day: 20}
	es := exampleEntries(t, today)
	// One overdue, to see it said.
	es[len(es)-1].State = review.Overdue
	var b bytes.Buffer
	if err := WriteCatalogue(&b, es, SiteOptions{}); err != nil {
		t.Fatal(err)
	}
	root := checkPage(t, nil, b.Bytes())
	arts := elements(root, "article")
	if len(arts) != len(es) {
		t.Fatalf("%d entries for %d briefings", len(arts), len(es))
	}
	for i, a := range arts {
		e := es[i]
		txt := strings.Join(strings.Fields(textOf(a)), " ")
		for _, want := range []string{e.Title, e.Kind.Label(), "updated " + e.Updated.String(), "review " + e.Review.String() + ": " + stateWords[e.State], e.Audience[0], e.Tags[0], "Web page", "Word", "PDF"} {
			if !strings.Contains(txt, want) {
				t.Errorf("entry %d lacks %q: %s", i, want, txt)
			}
		}
		var hrefs []string
		for _, l := range elements(a, "a") {
			h, _ := attr(l, "href")
			hrefs = append(hrefs, h)
		}
		if want := []string{e.HTML, e.HTML, e.Docx, e.PDF}; strings.Join(hrefs, " ") != strings.Join(want, " ") {
			t.Errorf("entry %d links %v, want %v", i, hrefs, want)
		}
	}
	// Sections by kind and by tag, each listing its briefings.
	heads := map[string]string{}
	for _, s := range elements(root, "section") {
		id, _ := attr(s, "aria-labelledby")
		heads[id] = strings.Join(strings.Fields(textOf(s)), " ")
	}
	for _, e := range es {
		if k := heads["kind-"+string(e.Kind)]; !strings.Contains(k, e.Title) {
			t.Errorf("%q is not in its kind's section: %q", e.Title, k)
		}
		for _, tag := range e.Tags {
			if s := heads["tag-"+idOf(tag)]; !strings.Contains(s, e.Title) {
				t.Errorf("%q is not under tag %q: %q", e.Title, tag, s)
			}
		}
	}
	if !strings.Contains(b.String(), `<span class="state-overdue">overdue for review</span>`) {
		t.Error("an overdue briefing is not marked")
	}
}

func TestSortEntriesNewestFirst(t *testing.T) {
	es := []Entry{
		{Name: "b", Title: "B", Updated: briefing.Date{Year: 2018, Month: 2}},
		{Name: "a", Title: "A", Updated: briefing.Date{Year: 2018, Month: 2, Day: 14}},
		{Name: "c", Title: "A", Updated: briefing.Date{Year: 2019}},
		{Name: "d", Title: "a", Updated: briefing.Date{Year: 2018, Month: 2, Day: 14}},
	}
	SortEntries(es)
	var got []string
	for _, e := range es {
		got = append(got, e.Name)
	}
	// A month counts as its last day: February 2018 is newer than 14
	// February 2018.
	if strings.Join(got, "") != "cbad" {
		t.Errorf("order %v", got)
	}
}

func TestTagIDsAreUnique(t *testing.T) {
	es := []Entry{{Name: "x", Title: "X", Tags: []string{"a b", "a-b", "A B", "é", "&"}}}
	_, tags := groups(es)
	seen := map[string]bool{}
	for _, g := range tags {
		if seen[g.id] || !regexp.MustCompile(`^tag-[a-z0-9-]+$`).MatchString(g.id) {
			t.Errorf("tag id %q", g.id)
		}
		seen[g.id] = true
	}
	if len(tags) != 4 { // "a b" and "A B" are one tag
		t.Errorf("%d tags: %+v", len(tags), tags)
	}
}
