// Package buildinfo reads what the Go toolchain recorded about the build of
// the running binary: module version, version-control revision, whether
// the work tree had uncommitted changes, and the Go version. Both
// `handouts version` and the build manifest's tool version read it here.
package buildinfo

import "runtime/debug"

// Info is the build information of a binary. Fields are "" (or false)
// when the toolchain recorded nothing.
type Info struct {
	Path      string // module path
	Version   string // module version, "(devel)" for a local build
	Revision  string // VCS revision
	Time      string // VCS commit time, RFC 3339
	Modified  bool   // the work tree had uncommitted changes
	GoVersion string
}

// Of extracts the fields of bi; a nil bi gives the zero Info.
func Of(bi *debug.BuildInfo) Info {
	if bi == nil {
		return Info{}
	}
	i := Info{Path: bi.Main.Path, Version: bi.Main.Version, GoVersion: bi.GoVersion}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Revision = s.Value
		case "vcs.time":
			i.Time = s.Value
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	return i
}

// Read returns the running binary's build information, and whether there
// was any.
func Read() (Info, bool) {
	bi, ok := debug.ReadBuildInfo()
	return Of(bi), ok
}
