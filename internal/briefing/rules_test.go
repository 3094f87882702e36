package briefing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// policyFront is a valid policy-briefing front matter (lines 1–9) and
// policyBody a valid body (lines 10–14).
const policyFront = `---
title: Making sense of integrated care systems
producer: JET Library
source: King's Fund
updated: 2018-02
review: 2018-05
responsible: VT
audience: [LKS staff]
---
`

const policyBody = `## Impact on library policy/practice
- Share it.

## Summary of driver
The summary.
`

// TestRules checks each validation rule on a small variation of a valid
// briefing: the exact diagnostics, or none.
func TestRules(t *testing.T) {
	front := func(old, new string) string {
		if !strings.Contains(policyFront, old) {
			panic("no " + old)
		}
		return strings.Replace(policyFront, old, new, 1)
	}
	tests := []struct {
		name string
		src  string
		opts Options
		want []string
	}{
		{"valid", policyFront + policyBody, Options{}, nil},
		{"producer from the project", front("producer: JET Library\n", "") + policyBody,
			Options{DefaultProducer: "JET Library"}, nil},
		{"producer required without a project default", front("producer: JET Library\n", "") + policyBody, Options{},
			[]string{"x.md:8: the front matter has no producer; add a line producer: Example Library Service, Example NHS Trust, or set producer in the project config handouts.yaml"}},
		{"hot topic needs neither source nor summary", front("source: King's Fund", "kind: hot-topic") + "## Impact\n- x\n", Options{}, nil},
		{"kind written loosely", front("source: King's Fund", "source: K\nkind: Hot Topic") + "## Impact\n- x\n", Options{}, nil},
		{"kind typo", front("source: King's Fund", "source: K\nkind: policy-breifing") + policyBody, Options{},
			[]string{`x.md:5: unknown kind "policy-breifing"; did you mean "policy-briefing"?`}},
		{"empty sections", policyFront + "## Impact on library policy/practice\n<!-- hint -->\n\n## Summary of driver\n\n## Key points\n\n## Further reading\n1. Item\n", Options{},
			[]string{
				`x.md:10: section "Impact on library policy/practice" is empty; write what the driver means for library services under it (every briefing needs this section)`,
				`x.md:13: section "Summary of driver" is empty; summarise the driver document under it (a policy briefing needs this section)`,
				`x.md:15: section "Key points" is empty; write it, or remove the heading`,
			}},
		{"review warning off without today", front("review: 2018-05", "review: 2018-05") + policyBody, Options{}, nil},
		{"review not past on the month's last day", policyFront + policyBody, Options{Today: Date{2018, 5, 31}}, nil},
		{"review past the day after", policyFront + policyBody, Options{Today: Date{2018, 6, 1}},
			[]string{"x.md:6: warning: review date May 2018 has passed (today is 1 June 2018); review the briefing, then set updated and a new review date"}},
		{"review before updated", front("review: 2018-05", "review: 2018-01") + policyBody, Options{},
			[]string{"x.md:6: review date January 2018 is before updated date February 2018; the review is due after the last update"}},
		{"review in the updated month", front("review: 2018-05", "review: 2018-02") + policyBody, Options{}, nil},
		{"english dates", front("updated: 2018-02", "updated: 14 February 2018\npublished: Feb 2018") + policyBody, Options{}, nil},
		{"bad date", front("updated: 2018-02", "updated: 2018/02") + policyBody, Options{},
			[]string{`x.md:5: updated: date "2018/02" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`}},
		{"link", front("source: King's Fund", "source: K\nlink: https://www.kingsfund.org.uk/a?b=c#d") + policyBody, Options{}, nil},
		{"link relative", front("source: King's Fund", "source: K\nlink: /publications/a") + policyBody, Options{},
			[]string{`x.md:5: link "/publications/a" is not an absolute address; write it in full, starting https://`}},
		{"link mailto", front("source: King's Fund", "source: K\nlink: mailto:a@b.org") + policyBody, Options{},
			[]string{`x.md:5: link "mailto:a@b.org" is a mailto: address; the link to the main document must start http:// or https://`}},
		{"wrong type", front("responsible: VT", "responsible: [VT, AB]") + policyBody, Options{},
			[]string{"x.md:7: responsible must be a single value, not a list; write it as responsible: Library manager (the group member responsible)"}},
		{"audience of one, written plainly", front("audience: [LKS staff]", "audience: LKS staff") + policyBody, Options{}, nil},
		{"audience empty", front("audience: [LKS staff]", "audience:") + policyBody, Options{},
			[]string{"x.md:8: audience is empty; list at least one primary audience, such as audience: [LKS staff]"}},
		{"audience of blanks", front("audience: [LKS staff]", "audience: ['', ' ']") + policyBody, Options{},
			[]string{"x.md:8: audience is empty; list at least one primary audience, such as audience: [LKS staff]"}},
		{"unknown key", front("title:", "titel: x\ntitle:") + policyBody, Options{},
			[]string{`x.md:2: unknown key "titel"; did you mean "title"?`}},
		{"missing impact", policyFront + "## Summary\nx\n", Options{},
			[]string{`x.md:9: no impact section; add a section "## Impact on library policy/practice" saying what the driver means for library services`}},
		{"missing summary", policyFront + "## Impact\n- x\n## Key points\n- y\n", Options{},
			[]string{`x.md:9: no driver summary, which a policy briefing needs; add a section "## Summary of driver" (or set kind: hot-topic)`}},
		{"section twice", policyFront + policyBody + "## Key features\n- a\n## Key points\n- b\n", Options{},
			[]string{`x.md:17: a second "Key features of driver" section ("Key features" is on line 15); merge the two into one`}},
		{"citations", policyFront + policyBody + "See (1), (1, 2), (1,2), (1-2), (1 – 2) and (2--2).\n## Further reading\n1. a\n2. b\n", Options{}, nil},
		{"citation ordered list starting at 5", policyFront + policyBody + "See (5) and (6) and (4).\n## References\n5. a\n6. b\n", Options{},
			[]string{"x.md:15: citation (4): Further reading has no item 4 (its items are 5–6); correct the number or add the item"}},
		{"a number cited twice in one citation is missing once", policyFront + policyBody + "See (7, 7) and (1-2, 2-7).\n## Further reading\n1. a\n2. b\n", Options{},
			[]string{
				"x.md:15: citation (1-2, 2-7): Further reading has no items 3, 4, 5, 6 and 7 (its items are 1–2); correct the number or add the item",
				"x.md:15: citation (7, 7): Further reading has no item 7 (its items are 1–2); correct the number or add the item",
			}},
		{"not citations", policyFront + policyBody + "Years (2018), (12a), (1.5), (), (1,), `(7)`, [x](https://e.org/(7)) and \\(8).\n", Options{}, nil},
		{"uncited items only warned when something is cited", policyFront + policyBody + "## Further reading\n1. a\n2. b\n", Options{}, nil},
		{"unknown kind requires no summary", front("source: King's Fund", "kind: hot-topik") + "## Impact\n- x\n", Options{},
			[]string{`x.md:4: unknown kind "hot-topik"; did you mean "hot-topic"?`}},
		{"link with a space", policyFront + policyBody + "[a](<https://e.org/a b>)\n", Options{},
			[]string{`x.md:15: link "https://e.org/a b" is not a valid web address (write a space as %20); copy it from the browser's address bar`}},
		{"link schemes in the body", policyFront + policyBody + "[a](HTTPS://E.ORG/) [b](ftp://e.org/) ![c](c.png) <mailto:a@b.org>\n", Options{},
			[]string{
				`x.md:15: link "ftp://e.org/" uses ftp:, which a handout cannot offer; only http, https and mailto addresses are allowed`,
				`x.md:15: picture "c.png" must be a paragraph of its own, at section level (not in a list, table, quote, heading or note, nor beside text); put it on its own line with a blank line before and after`,
			}},
		{"undefined footnote", policyFront + policyBody + "Text[^nope].\n", Options{},
			[]string{`x.md:15: footnote [^nope] has no text; add a line "[^nope]: the note" below the paragraph`}},
		{"level-1 heading", policyFront + "# Title\n" + policyBody, Options{},
			[]string{"x.md:10: a level-1 heading (# …) in the body; the title comes from the front matter's title key, so make this a section (## Title) or remove it"}},
		{"control character", policyFront + policyBody + "a\x1bb\n", Options{},
			[]string{"x.md:15: an escape character (U+001B) is not allowed in a briefing; delete it"}},
		{"invalid UTF-8", policyFront + policyBody + "a\xffb\n", Options{},
			[]string{"x.md:15: invalid UTF-8 (byte 0xFF); the file is in another encoding: save it as UTF-8"}},
		{"non-character", policyFront + policyBody + "a\uffffb\n", Options{},
			[]string{"x.md:15: the non-character U+FFFF is not allowed in a briefing; delete it"}},
		{"CRLF accepted", strings.ReplaceAll(policyFront+policyBody, "\n", "\r\n"), Options{}, nil},
		{"byte-order mark accepted", "\ufeff" + policyFront + policyBody, Options{}, nil},
		{"front matter closed with trailing spaces", strings.Replace(policyFront, "\n---\n", "\n---  \n", 1) + policyBody, Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := Parse("x.md", []byte(tt.src), tt.opts)
			if doc == nil {
				t.Fatal("no document")
			}
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestMeta checks the typed metadata read from the front matter.
func TestMeta(t *testing.T) {
	src := `---
title: '  Accountable care:   the art of the possible '
subtitle: A hot topic
kind: hot-topic
producer: JET Library
source: King's Fund
link: https://www.kingsfund.org.uk/
format: Long read
published: February 2018
updated: 14 Feb 2018
review: 2019
responsible: VT
audience:
  - LKS staff
  - Managers
tags: integrated care, accountable care
acknowledgement: Produced by {producer}.
---
## Impact
- x
`
	doc, diags := Parse("sources/hot/ACO.MD", []byte(src), Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := doc.Meta
	checks := []struct{ name, got, want string }{
		{"path", doc.Path, "sources/hot/ACO.MD"},
		{"name", doc.Name, "ACO"},
		{"title", m.Title, "Accountable care: the art of the possible"},
		{"subtitle", m.Subtitle, "A hot topic"},
		{"kind", string(m.Kind), "hot-topic"},
		{"producer", m.Producer, "JET Library"},
		{"source", m.Source, "King's Fund"},
		{"link", m.Link, "https://www.kingsfund.org.uk/"},
		{"format", m.Format, "Long read"},
		{"published", m.Published.ISO(), "2018-02"},
		{"updated", m.Updated.ISO(), "2018-02-14"},
		{"review", m.Review.ISO(), "2019"},
		{"responsible", m.Responsible, "VT"},
		{"audience", strings.Join(m.Audience, "|"), "LKS staff|Managers"},
		{"tags", strings.Join(m.Tags, "|"), "integrated care|accountable care"},
		{"acknowledgement", m.Acknowledgement, "Produced by {producer}."},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}

	doc, _ = Parse("x.md", []byte(policyFront+policyBody), Options{})
	if doc.Meta.Kind != PolicyBriefing {
		t.Errorf("default kind %q, want policy-briefing", doc.Meta.Kind)
	}
}

// TestSections checks which headings name which standard section and
// that the author's own sections keep their order.
func TestSections(t *testing.T) {
	roles := []struct {
		heading string
		want    Role
	}{
		{"Impact on library policy/practice", Impact},
		{"IMPACT ON LIBRARY POLICY / PRACTICE", Impact},
		{"Impact on library policy & practice", Impact},
		{"What does this mean for libraries?", Impact},
		{"What does this mean for libraries", Impact},
		{"Impact", Impact},
		{"Summary of driver", Summary},
		{"Summary:", Summary},
		{"Key features of driver", KeyFeatures},
		{"Key points", KeyFeatures},
		{"Further reading", FurtherReading},
		{"References", FurtherReading},
		{"Reading", FurtherReading},
		{"What is an accountable care organisation?", Other},
		{"Summary of the challenges", Other},
	}
	for _, r := range roles {
		if got := RoleOf(r.heading); got != r.want {
			t.Errorf("RoleOf(%q) = %d, want %d", r.heading, got, r.want)
		}
	}

	src := policyFront + "Lead text.\n## Further reading\n- r\n## What is it?\n- a\n" + policyBody + "## What next?\n- b\n"
	doc, diags := Parse("x.md", []byte(src), Options{})
	if len(diags) > 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	var got []string
	for _, s := range doc.Sections() {
		got = append(got, s.Heading)
	}
	want := "Impact on library policy/practice|Summary of driver|What is it?|What next?|Further reading"
	if strings.Join(got, "|") != want {
		t.Errorf("sections %q, want %q", strings.Join(got, "|"), want)
	}
	if len(doc.Lead) != 1 {
		t.Errorf("lead has %d blocks, want 1", len(doc.Lead))
	}
}

// TestFileLimits checks the size limit and unreadable paths.
func TestFileLimits(t *testing.T) {
	big := make([]byte, MaxFileSize+1)
	copy(big, policyFront+policyBody)
	doc, diags := Parse("big.md", big, Options{})
	if doc != nil || len(diags) != 1 || diags[0].String() != "big.md: the file is larger than 1 MiB; a briefing is a page or two of text: is this the right file?" {
		t.Errorf("over the limit: doc %v, diags %v", doc != nil, diags)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "big.md")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if doc, diags := ParseFile(path, Options{}); doc != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "larger than 1 MiB") {
		t.Errorf("ParseFile over the limit: %v", diags)
	}
	exact := filepath.Join(dir, "exact.md")
	if err := os.WriteFile(exact, big[:MaxFileSize], 0o644); err != nil {
		t.Fatal(err)
	}
	if doc, _ := ParseFile(exact, Options{}); doc == nil {
		t.Errorf("a file of exactly %d bytes was refused", MaxFileSize)
	}
	if _, diags := ParseFile(filepath.Join(dir, "none.md"), Options{}); len(diags) != 1 || !strings.Contains(diags[0].Message, "no such file") {
		t.Errorf("missing file: %v", diags)
	}
	if _, diags := ParseFile(dir, Options{}); len(diags) != 1 || diags[0].Message != "is a folder, not a briefing" {
		t.Errorf("folder: %v", diags)
	}
}

// TestManyBadLines checks that a file in another encoding is reported on
// its first lines and the rest counted, not listed line by line.
func TestManyBadLines(t *testing.T) {
	src := policyFront + policyBody + strings.Repeat("Caf\xe9 and a bell\a.\n", 14)
	_, diags := Parse("x.md", []byte(src), Options{})
	var utf, ctl int
	var rest []string
	for _, d := range diags {
		switch {
		case d.Line > 0 && strings.HasPrefix(d.Message, "invalid UTF-8 (byte 0xE9)"):
			utf++
		case d.Line > 0 && strings.HasPrefix(d.Message, "the control character U+0007"):
			ctl++
		default:
			rest = append(rest, d.String())
		}
	}
	want := []string{
		"x.md:25: control characters on 4 more lines, from this one on; delete them",
		"x.md:25: invalid UTF-8 on 4 more lines, from this one on; save the file as UTF-8",
	}
	if utf != maxReported || ctl != maxReported || strings.Join(rest, "\n") != strings.Join(want, "\n") {
		t.Errorf("%d invalid UTF-8 lines, %d control character lines, then:\n%s", utf, ctl, strings.Join(rest, "\n"))
	}
}
