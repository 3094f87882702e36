package main

import "github.com/urfave/cli/v2"

func statusCommand() *cli.Command {
	return &cli.Command{
		Name:  "status",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return cli.Exit("status is not built yet", exitFailed)
		},
	}
}
