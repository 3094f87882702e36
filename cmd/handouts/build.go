package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"handouts/internal/briefing"
	"handouts/internal/build"
	"handouts/internal/config"
	"handouts/internal/diag"
	"handouts/internal/suggest"
)

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build Word and PDF handouts of every briefing, redoing only what changed",
		ArgsUsage: "[PATH...]",
		Description: `Builds OUT/NAME.docx and OUT/NAME.pdf for every briefing NAME.md in the
files and folders given (sources/ by default), several at once. Handouts
whose briefing, templates, reference document, project config, options
and tool version are unchanged since the last build are skipped; the
record of what was built is OUT/.handouts-manifest.json. OUT/SHA256SUMS
lists every handout for "sha256sum -c".

With --format html (or "formats: docx, pdf, html" in handouts.yaml) each
briefing also gets OUT/NAME.html, an accessible web page, and the build
writes OUT/index.html, a catalogue of every briefing with its review
state on --today, and OUT/feed.xml, an Atom feed of the briefings.

A briefing with errors stops nothing else: its errors are reported as
file:line: message, its last good handouts are kept (reported as stale),
and the exit status is 1. A handout changed by hand in OUT is never
overwritten without --force. Every file is written whole or not at all:
an interrupted build (Ctrl-C) leaves only complete handouts and exits
with status 130. A briefing marked "draft: true" is left out (reported
as a draft, its problems as warnings) unless --drafts is given.

Examples:
   handouts build
   handouts build --format docx --out public sources/2026
   handouts build --adapted-by "Example Library Service" --paper letter`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", DefaultText: "docx,pdf, or the project config's formats",
				Usage: "the formats to build: `LIST` of docx, pdf and html, comma-separated"},
			&cli.StringFlag{Name: "today", DefaultText: "SOURCE_DATE_EPOCH's date, or the clock's (UTC)",
				Usage: "judge review dates (warnings, the catalogue's review states) against `DATE` (2026-11-25)"},
			&cli.StringFlag{Name: "out", Value: "out", TakesFile: true,
				Usage: "write the handouts into `DIR`"},
			&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU(),
				DefaultText: "the number of CPUs", Usage: "build `N` briefings at once"},
			&cli.StringFlag{Name: "paper", Usage: "paper `SIZE` of the PDF handouts: a4 or letter (overrides the project config)"},
			&cli.StringFlag{Name: "reference-doc", TakesFile: true,
				Usage: "take the Word styles, page set-up, header and footer from `FILE` (a .docx)"},
			&cli.StringFlag{Name: "adapted-by",
				Usage: "add \"Adapted by `ORG` from a briefing by PRODUCER\" to every handout (overrides the project config)"},
			&cli.BoolFlag{Name: "no-qr", Usage: "print no QR code of the driver document's address in the Word and PDF handouts (overrides the project config)"},
			configFlag(),
			&cli.BoolFlag{Name: "force", Usage: "rebuild every handout, also one changed by hand"},
			&cli.BoolFlag{Name: "prune", Usage: "remove handouts whose briefing no longer exists"},
			&cli.BoolFlag{Name: "drafts", Usage: "build briefings marked \"draft: true\" too"},
			&cli.BoolFlag{Name: "json", Usage: "print the outcome as JSON on standard output"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print errors only"},
			&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "also list the handouts already up to date"},
		},
		Action: buildHandouts,
	}
}

