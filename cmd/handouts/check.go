package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"handouts/internal/briefing"
	"handouts/internal/diag"
	"handouts/internal/pdf"
)

func checkCommand() *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     "check briefings and report every problem with its file and line",
		ArgsUsage: "[PATH...]",
		Description: `Reads the briefings in the given files and folders (sources/ by default;
folders are searched for .md files other than README.md) and reports
every problem of every briefing on stderr, one per line, as
"file:line: message", in a stable order, then a summary line. Text
pasted from a web page or Word is checked too: typed bullets, bold lines
meant as headings, and the handout's own labels ("Date last updated:")
in the body or as front matter keys are reported with the fix.

Warnings (a review date that has passed, a further-reading item never
cited) do not fail the check unless --strict is given. A briefing with
"draft: true" in its front matter is reported as a draft, its errors as
warnings: a draft fails nothing, even with --strict. Nor do files in a
folder that are not read, each named with the reason: a symbolic link
out of the folder, or one that leads nowhere.

Exit status: 0 when every briefing is valid (warnings allowed), 1 when
any briefing has errors, 2 when the command line is wrong or a path
does not exist.

Examples:
   handouts check
   handouts check sources/making-sense-of-integrated-care-systems.md
   handouts check --strict --today 2026-11-25
   handouts check --json > diagnostics.json`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "treat warnings as errors"},
			&cli.BoolFlag{Name: "json", Usage: "print the diagnostics to stdout as JSON, for CI annotations"},
			&cli.StringFlag{Name: "today", Usage: "use `DATE` (2026-11-25) as today for the review-date warning instead of the clock"},
			configFlag(),
		},
		Action: check,
	}
}

func check(c *cli.Context) error {
	args, err := positionalArgs(c)
	if err != nil {
		return err
	}
	today, err := todayFlag(c)
	if err != nil {
		return err
	}
	cfg, err := projectConfig(c)
	if err != nil {
		return err
	}
	paths, skippedFiles, err := findBriefings(args)
	if err != nil {
		return err
	}

	opts := briefing.Options{DefaultProducer: cfg.Producer, Today: today, Root: cfg.Root()}
	strict := c.Bool("strict")
	var all diag.List
	// Characters are checked against the fonts of the project's theme,
	// as build checks them; build reports a theme it cannot read.
	theme, err := pdf.LoadTheme(cfg.Templates)
	if err != nil {
		theme = nil
		all.Warnf(filepath.ToSlash(cfg.Templates), 0, "the PDF theme cannot be read, so characters are checked against the default fonts: %v", err)
	}
	withErrors, warnings := 0, 0
	// What a folder holds but is not read (a symbolic link out of the
	// folder or in a loop) is said, as build says it, so that no
	// briefing goes unchecked without a word; --strict fails on it.
	for _, s := range skippedFiles {
		sev := diag.Warning
		if strict {
			sev = diag.Error
		}
		all = append(all, diag.Diagnostic{Path: filepath.ToSlash(s.Path), Severity: sev, Message: "skipped: " + s.Reason})
	}
	skipped := len(skippedFiles)
	drafts := 0
	for _, p := range paths {
		// The file is read once: parsed, then its characters checked.
		src, diags := briefing.ReadFile(p)
		var doc *briefing.Document
		if diags == nil {
			doc, diags = briefing.Parse(p, src, opts)
		}
		// Characters the PDF handout cannot print, as build reports them.
		if doc != nil {
			diags = append(diags, pdf.Glyphs(doc, src, theme)...)
		}
		if doc != nil && doc.Meta.Draft {
			// A draft is work in progress: its problems are said, as
			// warnings, but fail nothing, not even under --strict.
			diags = draftDiags(p, diags)
			drafts++
		} else if strict {
			for i := range diags {
				diags[i].Severity = diag.Error
			}
		}
		if diags.HasErrors() {
			withErrors++
		}
		for _, d := range diags {
			if d.Severity == diag.Warning {
				warnings++
			}
		}
		all = append(all, diags...)
	}
	all.Sort() // the skipped files among the rest, by file

	if c.Bool("json") {
		if all == nil {
			all = diag.List{} // [] rather than null
		}
		enc := json.NewEncoder(c.App.Writer)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			return cli.Exit(err.Error(), exitFailed)
		}
	} else {
		for _, d := range all {
			fmt.Fprintln(c.App.ErrWriter, d.String())
		}
	}
	fmt.Fprintln(c.App.ErrWriter, checkSummary(len(paths), withErrors, skipped, warnings, drafts))
	if withErrors > 0 || (strict && skipped > 0) {
		return cli.Exit("", exitFailed)
	}
	return nil
}

// checkSummary is the last line: "3 briefings: 1 with errors, 1 file
// skipped, 2 warnings", or "3 briefings: all valid".
func checkSummary(n, withErrors, skipped, warnings, drafts int) string {
	var parts []string
	if withErrors > 0 {
		parts = append(parts, fmt.Sprintf("%d with errors", withErrors))
	}
	if drafts > 0 {
		parts = append(parts, count(drafts, "draft"))
	}
	if skipped > 0 {
		parts = append(parts, count(skipped, "file")+" skipped")
	}
	if warnings > 0 {
		parts = append(parts, count(warnings, "warning"))
	}
	if len(parts) == 0 {
		parts = append(parts, "all valid")
	}
	return count(n, "briefing") + ": " + strings.Join(parts, ", ")
}

// draftDiags is a draft's diagnostics: every error made a warning that
// says it would stop the briefing once it is no longer a draft, and a
// first line saying it is a draft.
func draftDiags(path string, l diag.List) diag.List {
	errors := 0
	out := make(diag.List, 0, len(l)+1)
	for _, d := range l {
		if d.Severity == diag.Error {
			errors++
			d.Severity = diag.Warning
			d.Message = "(draft) " + d.Message
		}
		out = append(out, d)
	}
	msg := "is a draft (draft: true): build leaves it out; remove the draft line when it is ready"
	if errors > 0 {
		msg += fmt.Sprintf(", after fixing the %s marked (draft)", count(errors, "problem"))
	}
	return append(diag.List{{Path: path, Severity: diag.Warning, Message: msg}}, out...)
}
