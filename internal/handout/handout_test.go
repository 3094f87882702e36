package handout

import (
	"reflect"
	"testing"

	"handouts/internal/briefing"
)

func doc() *briefing.Document {
	return &briefing.Document{Meta: briefing.Meta{
		Title:       "Making sense of integrated care systems",
		Subtitle:    "ICSs, ICPs and ACOs",
		Kind:        briefing.PolicyBriefing,
		Producer:    "JET Library",
		Source:      "King's Fund",
		Link:        "https://www.kingsfund.org.uk/",
		Format:      "Long read",
		Published:   briefing.Date{Year: 2018, Month: 2},
		Updated:     briefing.Date{Year: 2018, Month: 2},
		Review:      briefing.Date{Year: 2018, Month: 5},
		Responsible: "VT",
		Audience:    []string{"LKS staff", "Managers"},
		Tags:        []string{"integrated care"},
	}}
}

func TestNew(t *testing.T) {
	h := New(doc(), Options{})
	want := &Handout{
		KindLabel:       "Policy briefing",
		Title:           "Making sense of integrated care systems",
		Subtitle:        "ICSs, ICPs and ACOs",
		Acknowledgement: "Produced by JET Library. Feel free to reproduce this briefing, with acknowledgement.",
		SourceHeading:   "About the source document",
		AboutHeading:    "About this briefing",
		SourcePanel: []Row{
			{"Source", "King's Fund", ""},
			{"Link to main document", "https://www.kingsfund.org.uk/", "https://www.kingsfund.org.uk/"},
			{"Publication format", "Long read", ""},
			{"Date of publication", "February 2018", ""},
		},
		AboutPanel: []Row{
			{"Primary audience", "LKS staff\nManagers", ""},
			{"Date last updated", "February 2018", ""},
			{"Due for review", "May 2018", ""},
			{"Group member responsible", "VT", ""},
			{"Produced by", "JET Library", ""},
		},
		Footer: "JET Library",
		Meta: Metadata{
			Title:    "Making sense of integrated care systems",
			Subject:  "Policy briefing on a long read by King's Fund, February 2018",
			Author:   "JET Library",
			Keywords: []string{"integrated care"},
			Language: "en-GB",
		},
	}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("got  %+v\nwant %+v", h, want)
	}
}

func TestAdaptedBy(t *testing.T) {
	h := New(doc(), Options{AdaptedBy: " Leighton Library "})
	if want := "Adapted by Leighton Library from a briefing by JET Library."; h.AdaptedBy != want {
		t.Errorf("AdaptedBy %q, want %q", h.AdaptedBy, want)
	}
	// The original producer is never dropped.
	if want := "Produced by JET Library. Feel free to reproduce this briefing, with acknowledgement."; h.Acknowledgement != want {
		t.Errorf("Acknowledgement %q", h.Acknowledgement)
	}
	if h.Footer != "Leighton Library, adapted from JET Library" {
		t.Errorf("Footer %q", h.Footer)
	}
	if h.Meta.Author != "Leighton Library; adapted from JET Library" {
		t.Errorf("Author %q", h.Meta.Author)
	}
	last := h.AboutPanel[len(h.AboutPanel)-2:]
	if !reflect.DeepEqual(last, []Row{{"Produced by", "JET Library", ""}, {"Adapted by", "Leighton Library", ""}}) {
		t.Errorf("about panel ends %+v", last)
	}
}

