package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handouts": func() { os.Exit(process()) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script: one .txtar per
// behaviour, each a small project with its expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:       "testdata/script",
		Cmds:      scriptCmds,      // build_script_test.go
		Condition: scriptCondition, // build_script_test.go
		Setup: func(env *testscript.Env) error {
			// Outputs must not depend on the host: pin what could leak.
			env.Setenv("TZ", "Pacific/Chatham")
			env.Setenv("NO_COLOR", "1")
			env.Setenv("CI", "true")
			return nil
		},
	})
}
