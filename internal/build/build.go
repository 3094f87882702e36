// Package build turns every briefing under some paths into handouts in an
// output folder: in parallel, redoing only what changed, writing each file
// atomically, and reporting every problem with its file and line.
//
// What happens, in order:
//
//  1. The briefings are listed (internal/sources) and their output names
//     worked out from their file names only. Two briefings that would write
//     the same handout are an error before anything is written.
//  2. The manifest of the output folder (internal/manifest) says what an
//     earlier build wrote and from what. For each handout a hash of
//     everything it depends on is made: the source's bytes, the project's
//     settings, the templates, the reference document, the options and the
//     tool's version. A handout whose hash is unchanged, and whose file is
//     still the one written, is skipped without parsing its briefing.
//  3. The rest are parsed and written by a pool of workers. Results are
//     reported in the order of the sources, whatever the number of
//     workers, so output and messages do not depend on it.
//  4. The manifest and SHA256SUMS are written last, atomically, from what
//     is actually in the folder, also when the build was interrupted.
package build

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"handouts/internal/atomicfile"
	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/buildinfo"
	"handouts/internal/config"
	"handouts/internal/diag"
	"handouts/internal/docx"
	"handouts/internal/handout"
	"handouts/internal/html"
	"handouts/internal/manifest"
	"handouts/internal/pdf"
	"handouts/internal/sources"
	"handouts/templates"
)

// FormatVersion is part of every handout's input hash. Raise it when a
// change to the tool changes its output in a way its version would not
// show, to make every build after it rebuild everything once.
const FormatVersion = 1

// SumsName is the checksum file in the output folder.
const SumsName = "SHA256SUMS"

// Formats are the output formats, in the order they are built and listed.
var Formats = []string{"docx", "pdf", "html"}

// DefaultFormats are built when neither the command line nor the project
// config says which.
var DefaultFormats = []string{"docx", "pdf"}

// ReferenceName is the reference document a project's templates folder
// may hold under docx/, used when no --reference-doc is given.
const ReferenceName = "reference.docx"

// Options say what to build and how.
type Options struct {
	// Paths are the files and folders of briefings; none means "sources".
	Paths []string
	// Out is the output folder; "" means "out".
	Out string
	// Formats lists the formats wanted, a subset of Formats.
	Formats []string
	// Jobs is the number of briefings built at once; 0 means one per CPU.
	Jobs int
	// Force rebuilds every handout, also over one changed by hand.
	Force bool
	// Prune removes handouts whose briefing no longer exists.
	Prune bool
	// Config is the project config (producer, acknowledgement, adapted-by,
	// paper, templates folder), with any command-line overrides applied.
	Config *config.Config
	// Reference is a reference .docx to take the Word look from, or "".
	Reference string
	// Observe, if set, is told about the build as it goes: see Event.
	Observe func(Event)
	// Drafts builds briefings marked "draft: true" too; without it they
	// are left out, their problems reported as warnings.
	Drafts bool
	// Today is the date review dates are judged against: for the
	// warning that one has passed, and for the catalogue's review
	// states. Zero means neither. The build never reads the clock.
	Today briefing.Date
}

// Status is what became of one handout, or of one briefing.
type Status string

const (
	Built       Status = "built"       // written in this build
	Unchanged   Status = "unchanged"   // already up to date
	Failed      Status = "failed"      // could not be made; nothing written
	Stale       Status = "stale"       // could not be made; an earlier one kept
	Modified    Status = "modified"    // the file was changed by hand; not overwritten
	Interrupted Status = "interrupted" // not made: the build was stopped
	Draft       Status = "draft"       // a draft, left out; an earlier handout kept
)

// Output is one handout file.
type Output struct {
	Format string
	Name   string // file name in the output folder
	Path   string // output folder and name, slash-separated, for messages
	Status Status
	SHA256 string // of the file now in place, when it is one the tool made

	inputs string // for the manifest, when built
	size   int64
}

// Item is one briefing and its handouts.
type Item struct {
	Source  string // the source path, slash-separated
	Name    string // output base name
	Status  Status // the worst of its outputs' statuses
	Outputs []Output
	// Diags are the briefing's diagnostics (errors and warnings) and the
	// errors met writing its handouts, in order.
	Diags diag.List

	entry *html.Entry  // for the catalogue, when parsed in this build
	file  sources.File // as listed: what is read must be this file
	// staged are its handouts written but not yet in place (commit.go).
	staged []stagedOutput
}

// Orphan is a handout whose briefing no longer exists.
type Orphan struct {
	Path    string // slash-separated, in the output folder
	Source  string // the briefing it was built from
	Removed bool   // removed by --prune
	// Kept says why --prune left it, when it did.
	Kept string
	// Unknown is set when it cannot be told whether the briefing still
	// exists; such a handout is never removed.
	Unknown bool
}

// Result is the outcome of a build.
type Result struct {
	Out     string // the output folder, slash-separated
	Items   []*Item
	Orphans []Orphan
	// Diags are problems that belong to no single briefing: files
	// skipped while listing the sources, an unreadable manifest, a
	// failure to write the manifest or the checksums.
	Diags diag.List
	// Interrupted is set when the context was cancelled before the end.
	Interrupted bool
	// Site are the catalogue and the feed, when web pages are built.
	Site []Output
}

