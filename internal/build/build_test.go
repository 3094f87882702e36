package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"handouts/internal/briefing"
	"handouts/internal/build/buildtest"
	"handouts/internal/config"
	"handouts/internal/diag"
	"handouts/internal/docx"
	"handouts/internal/manifest"
)

func TestBuildThenNothingChanged(t *testing.T) {
	fakes(t)
	project(t, map[string]string{
		"sources/a.md":         "alpha",
		"sources/sub/b.md":     "beta\nWARN",
		"sources/README.md":    "not a briefing",
		"sources/notes.txt":    "not a briefing either",
		"out/README.md":        "the user's own",
		"other/c.md":           "gamma",
		"other/skip/README.MD": "no",
	})
	res := run(t, Options{Paths: []string{"sources", "other"}})
	equal(t, "first build", statuses(res), []string{"other/c.md built", "sources/a.md built", "sources/sub/b.md built"})
	if !res.OK() {
		t.Errorf("a build with only a warning is not OK: %+v", res.Diags)
	}
	if got := res.Items[2].Diags; len(got) != 1 || got[0].String() != "sources/sub/b.md:2: warning: a deliberate warning" {
		t.Errorf("diagnostics of b.md: %v", got)
	}
	files := tree(t, "out")
	equal(t, "files in out", names(files), []string{
		".handouts-manifest.json", "README.md", "SHA256SUMS",
		"a.docx", "a.pdf", "b.docx", "b.pdf", "c.docx", "c.pdf",
	})
	if files["a.pdf"] != "pdf handout\npaper a4\nadapted by \"\"\nalpha" {
		t.Errorf("a.pdf = %q", files["a.pdf"])
	}
	if files["README.md"] != "the user's own" {
		t.Error("the build touched a file it did not make")
	}
	buildtest.CheckConsistent(t, "out")

	// Again: nothing to do, nothing parsed, nothing rewritten.
	parsed := countParses(t)
	res = run(t, Options{Paths: []string{"sources", "other"}})
	equal(t, "second build", statuses(res), []string{"other/c.md unchanged", "sources/a.md unchanged", "sources/sub/b.md unchanged"})
	if n := parsed.Load(); n != 0 {
		t.Errorf("an unchanged build parsed %d briefings", n)
	}
	if got := tree(t, "out"); fmt.Sprint(got) != fmt.Sprint(files) {
		t.Error("an unchanged build changed the output folder")
	}

	// One source changed: only it is rebuilt.
	write(t, "sources/a.md", "alpha, revised")
	res = run(t, Options{Paths: []string{"sources", "other"}})
	equal(t, "after an edit", statuses(res), []string{"other/c.md unchanged", "sources/a.md built", "sources/sub/b.md unchanged"})
	if n := parsed.Load(); n != 1 {
		t.Errorf("parsed %d briefings; want 1", n)
	}
	buildtest.CheckConsistent(t, "out")

	// --force rebuilds everything.
	res = run(t, Options{Paths: []string{"sources", "other"}, Force: true})
	equal(t, "--force", statuses(res), []string{"other/c.md built", "sources/a.md built", "sources/sub/b.md built"})
}

// countParses counts the parser's calls from now on.
func countParses(t *testing.T) *atomic.Int32 {
	n := new(atomic.Int32)
	inner := parse
	parse = func(path string, src []byte, o briefing.Options) (*briefing.Document, diag.List) {
		n.Add(1)
		return inner(path, src, o)
	}
	return n
}

