package build

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"handouts/internal/diag"
)

// Verbosity of a Reporter.
const (
	Quiet   = -1 // errors only
	Normal  = 0  // errors, warnings, handouts written, the summary
	Verbose = 1  // also handouts already up to date
)

// Reporter tells a person how a build goes, on a terminal or in a log.
// Its methods are called from one goroutine (Observe runs on Run's).
type Reporter struct {
	W     io.Writer // standard error
	Level int
	// Bar draws a progress bar, redrawn in place, instead of one line per
	// handout written: for a terminal, not for a log.
	Bar bool
	// Color marks errors red and warnings yellow.
	Color bool
	// Width is the terminal's width in columns, which the bar keeps
	// within; 0 means unknown, taken as 80.
	Width int

	barShown bool
	lastBar  string
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	reset  = "\x1b[0m"
)

// Observe is Options.Observe.
func (r *Reporter) Observe(ev Event) {
	switch ev.Kind {
	case Progress:
		r.drawBar(ev.Done, ev.Total)
	case Finished:
		r.item(ev.Item)
		r.drawBar(ev.Done, ev.Total)
	}
}

func (r *Reporter) item(it *Item) {
	for _, d := range it.Diags {
		r.diag(d)
	}
	for _, o := range it.Outputs {
		switch o.Status {
		case Built:
			if r.Level >= Verbose || (r.Level == Normal && !r.Bar) {
				r.line("", "built "+shown(o.Path))
			}
		case Unchanged:
			if r.Level >= Verbose {
				r.line("", "unchanged "+shown(o.Path))
			}
		case Stale:
			if r.Level > Quiet {
				r.line(yellow, shown(o.Path)+": stale: "+staleWhy(it, o))
			}
		}
	}
}

func (r *Reporter) diag(d diag.Diagnostic) {
	if d.Severity == diag.Warning {
		if r.Level > Quiet {
			r.line(yellow, d.String())
		}
		return
	}
	r.line(red, d.String())
}

// line prints one line, above the progress bar if one is shown.
func (r *Reporter) line(color, s string) {
	r.clearBar()
	if r.Color && color != "" {
		s = color + s + reset
	}
	fmt.Fprintln(r.W, s)
}

func (r *Reporter) drawBar(done, total int) {
	if !r.Bar || r.Level == Quiet || total == 0 {
		return
	}
	bar := barText(done, total, r.Width)
	if bar == r.lastBar && r.barShown {
		return
	}
	r.lastBar = bar
	fmt.Fprint(r.W, "\r"+bar+"\x1b[K")
	r.barShown = true
}

// barText is the progress bar for a terminal cols wide: the bar and the
// count, the bar made shorter on a narrow terminal, and on a very narrow
// one the count alone. It never reaches the last column, where a
// terminal would wrap it onto a new line that \r cannot return to.
func barText(done, total, cols int) string {
	if cols <= 0 {
		cols = 80
	}
	room := cols - 1
	count := fmt.Sprintf(" %d/%d briefings", done, total)
	// The widest count, so that the bar keeps its length as done grows.
	widest := len(fmt.Sprintf(" %d/%d briefings", total, total))
	width := min(30, room-2-widest)
	if width < 10 {
		count = strings.TrimPrefix(count, " ")
		if len(count) > room {
			count = fmt.Sprintf("%d/%d", done, total)
		}
		return count
	}
	n := done * width / total
	return "[" + strings.Repeat("#", n) + strings.Repeat(".", width-n) + "]" + count
}

func (r *Reporter) clearBar() {
	if r.barShown {
		fmt.Fprint(r.W, "\r\x1b[K")
		r.barShown = false
		r.lastBar = ""
	}
}

// Finish prints what belongs to no briefing (skipped files, orphans, the
// manifest) and, unless quiet, the one-line summary with the time taken.
func (r *Reporter) Finish(res *Result, elapsed time.Duration) {
	r.clearBar()
	for _, d := range res.Diags {
		r.diag(d)
	}
	for _, o := range res.Orphans {
		switch {
		case o.Removed:
			if r.Level > Quiet {
				r.line("", "removed "+shown(o.Path)+" (its briefing "+shown(o.Source)+" no longer exists)")
			}
		case o.Unknown:
			r.line(yellow, o.Path+": not removed: "+o.Kept)
		case o.Kept != "":
			r.line(yellow, shown(o.Path)+": its briefing "+shown(o.Source)+" no longer exists; not removed: "+o.Kept)
		default:
			if r.Level > Quiet {
				r.line(yellow, shown(o.Path)+": its briefing "+shown(o.Source)+" no longer exists; --prune removes it")
			}
		}
	}
	for _, o := range res.Site {
		switch {
		case o.Status == Built && (r.Level >= Verbose || r.Level == Normal && !r.Bar):
			r.line("", "built "+o.Path)
		case o.Status == Unchanged && r.Level >= Verbose:
			r.line("", "unchanged "+o.Path)
		}
	}
	if r.Level == Quiet {
		return
	}
	s := Summary(res.Counts())
	if r.Color && !res.OK() {
		s = red + s + reset
	}
	fmt.Fprintf(r.W, "%s, %.1f s\n", s, elapsed.Seconds())
}

