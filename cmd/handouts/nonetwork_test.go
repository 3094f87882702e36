package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoNetworkCode holds the promise of docs/security.md by construction:
// no package linked into handouts can open a connection or start another
// program. If a new dependency brings one in, this fails and the reason has
// to be argued in the security notes before the list below changes.
func TestNoNetworkCode(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	forbidden := map[string]string{
		"net":          "opens network connections",
		"net/http":     "fetches URLs",
		"net/rpc":      "talks to other processes",
		"net/smtp":     "sends mail",
		"crypto/tls":   "opens TLS connections",
		"os/exec":      "starts other programs",
		"plugin":       "loads code at run time",
		"syscall/js":   "reaches into a browser",
		"net/http/cgi": "runs programs",
	}
	deps := strings.Fields(string(out))
	if len(deps) < 20 {
		t.Fatalf("go list -deps gave %d packages; expected the whole graph:\n%s", len(deps), out)
	}
	for _, p := range deps {
		if why, bad := forbidden[p]; bad {
			t.Errorf("handouts links %s, which %s", p, why)
		}
	}
}