func TestWhatAHandoutDependsOn(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "templates/pdf/theme.yaml": "line-height: 1.3\n"})
	cfg := config.Default()
	opts := Options{Config: cfg}
	run(t, opts)
	// Each case changes one thing more; only the formats it affects are
	// rebuilt.
	cases := []struct {
		name   string
		change func()
		built  []string
	}{
		{"nothing", func() {}, nil},
		{"paper", func() { cfg.Paper = "letter" }, []string{"pdf"}},
		{"adapted-by", func() { cfg.AdaptedBy = "Another Library" }, []string{"docx", "pdf"}},
		{"producer", func() { cfg.Producer = "A Library" }, []string{"docx", "pdf"}},
		{"acknowledgement", func() { cfg.Acknowledgement = "By {producer}." }, []string{"docx", "pdf"}},
		{"templates folder", func() { cfg.Templates = "templates" }, []string{"pdf"}},
		{"a template in it", func() { write(t, "templates/pdf/theme.yaml", "line-height: 1.4\n") }, []string{"pdf"}},
		{"a file the build does not use", func() { write(t, "templates/docx/styles.xml", "<x/>") }, nil},
		{"a Word reference document", func() { write(t, "templates/docx/reference.docx", string(docx.DefaultReference())) }, []string{"docx"}},
		{"the source", func() { write(t, "sources/a.md", "alpha 2") }, []string{"docx", "pdf"}},
		{"the source moved", func() { os.Rename("sources", "moved"); opts.Paths = []string{"moved"} }, []string{"docx", "pdf"}},
		{"logo", func() { cfg.LogoPicture, cfg.LogoAlt = testLogo(t), "Logo" }, []string{"docx", "pdf"}},
		{"logo's alt text", func() { cfg.LogoAlt = "Library logo" }, []string{"docx", "pdf"}},
		{"QR code off", func() { cfg.NoQR = true }, []string{"docx", "pdf"}},
		{"formats asked for", func() { opts.Formats = []string{"pdf"} }, nil},
	}
	for _, c := range cases {
		c.change()
		res := run(t, opts)
		var built []string
		for _, o := range res.Items[0].Outputs {
			if o.Status == Built {
				built = append(built, o.Format)
			}
		}
		equal(t, c.name+": formats rebuilt", built, c.built)
		if res := run(t, opts); res.Items[0].Status != Unchanged {
			t.Errorf("%s: a second run built again", c.name)
		}
	}
}

func TestParallelEqualsSerial(t *testing.T) {
	fakes(t)
	files := map[string]string{}
	for i := range 200 {
		text := fmt.Sprintf("briefing %d", i)
		switch i % 37 {
		case 3:
			text += "\nERROR"
		case 5:
			text += "\nWARN"
		}
		files[fmt.Sprintf("sources/%02d/b%03d.md", i%7, i)] = text
	}
	project(t, files)
	var logs [2]string
	var outs [2]map[string]string
	for k, jobs := range []int{1, 8} {
		var log bytes.Buffer
		rep := &Reporter{W: &log, Level: Verbose}
		res, err := Run(context.Background(), Options{Out: fmt.Sprint("out", jobs), Jobs: jobs, Observe: rep.Observe})
		if err != nil {
			t.Fatal(err)
		}
		if c := res.Counts(); c.Built != 194 || c.Failed != 6 {
			t.Errorf("--jobs %d: %+v", jobs, c)
		}
		rep.Finish(res, 0)
		logs[k] = strings.ReplaceAll(log.String(), fmt.Sprint("out", jobs), "OUT")
		outs[k] = tree(t, fmt.Sprint("out", jobs))
		buildtest.CheckConsistent(t, fmt.Sprint("out", jobs))
	}
	if logs[0] != logs[1] {
		t.Errorf("messages differ between --jobs 1 and --jobs 8:\n%s\n----\n%s", logs[0], logs[1])
	}
	if len(outs[0]) != 2*194+2 {
		t.Errorf("%d files in out; want %d", len(outs[0]), 2*194+2)
	}
	for name, data := range outs[0] {
		if outs[1][name] != data {
			t.Errorf("%s differs between --jobs 1 and --jobs 8", name)
		}
	}
	if !strings.Contains(logs[0], "sources/00/b077.md:2: a deliberate error\n") {
		t.Errorf("log lacks the error with its line:\n%s", logs[0])
	}
}