// Counts are the numbers of briefings by status.
type Counts struct {
	Built, Unchanged, Failed, Stale, Modified, Interrupted int
	Orphaned, Pruned                                       int
	Drafts                                                 int
}

// Counts counts the briefings by status. A briefing counts as built when
// any of its handouts was written, failed when any could not be made.
func (r *Result) Counts() Counts {
	var c Counts
	for _, it := range r.Items {
		switch it.Status {
		case Built:
			c.Built++
		case Unchanged:
			c.Unchanged++
		case Failed:
			c.Failed++
		case Stale:
			c.Failed++
			c.Stale++
		case Modified:
			c.Modified++
		case Interrupted:
			c.Interrupted++
		case Draft:
			c.Drafts++
		}
	}
	// Orphans count by briefing too: one deleted briefing is one, however
	// many handouts it left. One whose handouts were removed counts as
	// pruned; one with a handout left (not pruned, or kept) as orphaned.
	pruned, orphaned := map[string]bool{}, map[string]bool{}
	for _, o := range r.Orphans {
		if o.Removed {
			pruned[o.Source] = true
		} else {
			orphaned[o.Source] = true
		}
	}
	c.Pruned, c.Orphaned = len(pruned), len(orphaned)
	return c
}

// OK reports whether the build did all it was asked: every handout is up
// to date and nothing went wrong.
func (r *Result) OK() bool {
	if r.Interrupted || r.Diags.HasErrors() {
		return false
	}
	c := r.Counts()
	return c.Failed == 0 && c.Modified == 0 && c.Interrupted == 0
}

// EventKind tells events apart.
type EventKind int

const (
	// Started: Total is the number of briefings.
	Started EventKind = iota
	// Progress: Done briefings of Total are finished, in any order; for
	// progress bars only.
	Progress
	// Finished: Item is finished. These come in the order of the
	// sources, whatever the number of jobs.
	Finished
)

// Event is something Observe is told.
type Event struct {
	Kind        EventKind
	Done, Total int
	Item        *Item
}

// Error is a problem found before anything was written; the build did
// nothing. Each line is one problem, "file:line: message".
type Error struct {
	Lines []string
	// Diags are the same problems as diagnostics.
	Diags diag.List
}

func (e *Error) Error() string { return strings.Join(e.Lines, "\n") }

// Result is the outcome of a build that did nothing because of e: no
// briefings, and e's problems as its diagnostics, so not OK. out is the
// output folder asked for.
func (e *Error) Result(out string) *Result {
	return &Result{Out: filepath.ToSlash(out), Diags: e.Diags}
}

func errorOf(l diag.List) *Error {
	e := &Error{Diags: l}
	for _, d := range l {
		e.Lines = append(e.Lines, d.String())
	}
	return e
}

// Test hooks: the parser and the writers a build uses. Tests replace them
// to inject faults; nothing else may.
var (
	parse   = briefing.Parse
	writers = map[string]writeFunc{
		"docx": func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
			return docx.Write(w, d, docx.Options{Handout: e.handout, Reference: e.reference, Logo: e.o.Config.LogoPicture, LogoAlt: e.o.Config.LogoAlt, QR: !e.o.Config.NoQR,
				LayOut: s.layOut})
		},
		"pdf": func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
			lay, err := s.layOut(d, pdf.Options{Handout: e.handout, Paper: e.paper, Theme: e.theme,
				Logo: e.o.Config.LogoPicture, LogoAlt: e.o.Config.LogoAlt, QR: !e.o.Config.NoQR})
			if err != nil {
				return err
			}
			return pdf.WriteLayout(w, lay)
		},
		"html": func(w io.Writer, d *briefing.Document, e *env, _ *shared) error {
			dx, pd := linkedFormats(e, d.Name)
			return html.Write(w, d, html.Options{Handout: e.handout, Colours: e.colours, Docx: dx, PDF: pd,
				Logo: e.o.Config.LogoPicture, LogoAlt: e.o.Config.LogoAlt})
		},
	}
	// readSourceFile reads a briefing to build (readSource).
	readSourceFile = readSource
	// loadEntriesFile reads the catalogue entries kept (loadEntries).
	loadEntriesFile = loadEntries
	// beforeRename runs when a handout's temporary file is whole, just
	// before it is renamed into place.
	beforeRename = func(ctx context.Context, path string) error { return nil }
)

// writeFunc writes one handout of a briefing; s is what the writers of
// that briefing share.
type writeFunc func(w io.Writer, d *briefing.Document, e *env, s *shared) error

// env is what every briefing of a build shares.
type env struct {
	o         Options
	out       string
	formats   []string
	handout   handout.Options
	reference *docx.Reference
	paper     string
	theme     *pdf.Theme
	themeSum  [32]byte // of the project's theme file; zero for none
	colours   html.Colours
	parseOpts briefing.Options
	// base is, per format, the hash of every input but the source.
	base map[string][]byte
	old  *manifest.Manifest
	// outReal is the output folder, absolute, links resolved: manifest
	// records say where their briefing is from there.
	outReal  string
	realDirs map[string]string // folder as given → real, for fromOut
	// pending notes each handout before it is renamed into place, so a
	// killed build's complete handouts are still known as the tool's.
	pending *journal
	// cpu limits the briefings rendered at once to o.Jobs (overlap.go).
	cpu cpuTokens
	// sums caches the hashes of the handouts in place (sumcache.go).
	sums *sumCache
	// flusher flushes the staged handouts (commit.go).
	flusher *atomicfile.Flusher
}

