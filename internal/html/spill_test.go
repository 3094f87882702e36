package html

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"handouts/internal/briefing"
)

// chunks records the pieces a page is written in.
type chunks struct {
	b        bytes.Buffer
	largest  int
	n        int
	failFrom int // fail the write of this number, when > 0
}

func (c *chunks) Write(p []byte) (int, error) {
	c.n++
	if c.failFrom > 0 && c.n >= c.failFrom {
		return 0, errors.New("disk full")
	}
	c.largest = max(c.largest, len(p))
	return c.b.Write(p)
}

// TestBigCatalogueIsWrittenInPieces: the catalogue and feed of 3,000
// briefings are written a few tens of kilobytes at a time, never whole,
// and a failed write is reported.
func TestBigCatalogueIsWrittenInPieces(t *testing.T) {
	base := exampleEntries(t, briefing.Date{Year: 2018, Month: 5, Day: 20})
	var es []Entry
	for i := range 3000 {
		e := base[i%len(base)]
		e.Name = e.Name + "-" + strings.Repeat(string(rune('a'+i%26)), 1+i/26)
		es = append(es, e)
	}
	SortEntries(es)
	for _, page := range []struct {
		name  string
		write func(*chunks) error
	}{
		{"catalogue", func(c *chunks) error { return WriteCatalogue(c, es, SiteOptions{}) }},
		{"feed", func(c *chunks) error { return WriteFeed(c, es, SiteOptions{}) }},
	} {
		var c chunks
		if err := page.write(&c); err != nil {
			t.Fatal(err)
		}
		if c.b.Len() < 20*spillAt || c.n < 20 || c.largest > 2*spillAt {
			t.Errorf("%s: %d bytes in %d writes, the largest %d; want pieces of about %d", page.name, c.b.Len(), c.n, c.largest, spillAt)
		}
		text := c.b.String()
		if !strings.HasSuffix(text, "</html>\n") && !strings.HasSuffix(text, "</feed>\n") {
			t.Errorf("%s: not whole: ends %q", page.name, text[len(text)-20:])
		}
		if n := strings.Count(text, "<entry>") + strings.Count(text, "<article "); n != len(es) {
			t.Errorf("%s: %d briefings, not %d", page.name, n, len(es))
		}
		failing := chunks{failFrom: 3}
		if err := page.write(&failing); err == nil {
			t.Errorf("%s: a failed write was not reported", page.name)
		}
	}
}
