package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/diag"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  Config   // Path and Templates left out; checked below
		diags []string // exact, in order
	}{
		{
			name:  "empty file",
			input: "",
			want:  Config{Paper: A4, ReviewMonths: 12},
		},
		{
			name:  "only comments",
			input: "# nothing set yet\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
		},
		{
			name: "every key",
			input: `producer: JET Library, Mid Cheshire Hospitals NHS Foundation Trust
acknowledgement: "Written by {producer}; reuse it freely, naming {producer}."
paper: Letter
review-period: 6 months
adapted-by: Leighton Library
`,
			want: Config{
				Producer:        "JET Library, Mid Cheshire Hospitals NHS Foundation Trust",
				Acknowledgement: "Written by {producer}; reuse it freely, naming {producer}.",
				Paper:           Letter,
				ReviewMonths:    6,
				AdaptedBy:       "Leighton Library",
			},
		},
		{
			name:  "review period as a number",
			input: "review-period: 18\n",
			want:  Config{Paper: A4, ReviewMonths: 18},
		},
		{
			name:  "review period in years",
			input: "review-period: 2 years\n",
			want:  Config{Paper: A4, ReviewMonths: 24},
		},
		{
			name:  "unknown key with a near miss",
			input: "producer: X\nreveiw-period: 6\n",
			want:  Config{Producer: "X", Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: unknown key "reveiw-period"; did you mean "review-period"?`},
		},
		{
			name:  "unknown key far from any",
			input: "colour: blue\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: unknown key "colour"; the keys are producer, acknowledgement, paper, review-period, adapted-by, templates, logo, logo-alt, qr, formats, site-url, site-title`},
		},
		{
			name:  "formats as text",
			input: "formats: docx, PDF, html, pdf\n",
			want:  Config{Paper: A4, ReviewMonths: 12, Formats: "docx,pdf,html"},
		},
		{
			name:  "formats as a list",
			input: "formats: [html, pdf]\n",
			want:  Config{Paper: A4, ReviewMonths: 12, Formats: "html,pdf"},
		},
		{
			name:  "a misspelt format",
			input: "formats: docx, htlm\n",
			want:  Config{Paper: A4, ReviewMonths: 12, Formats: "docx"},
			diags: []string{`handouts.yaml:1: formats: unknown format "htlm"; did you mean "html"?`},
		},
		{
			name:  "a near miss of the formats key",
			input: "format: html\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: unknown key "format"; did you mean "formats"?`},
		},
		{
			name:  "site address and title",
			input: "site-url: https://library.example.org/briefings\nsite-title: Hot topics\n",
			want:  Config{Paper: A4, ReviewMonths: 12, SiteURL: "https://library.example.org/briefings/", SiteTitle: "Hot topics"},
		},
		{
			name:  "a site address that is not a web address",
			input: "site-url: javascript:alert(1)\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: site-url "javascript:alert(1)" is not a web address such as https://library.example.org/briefings/`},
		},
		{
			name:  "a list where text belongs",
			input: "producer:\n  - A\n  - B\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: producer must be text, not a list`},
		},
		{
			name:  "a mapping where a size belongs",
			input: "paper: {size: a4}\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: paper must be a4 or letter, not a set of keys`},
		},
		{
			name:  "no value",
			input: "\nadapted-by:\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: adapted-by has no value; give text or remove the line`},
		},
		{
			name:  "empty string",
			input: "producer: \"  \"\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: producer is empty; give text or remove the line`},
		},
		{
			name:  "bad paper",
			input: "paper: A5\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: paper "A5" is not a4 or letter`},
		},
		{
			name:  "bad period",
			input: "review-period: soon\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: review-period: "soon" is not a period such as 12, "6 months" or "1 year"`},
		},
		{
			name:  "period out of range",
			input: "review-period: 0\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: review-period: "0" is out of range: between 1 month and 10 years`},
		},
		{
			name:  "acknowledgement without the placeholder is an error",
			input: "acknowledgement: Reuse freely.\n",
			want:  Config{Acknowledgement: "Reuse freely.", Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: acknowledgement does not name the producer; put {producer} where the producer's name belongs`},
		},
		{
			name:  "acknowledgement with a misspelt placeholder",
			input: "acknowledgement: By {produce}.\n",
			want:  Config{Acknowledgement: "By {produce}.", Paper: A4, ReviewMonths: 12},
			diags: []string{
				`handouts.yaml:1: acknowledgement does not name the producer; put {producer} where the producer's name belongs`,
				`handouts.yaml:1: acknowledgement has the placeholder {produce}; the only placeholder is {producer}`,
			},
		},
		{
			name:  "duplicate key",
			input: "paper: a4\npaper: letter\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: paper is given twice (first on line 1); keep one`},
		},
		{
			name:  "syntax error carries the line",
			input: "producer: X\npaper: a4\n  bad: indent\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:3: YAML syntax: mapping values are not allowed in this context`},
		},
		{
			name:  "parser error carries the line, not the one before",
			input: "producer: X\npaper: a4\nadapted-by: [Our Library\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:3: YAML syntax: did not find expected ',' or ']'`},
		},
		{
			name:  "not a mapping",
			input: "- producer\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:1: the project config must be a list of "key: value" lines, not a list`},
		},
		{
			name:  "two documents",
			input: "paper: a4\n---\npaper: letter\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: the project config must be one YAML document; remove the second one (after "---")`},
		},
		{
			name:  "invalid UTF-8",
			input: "producer: X\nadapted-by: \xff\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{`handouts.yaml:2: invalid UTF-8; save the file as UTF-8`},
		},
		{
			name:  "every problem reported at once",
			input: "prodcer: X\npaper: a3\nreview-period: 6 weeks\n",
			want:  Config{Paper: A4, ReviewMonths: 12},
			diags: []string{
				`handouts.yaml:1: unknown key "prodcer"; did you mean "producer"?`,
				`handouts.yaml:2: paper "a3" is not a4 or letter`,
				`handouts.yaml:3: review-period: "6 weeks" is not a period such as 12, "6 months" or "1 year"`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := Parse("handouts.yaml", []byte(tt.input))
			got := *c
			got.Path, got.Templates = "", ""
			if got != tt.want {
				t.Errorf("config:\n got %+v\nwant %+v", got, tt.want)
			}
			if g := strs(diags); strings.Join(g, "\n") != strings.Join(tt.diags, "\n") {
				t.Errorf("diagnostics:\n got %q\nwant %q", g, tt.diags)
			}
		})
	}
}

