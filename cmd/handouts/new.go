package main

import "github.com/urfave/cli/v2"

func newCommand() *cli.Command {
	return &cli.Command{
		Name:  "new",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return cli.Exit("new is not built yet", exitFailed)
		},
	}
}