func TestBadBriefingKeepsItsLastGoodHandout(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "sources/c.md": "gamma"})
	run(t, Options{})
	before := tree(t, "out")

	write(t, "sources/a.md", "alpha 2")
	write(t, "sources/b.md", "beta\n\nERROR")
	write(t, "sources/c.md", "gamma 2")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md stale", "sources/c.md built"})
	if res.OK() {
		t.Error("a build with a bad briefing is OK")
	}
	if c := res.Counts(); c.Failed != 1 || c.Stale != 1 || c.Built != 2 {
		t.Errorf("counts %+v", c)
	}
	if got := res.Items[1].Diags[0].String(); got != "sources/b.md:3: a deliberate error" {
		t.Errorf("diagnostic %q", got)
	}
	after := tree(t, "out")
	if after["b.docx"] != before["b.docx"] || after["b.pdf"] != before["b.pdf"] {
		t.Error("the bad briefing's last good handouts were not kept")
	}
	if after["a.docx"] == before["a.docx"] {
		t.Error("a good briefing was not rebuilt")
	}
	buildtest.CheckConsistent(t, "out")

	// A briefing bad from the start gets no handout at all.
	write(t, "sources/d.md", "ERROR")
	res = run(t, Options{})
	if res.Items[3].Status != Failed {
		t.Errorf("d.md: %s", res.Items[3].Status)
	}
	if _, err := os.Stat("out/d.docx"); err == nil {
		t.Error("a bad briefing got a handout")
	}
	// Fixed, it is built; b is retried each time until it is fixed.
	write(t, "sources/b.md", "beta fixed")
	res = run(t, Options{})
	equal(t, "fixed", statuses(res), []string{"sources/a.md unchanged", "sources/b.md built", "sources/c.md unchanged", "sources/d.md failed"})
}

func TestSameOutputNameIsAnErrorBeforeAnythingIsWritten(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/2025/update.md": "a", "sources/2026/update.md": "b", "sources/other.md": "c", "sources/x/Other.md": "d"})
	_, err := Run(context.Background(), Options{})
	var be *Error
	if !errors.As(err, &be) {
		t.Fatalf("err = %v; want *Error", err)
	}
	want := "sources/2026/update.md: would write the same handouts as sources/2025/update.md (out/update.*); rename one of them\n" +
		"sources/x/Other.md: would write the same handouts as sources/other.md (out/other.*); rename one of them"
	if err.Error() != want {
		t.Errorf("error:\n%s\nwant\n%s", err, want)
	}
	if _, err := os.Stat("out"); err == nil {
		t.Error("the output folder was made")
	}
}

func TestPrune(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "sources/c.md": "gamma", "sources/d.md": "delta",
		"out/README.md": "mine", "out/mine.docx": "mine"})
	run(t, Options{})
	os.Remove("sources/b.md")
	os.Remove("sources/c.md")
	write(t, "out/c.pdf", "changed by hand")

	// Without --prune the orphans are reported and kept.
	res := run(t, Options{})
	if len(res.Orphans) != 4 || res.Orphans[0] != (Orphan{Path: "out/b.docx", Source: "sources/b.md"}) {
		t.Errorf("orphans %+v", res.Orphans)
	}
	if !res.OK() {
		t.Error("orphans alone fail the build")
	}
	if c := res.Counts(); c.Orphaned != 2 || c.Pruned != 0 {
		t.Errorf("counts %+v; want the 2 deleted briefings orphaned", c)
	}

	// A build of one file does not make the others' handouts orphans.
	res = run(t, Options{Paths: []string{"sources/a.md"}})
	if len(res.Orphans) != 4 {
		t.Errorf("orphans of a one-file build: %+v", res.Orphans)
	}

	// With --prune they are removed, but not a file changed by hand nor
	// one the tool did not make.
	res = run(t, Options{Prune: true})
	var got []string
	for _, o := range res.Orphans {
		got = append(got, fmt.Sprintf("%s removed=%t %s", o.Path, o.Removed, o.Kept))
	}
	equal(t, "pruned", got, []string{
		"out/b.docx removed=true ", "out/b.pdf removed=true ", "out/c.docx removed=true ",
		"out/c.pdf removed=false changed since handouts wrote it",
	})
	if c := res.Counts(); c.Pruned != 2 || c.Orphaned != 1 {
		t.Errorf("counts %+v; want b and c pruned, c still orphaned (its kept handout)", c)
	}
	equal(t, "left", names(tree(t, "out")), []string{".handouts-manifest.json", "README.md", "SHA256SUMS", "a.docx", "a.pdf", "c.pdf", "d.docx", "d.pdf", "mine.docx"})
	m, _ := manifest.Load("out")
	equal(t, "manifest", m.Names(), []string{"a.docx", "a.pdf", "c.pdf", "d.docx", "d.pdf"})
	if sums, _ := os.ReadFile("out/SHA256SUMS"); bytes.Contains(sums, []byte("c.pdf")) {
		t.Error("SHA256SUMS vouches for a file changed by hand")
	}
}

