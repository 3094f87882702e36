package webread

import (
	"os"
	"strings"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/importer"
)

// FuzzRead: a web page of any shape is read without panicking, in time
// linear in its size, and gives a briefing whose front matter parses.
func FuzzRead(f *testing.F) {
	if b, err := os.ReadFile("../importer/testdata/page.html"); err == nil {
		f.Add(b)
	}
	f.Add([]byte("<h1>Hot topic: x</h1><table><tr><td>Source</td><td><a href='javascript:x'>y</a></td></tr></table><ol start=99999999999><li>a<ul><li>b"))
	f.Add([]byte("<pre>```</pre><p>*_[</p><blockquote><p>Summary of driver: q"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := Read(data)
		if err != nil {
			return
		}
		md := importer.Convert(src).Markdown("page.html")
		doc, diags := briefing.Parse("x.md", md, briefing.Options{})
		if doc == nil {
			t.Fatalf("unreadable:\n%s", md)
		}
		for _, d := range diags {
			if strings.Contains(d.Message, "not valid YAML") || strings.Contains(d.Message, "unknown key") {
				t.Fatalf("%s\n%s", d, md)
			}
		}
	})
}

func TestDeepPageIsBounded(t *testing.T) {
	page := strings.Repeat("<div>", 100000) + "deep" + strings.Repeat("</div>", 100000)
	if _, err := Read([]byte(page)); err == nil || !strings.Contains(err.Error(), "more than 512 deep") {
		t.Errorf("a page nested 100000 deep: %v", err)
	}
	// Within the limit, and many unclosed paragraphs and items, are read.
	page = strings.Repeat("<div>", 400) + "deep" + strings.Repeat("</div>", 400) + strings.Repeat("<p>para<li>item", 5000)
	src, err := Read([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if len(src.Blocks) < 1000 {
		t.Errorf("%d blocks", len(src.Blocks))
	}
	if _, err := Read(make([]byte, MaxBytes+1)); err == nil {
		t.Error("a page over the limit was read")
	}
}

func TestFurnitureLeftOut(t *testing.T) {
	src, err := Read([]byte(`<body><nav>Menu</nav><header>Site</header><article><h1>T</h1><p>Body <script>x()</script>text</p><img src="https://www.example.org/a.png" alt="pic"></article><footer>Foot</footer></body>`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range src.Blocks {
		got = append(got, importer.PlainText(b.Inlines))
	}
	if strings.Join(got, "|") != "T|Body text" {
		t.Errorf("blocks %q; want the article's heading and paragraph only", got)
	}
}
