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
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/yamlpos"
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

// MaxSize is the largest skeleton read, and the largest briefing one may
// make, in bytes. A skeleton is a page of front matter and headings.
const MaxSize = 64 << 10

// Render fills the skeleton of d.Kind. When overrides is a folder (the
// project's templates folder) holding new/<kind>.md, that file is used
// instead of the built-in one. It returns the text and the name of the
// skeleton used.
//
// A project's skeleton is outside input, so it is held to limits: it must
// be a file of at most MaxSize bytes; it may fill in fields and test them
// ({{.Title}}, {{if .Producer}}) but not repeat ({{range}}) or call
// templates ({{template}}, {{define}}, {{block}}), which could run for
// ever; what it makes must be at most MaxSize bytes of UTF-8 beginning
// with front matter that is valid YAML.
func Render(d Data, overrides string) ([]byte, string, error) {
	name := path.Join("new", string(d.Kind)+".md")
	var src []byte
	var err error
	used := ""
	if overrides != "" {
		// A project's skeleton is read if there is one; only its absence
		// falls back to the built-in one.
		p := filepath.Join(overrides, filepath.FromSlash(name))
		src, err = readOverride(p)
		switch {
		case err == nil:
			used = p
		case !errors.Is(err, fs.ErrNotExist):
			return nil, "", err
		}
	}
	if used == "" {
		used = "built-in " + name
		src, err = fs.ReadFile(templates.New, name)
		if err != nil {
			return nil, "", fmt.Errorf("no skeleton for kind %s: %w", d.Kind, err)
		}
	}
	if !utf8.Valid(src) {
		return nil, "", fmt.Errorf("%s: the skeleton is not UTF-8 text; save it as UTF-8", used)
	}
	t, err := template.New(name).Option("missingkey=error").Funcs(template.FuncMap{
		"yaml": quote,
	}).Parse(string(src))
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	if err := allowed(t, src); err != nil {
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	b := &limitedBuffer{max: MaxSize}
	if err := t.Execute(b, view{d}); err != nil {
		if b.over && titleTooLong(t, d) {
			return nil, "", fmt.Errorf("the title is too long (%d characters): the briefing would be larger than %d KiB; give a shorter title", utf8.RuneCountInString(d.Title), MaxSize>>10)
		}
		if b.over {
			return nil, "", fmt.Errorf("%s: the briefing it makes is larger than %d KiB; a skeleton fills in a page of front matter and headings", used, MaxSize>>10)
		}
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	if err := checkMade(b.Bytes()); err != nil {
		return nil, "", fmt.Errorf("%s: %w", used, err)
	}
	return b.Bytes(), used, nil
}

// readOverride reads a project's skeleton, which must be a file of at
// most MaxSize bytes (not a folder, a device or a pipe).
func readOverride(p string) ([]byte, error) {
	src, err := boundedfile.Read(p, MaxSize)
	var tl *boundedfile.TooLargeError
	var pe *fs.PathError
	switch {
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, fmt.Errorf("%s: is not a file; a skeleton is a Markdown file such as templates/new/policy-briefing.md", p)
	case errors.As(err, &tl):
		return nil, fmt.Errorf("%s: the skeleton is larger than %d KiB; a skeleton is a page of front matter and headings", p, MaxSize>>10)
	case errors.As(err, &pe) && pe.Op == "read": // as before, only a read error gets the path in front
		return nil, fmt.Errorf("%s: %w", p, err)
	case err != nil:
		return nil, err
	}
	return src, nil
}

// allowed reports the first action a skeleton may not use.
func allowed(t *template.Template, src []byte) error {
	if len(t.Templates()) > 1 {
		return errors.New("{{define}} and {{block}} are not allowed in a skeleton; write the text out where it belongs")
	}
	var walk func(n parse.Node) error
	walk = func(n parse.Node) error {
		switch n := n.(type) {
		case *parse.ListNode:
			if n == nil {
				return nil
			}
			for _, c := range n.Nodes {
				if err := walk(c); err != nil {
					return err
				}
			}
		case *parse.RangeNode:
			return fmt.Errorf("line %d: {{range}} is not allowed in a skeleton; it fills in single values such as {{.Title}} and {{.Review}}", lineOf(src, n))
		case *parse.TemplateNode:
			return fmt.Errorf("line %d: {{template}} is not allowed in a skeleton; write the text out where it belongs", lineOf(src, n))
		case *parse.IfNode:
			if err := walk(n.List); err != nil {
				return err
			}
			return walk(n.ElseList)
		case *parse.WithNode:
			if err := walk(n.List); err != nil {
				return err
			}
			return walk(n.ElseList)
		}
		return nil
	}
	return walk(t.Tree.Root)
}

// lineOf is the line of src, counted from 1, at which n begins.
func lineOf(src []byte, n parse.Node) int {
	pos := int(n.Position())
	if pos > len(src) {
		pos = len(src)
	}
	return bytes.Count(src[:pos], []byte("\n")) + 1
}

// limitedBuffer is a buffer that refuses to grow beyond max bytes, so a
// skeleton cannot fill memory.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

var errTooLarge = errors.New("output too large")

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		return 0, errTooLarge
	}
	return b.Buffer.Write(p)
}

// checkMade checks that what a skeleton made can become a briefing: UTF-8
// that opens with front matter whose YAML is a mapping. Its other
// problems (empty keys and sections) are for the author to put right.
func checkMade(text []byte) error {
	if !utf8.Valid(text) {
		return errors.New("the briefing it makes is not valid UTF-8")
	}
	// The briefing reader accepts a byte-order mark and CRLF line ends,
	// which editors on Windows save.
	s := strings.TrimPrefix(strings.ReplaceAll(string(text), "\r\n", "\n"), "\ufeff")
	rest, ok := strings.CutPrefix(s, "---\n")
	if !ok {
		return errors.New("the briefing it makes does not begin with a line \"---\" opening the front matter")
	}
	end := -1
	if strings.HasPrefix(rest, "---\n") || rest == "---" {
		end = 0
	} else if i := strings.Index(rest, "\n---\n"); i >= 0 {
		end = i + 1
	} else if strings.HasSuffix(rest, "\n---") {
		end = len(rest) - 3
	}
	if end < 0 {
		return errors.New("the briefing it makes has no line \"---\" closing the front matter")
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(rest[:end]), &n); err != nil {
		l, msg := yamlpos.SplitIn(err, []byte(rest[:end]))
		if l > 0 {
			return fmt.Errorf("line %d of the briefing it makes: the front matter is not valid YAML: %s", l+1, msg)
		}
		return fmt.Errorf("the front matter of the briefing it makes is not valid YAML: %s", msg)
	}
	if len(n.Content) > 0 && n.Content[0].Kind != yaml.MappingNode {
		return errors.New("the front matter of the briefing it makes is not a list of keys (title: …, review: …)")
	}
	return nil
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

var emptyKey = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_-]*):\s*(""|''|\[\])\s*(#.*)?$`)
})

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
			if m := emptyKey().FindStringSubmatch(s); m != nil {
				t.Keys = append(t.Keys, Key{m[1], line})
			}
		} else if fences >= 2 && strings.HasPrefix(s, "## ") {
			t.Sections = append(t.Sections, strings.TrimSpace(s[3:]))
		}
	}
	return t
}

// titleTooLong reports whether it is the title that makes the skeleton
// t too large: with an empty title it fits.
func titleTooLong(t *template.Template, d Data) bool {
	d.Title = ""
	return t.Execute(&limitedBuffer{max: MaxSize}, view{d}) == nil
}
