package importer_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/diag"
	"handouts/internal/importer"
	"handouts/internal/webread"
	"handouts/internal/wordread"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.md from the fixtures")

// read reads a fixture with the reader its extension names, as the
// import command does.
func read(t *testing.T, path string) importer.Source {
	t.Helper()
	var (
		src importer.Source
		err error
	)
	switch filepath.Ext(path) {
	case ".docx":
		src, err = wordread.ReadFile(path)
	case ".html":
		src, err = webread.ReadFile(path)
	default:
		src, err = importer.ReadTextFile(path)
	}
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return src
}

// TestFixtures imports each fixture (Word documents made with LibreOffice
// from testdata/src/*.html, in a tidy shape with heading styles and Word
// lists and a hurried one with bold lines and typed bullets; pasted text;
// a saved blog page) and compares the Markdown written with its golden
// file. Every import must then pass check, with the kind, title and
// fields expected.
func TestFixtures(t *testing.T) {
	tests := []struct {
		file        string
		kind        briefing.Kind
		title       string
		sections    []string // headings in handout order
		link        bool     // the link was found
		linkComment bool     // the link label was there without an address
		remarks     int
	}{
		{file: "tidy.docx", kind: briefing.PolicyBriefing, title: "Virtual wards and the library",
			sections: []string{"Impact on library policy/practice", "Summary of driver", "Key features of driver", "What does a virtual ward cost?", "Further reading"},
			link:     true},
		{file: "hurried.docx", kind: briefing.HotTopic, title: "Social prescribing",
			sections: []string{"Impact on library policy/practice", "What is social prescribing?", "Further reading"}},
		{file: "pasted.txt", kind: briefing.PolicyBriefing, title: "Reading for wellbeing: books on prescription in the community",
			sections:    []string{"What does this mean for libraries?", "Summary of driver", "Key features of driver", "Further reading"},
			linkComment: true, remarks: 2},
		{file: "page.html", kind: briefing.HotTopic, title: "Staff wellbeing hubs",
			sections: []string{"Impact on library policy/practice", "What is a staff wellbeing hub?", "Further reading"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			b := importer.Convert(read(t, filepath.Join("testdata", tc.file)))
			md := b.Markdown(tc.file)
			golden := filepath.Join("testdata", strings.TrimSuffix(tc.file, filepath.Ext(tc.file))+".golden.md")
			if *update {
				if err := os.WriteFile(golden, md, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestFixtures -update to create it)", err)
			}
			if !bytes.Equal(md, want) {
				t.Errorf("the Markdown written differs from %s (go test -update rewrites it):\n%s", golden, bt.DiffLines(string(want), string(md)))
			}
			doc, diags := briefing.Parse(tc.file+".md", md, briefing.Options{})
			for _, d := range diags {
				t.Errorf("check: %s", d)
			}
			if doc == nil {
				t.Fatal("no document")
			}
			if doc.Meta.Kind != tc.kind || doc.Meta.Title != tc.title {
				t.Errorf("kind %q, title %q; want %q, %q", doc.Meta.Kind, doc.Meta.Title, tc.kind, tc.title)
			}
			var got []string
			for _, s := range doc.Sections() {
				got = append(got, s.Heading)
			}
			if strings.Join(got, "|") != strings.Join(tc.sections, "|") {
				t.Errorf("sections %q; want %q", got, tc.sections)
			}
			if (doc.Meta.Link != "") != tc.link {
				t.Errorf("link %q; found: want %v", doc.Meta.Link, tc.link)
			}
			if c := bytes.Contains(md, []byte("\n# link: ")); c != tc.linkComment {
				t.Errorf("link placeholder written: %v, want %v", c, tc.linkComment)
			}
			if len(b.Remarks) != tc.remarks {
				t.Errorf("remarks %q; want %d", b.Remarks, tc.remarks)
			}
			if doc.FurtherReading == nil || len(doc.FurtherReading.Blocks) != 1 {
				t.Fatalf("further reading is not one list")
			}
			if l, ok := doc.FurtherReading.Blocks[0].(*briefing.List); !ok || !l.Ordered {
				t.Errorf("further reading is not numbered")
			}
		})
	}
}

// TestSeedBlogPage imports the shared seed 001, a blog page holding
// three briefings and blog text, when a copy of shared/ is beside the
// repository: one briefing, the most complete, that passes check; the
// blog text before it left out, the two others named.
func TestSeedBlogPage(t *testing.T) {
	// shared/ stands beside the repository's root, three folders up.
	var path string
	if m, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "seeds", "001_*.txt")); len(m) > 0 {
		path = m[0]
	}
	if path == "" {
		t.Skip("skipping: seed 001 is not here (../shared/seeds beside the repository)")
	}
	b := importer.Convert(read(t, path))
	md := b.Markdown(filepath.Base(path))
	doc, diags := briefing.Parse("seed.md", md, briefing.Options{})
	for _, d := range diags {
		if d.Severity == diag.Error {
			t.Errorf("check: %s", d)
		}
	}
	if doc == nil || doc.Meta.Kind != briefing.PolicyBriefing || doc.Impact == nil || doc.Summary == nil || doc.KeyFeatures == nil {
		t.Fatalf("not the complete policy briefing:\n%s", md)
	}
	if doc.Meta.Updated.IsZero() || doc.Meta.Review.IsZero() || doc.Meta.Responsible == "" || len(doc.Meta.Audience) == 0 || doc.Meta.Source == "" {
		t.Errorf("fields missing:\n%s", md)
	}
	others := 0
	for _, r := range b.Remarks {
		if strings.HasPrefix(r, "another briefing") {
			others++
		}
	}
	if others != 2 || !strings.Contains(strings.Join(b.Remarks, "\n"), "before the briefing") {
		t.Errorf("remarks %q; want the text before left out and 2 other briefings named", b.Remarks)
	}
	if !bytes.Contains(md, []byte("\n# link: ")) {
		t.Errorf("the link label without an address left no placeholder")
	}
}
