package main

import (
	"github.com/urfave/cli/v2"

	"handouts/internal/docx"
)

// templateCommand prints the default templates as starting points for a
// project's own look. Each kind of output has a subcommand of its own.
func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "print a default template to standard output",
		ArgsUsage: "KIND",
		Description: "handouts template docx > reference.docx writes the default Word reference\n" +
			"document: restyle it in Word or LibreOffice, then build with --reference-doc.",
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usageError("template: name what to print, e.g. handouts template docx")
			}
			return usageError("template: unknown kind %q (try docx)", c.Args().First())
		},
		Subcommands: []*cli.Command{
			{
				Name:  "docx",
				Usage: "print the default Word reference document (.docx)",
				Description: "The reference document shows every style a handout uses. Restyle it in\n" +
					"Word (change styles, page set-up, header and footer), save it, and pass it\n" +
					"to handouts build --reference-doc. {kind}, {title} and {footer} in the\n" +
					"header and footer are filled in for each briefing.",
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError("template docx takes no arguments")
					}
					if _, err := c.App.Writer.Write(docx.DefaultReference()); err != nil {
						return cli.Exit("template docx: "+err.Error(), exitFailed)
					}
					return nil
				},
			},
		},
	}
}
