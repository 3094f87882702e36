package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestOf(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want Info
	}{
		{"nil", nil, Info{}},
		{"no vcs", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "handouts", Version: "(devel)"}},
			Info{Path: "handouts", Version: "(devel)", GoVersion: "go1.26.0"}},
		{"clean", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "handouts", Version: "v1.2.0"},
			Settings: []debug.BuildSetting{
				{Key: "-trimpath", Value: "true"},
				{Key: "vcs.revision", Value: "0123abcd"},
				{Key: "vcs.time", Value: "2026-11-25T03:00:00Z"},
				{Key: "vcs.modified", Value: "false"},
			}},
			Info{Path: "handouts", Version: "v1.2.0", Revision: "0123abcd", Time: "2026-11-25T03:00:00Z", GoVersion: "go1.26.0"}},
		{"modified", &debug.BuildInfo{Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123abcd"},
			{Key: "vcs.modified", Value: "true"},
		}}, Info{Revision: "0123abcd", Modified: true}},
	}
	for _, tt := range tests {
		if got := Of(tt.bi); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// TestOfReleaseBuild: the version the linker set wins over the one the
// toolchain derived (a pseudo-version, or "(devel)" without Git tags).
func TestOfReleaseBuild(t *testing.T) {
	defer func(r string) { release = r }(release)
	release = "v1.2.0"
	bi := &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "handouts", Version: "(devel)"}}
	want := Info{Path: "handouts", Version: "v1.2.0", GoVersion: "go1.26.0"}
	if got := Of(bi); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
