// Command handouts turns Markdown briefings into acknowledged, reproducible
// Word and PDF handouts. This file only wires the commands together; each
// command's flags live in a file of its own and its work in internal/.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"handouts/internal/gcpace"
	"handouts/internal/suggest"
)

// Exit statuses shared by every command.
const (
	exitOK        = 0
	exitFailed    = 1 // a briefing has errors, or a build failed
	exitUsage     = 2 // the command line was wrong
	exitInterrupt = 130
)

func main() {
	os.Exit(process())
}

// process is the whole of a handouts process, which the CLI tests run
// too: the exit code of run for os.Args, with the heap paced first.
func process() int {
	// A process may let its heap grow to gcpace.Budget between
	// collections: a build of one briefing then collects never, and a
	// large build a third as often.
	gcpace.Start(gcpace.Budget)
	return run(os.Args)
}

func run(args []string) int {
	// "handouts --version" is "handouts version", as users of other
	// tools expect.
	if len(args) == 2 && (args[1] == "--version" || args[1] == "-version") {
		args = []string{args[0], "version"}
	}
	app := newApp()
	var unknown string
	app.CommandNotFound = func(_ *cli.Context, name string) { unknown = name }
	err := app.Run(args)
	if err == nil && unknown != "" {
		msg := fmt.Sprintf("unknown command %q", unknown)
		if s := suggest.Closest(unknown, commandNames(app.Commands)); s != "" {
			msg += fmt.Sprintf("; did you mean %q?", s)
		}
		fmt.Fprintln(app.ErrWriter, "handouts: "+msg+` (run "handouts --help" for the commands)`)
		return exitUsage
	}
	if err == nil {
		return exitOK
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(app.ErrWriter, "handouts: "+msg)
		}
		return ec.ExitCode()
	}
	fmt.Fprintln(app.ErrWriter, "handouts: "+err.Error())
	return exitUsage
}

func newApp() *cli.App {
	app := &cli.App{
		Name:      "handouts",
		Usage:     "turn Markdown briefings into acknowledged Word and PDF handouts",
		UsageText: "handouts [--config FILE] command [command options] [arguments...]",
		Description: `handouts reads policy briefings and hot topics written in Markdown (in
sources/ by default), checks them, and builds Word and PDF handouts that
name their producer, their source document and the terms of reuse. The
project config handouts.yaml in the current folder, if there is one, sets
defaults for every briefing; command-line flags override it.

Examples:
   handouts new "The NHS Long Term Plan and library services"
   handouts check
   handouts build --out out sources
   handouts status --within 60

Run "handouts COMMAND --help" for a command's options.`,
		Flags:                []cli.Flag{configFlag()},
		EnableBashCompletion: true,
		HideVersion:          true,
		ErrWriter:            os.Stderr,
		Writer:               os.Stdout,
		ExitErrHandler:       func(*cli.Context, error) {}, // run() reports errors
		OnUsageError:         commandUsageError,
		Commands: []*cli.Command{
			checkCommand(),
			buildCommand(),
			templateCommand(),
			newCommand(),
			importCommand(),
			statusCommand(),
			versionCommand(),
			completionCommand(),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = commandUsageError
		for _, sub := range c.Subcommands {
			sub.OnUsageError = commandUsageError
		}
	}
	return app
}

// commandUsageError reports a command line a command cannot read, such
// as an unknown flag, in one line with exit status 2 (not the whole
// help), suggesting the flag meant.
func commandUsageError(c *cli.Context, err error, _ bool) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		msg = unknownFlag(c, name)
	}
	return cli.Exit(msg, exitUsage)
}

// unknownFlag is the message for a flag the command does not have,
// written as arg, with the closest of its flags when one is close.
func unknownFlag(c *cli.Context, arg string) string {
	msg := "flag provided but not defined: " + arg
	var flags []cli.Flag
	if c.Command != nil {
		flags = c.Command.Flags
	}
	if c.App != nil {
		flags = append(flags[:len(flags):len(flags)], c.App.Flags...)
	}
	var names []string
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) > 1 {
				names = append(names, n)
			}
		}
	}
	if s := suggest.Closest(strings.TrimLeft(arg, "-"), names); s != "" {
		msg += fmt.Sprintf("; did you mean --%s?", s)
	}
	return msg
}

func commandNames(cmds []*cli.Command) []string {
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
	}
	return names
}

// usageError reports a wrong command line with exit status 2.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitUsage)
}