func TestAcknowledgement(t *testing.T) {
	tests := []struct {
		name     string
		briefing string // the briefing's own wording
		project  string // Options.Acknowledgement
		producer string // the briefing's producer
		def      string // Options.Producer
		want     string
	}{
		{"built-in", "", "", "JET Library", "", "Produced by JET Library. Feel free to reproduce this briefing, with acknowledgement."},
		{"project wording", "", "By {producer}; reuse with credit to {producer}.", "JET Library", "", "By JET Library; reuse with credit to JET Library."},
		{"briefing wins", "Written by {producer}.", "By {producer}.", "JET Library", "", "Written by JET Library."},
		{"project producer", "", "", "", "Default Library", "Produced by Default Library. Feel free to reproduce this briefing, with acknowledgement."},
		{"briefing producer wins", "", "", "JET Library", "Default Library", "Produced by JET Library. Feel free to reproduce this briefing, with acknowledgement."},
	}
	for _, tt := range tests {
		d := doc()
		d.Meta.Acknowledgement, d.Meta.Producer = tt.briefing, tt.producer
		h := New(d, Options{Acknowledgement: tt.project, Producer: tt.def})
		if h.Acknowledgement != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, h.Acknowledgement, tt.want)
		}
		if h.Footer == "" || h.Meta.Author == "" {
			t.Errorf("%s: no producer in footer %q or author %q", tt.name, h.Footer, h.Meta.Author)
		}
	}
}

func TestSubject(t *testing.T) {
	tests := []struct {
		format, source string
		published      briefing.Date
		want           string
	}{
		{"Long read", "King's Fund", briefing.Date{Year: 2018, Month: 2}, "Policy briefing on a long read by King's Fund, February 2018"},
		{"PDF", "NHS England", briefing.Date{}, "Policy briefing on a PDF by NHS England"},
		{"HTML page", "NHS England", briefing.Date{}, "Policy briefing on an HTML page by NHS England"},
		{"Report", "NHS Providers", briefing.Date{Year: 2017}, "Policy briefing on a report by NHS Providers, 2017"},
		{"Évaluation", "HAS", briefing.Date{}, "Policy briefing on an évaluation by HAS"},
		{"", "King's Fund", briefing.Date{}, "Policy briefing on a document by King's Fund"},
		{"Guide", "", briefing.Date{}, "Policy briefing"},
	}
	for _, tt := range tests {
		d := doc()
		d.Meta.Format, d.Meta.Source, d.Meta.Published = tt.format, tt.source, tt.published
		if got := New(d, Options{}).Meta.Subject; got != tt.want {
			t.Errorf("subject(%q, %q) = %q, want %q", tt.format, tt.source, got, tt.want)
		}
	}
}

func TestPageLabel(t *testing.T) {
	if got := PageLabel(2, 3); got != "Page 2 of 3" {
		t.Errorf("got %q", got)
	}
}

func TestAudiences(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want string
	}{
		{"one", []string{"LKS staff"}, "LKS staff"},
		{"one per line, capitals kept", []string{"LKS staff and their wider organisations", "Managers, commissioners"}, "LKS staff and their wider organisations\nManagers, commissioners"},
		{"spaces and line ends closed up", []string{" Board  members\nand managers ", "\t"}, "Board members and managers"},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc()
			d.Meta.Audience = tt.in
			var got string
			found := false
			for _, r := range New(d, Options{}).AboutPanel {
				if r.Label == "Primary audience" {
					got, found = r.Value, true
				}
			}
			if got != tt.want {
				t.Errorf("audience %q, want %q", got, tt.want)
			}
			if found != (tt.want != "") {
				t.Errorf("row present %v, want %v", found, tt.want != "")
			}
		})
	}
}

func TestFollowable(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want bool
	}{
		{"https://example.org/", true},
		{"http://example.org", true},
		{"HTTPS://EXAMPLE.ORG", true},
		{"  https://example.org  ", true},
		{"mailto:a@example.org", true},
		{"MailTo:a@example.org", true},
		{"ftp://example.org/f", true},
		{"https://", false}, // nothing after the scheme
		{"mailto:", false},
		{"", false},
		{"#note-1", false},
		{"javascript:alert(1)", false},
		{"file:///etc/passwd", false},
		{"data:text/html,x", false},
		{"www.example.org", false},
		{"i.png", false},
		{"https:example.org", false},
	} {
		if got := Followable(tt.url); got != tt.want {
			t.Errorf("Followable(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}