func strs(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]int{
		"12": 12, "1 month": 1, "6 months": 6, "6months": 6, " 3 MONTHS ": 3,
		"1 year": 12, "2 years": 24, "10 years": 120, "120": 120,
	} {
		if got, err := ParsePeriod(in); err != nil || got != want {
			t.Errorf("ParsePeriod(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "121", "11 years", "-1", "six months", "6 weeks", "1.5", "6 months later"} {
		if got, err := ParsePeriod(in); err == nil {
			t.Errorf("ParsePeriod(%q) = %d; want an error", in, got)
		}
	}
}

func TestLoadMissingFileGivesDefaults(t *testing.T) {
	c, diags := Load(t.TempDir())
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if *c != *Default() {
		t.Errorf("got %+v, want the defaults", *c)
	}
}

func TestLoadFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.yaml")
	_, diags := LoadFile(path)
	want := path + ": cannot read the project config: no such file or directory"
	if got := strings.Join(strs(diags), "\n"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLoadTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "look"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("handouts.yaml", "producer: P\ntemplates: look\n")
	c, diags := Load(dir)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	if want := filepath.Join(dir, "look"); c.Templates != want {
		t.Errorf("Templates = %q, want %q (relative to the config's folder)", c.Templates, want)
	}
	if want := filepath.Join(dir, FileName); c.Path != want {
		t.Errorf("Path = %q, want %q", c.Path, want)
	}

	write("handouts.yaml", "producer: P\n\ntemplates: missing\n")
	_, diags = Load(dir)
	want := filepath.Join(dir, FileName) + ":3: templates folder " + filepath.ToSlash(filepath.Join(dir, "missing")) + " does not exist (it is relative to the config file's folder)"
	if got := strings.Join(strs(diags), "\n"); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}

	write("handouts.yaml", "templates: handouts.yaml\n")
	_, diags = Load(dir)
	if !diags.HasErrors() || !strings.Contains(strs(diags)[0], "is a file, not a folder") {
		t.Errorf("a file given as templates folder: got %v", diags)
	}
}

func TestLoadTooLarge(t *testing.T) {
	dir := t.TempDir()
	data := strings.Repeat("# padding\n", MaxSize/10+1)
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := Load(dir)
	if !diags.HasErrors() || !strings.Contains(strs(diags)[0], "larger than 64 KiB") {
		t.Errorf("got %v", diags)
	}
}

// FuzzParse feeds arbitrary bytes to the config parser: it must not
// panic, must return usable settings, and must explain every rejection.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"",
		"producer: P\npaper: letter\nreview-period: 6 months\n",
		"acknowledgement: \"By {producer}\"\nadapted-by: A\ntemplates: t\n",
		"paper: [a4\n",
		"a: &x b\nproducer: *x\n",
		"---\n---\n",
		"reveiw: 1\n",
		"? [a, b]\n: c\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, diags := Parse("handouts.yaml", data)
		if c == nil {
			t.Fatal("nil config")
		}
		if c.Paper != A4 && c.Paper != Letter {
			t.Fatalf("paper %q", c.Paper)
		}
		if c.ReviewMonths < 1 || c.ReviewMonths > MaxReviewMonths {
			t.Fatalf("review months %d", c.ReviewMonths)
		}
		for _, d := range diags {
			if d.Message == "" || d.Path != "handouts.yaml" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
	})
}