// Run builds the handouts. An *Error means nothing was done. Otherwise the
// result says what became of each briefing; Run itself never stops at a
// bad briefing. When ctx is cancelled, handouts being written are
// abandoned (their temporary files removed), no new ones are started, and
// the manifest and checksums are brought up to date with what was done.
func Run(ctx context.Context, o Options) (*Result, error) {
	began := clockNow() // before the briefings are listed: inputcache.go
	if len(o.Paths) == 0 {
		o.Paths = []string{"sources"}
	}
	if o.Out == "" {
		o.Out = "out"
	}
	if o.Config == nil {
		o.Config = config.Default()
	}
	if len(o.Formats) == 0 {
		o.Formats = DefaultFormats
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	res := &Result{Out: filepath.ToSlash(o.Out)}
	var pre diag.List
	fail := func(path string, format string, args ...any) (*Result, error) {
		pre.Errorf(path, 0, format, args...)
		return nil, errorOf(pre)
	}

	formats, err := orderFormats(o.Formats)
	if err != nil {
		return fail("--format", "%v", err)
	}

	// The output folder may not be one of the source folders themselves;
	// inside one it is simply not searched.
	if ost, err := os.Stat(o.Out); err == nil {
		if !ost.IsDir() {
			return fail(res.Out, "is not a folder")
		}
		for _, p := range o.Paths {
			if pst, err := os.Stat(p); err == nil && os.SameFile(ost, pst) {
				return fail(res.Out, "the output folder is also a source folder; give --out a folder of its own")
			}
		}
	}
	files, skipped, err := sources.ListFiles(o.Paths, sources.Options{Exclude: []string{o.Out}})
	if err != nil {
		return fail(pathOf(err), "%s", describe(err))
	}
	for _, s := range skipped {
		if s.Reason != sources.ExcludedReason {
			res.Diags.Warnf(filepath.ToSlash(s.Path), 0, "skipped: %s", s.Reason)
		}
	}

	// Names, and clashes between them, before anything is written.
	items := make([]*Item, len(files))
	owner := map[string]int{}
	for i, f := range files {
		src := filepath.ToSlash(f.Path)
		name := outputName(f.Path)
		items[i] = &Item{Source: src, Name: name, file: f}
		key := nameKey(name)
		if j, dup := owner[key]; dup {
			pre.Errorf(src, 0, "would write the same handouts as %s (%s.*); rename one of them", items[j].Source, path(res.Out, items[j].Name))
			continue
		}
		owner[key] = i
	}
	if pre.HasErrors() {
		return nil, errorOf(pre)
	}

	e := &env{o: o, out: o.Out, formats: formats, paper: o.Config.Paper}
	if e.paper == "" {
		e.paper = config.A4
	}
	e.handout = handout.Options{
		Acknowledgement: o.Config.Acknowledgement,
		AdaptedBy:       o.Config.AdaptedBy,
		Producer:        o.Config.Producer,
	}
	e.parseOpts = briefing.Options{DefaultProducer: o.Config.Producer, Root: projectRoot(o.Config), Today: o.Today}
	var refBytes []byte
	ref := o.Reference
	if ref == "" && o.Config.Templates != "" {
		// A project's templates folder may hold its Word look as a
		// reference document; --reference-doc wins over it.
		p, ok, err := templateFile(o.Config.Templates, "docx/"+ReferenceName)
		if err != nil {
			return fail(filepath.ToSlash(p), "cannot read the reference document: %s", describe(err))
		}
		if ok {
			ref = p
		}
	}
	if ref != "" && contains(formats, "docx") {
		refBytes, err = readLimited(ref, docx.MaxReferenceFileBytes)
		if err != nil {
			return fail(filepath.ToSlash(ref), "cannot read the reference document: %s", describe(err))
		}
		e.reference, err = docx.ReadReference(bytes.NewReader(refBytes), int64(len(refBytes)))
		if err != nil {
			return fail(filepath.ToSlash(ref), "not a usable reference document: %v", err)
		}
		for _, n := range e.reference.Notes {
			res.Diags.Warnf(filepath.ToSlash(ref), 0, "%s", n)
		}
	}
	if contains(formats, "pdf") || contains(formats, "html") {
		if p, _, err := templateFile(o.Config.Templates, pdf.ThemeFile); o.Config.Templates != "" && err != nil {
			return fail(filepath.ToSlash(p), "cannot read the PDF theme: %s", describe(err))
		}
		if e.theme, e.themeSum, err = pdf.LoadThemeFile(o.Config.Templates); err != nil {
			var de *diag.ListError
			if errors.As(err, &de) {
				return nil, errorOf(de.List) // each names the file and line
			}
			return fail(filepath.ToSlash(o.Config.Templates), "cannot read the PDF theme: %v", err)
		}
		e.colours = colours(e.theme)
	}
	if contains(formats, "html") {
		res.Diags = append(res.Diags, contrastWarnings(e)...)
	}
	if e.base, err = baseHashes(e, refBytes); err != nil {
		return fail(filepath.ToSlash(o.Config.Templates), "cannot read the templates: %s", describe(err))
	}

	if err := os.MkdirAll(o.Out, 0o755); err != nil {
		return fail(res.Out, "cannot create the output folder: %s", describe(err))
	}
	unlock, err := lockFolder(o.Out)
	if errors.Is(err, errLocked) {
		return fail(res.Out, "another handouts build is writing to this folder; wait for it to finish, then build again")
	}
	if err != nil {
		return fail(res.Out, "cannot open the output folder: %s", describe(err))
	}
	defer unlock()
	e.outReal = realFolder(o.Out)
	if e.flusher, err = openFlusher(o.Out); err != nil {
		return fail(res.Out, "cannot open the output folder: %s", describe(err))
	}
	defer e.flusher.Close()
	if _, err := atomicfile.RemoveLeftovers(o.Out); err != nil {
		res.Diags.Warnf(res.Out, 0, "cannot remove temporary files an earlier, killed build left: %s", describe(err))
	}
	if e.pending, err = openJournal(o.Out); err != nil {
		return fail(path(res.Out, journalName), "cannot open: %s", describe(err))
	}
	defer e.pending.close()
	var closeSums func()
	e.sums, closeSums = openSumCache(o.Out, e.outReal)
	defer closeSums()
	e.sums.settleBefore(began)
	e.old, err = manifest.Load(o.Out)
	if err != nil {
		res.Diags.Warnf(path(res.Out, manifest.FileName), 0,
			"cannot be read (%s); handouts it recorded are treated as not made by handouts", describe(err))
	}
	for _, name := range e.old.Names() {
		// Only handouts: a manifest edited to claim any other file
		// (SHA256SUMS, a README) must not make --prune remove it.
		if !contains(Formats, strings.TrimPrefix(filepath.Ext(name), ".")) && !isSiteFile(name) {
			delete(e.old.Outputs, name)
		}
	}

	res.Items = items
	runItems(ctx, e, items, o.Observe)
	res.Interrupted = ctx.Err() != nil

	finish(e, res)
	return res, nil
}

// runItems builds the items with o.Jobs workers and tells observe about
// each, in order.
func runItems(ctx context.Context, e *env, items []*Item, observe func(Event)) {
	if observe == nil {
		observe = func(Event) {}
	}
	observe(Event{Kind: Started, Total: len(items)})
	jobs := min(e.o.Jobs, max(len(items), 1))
	e.cpu = make(cpuTokens, jobs)
	workers := min(jobs*ioWorkers, max(len(items), 1))
	next := make(chan int)
	done := make(chan int, len(items))
	staged := make(chan int, FlushBatch)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				e.cpu.acquire()
				buildItem(ctx, e, items[i])
				e.cpu.release()
				if len(items[i].staged) > 0 {
					staged <- i
				} else {
					done <- i
				}
			}
		}()
	}
	c := &committer{ctx: ctx, e: e, items: items, flusher: e.flusher, done: done}
	committed := make(chan struct{})
	go func() {
		defer close(committed)
		for i := range staged {
			c.add(i)
		}
		c.flush()
	}()
	go func() {
		defer close(next)
		for i := range items {
			if ctx.Err() != nil {
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(staged)
		<-committed
		close(done)
	}()
	// Report in source order: hold finished items until those before
	// them are finished too.
	finished := make([]bool, len(items))
	reported, count := 0, 0
	for i := range done {
		finished[i] = true
		count++
		observe(Event{Kind: Progress, Done: count, Total: len(items)})
		for reported < len(items) && finished[reported] {
			observe(Event{Kind: Finished, Done: count, Total: len(items), Item: items[reported]})
			reported++
		}
	}
	// Items never started: the build was interrupted.
	for ; reported < len(items); reported++ {
		it := items[reported]
		if !finished[reported] {
			it.Status = Interrupted
			for _, f := range e.formats {
				it.Outputs = append(it.Outputs, Output{Format: f, Name: it.Name + "." + f,
					Path: path(filepath.ToSlash(e.out), it.Name+"."+f), Status: Interrupted})
			}
		}
		observe(Event{Kind: Finished, Done: count, Total: len(items), Item: it})
	}
}

// recordedAny reports whether the manifest records any of outs: if none,
// each is made whatever its inputs.
func recordedAny(m *manifest.Manifest, outs []Output) bool {
	for _, o := range outs {
		if _, ok := m.Outputs[o.Name]; ok {
			return true
		}
	}
	return false
}

// buildItem builds one briefing's handouts. It never panics: a panic in a
// writer is reported as that handout's error.
func buildItem(ctx context.Context, e *env, it *Item) {
	outDir := filepath.ToSlash(e.out)
	it.Outputs = make([]Output, 0, len(e.formats)) // kept to the end: no room to spare
	for _, f := range e.formats {
		name := it.Name + "." + f
		p := path(outDir, name)
		it.Outputs = append(it.Outputs, Output{Format: f, Name: p[len(p)-len(name):], Path: p})
	}
	defer func() { it.Status = worst(it.Outputs) }()
	defer func() { it.file.Info = nil }() // read no more: not kept to the end
	if ctx.Err() != nil {
		setAll(it, Interrupted)
		return
	}
	err := checkName(it.Name)
	if err == nil {
		err = checkNameMore(it.Source, it.Name)
	}
	if err != nil {
		it.Diags.Errorf(it.Source, 0, "cannot name a handout after this file: %v", err)
		failAll(e, it)
		return
	}
	if unchangedByStamp(e, it) {
		return // nothing to read: see inputcache.go
	}
	src, err := readSourceFile(it)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			it.Diags.Errorf(it.Source, 0, "file is over the limit of %d bytes", briefing.MaxFileSize)
		} else {
			it.Diags.Errorf(it.Source, 0, "cannot read: %s", describe(err))
		}
		failAll(e, it)
		return
	}
	srcSum := sha256.Sum256(src)
	// A briefing whose every handout will be made (a first build, or
	// --force) is parsed first, and the pictures it shows found by that
	// parse rather than by one of their own.
	var doc *briefing.Document
	var diags diag.List
	parsed := false
	if e.o.Force || !recordedAny(e.old, it.Outputs) {
		var cerr error
		doc, diags, cerr = parseCtx(ctx, it.Source, src, e.parseOpts)
		if cerr != nil {
			setAll(it, Interrupted)
			return
		}
		parsed = true
	}
	// The pictures the briefing shows are inputs too.
	var pics []byte
	if doc != nil && bytes.Contains(src, []byte("![")) {
		pics = e.sums.picturesSumAt(it.Source, srcSum, e.parseOpts.Root, doc.PictureURLs)
	} else {
		pics = e.sums.picturesSum(it.Source, src, srcSum, e.parseOpts.Root)
	}
	e.sums.rememberSource(it, srcSum, src, pics)
	if pics != nil {
		srcSum = mixPictures(srcSum, pics)
	}

	// Which handouts are already up to date?
	keys := make([]string, len(it.Outputs))
	var todo []int
	for i := range it.Outputs {
		out := &it.Outputs[i]
		keys[i] = inputsKey(e.base[out.Format], it.Source, srcSum[:])
		rec, ok := e.old.Outputs[out.Name]
		if !e.o.Force && ok && rec.Inputs == keys[i] {
			switch state, noted := e.pending.onDisk(out.Name, filepath.Join(e.out, out.Name), rec); state {
			case diskOurs:
				out.Status, out.SHA256 = Unchanged, rec.SHA256
				continue
			case diskChanged:
				if noted {
					break // a killed build's: rebuild it
				}
				out.Status = Modified
				it.Diags.Errorf(out.Path, 0, "changed since handouts wrote it; not overwritten (move it elsewhere to keep it, or build with --force)")
				continue
			}
		}
		todo = append(todo, i)
	}
	if len(todo) == 0 {
		return
	}

	if !parsed {
		var cerr error
		doc, diags, cerr = parseCtx(ctx, it.Source, src, e.parseOpts)
		if cerr != nil {
			for _, i := range todo {
				it.Outputs[i].Status = Interrupted
			}
			return
		}
	}
	if doc != nil && doc.Meta.Draft && !e.o.Drafts {
		skipDraft(it, diags, todo)
		return
	}
	it.Diags = append(it.Diags, diags...)
	if diags.HasErrors() || doc == nil {
		if doc == nil && !diags.HasErrors() {
			it.Diags.Errorf(it.Source, 0, "could not be read as a briefing")
		}
		for _, i := range todo {
			failOutput(e, &it.Outputs[i])
		}
		return
	}
	if contains(e.formats, "html") {
		it.entry = entryOf(doc, e)
	}

	var s shared     // the writers of this briefing share the PDF layout
	var spent []byte // the last handout's bytes, written (outbuf.go)
	defer func() { spend(spent) }()
	for _, i := range todo {
		spend(spent)
		spent = nil
		out := &it.Outputs[i]
		if ctx.Err() != nil {
			out.Status = Interrupted
			continue
		}
		// A character the PDF's fonts lack fails the PDF, not the others.
		if out.Format == "pdf" {
			if g := pdf.Glyphs(doc, src, e.theme); len(g) > 0 {
				it.Diags = append(it.Diags, g...)
				failOutput(e, out)
				continue
			}
		}
		data, err, cerr := renderCtx(ctx, writers[out.Format], doc, e, &s)
		spent = data
		if cerr != nil {
			out.Status = Interrupted
			continue
		}
		if err != nil {
			it.Diags.Errorf(it.Source, 0, "cannot make %s: %v", out.Path, err)
			failOutput(e, out)
			continue
		}
		target := filepath.Join(e.out, out.Name)
		sum := sha256.Sum256(data)
		hexSum := hex.EncodeToString(sum[:])
		// One look at the file in place, hashed only when its size is
		// that of the handout just made or of the one recorded.
		rec, hasRec := e.old.Outputs[out.Name]
		state, onDiskSum := look(target, append([]int64{int64(len(data)), rec.Size}, e.pending.sizes(out.Name)...)...)
		switch {
		case state != diskRegular:
		case onDiskSum == hexSum:
			// This very handout, written by a build killed (or stopped by
			// a full disk) before it could record it.
			state = diskSame
		case hasRec && rec.SHA256 != "" && onDiskSum == rec.SHA256:
			state = diskOurs
		case e.pending.has(out.Name, onDiskSum):
			state = diskOurs // complete, written by a killed build
		default:
			state = diskChanged
		}
		switch {
		case state == diskNotRegular:
			it.Diags.Errorf(out.Path, 0, "is not a regular file; not replaced")
			out.Status = Modified
			continue
		case state == diskSame:
			out.Status, out.SHA256 = Built, hexSum
			out.record(keys[i], int64(len(data)))
			continue
		case state == diskChanged && !e.o.Force:
			if hasRec {
				it.Diags.Errorf(out.Path, 0, "changed since handouts wrote it; not overwritten (move it elsewhere to keep it, or build with --force)")
			} else {
				it.Diags.Errorf(out.Path, 0, "already exists and was not made by this build; not overwritten (move it elsewhere to keep it, or build with --force)")
			}
			out.Status = Modified
			continue
		}
		// The handout is flushed and renamed into place by the
		// committer (commit.go), with a batch of others. Stage is done
		// with data when it returns: data's buffer is reused once this
		// iteration ends (spend).
		var staged *atomicfile.Staged
		err = e.cpu.duringWrite(func() (err error) {
			staged, err = atomicfile.Stage(target, data, atomicfile.Options{Sync: true, New: state == diskMissing})
			return err
		})
		if err != nil {
			it.Diags.Errorf(out.Path, 0, "cannot write: %s", describe(err))
			failOutput(e, out)
			continue
		}
		it.staged = append(it.staged, stagedOutput{out: i, file: staged, sum: hexSum, inputs: keys[i], size: int64(len(data))})
	}
}

