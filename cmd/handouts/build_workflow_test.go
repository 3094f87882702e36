package main

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestWorkflow keeps .github/workflows/handouts.yml valid and doing what
// the README says: on pushes and pull requests touching the briefings,
// the templates or the project config, it sets up Go, runs make handouts
// and uploads out/. A second job may publish out/ on GitHub Pages, only
// when the repository asks for it.
func TestWorkflow(t *testing.T) {
	data, err := os.ReadFile("../../.github/workflows/handouts.yml")
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Name string
		On   map[string]struct {
			Paths []string
		}
		Permissions map[string]string
		Jobs        map[string]struct {
			RunsOn      string `yaml:"runs-on"`
			Timeout     int    `yaml:"timeout-minutes"`
			Needs       string
			If          string
			Permissions map[string]string
			Environment map[string]string
			Steps       []struct {
				Name string
				ID   string
				If   string
				Uses string
				Run  string
				With map[string]string
			}
		}
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&wf); err != nil {
		t.Fatalf("handouts.yml: %v", err)
	}
	for _, event := range []string{"push", "pull_request"} {
		trig, ok := wf.On[event]
		if !ok {
			t.Errorf("no %s trigger", event)
			continue
		}
		for _, p := range []string{"sources/**", "templates/**", "handouts.yaml"} {
			if !slices.Contains(trig.Paths, p) {
				t.Errorf("%s does not trigger on %s", event, p)
			}
		}
	}
	if pub, ok := wf.Jobs["publish"]; ok {
		if pub.Needs != "handouts" || !strings.Contains(pub.If, "vars.HANDOUTS_PAGES == 'true'") {
			t.Errorf("the publish job must need the handouts job and run only when HANDOUTS_PAGES is true: needs %q, if %q", pub.Needs, pub.If)
		}
		delete(wf.Jobs, "publish")
	}
	if len(wf.Jobs) != 1 {
		t.Fatalf("%d jobs besides publish; want one", len(wf.Jobs))
	}
	for name, job := range wf.Jobs {
		if job.RunsOn == "" || job.Timeout == 0 {
			t.Errorf("job %s lacks runs-on or timeout-minutes", name)
		}
		// The steps that matter, in this order.
		want := []struct {
			what  string
			match func(uses, run string, with map[string]string) bool
		}{
			{"actions/checkout", func(u, _ string, _ map[string]string) bool { return strings.HasPrefix(u, "actions/checkout@") }},
			{"actions/setup-go with go.mod's version", func(u, _ string, w map[string]string) bool {
				return strings.HasPrefix(u, "actions/setup-go@") && w["go-version-file"] == "go.mod"
			}},
			{"actions/cache of out/ keyed by the tool's identity", func(u, _ string, w map[string]string) bool {
				return strings.HasPrefix(u, "actions/cache@") && strings.TrimSpace(w["path"]) == "out" &&
					strings.Contains(w["key"], "steps.tool.outputs.id") && strings.Contains(w["restore-keys"], "steps.tool.outputs.id")
			}},
			{"make handouts", func(_, r string, _ map[string]string) bool {
				f := strings.Fields(r)
				return len(f) >= 2 && f[0] == "make" && f[1] == "handouts"
			}},
			{"actions/upload-artifact of out/", func(u, _ string, w map[string]string) bool {
				return strings.HasPrefix(u, "actions/upload-artifact@") && slices.Contains(strings.Fields(w["path"]), "out/")
			}},
		}
		next := 0
		for _, s := range job.Steps {
			if s.Uses == "" && s.Run == "" {
				t.Errorf("step %q neither uses an action nor runs a command", s.Name)
			}
			if next < len(want) && want[next].match(s.Uses, s.Run, s.With) {
				next++
			}
		}
		if next < len(want) {
			t.Errorf("job %s lacks (in order) the step: %s", name, want[next].what)
		}
	}

	// The Makefile target the workflow runs exists and builds with build.
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^handouts:.*\n(\t.*\n)*\t\$\(BIN\) build `).Match(mk) {
		t.Error("the Makefile's handouts target does not run handouts build")
	}
	if !regexp.MustCompile(`(?m)^tool-id:`).Match(mk) {
		t.Error("the Makefile has no tool-id target for the workflow's cache key")
	}
	// The workflow runs on changes to the code too: they change the
	// tool's identity, and every handout is rebuilt.
	for _, p := range []string{"cmd/**", "internal/**", "go.mod", "go.sum"} {
		if !slices.Contains(wf.On["push"].Paths, p) {
			t.Errorf("push does not trigger on %s", p)
		}
	}
}
