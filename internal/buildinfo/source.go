package buildinfo

// Source identifies what the tool was built from: a hash of its own build
// inputs (the Go sources that are not tests, the templates, go.mod and
// go.sum), computed by the Makefile and set with
//
//	-ldflags "-X handouts/internal/buildinfo.Source=..."
//
// Two builds with the same Source and Go version write the same
// handouts, whatever the commit: a commit that only edits briefings
// leaves it unchanged, so an incremental build redoes only the
// briefings it touched. It is "" for a plain `go build`, and callers
// fall back on the revision or a hash of the executable.
var Source string
