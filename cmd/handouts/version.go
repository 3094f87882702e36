package main

import "github.com/urfave/cli/v2"

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return cli.Exit("version is not built yet", exitFailed)
		},
	}
}