// Summary is the counts as one line: "built 12, unchanged 30, failed 1",
// with stale, modified, orphaned, pruned and not built added when there
// are any. It counts briefings.
func Summary(c Counts) string {
	parts := []string{
		fmt.Sprintf("built %d", c.Built),
		fmt.Sprintf("unchanged %d", c.Unchanged),
		fmt.Sprintf("failed %d", c.Failed),
	}
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", what, n))
		}
	}
	add(c.Stale, "stale")
	add(c.Modified, "modified")
	add(c.Orphaned, "orphaned")
	add(c.Pruned, "pruned")
	add(c.Interrupted, "not built")
	add(c.Drafts, "drafts")
	return strings.Join(parts, ", ")
}

// JSON is the result for machines: every briefing with its handouts and
// diagnostics, the orphans, and the counts. It holds no time, so the same
// build gives the same JSON.
func (r *Result) JSON() []byte {
	type joutput struct {
		Format string `json:"format"`
		File   string `json:"file"`
		Status Status `json:"status"`
		SHA256 string `json:"sha256,omitempty"`
	}
	type jitem struct {
		Source      string    `json:"source"`
		Status      Status    `json:"status"`
		Outputs     []joutput `json:"outputs"`
		Diagnostics diag.List `json:"diagnostics"`
	}
	type jorphan struct {
		File    string `json:"file"`
		Source  string `json:"source"`
		Removed bool   `json:"removed"`
		Kept    string `json:"kept,omitempty"`
	}
	type jcounts struct {
		Built       int `json:"built"`
		Unchanged   int `json:"unchanged"`
		Failed      int `json:"failed"`
		Stale       int `json:"stale"`
		Modified    int `json:"modified"`
		Orphaned    int `json:"orphaned"`
		Pruned      int `json:"pruned"`
		Interrupted int `json:"not_built"`
		Drafts      int `json:"drafts"`
	}
	type jresult struct {
		OK          bool      `json:"ok"`
		Interrupted bool      `json:"interrupted"`
		Out         string    `json:"out"`
		Summary     jcounts   `json:"summary"`
		Briefings   []jitem   `json:"briefings"`
		Orphans     []jorphan `json:"orphans"`
		Site        []joutput `json:"site,omitempty"`
		Diagnostics diag.List `json:"diagnostics"`
	}
	diags := func(l diag.List) diag.List {
		if l == nil {
			return diag.List{} // [] rather than null
		}
		return l
	}
	c := r.Counts()
	j := jresult{
		OK: r.OK(), Interrupted: r.Interrupted, Out: r.Out,
		Summary:     jcounts{c.Built, c.Unchanged, c.Failed, c.Stale, c.Modified, c.Orphaned, c.Pruned, c.Interrupted, c.Drafts},
		Briefings:   []jitem{},
		Orphans:     []jorphan{},
		Diagnostics: diags(r.Diags),
	}
	for _, it := range r.Items {
		ji := jitem{Source: it.Source, Status: it.Status, Diagnostics: diags(it.Diags)}
		for _, o := range it.Outputs {
			ji.Outputs = append(ji.Outputs, joutput{o.Format, o.Path, o.Status, o.SHA256})
		}
		j.Briefings = append(j.Briefings, ji)
	}
	for _, o := range r.Site {
		j.Site = append(j.Site, joutput{o.Format, o.Path, o.Status, o.SHA256})
	}
	for _, o := range r.Orphans {
		j.Orphans = append(j.Orphans, jorphan{o.Path, o.Source, o.Removed, o.Kept})
	}
	b, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		panic(err)
	}
	return append(b, '\n')
}

// shown is a "/" path as messages show it: with the system's separator.
func shown(p string) string { return filepath.FromSlash(p) }
