package main

import "github.com/urfave/cli/v2"

func templateCommand() *cli.Command {
	return &cli.Command{
		Name:  "template",
		Usage: "(not built yet)",
		Action: func(*cli.Context) error {
			return cli.Exit("template is not built yet", exitFailed)
		},
	}
}
