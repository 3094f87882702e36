package main

import (
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"handouts/internal/review"
	"handouts/internal/suggest"
)

var statusFormats = []string{"table", "csv", "json"}

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:      "status",
		Usage:     "list briefings by review date: overdue, due soon or ok",
		ArgsUsage: "[PATH...]",
		Description: `Reads the briefings in the given files and folders (sources/ by default)
and prints one row per briefing: review date, state, date last updated,
kind, the group member responsible and the title, soonest review first.
A briefing is overdue once the last day of its review date has passed
(a review date of 2018-05 is overdue from 1 June 2018), and due when its
review falls within --within days. A briefing that cannot be read is
shown in state "error", with the reason on stderr. A briefing marked
"draft: true" is shown in state "draft" and is never overdue.

Exit status: 0; 1 when a briefing cannot be read, or when one is
overdue and --fail-overdue is given (for a scheduled CI job); 2 when
the command line is wrong or a path does not exist.

Examples:
   handouts status
   handouts status --within 60 --format csv sources > reviews.csv
   handouts status --fail-overdue`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "within", Value: review.DefaultWithin,
				Usage: "call a briefing due when its review is at most `DAYS` days away"},
			&cli.StringFlag{Name: "format", Value: "table", Usage: "print a table, csv or json"},
			&cli.BoolFlag{Name: "fail-overdue", Usage: "exit with status 1 when any briefing is overdue"},
			&cli.StringFlag{Name: "today", Usage: "use `DATE` (2026-11-25) as today instead of the clock"},
			configFlag(),
		},
		Action: status,
	}
}

func status(c *cli.Context) error {
	args, err := positionalArgs(c)
	if err != nil {
		return err
	}
	format := c.String("format")
	if !contains(statusFormats, format) {
		return usageError("%s", suggest.Unknown("format", format, format, statusFormats, ": use table, csv or json"))
	}
	within := c.Int("within")
	if within < 0 {
		return usageError("--within must be 0 or more days, not %d", within)
	}
	today, err := todayFlag(c)
	if err != nil {
		return err
	}
	cfg, err := projectConfig(c)
	if err != nil {
		return err
	}
	paths, _, err := findBriefings(args)
	if err != nil {
		return err
	}

	var entries []review.Entry
	for _, p := range paths {
		e, problem := readStatus(p, cfg, today, within)
		if problem != "" {
			fmt.Fprintln(c.App.ErrWriter, problem)
		}
		entries = append(entries, e)
	}
	review.Sort(entries)

	w := c.App.Writer
	switch format {
	case "csv":
		err = review.WriteCSV(w, entries)
	case "json":
		err = review.WriteJSON(w, entries)
	default:
		err = review.WriteTable(w, entries, review.Width)
		if err == nil {
			fmt.Fprintln(w, summary(entries, within))
		}
	}
	if err != nil {
		return cli.Exit(err.Error(), exitFailed)
	}

	failed := review.Count(entries, review.Error)
	overdue := review.Count(entries, review.Overdue)
	switch {
	case failed > 0:
		return cli.Exit(fmt.Sprintf("%s could not be read; run handouts check", count(failed, "briefing")), exitFailed)
	case overdue > 0 && c.Bool("fail-overdue"):
		verb := "is"
		if overdue > 1 {
			verb = "are"
		}
		return cli.Exit(fmt.Sprintf("%s %s overdue for review", count(overdue, "briefing"), verb), exitFailed)
	}
	return nil
}

// summary is the line under the table: "4 briefings: 1 overdue, 1 due
// within 30 days, 2 ok".
func summary(es []review.Entry, within int) string {
	parts := []string{}
	if n := review.Count(es, review.Overdue); n > 0 {
		parts = append(parts, fmt.Sprintf("%d overdue", n))
	}
	if n := review.Count(es, review.Due); n > 0 {
		parts = append(parts, fmt.Sprintf("%d due within %s", n, count(within, "day")))
	}
	if n := review.Count(es, review.OK); n > 0 {
		parts = append(parts, fmt.Sprintf("%d ok", n))
	}
	if n := review.Count(es, review.Draft); n > 0 {
		parts = append(parts, count(n, "draft"))
	}
	if n := review.Count(es, review.Error); n > 0 {
		parts = append(parts, fmt.Sprintf("%d in error", n))
	}
	return count(len(es), "briefing") + ": " + strings.Join(parts, ", ")
}

func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
