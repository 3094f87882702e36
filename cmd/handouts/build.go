package main

import "github.com/urfave/cli/v2"

func buildCommand() *cli.Command {
	return &cli.Command{
		Name:  "build",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return cli.Exit("build is not built yet", exitFailed)
		},
	}
}
