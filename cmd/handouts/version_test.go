package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "handouts (devel), revision unknown"},
		{"devel, no vcs", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "(devel)"}},
			"handouts (devel), revision unknown, built with go1.26.0"},
		{"empty version", &debug.BuildInfo{Main: debug.Module{}}, "handouts (devel), revision unknown"},
		{"release build, no vcs", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"}},
			"handouts v1.2.0, built with go1.26.0"},
		{"released, clean", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.2.0"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
				{Key: "vcs.time", Value: "2026-11-25T03:00:00Z"},
				{Key: "vcs.modified", Value: "false"},
			}},
			"handouts v1.2.0, revision 0123456789ab (2026-11-25T03:00:00Z), built with go1.26.0"},
		{"modified work tree", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v0.0.0-20261125030000-0123456789ab+dirty"},
			Settings: []debug.BuildSetting{
				{Key: "vcs.revision", Value: "0123456789ab"},
				{Key: "vcs.modified", Value: "true"},
			}},
			"handouts v0.0.0-20261125030000-0123456789ab+dirty, revision 0123456789ab, with uncommitted changes, built with go1.26.0"},
	}
	for _, tt := range tests {
		if got := versionText(tt.bi); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}