// skipDraft leaves a draft's handouts unmade: its problems become
// warnings, so that a briefing being written stops nothing, and an
// earlier handout of it stays in place.
func skipDraft(it *Item, diags diag.List, todo []int) {
	it.Diags.Warnf(it.Source, 0, "draft: not built (remove \"draft: true\" when it is ready, or build with --drafts)")
	for _, d := range diags {
		if d.Severity == diag.Error {
			d.Severity = diag.Warning
			d.Message = "(draft) " + d.Message
		}
		it.Diags = append(it.Diags, d)
	}
	for _, i := range todo {
		it.Outputs[i].Status = Draft
	}
}

// record notes what the manifest will say of a handout just written.
func (o *Output) record(inputs string, size int64) {
	o.inputs, o.size = inputs, size
}

// render runs a writer into memory, turning a panic into an error.
func render(w writeFunc, d *briefing.Document, e *env, s *shared) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error (please report it): %v", r)
			data = nil
		}
	}()
	if w == nil {
		return nil, errors.New("no writer for this format")
	}
	b := outBuffer() // given back by buildItem (spend)
	if err := w(b, d, e, s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// failOutput marks a handout that could not be made: stale when the
// earlier handout is still in place, failed otherwise.
func failOutput(e *env, out *Output) {
	out.Status = Failed
	if rec, ok := e.old.Outputs[out.Name]; ok {
		if state := onDisk(filepath.Join(e.out, out.Name), rec); state == diskOurs {
			out.Status, out.SHA256 = Stale, rec.SHA256
		}
	}
}

func failAll(e *env, it *Item) {
	for i := range it.Outputs {
		failOutput(e, &it.Outputs[i])
	}
}

func setAll(it *Item, s Status) {
	for i := range it.Outputs {
		it.Outputs[i].Status = s
	}
}

// worst is an item's status from its outputs'.
func worst(outs []Output) Status {
	rank := map[Status]int{"": -1, Unchanged: 0, Draft: 1, Built: 2, Interrupted: 3, Modified: 4, Stale: 5, Failed: 6}
	s := Unchanged
	for _, o := range outs {
		if rank[o.Status] > rank[s] {
			s = o.Status
		}
	}
	return s
}

// disk states of an output file compared with what the tool knows of it.
type diskState int

const (
	diskMissing    diskState = iota
	diskNotRegular           // a folder, link or device
	diskRegular              // a regular file, not yet compared
	diskOurs                 // as recorded
	diskChanged              // present but not as recorded (or not as built)
	diskSame                 // present and identical to what was just built
)

// onDisk compares the file at p with its record.
func onDisk(p string, rec manifest.Record) diskState {
	state, sum := look(p, rec.Size)
	switch {
	case state != diskRegular:
		return state
	case rec.SHA256 != "" && sum == rec.SHA256:
		return diskOurs
	}
	return diskChanged
}

// look says whether p is missing, not a regular file, or a regular file;
// for a regular file whose size is one of sizes it gives its SHA-256 too
// (hex), reading it once. A file that cannot be read has no sum.
func look(p string, sizes ...int64) (diskState, string) {
	st, err := os.Lstat(p)
	if err != nil {
		return diskMissing, ""
	}
	if !st.Mode().IsRegular() {
		return diskNotRegular, ""
	}
	if !slices.Contains(sizes, st.Size()) {
		return diskRegular, ""
	}
	c := cacheFor(p)
	if sum, ok := c.lookup(p, st); ok {
		return diskRegular, sum
	}
	sum, _ := hashFile(p)
	c.remember(p, st, sum)
	return diskRegular, sum
}

func hashFile(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// finish brings the manifest up to date with what is in the output folder,
// deals with orphans, and writes the manifest and SHA256SUMS.
func finish(e *env, res *Result) {
	outDir := filepath.ToSlash(e.out)
	m := manifest.New()
	built := map[string]bool{} // output names this build is responsible for
	siteRecords, notOurs := buildSite(e, res)
	for name, rec := range siteRecords {
		m.Outputs[name] = rec
	}
	for _, name := range siteFiles {
		built[name] = true // never an orphan: kept by buildSite or gone
	}
	listed := map[string]bool{}
	for _, it := range res.Items {
		listed[it.Source] = true
		fromOut := e.fromOut(it.Source)
		for i := range it.Outputs {
			out := &it.Outputs[i]
			built[out.Name] = true
			old, hadOld := e.old.Outputs[out.Name]
			if hadOld && old.Source == it.Source && fromOut != "" {
				old.FromOut = fromOut
			}
			switch out.Status {
			case Built:
				m.Outputs[out.Name] = manifest.Record{Source: it.Source, FromOut: fromOut, Inputs: out.inputs, SHA256: out.SHA256, Size: out.size}
			case Unchanged, Stale:
				m.Outputs[out.Name] = old
			case Draft:
				// An earlier handout of a briefing made a draft again
				// stays as it was, in the manifest and the checksums.
				if hadOld && onDisk(filepath.Join(e.out, out.Name), old) == diskOurs {
					m.Outputs[out.Name] = old
				}
			case Modified, Failed, Interrupted:
				// Keep what was known, if the file is still there, so the
				// next build can tell the same story. Only an interrupted
				// handout's file may still be the one recorded: a failed
				// one's was not (failOutput would have made it stale), a
				// modified one's is not.
				if !hadOld {
					break
				}
				p := filepath.Join(e.out, out.Name)
				var s diskState
				if out.Status == Interrupted {
					s = onDisk(p, old)
				} else {
					s, _ = look(p)
				}
				if s == diskMissing || s == diskNotRegular {
					break
				}
				m.Outputs[out.Name] = old
				if s != diskOurs {
					notOurs[out.Name] = true
				}
			}
		}
	}
	// Handouts of briefings not in this build.
	for _, name := range e.old.Names() {
		if built[name] {
			continue
		}
		rec := e.old.Outputs[name]
		p := filepath.Join(e.out, name)
		st, err := os.Lstat(p)
		if err != nil || !st.Mode().IsRegular() {
			continue // gone: forget it
		}
		exists, unsure := e.sourceExists(rec)
		if listed[rec.Source] || exists || (unsure != "" && !e.o.Prune) {
			m.Outputs[name] = rec // a format not asked for, or a briefing not named
			continue
		}
		orph := Orphan{Path: path(outDir, name), Source: rec.Source}
		state, noted := e.pending.onDisk(name, p, rec)
		if noted {
			state = diskOurs
		}
		if state != diskOurs {
			notOurs[name] = true
		}
		if unsure != "" {
			orph.Kept, orph.Unknown = unsure, true
		} else if e.o.Prune && !res.Interrupted {
			switch {
			case state != diskOurs:
				orph.Kept = "changed since handouts wrote it"
			default:
				if err := os.Remove(p); err != nil {
					orph.Kept = describe(err)
					res.Diags.Errorf(orph.Path, 0, "cannot remove: %s", orph.Kept)
				} else {
					orph.Removed = true
				}
			}
		}
		if !orph.Removed {
			m.Outputs[name] = rec
		}
		res.Orphans = append(res.Orphans, orph)
	}

	// The manifest and the checksums, each only when it changes.
	if err := writeIfChangedStream(filepath.Join(e.out, manifest.FileName), m.Encode); err != nil {
		res.Diags.Errorf(path(outDir, manifest.FileName), 0, "cannot write: %s", describe(err))
	} else if err := e.pending.settle(m); err != nil {
		res.Diags.Warnf(path(outDir, journalName), 0, "cannot update: %s", describe(err))
	}
	e.sums.save(m) // a cache: if it cannot be written, the next build hashes
	if err := writeIfChangedStream(filepath.Join(e.out, SumsName), func(w io.Writer) error { return writeSums(w, m, notOurs) }); err != nil {
		res.Diags.Errorf(path(outDir, SumsName), 0, "cannot write: %s", describe(err))
	}
}

// inputsKey hashes everything a handout depends on.
func inputsKey(base []byte, source string, srcSum []byte) string {
	h := sha256.New()
	h.Write(base)
	writeField(h, source)
	h.Write(srcSum)
	return hex.EncodeToString(h.Sum(nil))
}

// baseHashes hashes, per format, every input but the briefing itself.
func baseHashes(e *env, refBytes []byte) (map[string][]byte, error) {
	common := sha256.New()
	writeField(common, fmt.Sprintf("handouts build %d", FormatVersion))
	writeField(common, ToolVersion())
	writeField(common, e.handout.Producer)
	writeField(common, e.handout.Acknowledgement)
	writeField(common, e.handout.AdaptedBy)
	writeField(common, e.parseOpts.DefaultProducer)
	brandingHash(common, e.o)
	if err := hashFS(common, templates.Docx, "docx"); err != nil {
		return nil, err
	}
	base := map[string][]byte{}
	for _, f := range e.formats {
		h := sha256.New()
		h.Write(common.Sum(nil))
		writeField(h, f)
		switch f {
		case "docx":
			sum := sha256.Sum256(refBytes)
			writeField(h, fmt.Sprintf("reference %t %x", refBytes != nil, sum))
		case "pdf":
			writeField(h, "paper "+e.paper)
			writeField(h, string(templates.PDFTheme))
		case "html":
			// The theme's colours, and the other handouts a page links to.
			writeField(h, fmt.Sprintf("colours %+v", e.colours))
			writeField(h, "formats "+strings.Join(e.formats, ","))
		}
		// Of a project's templates folder, only the files a build
		// uses: the reference document (hashed above, as refBytes) and
		// the PDF theme. Nothing else there is read or walked.
		if e.o.Config.Templates != "" && f == "pdf" {
			hashTheme(h, e.themeSum)
		}
		base[f] = h.Sum(nil)
	}
	return base, nil
}

// hashFS hashes the names and contents of the regular files under root,
// in lexical order (fs.WalkDir's).
func hashFS(h io.Writer, fsys fs.FS, root string) error {
	// Each file is hashed through one small buffer, not read whole: a
	// copy of every template was allocated in every process.
	buf := make([]byte, 4<<10)
	fh := sha256.New()
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		f, err := fsys.Open(p)
		if err != nil {
			return err
		}
		fh.Reset()
		_, err = io.CopyBuffer(struct{ io.Writer }{fh}, struct{ io.Reader }{f}, buf)
		f.Close()
		if err != nil {
			return err
		}
		writeField(h, p)
		h.Write(fh.Sum(buf[:0]))
		return nil
	})
}