func buildHandouts(c *cli.Context) error {
	start := time.Now()
	args, err := positionalArgs(c)
	if err != nil {
		return err
	}
	if c.Int("jobs") < 1 {
		return usageError("--jobs must be 1 or more")
	}
	if c.Bool("quiet") && c.Bool("verbose") {
		return usageError("--quiet and --verbose do not go together")
	}
	var formats []string
	asked := c.String("format")
	if !c.IsSet("format") {
		asked = "docx,pdf"
	}
	for _, f := range strings.Split(asked, ",") {
		if f = strings.TrimSpace(f); f != "" {
			formats = append(formats, f)
		}
	}
	if len(formats) == 0 {
		return usageError("--format needs docx, pdf, html or several of them")
	}
	for _, f := range formats {
		if !contains(build.Formats, f) {
			return usageError("--format: %s", suggest.Unknown("format", f, f, build.Formats, "; use docx, pdf, html or several, such as docx,pdf,html"))
		}
	}
	today, err := buildToday(c)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		args = []string{"sources"}
	}
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return usageError("%s: %s", a, describeErr(err))
		}
	}
	cfg, err := projectConfig(c)
	if err != nil {
		return err
	}
	if p := c.String("paper"); p != "" {
		p = strings.ToLower(p)
		if p != config.A4 && p != config.Letter {
			return usageError("--paper %q: use a4 or letter", c.String("paper"))
		}
		cfg.Paper = p
	}
	if c.IsSet("adapted-by") {
		cfg.AdaptedBy = strings.TrimSpace(c.String("adapted-by"))
		if msg := briefing.TooLong("--adapted-by", cfg.AdaptedBy, briefing.MaxNameLength, briefing.NameHint); msg != "" {
			return usageError("%s", msg)
		}
	}
	if c.Bool("no-qr") {
		cfg.NoQR = true
	}
	if !c.IsSet("format") && cfg.Formats != "" {
		formats = strings.Split(cfg.Formats, ",")
	}

	stderr := c.App.ErrWriter
	rep := &build.Reporter{W: stderr, Level: build.Normal}
	if c.Bool("quiet") {
		rep.Level = build.Quiet
	} else if c.Bool("verbose") {
		rep.Level = build.Verbose
	}
	if isTerminal(stderr) && enableANSI(stderr.(*os.File)) {
		rep.Bar = os.Getenv("CI") == ""
		rep.Width = terminalWidth(stderr.(*os.File))
		rep.Color = os.Getenv("NO_COLOR") == ""
	}

	ctx, stop := interruptContext(c.Context)
	defer stop()
	res, err := build.Run(ctx, build.Options{
		Paths:     args,
		Out:       c.String("out"),
		Formats:   formats,
		Jobs:      c.Int("jobs"),
		Force:     c.Bool("force"),
		Prune:     c.Bool("prune"),
		Drafts:    c.Bool("drafts"),
		Config:    cfg,
		Reference: c.String("reference-doc"),
		Observe:   rep.Observe,
		Today:     today,
	})
	var berr *build.Error
	if errors.As(err, &berr) {
		for _, l := range berr.Lines {
			fmt.Fprintln(stderr, l)
		}
		if c.Bool("json") {
			c.App.Writer.Write(berr.Result(c.String("out")).JSON())
		}
		return cli.Exit("nothing was built", exitFailed)
	}
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}
	none := len(res.Items) == 0 && !res.Interrupted
	if c.Bool("json") {
		out := res
		if none {
			// Exit status 1 below: the JSON must not say ok.
			cp := *res
			cp.Diags = append(diag.List(nil), res.Diags...)
			cp.Diags.Errorf(strings.Join(args, ", "), 0, "no briefings (.md files) here")
			out = &cp
		}
		c.App.Writer.Write(out.JSON())
	}
	rep.Finish(res, time.Since(start))

	if res.Interrupted {
		sig, code := "a signal", exitInterrupt
		if s, ok := context.Cause(ctx).(signalCause); ok {
			sig, code = s.name, s.code
		}
		return cli.Exit(fmt.Sprintf("interrupted by %s: %d briefings not built; every handout in %s is complete",
			sig, res.Counts().Interrupted, res.Out), code)
	}
	if !res.OK() {
		return cli.Exit("", exitFailed)
	}
	if none {
		return cli.Exit(fmt.Sprintf("no briefings (.md files) in %s", strings.Join(args, ", ")), exitFailed)
	}
	return nil
}

// signalCause is why a build's context was cancelled.
type signalCause struct {
	name string
	code int
}

func (s signalCause) Error() string { return "interrupted by " + s.name }

// interruptContext is cancelled, with a signalCause, at the first SIGINT
// or SIGTERM. The build then stops starting handouts and finishes its
// records; a second signal ends the program at once.
func interruptContext(parent context.Context) (context.Context, func()) {
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancelCause(parent)
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch)
			cause := signalCause{"SIGINT", exitInterrupt}
			if s == syscall.SIGTERM {
				cause = signalCause{"SIGTERM", 128 + int(syscall.SIGTERM)}
			}
			cancel(cause)
		case <-done:
		}
	}()
	return ctx, func() {
		signal.Stop(ch)
		close(done)
		cancel(nil)
	}
}

// isTerminal reports whether w is a terminal: a character device that
// answers a terminal's request (so not /dev/null).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0 && isTTY(f)
}

// buildToday is the date the catalogue's review states are worked out
// for: --today; else the date of SOURCE_DATE_EPOCH, the reproducible
// builds convention; else the clock's date in UTC, so that the time zone
// never changes the catalogue. A catalogue's bytes change only when a
// briefing's state does, not every day.
func buildToday(c *cli.Context) (briefing.Date, error) {
	if c.IsSet("today") {
		return todayFlag(c)
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 0 {
			return briefing.Date{}, usageError("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
		}
		return briefing.DateOf(time.Unix(n, 0).UTC()), nil
	}
	return briefing.DateOf(time.Now().UTC()), nil
}
