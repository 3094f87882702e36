package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"handouts/internal/manifest"
)

// Where a handout's briefing is. A manifest record names its briefing as
// the build that wrote it was given it, relative to the folder that
// build ran from; a later build may run from another folder or be given
// other paths. So each record also holds the briefing's path from the
// output folder, and --prune removes a handout only when neither path
// leads to its briefing; when it cannot tell, it keeps the handout.

// realFolder is dir, absolute and with its links resolved, or "" when it
// cannot be worked out.
func realFolder(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return ""
	}
	return real
}

// fromOut is the path of the briefing src (slash form, as given) from
// the output folder, slash form, or "" when it cannot be worked out.
// Its folder's links are resolved, the briefing's own name is kept.
// It is called from one goroutine only (finish).
func (e *env) fromOut(src string) string {
	if e.outReal == "" {
		return ""
	}
	p := filepath.FromSlash(src)
	dir, seen := e.realDirs[filepath.Dir(p)]
	if !seen {
		if e.realDirs == nil {
			e.realDirs = map[string]string{}
		}
		dir = realFolder(filepath.Dir(p))
		e.realDirs[filepath.Dir(p)] = dir
	}
	if dir == "" {
		return ""
	}
	rel, err := filepath.Rel(e.outReal, filepath.Join(dir, filepath.Base(p)))
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// sourceExists says whether the briefing of rec still exists. When it
// cannot tell, unsure says why (and exists is false).
func (e *env) sourceExists(rec manifest.Record) (exists bool, unsure string) {
	var paths []string
	if rec.FromOut != "" && e.outReal != "" {
		paths = append(paths, filepath.Join(e.outReal, filepath.FromSlash(rec.FromOut)))
	}
	asGiven := filepath.FromSlash(rec.Source)
	paths = append(paths, asGiven)
	for _, p := range paths {
		_, err := os.Lstat(p)
		switch {
		case err == nil:
			return true, ""
		case errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid):
		default:
			unsure = "cannot tell whether its briefing still exists (" + describe(err) + ")"
		}
	}
	if unsure != "" {
		return false, unsure
	}
	if rec.FromOut == "" && !filepath.IsAbs(asGiven) {
		// An older record: its path is relative to a folder we do not
		// know, maybe not this one.
		return false, "cannot tell whether its briefing still exists: the manifest does not say where " +
			rec.Source + " was relative to the output folder; build once from the folder it was built from, or remove the handout by hand"
	}
	return false, ""
}

// nameKey is what two output names are compared by: names that differ
// only in letter case or in how an accent is encoded (precomposed é or
// e and a combining accent) name the same file on some systems.
func nameKey(name string) string {
	return strings.ToLower(nfc(name))
}