func TestChangedByHandIsNotOverwritten(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	write(t, "out/a.docx", "my edits")
	write(t, "out/c.pdf", "not made by handouts")
	write(t, "sources/c.md", "gamma")

	for _, touch := range []bool{false, true} {
		if touch {
			write(t, "sources/a.md", "alpha 2") // a new source does not change the answer
		}
		res := run(t, Options{})
		equal(t, "statuses", statuses(res), []string{"sources/a.md modified", "sources/b.md unchanged", "sources/c.md modified"})
		if res.OK() {
			t.Error("a build that left a handout out of date is OK")
		}
		if b, _ := os.ReadFile("out/a.docx"); string(b) != "my edits" {
			t.Error("a handout changed by hand was overwritten")
		}
		if b, _ := os.ReadFile("out/c.pdf"); string(b) != "not made by handouts" {
			t.Error("a file the tool did not make was overwritten")
		}
		var msgs []string
		for _, it := range res.Items {
			for _, d := range it.Diags {
				msgs = append(msgs, d.String())
			}
		}
		equal(t, "messages", msgs, []string{
			"out/a.docx: changed since handouts wrote it; not overwritten (move it elsewhere to keep it, or build with --force)",
			"out/c.pdf: already exists and was not made by this build; not overwritten (move it elsewhere to keep it, or build with --force)",
		})
		if sums, _ := os.ReadFile("out/SHA256SUMS"); bytes.Contains(sums, []byte("a.docx")) {
			t.Error("SHA256SUMS vouches for a file the tool did not write")
		}
	}
	res := run(t, Options{Force: true})
	equal(t, "--force", statuses(res), []string{"sources/a.md built", "sources/b.md built", "sources/c.md built"})
	buildtest.CheckConsistent(t, "out")
}

func TestABadBriefingsHandoutChangedByHandIsNotVouchedFor(t *testing.T) {
	// The briefing breaks after its handout was changed by hand: the
	// handout is failed, not stale, it is left alone, and SHA256SUMS
	// does not vouch for it, on this build or the next.
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	write(t, "out/a.docx", "my edits")
	write(t, "sources/a.md", "alpha\n\nERROR")
	for range 2 {
		res := run(t, Options{})
		equal(t, "statuses", statuses(res), []string{"sources/a.md failed", "sources/b.md unchanged"})
		if b, _ := os.ReadFile("out/a.docx"); string(b) != "my edits" {
			t.Error("a handout changed by hand was overwritten")
		}
		sums, _ := os.ReadFile("out/SHA256SUMS")
		if bytes.Contains(sums, []byte("a.docx")) {
			t.Error("SHA256SUMS vouches for a file changed by hand")
		}
		if !bytes.Contains(sums, []byte("a.pdf")) {
			t.Error("SHA256SUMS no longer lists the stale handout still in place")
		}
	}
}

func TestAnUnrecordedIdenticalHandoutIsAdopted(t *testing.T) {
	// A build killed after renaming a handout but before writing the
	// manifest leaves a handout the manifest does not know; the next
	// build finds it identical and takes it on.
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	run(t, Options{})
	os.Remove("out/" + manifest.FileName)
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
	if !res.OK() {
		t.Errorf("%+v", res.Items[0].Diags)
	}
	buildtest.CheckConsistent(t, "out")
}

