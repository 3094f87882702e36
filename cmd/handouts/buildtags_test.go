package main

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// shippedTags are the build tags of every build that ships or is
// measured: the Makefile's TAGS and internal/release's buildTags.
const shippedTags = "urfave_cli_no_docs"

// TestShippedBuildLeavesOutDocGenerators checks that the tag still
// leaves urfave/cli's Markdown and man page generators out of the tool
// (a newer urfave/cli could drop it, and their Markdown library's
// start-up would come back into every process), and that the builds that
// ship or are measured use it.
func TestShippedBuildLeavesOutDocGenerators(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", shippedTags, "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps gave %d packages; expected the whole graph:\n%s", len(deps), out)
	}
	for _, p := range deps {
		if strings.HasPrefix(p, "github.com/russross/blackfriday") || strings.HasPrefix(p, "github.com/cpuguy83/go-md2man") {
			t.Errorf("built with -tags %s, handouts still links %s", shippedTags, p)
		}
	}
	for file, want := range map[string]*regexp.Regexp{
		"../../Makefile":                 regexp.MustCompile(`(?m)^TAGS \?= ` + shippedTags + `$`),
		"../../internal/release/main.go": regexp.MustCompile(`(?m)^const buildTags = "` + shippedTags + `"$`),
	} {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !want.Match(b) {
			t.Errorf("%s does not build with -tags %s (no line matching %s)", file, shippedTags, want)
		}
	}
	mk, _ := os.ReadFile("../../Makefile")
	for _, cmd := range []string{"$(GO) build ", "-bench OneBriefing"} {
		for _, line := range strings.Split(string(mk), "\n") {
			if strings.Contains(line, cmd) && !strings.Contains(line, "-tags $(TAGS)") {
				t.Errorf("Makefile: %q lacks -tags $(TAGS)", strings.TrimSpace(line))
			}
		}
	}
}
