package build

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/diag"
	"handouts/internal/manifest"
)

// A build run from another folder, given other paths, must not prune the
// handouts of briefings that still exist (here one with errors, whose
// last good handouts are all there is).
func TestPruneFromAnotherFolderKeepsHandoutsOfExistingBriefings(t *testing.T) {
	fakes(t)
	proj := project(t, map[string]string{"src/a.md": "alpha", "src/b.md": "beta", "src/gone.md": "gone"})
	run(t, Options{Paths: []string{"src"}})
	write(t, "src/b.md", "ERROR")
	os.Remove("src/gone.md")

	t.Chdir("/")
	res := run(t, Options{Prune: true, Out: filepath.Join(proj, "out"), Paths: []string{filepath.Join(proj, "src/a.md")}})
	left := names(tree(t, filepath.Join(proj, "out")))
	equal(t, "left", left, []string{".handouts-manifest.json", "SHA256SUMS", "a.docx", "a.pdf", "b.docx", "b.pdf"})
	var got []string
	for _, o := range res.Orphans {
		got = append(got, fmt.Sprintf("%s removed=%t", filepath.Base(o.Path), o.Removed))
	}
	equal(t, "orphans", got, []string{"gone.docx removed=true", "gone.pdf removed=true"})

	// A record that says nothing of where its briefing is from the
	// output folder (an older manifest), seen from a folder where its
	// path leads nowhere: kept, and said why.
	m, err := manifest.Load(filepath.Join(proj, "out"))
	if err != nil {
		t.Fatal(err)
	}
	for name, rec := range m.Outputs {
		rec.FromOut = ""
		m.Outputs[name] = rec
	}
	write(t, filepath.Join(proj, "out", manifest.FileName), string(m.Marshal()))
	res = run(t, Options{Prune: true, Out: filepath.Join(proj, "out"), Paths: []string{filepath.Join(proj, "src/a.md")}})
	equal(t, "left after an old manifest", names(tree(t, filepath.Join(proj, "out"))), left)
	if len(res.Orphans) != 2 || !res.Orphans[0].Unknown || !strings.Contains(res.Orphans[0].Kept, "cannot tell") {
		t.Errorf("orphans %+v; want b.* kept as unknown", res.Orphans)
	}
	var b bytes.Buffer
	(&Reporter{W: &b}).Finish(res, 0)
	if !strings.Contains(b.String(), "b.docx: not removed: cannot tell whether its briefing still exists") {
		t.Errorf("report:\n%s", b.String())
	}
}

// A handout kept because the new one could not be written is not blamed
// on the briefing.
func TestStaleAfterAWriteErrorIsNotBlamedOnTheBriefing(t *testing.T) {
	var l diag.List
	l.Errorf("out/a.docx", 0, "cannot write: no space left on device")
	it := &Item{Source: "sources/a.md", Status: Stale, Diags: l, Outputs: []Output{{Format: "docx", Name: "a.docx", Path: "out/a.docx", Status: Stale}}}
	got := report(&Reporter{}, &Result{Out: "out", Items: []*Item{it}})
	if strings.Contains(got, "has errors") || !strings.Contains(got, "out/a.docx: cannot write: no space left on device") ||
		!strings.Contains(got, "could not be written") {
		t.Errorf("report:\n%s", got)
	}
}

// The notes about a reference document reach the user as warnings.
func TestReferenceNotesAreWarnings(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("word/styles.xml")
	w.Write([]byte(`<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"></w:styles>`))
	zw.Close()
	write(t, "ref.docx", b.String())
	res := run(t, Options{Reference: "ref.docx"})
	var got []string
	for _, d := range res.Diags {
		got = append(got, d.String())
	}
	if len(got) == 0 || !strings.HasPrefix(got[0], "ref.docx: warning: ") || !strings.Contains(strings.Join(got, "\n"), "lacks the style") {
		t.Errorf("diagnostics %q", got)
	}
	var js struct {
		Diagnostics []struct{ Severity, Message string }
	}
	if err := json.Unmarshal(res.JSON(), &js); err != nil || len(js.Diagnostics) != len(got) || js.Diagnostics[0].Severity != "warning" {
		t.Errorf("JSON %s (%v)", res.JSON(), err)
	}
	var rep bytes.Buffer
	(&Reporter{W: &rep}).Finish(res, 0)
	if !strings.Contains(rep.String(), "ref.docx: warning: the reference lacks the style") {
		t.Errorf("report:\n%s", rep.String())
	}
}

