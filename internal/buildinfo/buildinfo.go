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

// release is the version of a release build, set by the linker
// (-X handouts/internal/buildinfo.release=v1.2.0; see internal/release).
// It names the version even where the toolchain saw no Git tag.
var release string

// Of extracts the fields of bi; a nil bi gives the zero Info. In a
// release build the release version is the version.
func Of(bi *debug.BuildInfo) Info {
	if bi == nil {
		return Info{}
	}
	i := Info{Path: bi.Main.Path, Version: bi.Main.Version, GoVersion: bi.GoVersion}
	if release != "" {
		i.Version = release
	}
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