// writeField writes s with its length, so fields cannot run together.
func writeField(h io.Writer, s string) {
	fmt.Fprintf(h, "%d:%s;", len(s), s)
}

var (
	versionOnce sync.Once
	version     string
)

// ToolVersion identifies the build of the tool by what determines its
// output. Built by the Makefile, that is the hash of its build inputs
// (buildinfo.Source) and the Go version, so a commit that changes only
// briefings keeps it. Otherwise it is the module version, VCS revision
// and Go version from the build information; for a build from a
// modified tree, or one without VCS information, the executable's Go
// build ID too (which ends with a hash of its content; see goBuildID) or,
// failing that, a hash of the executable, since its revision would not
// tell its changes apart.
func ToolVersion() string {
	versionOnce.Do(func() {
		i, ok := buildinfo.Read()
		if ok && buildinfo.Source != "" {
			version = strings.Join([]string{i.Path, "source:" + buildinfo.Source, i.GoVersion}, " ")
			return
		}
		if !ok {
			version = "unknown"
		} else {
			version = strings.Join([]string{i.Path, i.Version, i.Revision, strconv.FormatBool(i.Modified), i.GoVersion}, " ")
			if i.Revision != "" && !i.Modified {
				return
			}
		}
		if exe, err := os.Executable(); err == nil {
			if id, err := goBuildID(exe); err == nil {
				version += " buildid:" + id
			} else if sum, err := hashFile(exe); err == nil {
				version += " exe:" + sum
			}
		}
	})
	return version
}

