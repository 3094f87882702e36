package build

import (
	"context"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/config"
	"handouts/internal/extprog"
)

// TestInteropAdaptedByInBothHandouts is reuse with acknowledgement as
// readers of a build's handouts see it: with adapted-by and an
// acknowledgement wording in the project config, pandoc's text of the
// Word handout and pdftotext's text of the PDF both say who adapted the
// briefing from whom and keep the original producer's acknowledgement,
// and pdfinfo's author names both organisations.
func TestInteropAdaptedByInBothHandouts(t *testing.T) {
	extprog.Need(t, "pandoc")
	extprog.Need(t, "pdftotext")
	extprog.Need(t, "pdfinfo")
	const (
		adapter  = "Kent Library Service"
		producer = "Example Library and Knowledge Service" // in bt.Markdown
	)
	dir := project(t, map[string]string{"sources/a.md": bt.Markdown(1)})
	cfg := config.Default()
	cfg.AdaptedBy = adapter
	cfg.Acknowledgement = "Written by {producer}; reuse it with acknowledgement."
	res, err := Run(context.Background(), Options{Config: cfg, Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Counts(); c.Built != 1 || !res.OK() {
		t.Fatalf("build: %+v %v", c, res.Items[0].Diags)
	}
	wants := []string{
		"Adapted by " + adapter + " from a briefing by " + producer + ".",
		"Written by " + producer + "; reuse it with acknowledgement.",
	}
	texts := map[string]string{
		"pandoc":    string(extprog.Run(t, dir, "pandoc", "-f", "docx", "-t", "plain", "--wrap=none", "out/a.docx")),
		"pdftotext": string(extprog.Run(t, dir, "pdftotext", "-enc", "UTF-8", "out/a.pdf", "-")),
	}
	for _, prog := range []string{"pandoc", "pdftotext"} {
		text := bt.Norm(texts[prog])
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s's text lacks %q:\n%s", prog, w, text)
			}
		}
	}
	info := string(extprog.Run(t, dir, "pdfinfo", "-enc", "UTF-8", "out/a.pdf"))
	author := ""
	for _, line := range strings.Split(info, "\n") {
		if s, ok := strings.CutPrefix(line, "Author:"); ok {
			author = strings.TrimSpace(s)
		}
	}
	if !strings.Contains(author, adapter) || !strings.Contains(author, producer) {
		t.Errorf("PDF author %q should name %q and %q", author, adapter, producer)
	}
}
