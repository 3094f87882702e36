package build

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"handouts/internal/pdf"
)

// errLinkOut is the reason a file of the templates folder that is a
// symbolic link (or lies under one) leading out of the folder is refused.
var errLinkOut = errors.New("a symbolic link out of the templates folder; not followed")

// templateFile finds the file rel (slash form) of the project's templates
// folder dir, which a build uses. It reports whether the file exists, and
// refuses one that is reached through a symbolic link leading out of the
// folder: a link to /usr must not be walked nor a link to any other file
// read as a template. Nothing else of the folder is looked at.
func templateFile(dir, rel string) (string, bool, error) {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
		// Not there, or under a missing folder: either way, not used.
		return p, false, nil
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return p, false, err
	}
	target, err := filepath.EvalSymlinks(p)
	if errors.Is(err, fs.ErrNotExist) {
		return p, false, &fs.PathError{Op: "open", Path: p, Err: errors.New("a symbolic link that leads nowhere")}
	}
	if err != nil {
		return p, false, err
	}
	if !within(root, target) {
		return p, false, &fs.PathError{Op: "open", Path: p, Err: errLinkOut}
	}
	return p, true, nil
}

// within reports whether path p (links resolved) lies under root.
func within(root, p string) bool {
	rootAbs, err1 := filepath.Abs(root)
	abs, err2 := filepath.Abs(p)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(rootAbs, abs)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// hashTheme hashes the project's PDF theme, as the build read it, if
// the templates folder has one.
func hashTheme(h io.Writer, sum [32]byte) {
	if sum == ([32]byte{}) {
		writeField(h, "theme none")
		return
	}
	writeField(h, "theme "+pdf.ThemeFile)
	h.Write(sum[:])
}