func TestWriterPanicIsThatHandoutsError(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/boom.md": "boom", "sources/c.md": "gamma"})
	inner := writers["pdf"]
	writers["pdf"] = func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
		if d.Meta.Title == "boom" {
			w.Write([]byte("half a PDF"))
			panic("index out of range")
		}
		return inner(w, d, e, s)
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/boom.md failed", "sources/c.md built"})
	it := res.Items[1]
	if it.Outputs[0].Status != Built || it.Outputs[1].Status != Failed {
		t.Errorf("boom's outputs: %+v", it.Outputs)
	}
	if len(it.Diags) != 1 || it.Diags[0].String() != "sources/boom.md: cannot make out/boom.pdf: internal error (please report it): index out of range" {
		t.Errorf("diagnostics %v", it.Diags)
	}
	if _, err := os.Stat("out/boom.pdf"); err == nil {
		t.Error("a partial handout was left")
	}
	buildtest.CheckConsistent(t, "out")
}

func TestSourceDisappearsDuringTheBuild(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "sources/c.md": "gamma"})
	res, err := Run(context.Background(), Options{Jobs: 1, Observe: func(ev Event) {
		if ev.Kind == Started {
			os.Remove("sources/b.md") // listed, not yet read
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md failed", "sources/c.md built"})
	if d := res.Items[1].Diags; len(d) != 1 || d[0].String() != "sources/b.md: cannot read: no such file or directory" {
		t.Errorf("diagnostics %v", d)
	}
	buildtest.CheckConsistent(t, "out")
}

func TestInterruptedBuildLeavesOnlyCompleteFiles(t *testing.T) {
	fakes(t)
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("sources/b%02d.md", i)] = fmt.Sprint("briefing ", i)
	}
	project(t, files)
	run(t, Options{Paths: []string{"sources/b00.md", "sources/b01.md"}}) // an earlier build
	for i := range 40 {
		write(t, fmt.Sprintf("sources/b%02d.md", i), fmt.Sprint("briefing, revised ", i))
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var renames atomic.Int32
	beforeRename = func(ctx context.Context, path string) error {
		// Handouts are renamed a batch at a time (commit.go), each
		// briefing's together, so one rename more than the workers
		// guarantees a briefing built whole before the signal, even
		// were every worker's briefing left half in place.
		if renames.Add(1) == int32(3*ioWorkers+2) {
			// The signal arrives while this handout's temporary file is
			// whole but not yet in place.
			cancel()
			return ctx.Err()
		}
		return nil
	}
	res, err := Run(ctx, Options{Jobs: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Interrupted || res.OK() {
		t.Fatalf("interrupted=%t ok=%t", res.Interrupted, res.OK())
	}
	c := res.Counts()
	if c.Interrupted == 0 || c.Built == 0 || c.Built+c.Interrupted != 40 {
		t.Errorf("counts %+v", c)
	}
	buildtest.CheckConsistent(t, "out")
	// The earlier handouts not rebuilt are still complete and recorded.
	m, _ := manifest.Load("out")
	for _, name := range []string{"b00.docx", "b01.docx"} {
		if _, ok := m.Outputs[name]; !ok {
			t.Errorf("%s dropped from the manifest", name)
		}
	}
	// The next build finishes the job.
	beforeRename = func(context.Context, string) error { return nil }
	res = run(t, Options{})
	if c := res.Counts(); c.Built+c.Unchanged != 40 || !res.OK() {
		t.Errorf("next build: %+v", c)
	}
	buildtest.CheckConsistent(t, "out")
}

func TestWriteErrorIsThatHandoutsError(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	beforeRename = func(_ context.Context, path string) error {
		if filepath.Base(path) == "a.pdf" {
			return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
		}
		return nil
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md failed", "sources/b.md built"})
	if d := res.Items[0].Diags; len(d) != 1 || d[0].String() != "out/a.pdf: cannot write: no space left on device" {
		t.Errorf("diagnostics %v", d)
	}
	buildtest.CheckConsistent(t, "out")
}

func TestOutputFolderInsideASourceFolder(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/out/stray.md": "would be a briefing"})
	res := run(t, Options{Out: "sources/out"})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
	run(t, Options{Out: "sources/out"})

	_, err := Run(context.Background(), Options{Paths: []string{"sources"}, Out: "sources"})
	if err == nil || err.Error() != "sources: the output folder is also a source folder; give --out a folder of its own" {
		t.Errorf("--out sources: %v", err)
	}
}

func TestSymbolicLinksAreNotFollowedOut(t *testing.T) {
	fakes(t)
	dir := project(t, map[string]string{"sources/a.md": "alpha", "secret.md": "private", "sources/sub/inside.md": "inside"})
	for link, target := range map[string]string{
		"sources/leak.md":     filepath.Join(dir, "secret.md"),
		"sources/rel.md":      "../secret.md",
		"sources/twin.md":     "sub/inside.md",
		"sources/loop":        ".",
		"sources/nowhere.md":  "missing.md",
		"sources/sub/back.md": "../a.md",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/sub/back.md built", "sources/sub/inside.md built", "sources/twin.md built"})
	var warns []string
	for _, d := range res.Diags {
		warns = append(warns, d.String())
	}
	equal(t, "warnings", warns, []string{
		"sources/leak.md: warning: skipped: a symbolic link out of sources; not followed",
		"sources/nowhere.md: warning: skipped: a symbolic link that leads nowhere",
		"sources/rel.md: warning: skipped: a symbolic link out of sources; not followed",
	})
}

func TestBadNamesAndFormats(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/.md": "x", "sources/.hidden.md": "y", "sources/ok.md": "z"})
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/.hidden.md failed", "sources/.md failed", "sources/ok.md built"})
	if _, err := Run(context.Background(), Options{Formats: []string{"odt"}}); err == nil {
		t.Error("format odt accepted")
	}
	res = run(t, Options{Formats: []string{"pdf"}})
	if len(res.Items[2].Outputs) != 1 || res.Items[2].Outputs[0].Format != "pdf" {
		t.Errorf("outputs %+v", res.Items[2].Outputs)
	}
}

// TestNothingIsWrittenOutsideOut builds into a folder where a handout's
// name is a symbolic link to a file outside it: the link is reported and
// left alone, the file it points to is untouched, and nothing outside the
// output folder changes.
func TestNothingIsWrittenOutsideOut(t *testing.T) {
	fakes(t)
	dir := project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta", "victim.docx": "precious"})
	os.Mkdir("out", 0o755)
	if err := os.Symlink(filepath.Join(dir, "victim.docx"), "out/a.docx"); err != nil {
		t.Skipf("symbolic links: %v", err)
	}
	before := tree(t, ".")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md modified", "sources/b.md built"})
	if d := res.Items[0].Diags; len(d) != 1 || d[0].String() != "out/a.docx: is not a regular file; not replaced" {
		t.Errorf("diagnostics %v", d)
	}
	after := tree(t, ".")
	for name, data := range before {
		if strings.HasPrefix(name, "out/") {
			continue
		}
		if after[name] != data {
			t.Errorf("%s changed", name)
		}
	}
	for name := range after {
		if _, ok := before[name]; !ok && !strings.HasPrefix(name, "out/") {
			t.Errorf("%s was written outside the output folder", name)
		}
	}
	// --force does not write through the link either.
	run(t, Options{Force: true})
	if b, _ := os.ReadFile("victim.docx"); string(b) != "precious" {
		t.Error("the build wrote through a symbolic link")
	}
}

func TestPruneRemovesOnlyHandouts(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "out/README.md": "keep me"})
	run(t, Options{})
	// A manifest edited to claim the README as a handout of a deleted
	// briefing, with the right hash.
	m, err := manifest.Load("out")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("keep me"))
	m.Outputs["README.md"] = manifest.Record{Source: "sources/gone.md", Inputs: "x", SHA256: hex.EncodeToString(sum[:]), Size: 7}
	if err := os.WriteFile(filepath.Join("out", manifest.FileName), m.Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	res := run(t, Options{Prune: true})
	if len(res.Orphans) != 0 {
		t.Errorf("orphans %+v", res.Orphans)
	}
	if b, err := os.ReadFile("out/README.md"); err != nil || string(b) != "keep me" {
		t.Errorf("README.md: %q %v", b, err)
	}
	buildtest.CheckConsistent(t, "out")
}

func TestSourceThatIsNotAFile(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	if err := mkfifo("pipe.md"); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Named on the command line, a pipe is refused rather than read (which
	// would wait for a writer for ever).
	res := run(t, Options{Paths: []string{"sources", "pipe.md"}})
	equal(t, "statuses", statuses(res), []string{"pipe.md failed", "sources/a.md built"})
	if d := res.Items[0].Diags; len(d) != 1 || d[0].String() != "pipe.md: cannot read: not a regular file" {
		t.Errorf("diagnostics %v", d)
	}
}

// An unreadable manifest is a warning naming it once; handouts whose
// bytes are what the build would write are taken as its own again.
func TestUnreadableManifest(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	run(t, Options{})
	write(t, "out/"+manifest.FileName, "{ not json")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
	want := "out/" + manifest.FileName + ": warning: cannot be read (invalid character 'n' looking for beginning of object key string); handouts it recorded are treated as not made by handouts"
	if len(res.Diags) != 1 || res.Diags[0].String() != want {
		t.Errorf("diagnostics: %v\nwant %s", res.Diags, want)
	}
	if !res.OK() {
		t.Error("a build that rewrote an unreadable manifest is not OK")
	}
	buildtest.CheckConsistent(t, "out")
}

// Two builds into one folder at once would remove each other's temporary
// files and mix their records: the second is refused before it writes.
func TestSecondBuildIntoTheSameFolderIsRefused(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	if err := os.Mkdir("out", 0o755); err != nil {
		t.Fatal(err)
	}
	unlock, err := lockFolder("out")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(context.Background(), Options{})
	var be *Error
	if !errors.As(err, &be) || be.Error() != "out: another handouts build is writing to this folder; wait for it to finish, then build again" {
		unlock()
		t.Fatalf("err = %v; want the folder named as busy", err)
	}
	if files := tree(t, "out"); len(files) != 0 {
		t.Errorf("the refused build wrote %v", names(files))
	}
	unlock()
	res := run(t, Options{})
	equal(t, "once the first is done", statuses(res), []string{"sources/a.md built"})
}

// A build killed (SIGKILL, a power cut) or stopped by a full disk after
// renaming new handouts into place but before saving the manifest leaves
// handouts the manifest does not describe. They are what the next build
// would write, so it takes them as its own instead of calling them
// changed by hand.
func TestHandoutsWrittenButNotRecorded(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	manifestBefore, _ := os.ReadFile("out/" + manifest.FileName)
	write(t, "sources/a.md", "alpha, revised")
	run(t, Options{})
	newA := tree(t, "out")
	// Put back the old manifest: the new a.* are in place, unrecorded.
	write(t, "out/"+manifest.FileName, string(manifestBefore))

	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md unchanged"})
	if !res.OK() {
		t.Errorf("not OK: %v", res.Items[0].Diags)
	}
	if got := tree(t, "out"); got["a.pdf"] != newA["a.pdf"] || got["a.docx"] != newA["a.docx"] {
		t.Error("the handouts changed")
	}
	buildtest.CheckConsistent(t, "out")

	// A handout really changed by hand is still left alone.
	write(t, "sources/a.md", "alpha, revised again")
	write(t, "out/a.pdf", "edited by hand")
	res = run(t, Options{})
	if res.Items[0].Outputs[1].Status != Modified {
		t.Errorf("a.pdf changed by hand: %v", res.Items[0].Outputs[1].Status)
	}
}
