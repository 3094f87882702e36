// Command handouts turns Markdown briefings into acknowledged, reproducible
// Word and PDF handouts. This file only wires the commands together; each
// command's flags live in a file of its own and its work in internal/.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"
)

// Exit statuses shared by every command.
const (
	exitOK        = 0
	exitFailed    = 1 // a briefing has errors, or a build failed
	exitUsage     = 2 // the command line was wrong
	exitInterrupt = 130
)

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	app := newApp()
	err := app.Run(args)
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
	return &cli.App{
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
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return cli.Exit(err.Error(), exitUsage)
		},
		Commands: []*cli.Command{
			checkCommand(),
			buildCommand(),
			templateCommand(),
			newCommand(),
			statusCommand(),
			versionCommand(),
			completionCommand(),
		},
	}
}

// usageError reports a wrong command line with exit status 2.
func usageError(format string, args ...any) error {
	return cli.Exit(fmt.Sprintf(format, args...), exitUsage)
}
