package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/urfave/cli/v2"

	"handouts/internal/briefing"
	"handouts/internal/skeleton"
	"handouts/internal/slug"
	"handouts/internal/suggest"
)

func newCommand() *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     "start a briefing from the skeleton of its kind",
		ArgsUsage: `"TITLE"`,
		Description: `Writes DIR/SLUG.md (sources/ by default), where SLUG is the title in
lowercase ASCII words joined by hyphens. The new file has the title, the
kind, today's date as the date last updated and the review date a review
period later (12 months, or review-period in handouts.yaml), every other
required key present but empty, and the standard sections in order. It
then lists what you must fill in before "handouts check" passes.
An existing file is never overwritten.

Examples:
   handouts new "The NHS Long Term Plan and library services"
   handouts new --kind hot-topic "Artificial intelligence: what it means for searching"`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "kind", Value: string(briefing.PolicyBriefing),
				Usage: "the kind of briefing: policy-briefing or hot-topic"},
			&cli.StringFlag{Name: "dir", Value: "sources", TakesFile: true,
				Usage: "write the briefing into `DIR`"},
			&cli.StringFlag{Name: "today", Usage: "use `DATE` (2026-11-25) as today instead of the clock"},
			configFlag(),
		},
		Action: newBriefing,
	}
}

func newBriefing(c *cli.Context) error {
	args, err := positionalArgs(c)
	if err != nil {
		return err
	}
	if len(args) != 1 {
		return usageError("new needs one title, quoted: handouts new \"The NHS Long Term Plan and library services\"")
	}
	title := strings.TrimSpace(args[0])
	if strings.IndexFunc(title, unicode.IsControl) >= 0 {
		return usageError("the title must be one line of text")
	}
	kind := c.String("kind")
	if !isKind(kind) {
		return usageError("%s", suggest.Unknown("kind", kind, kind, skeleton.Kinds, ": use policy-briefing or hot-topic"))
	}
	today, err := todayFlag(c)
	if err != nil {
		return err
	}
	cfg, err := projectConfig(c)
	if err != nil {
		return err
	}
	name, err := slug.Make(title)
	if err != nil {
		return usageError("%v: %q", err, title)
	}

	data := skeleton.NewData(title, briefing.Kind(kind), cfg.Producer, today, cfg.ReviewMonths)
	text, _, err := skeleton.Render(data, cfg.Templates)
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}

	dir := c.String("dir")
	path := filepath.Join(dir, name+".md")
	f, err := createNew(dir, dir, path, path)
	if errors.Is(err, fs.ErrExist) {
		return cli.Exit(fmt.Sprintf("%s already exists; not overwriting it. Edit it, or give a different title", path), exitFailed)
	}
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}
	_, err = f.Write(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return cli.Exit(fmt.Sprintf("cannot write %s: %v", path, describeErr(err)), exitFailed)
	}

	w := c.App.Writer
	shown := path // with the system's separator, as typed at the prompt
	fmt.Fprintf(w, "Created %s: %s %q, due for review %s.\n", shown,
		strings.ToLower(briefing.Kind(kind).Label()), title, data.Review)
	todo := skeleton.Todo(text)
	if len(todo.Keys) > 0 {
		fmt.Fprintln(w, "Fill in:")
		for _, k := range todo.Keys {
			fmt.Fprintf(w, "  %s:%d: %s\n", shown, k.Line, k.Name)
		}
	}
	if len(todo.Sections) > 0 {
		fmt.Fprintln(w, "Write the sections:")
		for _, s := range todo.Sections {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	fmt.Fprintf(w, "Then run: handouts check %s\n", shown)
	return nil
}

func isKind(k string) bool {
	for _, s := range skeleton.Kinds {
		if k == s {
			return true
		}
	}
	return false
}

// todayFlag reads --today (a full date), or the clock's date in UTC.
func todayFlag(c *cli.Context) (briefing.Date, error) {
	s := c.String("today")
	if s == "" {
		return briefing.DateOf(time.Now()), nil
	}
	d, err := briefing.ParseDate(s)
	if err != nil {
		return d, usageError("--today: %v", err)
	}
	if d.Day == 0 {
		return d, usageError("--today: %q is not a full date; give a day, such as 2026-11-25", s)
	}
	return d, nil
}

func describeErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