// A briefing replaced by a link to a file outside, after it was listed,
// is not read.
func TestSymlinkSwappedInDuringTheBuildIsNotFollowed(t *testing.T) {
	fakes(t)
	dir := project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "secret.txt": "SECRET"})
	swap := func(name, target string) {
		os.Remove(name)
		if err := os.Symlink(target, name); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	res, err := Run(context.Background(), Options{Jobs: 1, Observe: func(ev Event) {
		if ev.Kind == Started { // listed, not yet read
			swap("sources/a.md", filepath.Join(dir, "secret.txt"))
			swap("sources/b.md", "../secret.txt")
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "statuses", statuses(res), []string{"sources/a.md failed", "sources/b.md failed"})
	for name, text := range tree(t, "out") {
		if strings.Contains(text, "SECRET") {
			t.Errorf("%s holds the file outside", name)
		}
	}
	if d := res.Items[0].Diags; len(d) != 1 || !strings.Contains(d[0].Message, "replaced since it was listed") {
		t.Errorf("diagnostics %v", d)
	}
}

// Names that are not UTF-8, or hold direction marks, are refused; names
// that differ only in how an accent is encoded are a clash.
func TestBadFileNames(t *testing.T) {
	fakes(t)
	if err := os.WriteFile(filepath.Join(t.TempDir(), "bad\xff.md"), nil, 0o644); err != nil {
		t.Skipf("this file system takes only UTF-8 names: %v", err)
	}
	project(t, map[string]string{"sources/ok.md": "fine", "sources/bad\xff.md": "latin-1", "sources/\u202egnp.md": "rlo"})
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/bad\xff.md failed", "sources/ok.md built", "sources/\u202egnp.md failed"})
	if m := res.Items[0].Diags[0].Message; !strings.Contains(m, "not UTF-8") {
		t.Errorf("not UTF-8: %q", m)
	}
	if m := res.Items[2].Diags[0].Message; !strings.Contains(m, "U+202E") {
		t.Errorf("direction mark: %q", m)
	}
	if _, err := os.Lstat("out/bad\xff.docx"); err == nil {
		t.Error("a handout named in another encoding was written")
	}
	data, _ := os.ReadFile("out/" + manifest.FileName)
	if bytes.Contains(data, []byte(`\ufffd`)) || bytes.Contains(data, []byte("\uFFFD")) {
		t.Errorf("manifest holds replacement characters:\n%s", data)
	}

}

// The longest name a handout can have is built; names that differ only
// in how an accent is encoded clash, as names differing in case do.
func TestLongAndNormalisedNames(t *testing.T) {
	fakes(t)
	// The longest name a handout can have is built (its temporary file's
	// name is shorter); one byte more is refused, saying why.
	long, tooLong := strings.Repeat("a", 250), strings.Repeat("b", 251)
	project(t, map[string]string{"sources/" + long + ".md": "long", "sources/" + tooLong + ".md": "too long"})
	res := run(t, Options{})
	equal(t, "long names", statuses(res), []string{"sources/" + long + ".md built", "sources/" + tooLong + ".md failed"})
	if m := res.Items[1].Diags[0].Message; !strings.Contains(m, "at most 250") {
		t.Errorf("too long: %q", m)
	}

	project(t, map[string]string{"sources/caf\u00e9.md": "nfc", "sources/cafe\u0301.md": "nfd"})
	_, err := Run(context.Background(), Options{})
	if err == nil || !strings.Contains(err.Error(), "would write the same handouts") {
		t.Errorf("precomposed and decomposed é: %v", err)
	}
}
