package main

import (
	"fmt"
	"slices"

	"github.com/urfave/cli/v2"

	"handouts/internal/config"
	"handouts/internal/diag"
)

// configFlag is --config FILE. It is both a global flag (handouts
// --config FILE build) and one a command may list in its own flags
// (handouts build --config FILE); projectConfig reads either.
func configFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:      "config",
		Usage:     "read the project config from `FILE` instead of handouts.yaml in the current folder",
		TakesFile: true,
	}
}

// projectConfig loads the project config: the file given with --config
// (which must exist), else handouts.yaml in the current folder if there
// is one, else the defaults. Its diagnostics go to stderr; errors in it
// stop the command with exit status 1.
func projectConfig(c *cli.Context) (*config.Config, error) {
	var path string
	for _, ctx := range c.Lineage() {
		if slices.Contains(ctx.LocalFlagNames(), "config") {
			path = ctx.String("config")
			break
		}
	}
	var cfg *config.Config
	var diags diag.List
	if path != "" {
		cfg, diags = config.LoadFile(path)
	} else {
		cfg, diags = config.Load(".")
	}
	for _, d := range diags {
		fmt.Fprintln(c.App.ErrWriter, d.String())
	}
	if diags.HasErrors() {
		return nil, cli.Exit("the project config has errors; fix them or name another with --config", exitFailed)
	}
	return cfg, nil
}
