// Package handout decides the words a handout carries around the briefing's
// own text — kind label, acknowledgement, the two panels, the footer and
// the file metadata — so that the Word and PDF writers say exactly the same
// thing and differ only in how they draw it.
package handout

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"handouts/internal/briefing"
)

// DefaultAcknowledgement is the reuse statement used when neither the
// briefing nor the project gives one. {producer} is replaced.
const DefaultAcknowledgement = "Produced by {producer}. Feel free to reproduce this briefing, with acknowledgement."

// Options are the project- and build-level choices that change the words.
type Options struct {
	// Acknowledgement is the project's wording with a {producer}
	// placeholder; empty means DefaultAcknowledgement. A briefing's own
	// acknowledgement key wins over it.
	Acknowledgement string
	// AdaptedBy names an organisation reusing another's briefing. The
	// original producer stays named in the acknowledgement, the footer
	// and the metadata.
	AdaptedBy string
	// Producer is the project's default producer, used when the briefing
	// names none.
	Producer string
}

// Row is one line of a panel. When Link is set the value is a hyperlink to
// it. A value may run to several lines, separated by "\n" (the audiences,
// one per line); writers break the line there.
type Row struct {
	Label string
	Value string
	Link  string
}

// Handout is everything a writer prints besides the sections.
type Handout struct {
	KindLabel       string // "Policy briefing" or "Hot topic"
	Title           string
	Subtitle        string
	Acknowledgement string // the reuse statement, producer named
	AdaptedBy       string // "Adapted by X from a briefing by P", or ""
	SourcePanel     []Row
	SourceHeading   string // heading of the source panel
	AboutHeading    string // "About this briefing"
	AboutPanel      []Row
	Footer          string // left part of the page footer: the producer
	Meta            Metadata
}

// Metadata is what goes into the file's document properties.
type Metadata struct {
	Title    string
	Subject  string // the driver and its publisher
	Author   string // the producer (and the adapter, if any)
	Keywords []string
	Language string // BCP 47
}

// PageLabel formats the footer's page counter.
func PageLabel(n, total int) string {
	return "Page " + strconv.Itoa(n) + " of " + strconv.Itoa(total)
}

// New works out the words of the handout for d.
func New(d *briefing.Document, o Options) *Handout {
	m := d.Meta
	if strings.TrimSpace(m.Producer) == "" {
		m.Producer = o.Producer
	}
	o.AdaptedBy = strings.TrimSpace(o.AdaptedBy)
	h := &Handout{
		KindLabel:     m.Kind.Label(),
		Title:         m.Title,
		Subtitle:      m.Subtitle,
		SourceHeading: "About the source document",
		AboutHeading:  "About this briefing",
		Footer:        m.Producer,
	}

	ack := m.Acknowledgement
	if ack == "" {
		ack = o.Acknowledgement
	}
	if ack == "" {
		ack = DefaultAcknowledgement
	}
	h.Acknowledgement = strings.ReplaceAll(ack, "{producer}", m.Producer)

	if o.AdaptedBy != "" {
		h.AdaptedBy = "Adapted by " + o.AdaptedBy + " from a briefing by " + m.Producer + "."
		h.Footer = o.AdaptedBy + ", adapted from " + m.Producer
		if m.Producer == "" {
			h.AdaptedBy = "Adapted by " + o.AdaptedBy + "."
			h.Footer = o.AdaptedBy
		}
	}

	add := func(rows []Row, label, value, link string) []Row {
		if value == "" {
			return rows
		}
		return append(rows, Row{Label: label, Value: value, Link: link})
	}
	h.SourcePanel = add(h.SourcePanel, "Source", m.Source, "")
	h.SourcePanel = add(h.SourcePanel, "Link to main document", m.Link, m.Link)
	h.SourcePanel = add(h.SourcePanel, "Publication format", m.Format, "")
	h.SourcePanel = add(h.SourcePanel, "Date of publication", m.Published.String(), "")

	h.AboutPanel = add(h.AboutPanel, "Primary audience", audiences(m.Audience), "")
	h.AboutPanel = add(h.AboutPanel, "Date last updated", m.Updated.String(), "")
	h.AboutPanel = add(h.AboutPanel, "Due for review", m.Review.String(), "")
	h.AboutPanel = add(h.AboutPanel, "Group member responsible", m.Responsible, "")
	h.AboutPanel = add(h.AboutPanel, "Produced by", m.Producer, "")
	if o.AdaptedBy != "" {
		h.AboutPanel = add(h.AboutPanel, "Adapted by", o.AdaptedBy, "")
	}

	author := m.Producer
	if o.AdaptedBy != "" && m.Producer != "" {
		author = o.AdaptedBy + "; adapted from " + m.Producer
	} else if o.AdaptedBy != "" {
		author = o.AdaptedBy
	}
	h.Meta = Metadata{
		Title:    m.Title,
		Subject:  subject(m),
		Author:   author,
		Keywords: append([]string(nil), m.Tags...),
		Language: "en-GB",
	}
	if m.Lang != "" {
		h.Meta.Language = m.Lang
	}
	return h
}

