// Package skeleton writes the first draft of a new briefing from the
// skeleton of its kind: front matter with today's date and the review
// date filled in, every other required key present and empty with a
// hint, and the standard sections in order.
package skeleton

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"go.yaml.in/yaml/v3"

	"handouts/internal/briefing"
	"handouts/templates"
)

// Data is what a skeleton is filled with.
type Data struct {
	Title        string
	Kind         briefing.Kind
	Producer     string // the project's default producer, or ""
	Updated      briefing.Date
	Review       briefing.Date
	ReviewMonths int
}

// Kinds are the kinds a skeleton exists for.
var Kinds = []string{string(briefing.PolicyBriefing), string(briefing.HotTopic)}

// NewData fills Data for a briefing written today and due for review
// months later.
func NewData(title string, kind briefing.Kind, producer string, today briefing.Date, months int) Data {
	return Data{Title: title, Kind: kind, Producer: producer, Updated: today,
		Review: today.AddMonths(months), ReviewMonths: months}
}

// Render fills the skeleton of d.Kind. When overrides is a folder (the
// project's templates folder) holding new/<kind>.md, that file is used
// instead of the built-in one. It returns the text and the name of the
// skeleton used.
func Render(d Data, overrides string) ([]byte, string, error) {
	name := path.Join("new", string(d.Kind)+".md")
	var fsys fs.FS = templates.New
	used := "built-in " + name
	if overrides != "" {
		p := filepath.Join(overrides, filepath.FromSlash(name))
		if _, err := os.Stat(p); err == nil {
			fsys, used = os.DirFS(overrides), p
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, "", err
		}
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, "", fmt.Errorf("no skeleton for kind %s: %w", d.Kind, err)
	}
	t, err := template.New(name).Option("missingkey=error").Funcs(template.FuncMap{
		"yaml": quote,
	}).Parse(string(src))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	var b bytes.Buffer
	if err := t.Execute(&b, view{d}); err != nil {
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	return b.Bytes(), used, nil
}

// view gives templates the dates as ISO text.
type view struct{ Data }

func (v view) Updated() string { return v.Data.Updated.ISO() }
func (v view) Review() string  { return v.Data.Review.ISO() }

// quote writes s as a YAML scalar, quoted only when it must be.
func quote(s string) (string, error) {
	out, err := yaml.Marshal(s)
	if err != nil {
		return "", err
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// ToFill lists what the author must fill in: front-matter keys left
// empty ("" or []) and the sections, in file order.
type ToFill struct {
	Keys     []Key
	Sections []string
}

// Key is an empty front-matter key and its line.
type Key struct {
	Name string
	Line int
}

var emptyKey = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*):\s*(""|''|\[\])\s*(#.*)?$`)

// Todo reads a rendered skeleton for the keys left empty and the
// sections to write.
func Todo(text []byte) ToFill {
	var t ToFill
	sc := bufio.NewScanner(bytes.NewReader(text))
	line, fences := 0, 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "---" {
			fences++
			continue
		}
		if fences == 1 {
			if m := emptyKey.FindStringSubmatch(s); m != nil {
				t.Keys = append(t.Keys, Key{m[1], line})
			}
		} else if fences >= 2 && strings.HasPrefix(s, "## ") {
			t.Sections = append(t.Sections, strings.TrimSpace(s[3:]))
		}
	}
	return t
}
