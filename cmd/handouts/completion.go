package main

import (
	_ "embed"
	"io"

	"github.com/urfave/cli/v2"
)

//go:embed completion.bash
var bashCompletion string

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print the shell completion script (bash)",
		ArgsUsage: "bash",
		Description: `Prints a bash script that completes handouts' commands, flags, the
values of --kind, --format and --paper, and file names. Zsh users can load it
after "autoload -U +X bashcompinit && bashcompinit".

Examples:
   source <(handouts completion bash)
   handouts completion bash > ~/.local/share/bash-completion/completions/handouts`,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 || c.Args().First() != "bash" {
				return usageError("completion needs the shell: handouts completion bash")
			}
			_, err := io.WriteString(c.App.Writer, bashCompletion)
			return err
		},
	}
}
