// Package sources finds the briefings under the paths a user gives.
package sources

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Find expands files and folders into the Markdown briefings they hold,
// sorted. Folders are walked; README.md files are not briefings.
// Symbolic links inside a folder are followed only to files inside that
// same folder (see List); what List skips, Find leaves out silently.
func Find(paths []string) ([]string, error) {
	files, _, err := List(paths, Options{})
	return files, err
}

// Options tune List.
type Options struct {
	// Exclude names folders that are never walked into, such as the
	// output folder when it lies inside a source folder.
	Exclude []string
}

// ExcludedReason is the Reason of a folder List passed over because
// Options.Exclude names it.
const ExcludedReason = "it is the output folder"

// Skipped is a file or folder List passed over, and why.
type Skipped struct {
	Path   string
	Reason string
}

// List expands files and folders into the Markdown briefings they hold,
// sorted, each once. A path named on the command line is taken as given,
// even a symbolic link; inside a folder, a symbolic link is followed only
// when it leads to a file inside the same folder, never to a folder (which
// would be walked twice or forever) and never out of it. Those passed over
// are returned in skipped, sorted.
func List(paths []string, o Options) (files []string, skipped []Skipped, err error) {
	listed, skipped, err := ListFiles(paths, o)
	for _, f := range listed {
		files = append(files, f.Path)
	}
	return files, skipped, err
}

// File is a briefing List found, and the file it was when found, so that
// a reader can refuse another file (or a link) swapped in since: see
// boundedfile.ReadExpected.
type File struct {
	Path string
	// Info is the file's (after a link, the link's target's).
	Info fs.FileInfo
	// Link is set when the path may be a symbolic link: one named on the
	// command line, or one inside a folder leading to a file in it.
	Link bool
}

// ListFiles is List, with what each file was when listed.
func ListFiles(paths []string, o Options) (files []File, skipped []Skipped, err error) {
	var excluded []os.FileInfo
	for _, e := range o.Exclude {
		if st, err := os.Stat(e); err == nil && st.IsDir() {
			excluded = append(excluded, st)
		}
	}
	isExcluded := func(p string) bool {
		if len(excluded) == 0 {
			return false
		}
		st, err := os.Stat(p)
		if err != nil {
			return false
		}
		for _, e := range excluded {
			if os.SameFile(st, e) {
				return true
			}
		}
		return false
	}
	seen := map[string]bool{}
	add := func(p string, info fs.FileInfo, link bool) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			files = append(files, File{Path: p, Info: info, Link: link})
		}
	}
	for _, a := range paths {
		st, err := os.Stat(a)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		if !st.IsDir() {
			add(a, st, true)
			continue
		}
		root, err := filepath.EvalSymlinks(a)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		if root, err = filepath.Abs(root); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", a, err)
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				// A folder inside that cannot be read is passed over, as
				// a file that cannot be read is; the folder named itself
				// must be readable.
				if p != a && d != nil && d.IsDir() {
					skipped = append(skipped, Skipped{p, "a folder that cannot be read (" + reason(err) + ")"})
					return filepath.SkipDir
				}
				return err
			}
			if d.IsDir() {
				if isExcluded(p) {
					skipped = append(skipped, Skipped{p, ExcludedReason})
					return filepath.SkipDir
				}
				return nil
			}
			if !isBriefingName(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if why := outsideLink(p, root, a); why != "" {
					skipped = append(skipped, Skipped{p, why})
					return nil
				}
				info, err := os.Stat(p)
				if err != nil {
					skipped = append(skipped, Skipped{p, "a symbolic link that leads nowhere"})
					return nil
				}
				add(p, info, true)
				return nil
			} else if !d.Type().IsRegular() {
				skipped = append(skipped, Skipped{p, "not a regular file"})
				return nil
			}
			info, err := d.Info()
			if err != nil {
				skipped = append(skipped, Skipped{p, "cannot be read (" + reason(err) + ")"})
				return nil
			}
			add(p, info, false)
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	// Sorted by their "/" form, so that Windows, whose `\` sorts after
	// letters, lists briefings in the same order as Linux and macOS.
	slashLess := func(a, b string) bool { return filepath.ToSlash(a) < filepath.ToSlash(b) }
	sort.Slice(files, func(i, j int) bool { return slashLess(files[i].Path, files[j].Path) })
	sort.Slice(skipped, func(i, j int) bool { return slashLess(skipped[i].Path, skipped[j].Path) })
	return files, skipped, nil
}

func isBriefingName(name string) bool {
	return strings.HasSuffix(name, ".md") && !strings.EqualFold(name, "README.md")
}

// outsideLink says why the symbolic link p may not be followed from the
// folder root (absolute, links resolved; given as shown), or "" when it
// may.
func outsideLink(p, root, shown string) string {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "a symbolic link that leads nowhere"
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return "a symbolic link that cannot be resolved"
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "a symbolic link out of " + filepath.ToSlash(shown) + "; not followed"
	}
	st, err := os.Stat(abs)
	if err != nil || !st.Mode().IsRegular() {
		return "a symbolic link to something other than a file; not followed"
	}
	return ""
}

// reason is an error's text without the path it names.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