// audiences lists the audiences one per line, as the author wrote them:
// each keeps its own capitals, which read naturally at the start of a line
// but oddly after a semicolon. Spaces and line ends inside one audience
// close up to single spaces, so a line is always one audience.
func audiences(as []string) string {
	lines := make([]string, 0, len(as))
	for _, a := range as {
		if a = strings.Join(strings.Fields(a), " "); a != "" {
			lines = append(lines, a)
		}
	}
	return strings.Join(lines, "\n")
}

// subject names the driver document and its publisher, e.g.
// "Policy briefing on a long read by King's Fund, February 2018".
func subject(m briefing.Meta) string {
	var b strings.Builder
	b.WriteString(m.Kind.Label())
	if m.Source == "" {
		return b.String()
	}
	b.WriteString(" on ")
	if m.Format != "" {
		f := m.Format
		if first, _, _ := strings.Cut(f, " "); !isAcronym(first) {
			// "Long read" reads "a long read"; "PDF" and "HTML page"
			// keep their capitals.
			r, size := utf8.DecodeRuneInString(f)
			f = string(unicode.ToLower(r)) + f[size:]
		}
		b.WriteString(article(m.Format) + " " + f + " by ")
	} else {
		b.WriteString("a document by ")
	}
	b.WriteString(m.Source)
	if !m.Published.IsZero() {
		b.WriteString(", " + m.Published.String())
	}
	return b.String()
}

// isAcronym reports whether word is read letter by letter: two or more
// letters, all capitals.
func isAcronym(word string) bool {
	return utf8.RuneCountInString(word) > 1 && strings.ToUpper(word) == word && strings.ToLower(word) != word
}

// article is "a" or "an" for the phrase starting with word.
func article(word string) string {
	first, _, _ := strings.Cut(word, " ")
	r, _ := utf8.DecodeRuneInString(first)
	// Acronyms read letter by letter: "an HTML page", "a PDF".
	if isAcronym(first) {
		if strings.ContainsRune("AEFHILMNORSX", r) {
			return "an"
		}
		return "a"
	}
	if strings.ContainsRune("AEIOUaeiouÀÂÉÈÊÎÔàâéèêîô", r) {
		return "an"
	}
	return "a"
}

// Followable reports whether a handout may make an address a link a
// reader can follow: a web, mail or FTP address with something after
// the scheme. Anything a reader's computer might run or open locally
// (javascript:, file:, a bare path) stays printed text, in every format.
func Followable(url string) bool {
	u := strings.TrimSpace(url)
	for _, scheme := range []string{"http://", "https://", "mailto:", "ftp://"} {
		if len(u) > len(scheme) && strings.EqualFold(u[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}
