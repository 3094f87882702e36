package build

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"handouts/internal/diag"
)

func sampleResult() *Result {
	var bad diag.List
	bad.Errorf("sources/b.md", 7, "review date is before updated date")
	var warn diag.List
	warn.Warnf("sources/c.md", 3, "no tags")
	return &Result{
		Out: "out",
		Items: []*Item{
			{Source: "sources/a.md", Name: "a", Status: Built, Outputs: []Output{
				{Format: "docx", Name: "a.docx", Path: "out/a.docx", Status: Built, SHA256: "aa"},
				{Format: "pdf", Name: "a.pdf", Path: "out/a.pdf", Status: Unchanged, SHA256: "ab"},
			}},
			{Source: "sources/b.md", Name: "b", Status: Stale, Diags: bad, Outputs: []Output{
				{Format: "docx", Name: "b.docx", Path: "out/b.docx", Status: Stale, SHA256: "ba"},
			}},
			{Source: "sources/c.md", Name: "c", Status: Unchanged, Diags: warn, Outputs: []Output{
				{Format: "docx", Name: "c.docx", Path: "out/c.docx", Status: Unchanged},
			}},
		},
		Orphans: []Orphan{{Path: "out/old.docx", Source: "sources/old.md"}},
	}
}

func report(r *Reporter, res *Result) string {
	var b bytes.Buffer
	r.W = &b
	r.Observe(Event{Kind: Started, Total: len(res.Items)})
	for i, it := range res.Items {
		r.Observe(Event{Kind: Progress, Done: i + 1, Total: len(res.Items)})
		r.Observe(Event{Kind: Finished, Done: i + 1, Total: len(res.Items), Item: it})
	}
	r.Finish(res, 1234*time.Millisecond)
	return b.String()
}

func TestReporterLevels(t *testing.T) {
	cases := []struct {
		name string
		r    Reporter
		want string
	}{
		{"normal", Reporter{Level: Normal}, `built out/a.docx
sources/b.md:7: review date is before updated date
out/b.docx: stale: kept from an earlier build, as sources/b.md has errors
sources/c.md:3: warning: no tags
out/old.docx: its briefing sources/old.md no longer exists; --prune removes it
built 1, unchanged 1, failed 1, stale 1, orphaned 1, 1.2 s
`},
		{"verbose", Reporter{Level: Verbose}, `built out/a.docx
unchanged out/a.pdf
sources/b.md:7: review date is before updated date
out/b.docx: stale: kept from an earlier build, as sources/b.md has errors
sources/c.md:3: warning: no tags
unchanged out/c.docx
out/old.docx: its briefing sources/old.md no longer exists; --prune removes it
built 1, unchanged 1, failed 1, stale 1, orphaned 1, 1.2 s
`},
		{"quiet", Reporter{Level: Quiet}, `sources/b.md:7: review date is before updated date
`},
	}
	for _, c := range cases {
		if got := report(&c.r, sampleResult()); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

func TestReporterOnATerminal(t *testing.T) {
	got := report(&Reporter{Level: Normal, Bar: true, Color: true}, sampleResult())
	for _, want := range []string{
		"\r[##########....................] 1/3 briefings\x1b[K",
		"\r\x1b[K\x1b[31msources/b.md:7: review date is before updated date\x1b[0m\n",
		"\x1b[33msources/c.md:3: warning: no tags\x1b[0m\n",
		"\x1b[31mbuilt 1, unchanged 1, failed 1, stale 1, orphaned 1\x1b[0m, 1.2 s\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%q", want, got)
		}
	}
	if strings.Contains(got, "built out/a.docx") {
		t.Error("the bar stands in for the list of handouts written")
	}
	plain := report(&Reporter{Level: Normal}, sampleResult())
	if strings.ContainsAny(plain, "\x1b\r") {
		t.Errorf("escape codes without a terminal: %q", plain)
	}
}

// TestBarFitsTheTerminal: a bar as wide as the terminal would wrap, and
// each redraw would leave a line behind; the bar shrinks instead, down to
// the count alone.
func TestBarFitsTheTerminal(t *testing.T) {
	for _, tc := range []struct {
		cols int
		want string
	}{
		{0, "[##########....................] 200/600 briefings"},
		{80, "[##########....................] 200/600 briefings"},
		{40, "[######.............] 200/600 briefings"},
		{30, "200/600 briefings"},
		{41, "[######..............] 200/600 briefings"},
		{12, "200/600"},
	} {
		got := barText(200, 600, tc.cols)
		if got != tc.want {
			t.Errorf("%d columns: %q; want %q", tc.cols, got, tc.want)
		}
		if tc.cols > 0 && len(got) >= tc.cols {
			t.Errorf("%d columns: %q reaches the last column", tc.cols, got)
		}
	}
	got := report(&Reporter{Level: Normal, Bar: true, Width: 40}, sampleResult())
	if !strings.Contains(got, "\r[#######................] 1/3 briefings\x1b[K") {
		t.Errorf("a 40-column terminal's bar: %q", got)
	}
}

func TestJSONHasNoTimeAndEveryBriefing(t *testing.T) {
	res := sampleResult()
	a := string(res.JSON())
	if a != string(res.JSON()) {
		t.Fatal("JSON differs between calls")
	}
	for _, want := range []string{
		`"ok": false`,
		`"stale": 1`,
		`"source": "sources/b.md"`,
		`"line": 7`,
		`"severity": "warning"`,
		`"file": "out/old.docx"`,
	} {
		if !strings.Contains(a, want) {
			t.Errorf("JSON lacks %s:\n%s", want, a)
		}
	}
}
