package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"handouts/internal/briefing"
	"handouts/internal/config"
	"handouts/internal/review"
)

// findBriefings expands files and folders into .md files, sorted.
// Temporary: replaced by sources.Find once the parser lands.
func findBriefings(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", a, describeErr(err))
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.EqualFold(d.Name(), "README.md") {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(out)
	return out, nil
}

// readStatus reads the metadata status needs. Temporary: replaced by
// briefing.Parse once it lands.
func readStatus(path string, _ *config.Config, today briefing.Date, within int) (review.Entry, string) {
	shown := filepath.ToSlash(path)
	fail := func(line int, format string, args ...any) (review.Entry, string) {
		msg := shown
		if line > 0 {
			msg += fmt.Sprintf(":%d", line)
		}
		msg += ": " + fmt.Sprintf(format, args...)
		return review.Failed(shown, msg), msg
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return fail(0, "%s", describeErr(err))
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return fail(1, "no front matter: the file must begin with a line \"---\"")
	}
	end := bytes.Index(data[4:], []byte("\n---\n"))
	if end < 0 {
		return fail(1, "front matter is not closed by a line \"---\"")
	}
	var m struct {
		Title, Kind, Updated, Review, Responsible string
	}
	if err := yaml.Unmarshal(data[4:4+end+1], &m); err != nil {
		return fail(1, "front matter: %v", err)
	}
	var meta briefing.Meta
	meta.Title, meta.Kind, meta.Responsible = m.Title, briefing.Kind(m.Kind), m.Responsible
	if m.Updated != "" {
		meta.Updated, _ = briefing.ParseDate(m.Updated)
	}
	if m.Review == "" {
		return fail(0, "no review date")
	}
	if meta.Review, err = briefing.ParseDate(m.Review); err != nil {
		return fail(0, "review: %v", err)
	}
	return review.New(shown, meta, today, within), ""
}