// orderFormats checks the formats asked for and puts them in the standard
// order, each once.
func orderFormats(asked []string) ([]string, error) {
	want := map[string]bool{}
	for _, f := range asked {
		f = strings.ToLower(strings.TrimSpace(f))
		if !contains(Formats, f) {
			return nil, fmt.Errorf("unknown format %q: use %s", f, strings.Join(Formats, ", "))
		}
		want[f] = true
	}
	var out []string
	for _, f := range Formats {
		if want[f] {
			out = append(out, f)
		}
	}
	return out, nil
}

// outputName is the output base name of a source: its file name without
// ".md". Nothing else about the briefing (title, front matter) is used.
func outputName(p string) string {
	return strings.TrimSuffix(filepath.Base(p), ".md")
}

// checkName refuses names that are no good as file names in the output
// folder or in SHA256SUMS.
func checkName(name string) error {
	switch {
	case name == "":
		return errors.New("the name is empty")
	case strings.HasPrefix(name, "."):
		return errors.New("the name starts with a dot, which would hide the handouts")
	case strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == '\\' || r == '/' }):
		return errors.New("the name holds a control character or a backslash")
	}
	return nil
}

var errTooLarge = errors.New("too large")

var errNotRegular = errors.New("not a regular file")

// readLimited reads a regular file of at most limit bytes. Anything else
// (a folder, a device, a pipe that would block the build) is an error:
// errNotRegular or errTooLarge, or the error of the os package.
func readLimited(p string, limit int64) ([]byte, error) {
	data, err := boundedfile.Read(p, limit)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, errNotRegular
	case errors.As(err, &tl):
		return nil, errTooLarge
	}
	return data, err
}

// describe is an error's text without the path it names (messages lead
// with the path already).
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

func pathOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return filepath.ToSlash(pe.Path)
	}
	return "sources"
}

func path(dir, name string) string {
	if dir == "." || dir == "" {
		return name
	}
	return strings.TrimSuffix(dir, "/") + "/" + name
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
