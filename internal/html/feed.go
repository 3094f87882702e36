package html

import (
	"crypto/sha1"
	"fmt"
	"io"
	"strings"
	"time"

	"handouts/internal/briefing"
)

// WriteFeed writes an Atom feed (RFC 4287) of the entries, which must be
// sorted (SortEntries): one entry per briefing, updated on its date last
// updated. Nothing in it comes from the clock: the feed's own date is
// that of its newest briefing. Ids are stable: made from the file names,
// as addresses under SiteOptions.Base when it is set, otherwise as
// name-based URNs (RFC 4122 version 5 UUIDs).
func WriteFeed(w io.Writer, es []Entry, o SiteOptions) error {
	p := &page{b: &strings.Builder{}}
	p.s("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-GB\">\n")
	p.s("<id>", Escape(siteID(o.Base, FeedName)), "</id>\n<title>")
	p.text(o.title())
	p.s("</title>\n<updated>", atomDate(newest(es)), "</updated>\n")
	// A feed must name an author unless every entry does.
	p.s("<author><name>")
	p.text(feedAuthor(es, o))
	p.s("</name></author>\n")
	p.s("<link rel=\"self\" type=\"application/atom+xml\" href=\"", Escape(o.Base+FeedName), "\"/>\n")
	p.s("<link rel=\"alternate\" type=\"text/html\" href=\"", Escape(o.Base+CatalogueName), "\"/>\n")
	p.s("<generator>handouts</generator>\n")
	var werr error
	for i := range es {
		e := &es[i]
		page := e.HTML
		if page == "" {
			page = e.Name + ".html"
		}
		p.s("<entry>\n<id>", Escape(siteID(o.Base, page)), "</id>\n<title>")
		p.text(oneLine(e.Title))
		p.s("</title>\n<updated>", atomDate(e.Updated), "</updated>\n")
		if e.Producer != "" {
			p.s("<author><name>")
			p.text(oneLine(e.Producer))
			p.s("</name></author>\n")
		}
		if e.HTML != "" {
			p.s("<link rel=\"alternate\" type=\"text/html\" href=\"", Escape(o.Base+relative(e.HTML)), "\"/>\n")
		}
		if e.PDF != "" {
			p.s("<link rel=\"enclosure\" type=\"application/pdf\" href=\"", Escape(o.Base+relative(e.PDF)), "\"/>\n")
		}
		if e.Docx != "" {
			p.s("<link rel=\"enclosure\" type=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\" href=\"", Escape(o.Base+relative(e.Docx)), "\"/>\n")
		}
		for _, t := range nonEmpty(e.Tags) {
			p.s("<category term=\"", Escape(t), "\"/>\n")
		}
		summary := oneLine(e.Subtitle)
		if s := oneLine(e.Subject); s != "" {
			if summary != "" {
				summary += ". "
			}
			summary += s + "."
		}
		if summary != "" {
			p.s("<summary>")
			p.text(summary)
			p.s("</summary>\n")
		}
		p.s("</entry>\n")
		p.spill(w, &werr)
	}
	p.s("</feed>\n")
	if werr != nil {
		return werr
	}
	_, err := io.WriteString(w, p.b.String())
	return err
}

// feedAuthor is the producer when every briefing has the same one,
// otherwise the feed's title.
func feedAuthor(es []Entry, o SiteOptions) string {
	name := ""
	for i, e := range es {
		if i == 0 {
			name = oneLine(e.Producer)
		} else if oneLine(e.Producer) != name {
			name = ""
			break
		}
	}
	if name == "" {
		return o.title()
	}
	return name
}

func newest(es []Entry) briefing.Date {
	var d briefing.Date
	for _, e := range es {
		if d.IsZero() || e.Updated.Last().Compare(d.Last()) > 0 {
			d = e.Updated
		}
	}
	return d
}

// atomDate is a briefing's date as an RFC 3339 time: the first moment
// of the day, month or year it names, in UTC; 1 January 2000 for none,
// as in the PDF's metadata.
func atomDate(d briefing.Date) string {
	t := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if !d.IsZero() {
		t = d.Time().UTC()
	}
	return t.Format(time.RFC3339)
}

// urnNamespace is the namespace of the feed's name-based ids, RFC 4122's
// URL namespace; the name is "handouts:" and the file name.
var urnNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// siteID is the id of a file of the site: its address under base, or a
// version 5 UUID of its name.
func siteID(base, name string) string {
	if base != "" {
		return base + relative(name)
	}
	h := sha1.New()
	h.Write(urnNamespace[:])
	h.Write([]byte("handouts:" + name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
