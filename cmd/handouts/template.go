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
		Description: "Prints a default template for a project's own look. docx is the Word\n" +
			"reference document: restyle it in Word or LibreOffice, then build with\n" +
			"--reference-doc (or keep it as templates/docx/reference.docx).\n\n" +
			"Example:\n" +
			"   handouts template docx > reference.docx",
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
					"header and footer are filled in for each briefing. It is a .docx, so\n" +
					"redirect it to a file; it is not printed on a terminal.\n\n" +
					"Example:\n" +
					"   handouts template docx > reference.docx\n" +
					"   handouts build --reference-doc reference.docx",
				Action: func(c *cli.Context) error {
					if c.NArg() > 0 {
						return usageError("template docx takes no arguments")
					}
					if isTerminal(c.App.Writer) {
						return usageError("template docx writes a Word file; redirect it into one: handouts template docx > reference.docx")
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
