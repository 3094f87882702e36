package config

import (
	"strings"
	"testing"

	"handouts/internal/briefing"
)

// producer and adapted-by go into every page's footer: each is accepted
// at the name limit and refused one character past it.
func TestNameLimits(t *testing.T) {
	for _, key := range []string{"producer", "adapted-by"} {
		at := strings.Repeat("L", briefing.MaxNameLength)
		c, diags := Parse("handouts.yaml", []byte(key+": "+at+"\n"))
		if len(diags) != 0 || (c.Producer != at && c.AdaptedBy != at) {
			t.Errorf("%s at the limit: %v", key, strs(diags))
		}
		c, diags = Parse("handouts.yaml", []byte("paper: a4\n"+key+": "+at+"L\n"))
		want := "handouts.yaml:2: " + key + " is 201 characters long, more than the limit of 200; give the organisation's name only"
		if g := strs(diags); len(g) != 1 || g[0] != want {
			t.Errorf("%s one past the limit: %q, want %q", key, g, want)
		}
		if c.Producer != "" || c.AdaptedBy != "" {
			t.Errorf("%s one past the limit was kept", key)
		}
	}
}
