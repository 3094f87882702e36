package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"handouts/internal/briefing"
	"handouts/internal/config"
	"handouts/internal/diag"
	"handouts/internal/review"
	"handouts/internal/sources"
)

// findBriefings expands files and folders (sources/ when there are none)
// into the briefings they hold, sorted, and what the folders hold that is
// not read (a symbolic link out of its folder or in a loop). A path that
// does not exist is a usage error, with a short message; finding no
// briefing is a failure.
func findBriefings(args []string) ([]string, []sources.Skipped, error) {
	def := len(args) == 0
	if def {
		args = []string{"sources"}
	}
	paths, skipped, err := sources.List(args, sources.Options{})
	if err != nil {
		var pe *fs.PathError
		if def && errors.Is(err, fs.ErrNotExist) {
			return nil, nil, usageError("there is no sources folder here; run this in the project's folder, or name the briefings' files or folders")
		}
		if errors.As(err, &pe) && !errors.Is(err, fs.ErrNotExist) {
			// The path is there but cannot be read: not a mistake on
			// the command line, so not its exit status.
			return nil, nil, cli.Exit(fmt.Sprintf("%s: cannot be read: %s", filepath.ToSlash(pe.Path), pe.Err), exitFailed)
		}
		if errors.As(err, &pe) {
			return nil, nil, usageError("%s: %s", pe.Path, pe.Err)
		}
		return nil, nil, usageError("%v", err)
	}
	if len(paths) == 0 {
		return nil, nil, cli.Exit(fmt.Sprintf("no briefings (.md files) in %s", strings.Join(args, ", ")), exitFailed)
	}
	return paths, skipped, nil
}

// readStatus reads the metadata status needs. A briefing with errors
// elsewhere still has a row as long as its review date could be read;
// handouts check reports the rest. Without a review date the row is in
// state "error" and the message (the second result) says why.
func readStatus(path string, cfg *config.Config, today briefing.Date, within int) (review.Entry, string) {
	shown := filepath.ToSlash(path)
	// Pictures are not read: status shows only the metadata.
	doc, diags := briefing.ParseFile(path, briefing.Options{DefaultProducer: cfg.Producer, Root: cfg.Root(), NoPictures: true})
	if doc != nil && (!doc.Meta.Review.IsZero() || doc.Meta.Draft) {
		return review.New(shown, doc.Meta, today, within), ""
	}
	msg := firstError(diags)
	if msg == "" {
		msg = shown + ": no review date; add a line \"review: 2027-05\" to the front matter"
	}
	return review.Failed(shown, msg), msg
}

// firstError is the first error of a file, preferring one about the
// review date.
func firstError(l diag.List) string {
	first := ""
	for _, d := range l {
		if d.Severity != diag.Error {
			continue
		}
		if first == "" {
			first = d.String()
		}
		if strings.HasPrefix(d.Message, "review") || strings.Contains(d.Message, "has no review") {
			return d.String()
		}
	}
	return first
}
