//go:build unix

package build

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"handouts/internal/build/buildtest"
)

// A build killed (kill -9) after renaming some handouts into place but
// before recording them leaves them unrecorded; after the briefings are
// edited again, the next build must rebuild them, not call them changed
// by hand.
func TestKilledBuildsHandoutsAreNotChangedByHand(t *testing.T) {
	if os.Getenv("HANDOUTS_KILL_CHILD") != "" {
		fakes(t)
		n := 0
		beforeRename = func(context.Context, string) error {
			if n++; n == 3 { // a.docx and a.pdf are in place
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
			}
			return nil
		}
		Run(context.Background(), Options{Jobs: 1})
		return
	}
	fakes(t)
	dir := project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	run(t, Options{})
	write(t, "sources/a.md", "alpha 2")
	write(t, "sources/b.md", "beta 2")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledBuildsHandoutsAreNotChangedByHand$", "-test.count=1")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "HANDOUTS_KILL_CHILD=1")
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("child was not killed: %v\n%s", err, out)
	}
	if got := tree(t, "out")["a.docx"]; !strings.Contains(got, "alpha 2") {
		t.Fatalf("the killed build did not replace a.docx: %q", got)
	}
	write(t, "sources/a.md", "alpha 3")
	write(t, "sources/b.md", "beta 3")
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built", "sources/b.md built"})
	if !res.OK() {
		t.Errorf("not OK: %v", res.Items[0].Diags)
	}
	sums, _ := os.ReadFile("out/" + SumsName)
	if n := strings.Count(string(sums), "\n"); n != 4 {
		t.Errorf("SHA256SUMS lists %d handouts, not 4:\n%s", n, sums)
	}
	if _, err := os.Lstat("out/" + journalName); !os.IsNotExist(err) {
		t.Errorf("the journal is left after a whole build: %v", err)
	}
	buildtest.CheckConsistent(t, "out")

	// A handout really edited by hand is still refused.
	write(t, "sources/a.md", "alpha 4")
	write(t, "out/a.pdf", "edited by hand")
	if res := run(t, Options{}); res.Items[0].Outputs[1].Status != Modified {
		t.Errorf("a.pdf edited by hand: %v", res.Items[0].Outputs[1].Status)
	}
}
