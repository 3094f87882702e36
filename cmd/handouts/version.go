package main

import (
	"fmt"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"handouts/internal/buildinfo"
)

func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of handouts and the revision it was built from",
		Description: `Prints the module version, the version-control revision and whether the
work tree had uncommitted changes when the binary was built, and the Go
version, as recorded by the Go toolchain. A binary built from a work tree
without version-control information says "(devel)" and "revision unknown".

Example:
   handouts version`,
		Args: false,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError("version takes no arguments")
			}
			bi, _ := debug.ReadBuildInfo()
			fmt.Fprintln(c.App.Writer, versionText(bi))
			return nil
		},
	}
}

// versionText describes the build: "handouts v1.2.0 (revision 0123abcd,
// modified) built with go1.26.0".
func versionText(bi *debug.BuildInfo) string {
	if bi == nil {
		return "handouts (devel), revision unknown"
	}
	i := buildinfo.Of(bi)
	version := i.Version
	if version == "" {
		version = "(devel)"
	}
	rev, when := i.Revision, i.Time
	out := "handouts " + version
	switch {
	case rev == "" && version != "(devel)":
		// A release build: its version names the source.
	case rev == "":
		out += ", revision unknown"
	default:
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += ", revision " + rev
		if when != "" {
			out += " (" + when + ")"
		}
		if i.Modified {
			out += ", with uncommitted changes"
		}
	}
	if i.GoVersion != "" {
		out += ", built with " + i.GoVersion
	}
	return out
}
