package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// positionalArgs returns a command's arguments, applying any of its flags
// written after them: urfave/cli stops reading flags at the first
// argument, but people write `handouts new "Title" --kind hot-topic`.
// A "--" ends the flags; what follows is taken as is.
func positionalArgs(c *cli.Context) ([]string, error) {
	args := c.Args().Slice()
	if len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' {
		// The flag parser stops only at an argument or at "--", which it
		// drops; a first argument that looks like a flag came after "--".
		return args, nil
	}
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' || a == "-" {
			out = append(out, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		f := commandFlag(c, name)
		if f == nil {
			return nil, usageError("%s", unknownFlag(c, a))
		}
		if _, isBool := f.(*cli.BoolFlag); isBool {
			if !hasValue {
				value = "true"
			}
		} else if !hasValue {
			if i+1 >= len(args) {
				return nil, usageError("flag needs an argument: %s", a)
			}
			i++
			value = args[i]
		}
		if err := c.Set(f.Names()[0], value); err != nil {
			return nil, usageError("invalid value %q for flag %s: %v", value, a, err)
		}
	}
	return out, nil
}

func commandFlag(c *cli.Context, name string) cli.Flag {
	if c.Command == nil {
		return nil
	}
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return f
			}
		}
	}
	return nil
}
