package pdf

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"handouts/internal/boundedfile"
	"handouts/internal/diag"
	"handouts/internal/suggest"
	"handouts/internal/yamlpos"
	"handouts/templates"
)

// Theme is the look of the print handout: page margins, type sizes,
// colours and spacing. The default is templates/pdf/theme.yaml; a
// project's templates folder may hold pdf/theme.yaml to change it
// (LoadTheme). Lengths are in points except Margins, in millimetres.
type Theme struct {
	Margins struct {
		Top    float64 `yaml:"top"`
		Bottom float64 `yaml:"bottom"`
		Left   float64 `yaml:"left"`
		Right  float64 `yaml:"right"`
	} `yaml:"margins"`
	Sizes struct {
		Body            float64 `yaml:"body"`
		Kind            float64 `yaml:"kind"`
		Title           float64 `yaml:"title"`
		Subtitle        float64 `yaml:"subtitle"`
		Acknowledgement float64 `yaml:"acknowledgement"`
		Heading         float64 `yaml:"heading"`
		Subheading      float64 `yaml:"subheading"`
		MinorHeading    float64 `yaml:"minor-heading"`
		Panel           float64 `yaml:"panel"`
		Table           float64 `yaml:"table"`
		Code            float64 `yaml:"code"`
		Notes           float64 `yaml:"notes"`
		Footer          float64 `yaml:"footer"`
	} `yaml:"sizes"`
	LineHeight float64 `yaml:"line-height"`
	Colours    struct {
		Text           Colour `yaml:"text"`
		Muted          Colour `yaml:"muted"`
		Accent         Colour `yaml:"accent"`
		Link           Colour `yaml:"link"`
		Rule           Colour `yaml:"rule"`
		Panel          Colour `yaml:"panel"`
		TableHeader    Colour `yaml:"table-header"`
		QuoteBar       Colour `yaml:"quote-bar"`
		CodeBackground Colour `yaml:"code-background"`
	} `yaml:"colours"`
	Spacing struct {
		Paragraph     float64 `yaml:"paragraph"`
		HeadingBefore float64 `yaml:"heading-before"`
		HeadingAfter  float64 `yaml:"heading-after"`
		ListIndent    float64 `yaml:"list-indent"`
		ListItem      float64 `yaml:"list-item"`
		QuoteIndent   float64 `yaml:"quote-indent"`
		CellPadding   float64 `yaml:"cell-padding"`
		Block         float64 `yaml:"block"`
	} `yaml:"spacing"`
	// Fonts are the embedded families (fontfamily.go): Text is
	// liberation-sans or liberation-serif, Code is liberation-mono.
	Fonts struct {
		Text string `yaml:"text"`
		Code string `yaml:"code"`
	} `yaml:"fonts"`
}

// Colour is an RGB colour, written #rrggbb in a theme.
type Colour struct{ R, G, B uint8 }

// String prints the colour as #rrggbb.
func (c Colour) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// ThemeFile is where a project's templates folder holds its theme.
const ThemeFile = "pdf/theme.yaml"

// MaxThemeSize is the largest theme file read.
const MaxThemeSize = 64 << 10

// themeTooLarge is the error for a theme file over MaxThemeSize (%d KiB).
const themeTooLarge = "the theme is larger than %d KiB; it should be a page of settings"

// themeError is one problem with a theme file, as a *diag.ListError, so a
// build reports it with its file and line; line 0 is the whole file.
func themeError(path string, line int, format string, args ...any) error {
	var l diag.List
	l.Errorf(path, line, format, args...)
	return l.Err()
}

var (
	defaultOnce  sync.Once
	defaultTheme *Theme
	defaultErr   error
)

// DefaultTheme returns the built-in theme, templates/pdf/theme.yaml. The
// theme is shared: do not change it.
func DefaultTheme() (*Theme, error) {
	defaultOnce.Do(func() {
		if defaultTheme = pregeneratedDefaultTheme(); defaultTheme != nil {
			return // read ahead of time (themepregen.go)
		}
		defaultTheme, defaultErr = ParseTheme("templates/pdf/theme.yaml", templates.PDFTheme, &Theme{})
	})
	return defaultTheme, defaultErr
}

// LoadTheme returns the theme of a project whose templates folder is
// overrides ("" for none): the built-in theme, with the values of
// overrides/pdf/theme.yaml in place of the built-in ones when that file
// exists. Errors name the file and line.
func LoadTheme(overrides string) (*Theme, error) {
	t, _, err := LoadThemeFile(overrides)
	return t, err
}

// LoadThemeFile is LoadTheme, with the SHA-256 of the project's theme
// file it read, or zero where there is none: a build records the theme
// it rendered with, not a second reading of the file.
func LoadThemeFile(overrides string) (*Theme, [32]byte, error) {
	t, data, err := loadTheme(overrides)
	if err != nil || data == nil {
		return t, [32]byte{}, err
	}
	return t, sha256.Sum256(data), nil
}

// loadTheme returns the theme and the bytes of the project's theme file,
// nil where there is none.
func loadTheme(overrides string) (*Theme, []byte, error) {
	def, err := DefaultTheme()
	if err != nil || overrides == "" {
		return def, nil, err
	}
	path := filepath.Join(overrides, filepath.FromSlash(ThemeFile))
	data, err := boundedfile.Read(path, MaxThemeSize)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return def, nil, nil
	case errors.Is(err, boundedfile.ErrFolder):
		return nil, nil, themeError(path, 0, "is a folder, not a theme file")
	case errors.Is(err, boundedfile.ErrNotRegular):
		return nil, nil, themeError(path, 0, "is not a regular file (it is a pipe, a device or a socket); the theme is a YAML file")
	case errors.As(err, &tl):
		return nil, nil, themeError(path, 0, themeTooLarge, MaxThemeSize>>10)
	case err != nil:
		return nil, nil, themeError(path, 0, "cannot read the PDF theme: %v", unwrapPath(err))
	}
	base := *def
	t, err := ParseTheme(path, data, &base)
	if err != nil {
		return nil, nil, err
	}
	if data == nil {
		data = []byte{} // an empty file is still a file read
	}
	return t, data, nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ParseTheme reads a theme file's bytes over base (which it changes and
// returns); path names the file in errors. Every problem found is
// reported, each as "path:line: message".
func ParseTheme(path string, data []byte, base *Theme) (*Theme, error) {
	if len(data) > MaxThemeSize {
		return nil, themeError(path, 0, themeTooLarge, MaxThemeSize>>10)
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return base, nil
		}
		line, msg := yamlpos.SplitIn(err, data) // line 0: the decoder names none, as for control characters
		return nil, themeError(path, line, "YAML syntax: %s", msg)
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null") {
		return base, nil
	}
	tp := themeParser{path: path, lines: map[string]int{}}
	tp.mapping(doc.Content[0], reflect.ValueOf(base).Elem(), "")
	if err := tp.diags.Err(); err != nil {
		return nil, err
	}
	if err := base.check(path, tp.lines); err != nil {
		return nil, err
	}
	return base, nil
}

type themeParser struct {
	path  string
	diags diag.List
	lines map[string]int // line of each value set, by dotted key
}

func (p *themeParser) errorf(line int, format string, args ...any) {
	p.diags.Errorf(p.path, line, format, args...)
}

// keys lists the YAML names of a struct's fields.
func keys(t reflect.Type) []string {
	var out []string
	for i := 0; i < t.NumField(); i++ {
		out = append(out, t.Field(i).Tag.Get("yaml"))
	}
	return out
}

var colourType = reflect.TypeOf(Colour{})

// mapping decodes a YAML mapping into the struct v; where is the dotted
// path of v ("" at the top), for messages.
func (p *themeParser) mapping(n *yaml.Node, v reflect.Value, where string) {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n.Kind != yaml.MappingNode {
		what := "the theme"
		if where != "" {
			what = where
		}
		p.errorf(n.Line, "%s must be a set of \"key: value\" lines", what)
		return
	}
	t := v.Type()
	names := keys(t)
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if val.Kind == yaml.AliasNode && val.Alias != nil {
			val = val.Alias
		}
		name := k.Value
		full := name
		if where != "" {
			full = where + "." + name
		}
		idx := -1
		for j, nm := range names {
			if nm == name {
				idx = j
			}
		}
		if idx < 0 {
			msg := suggest.Unknown("key", full, name, names, "; the keys here are "+strings.Join(names, ", "))
			p.errorf(k.Line, "%s", msg)
			continue
		}
		if first, dup := seen[name]; dup {
			p.errorf(k.Line, "%s is given twice (first on line %d); keep one", full, first)
			continue
		}
		seen[name] = k.Line
		fv := v.Field(idx)
		p.lines[full] = val.Line
		switch {
		case fv.Kind() == reflect.Struct && fv.Type() != colourType:
			p.mapping(val, fv, full)
		case val.Kind != yaml.ScalarNode || val.Tag == "!!null":
			p.errorf(val.Line, "%s must be %s", full, expect(fv.Type()))
		case fv.Type() == colourType:
			c, ok := parseColour(val.Value)
			if !ok {
				p.errorf(val.Line, "%s: %q is not a colour; write it as \"#rrggbb\" (in quotes), such as \"#005eb8\"", full, val.Value)
				continue
			}
			fv.Set(reflect.ValueOf(c))
		case fv.Kind() == reflect.String:
			fv.SetString(strings.ToLower(strings.TrimSpace(val.Value)))
		case fv.Kind() == reflect.Float64:
			f, err := strconv.ParseFloat(strings.TrimSpace(val.Value), 64)
			if err != nil || f != f {
				p.errorf(val.Line, "%s: %q is not a number", full, val.Value)
				continue
			}
			fv.SetFloat(f)
		}
	}
}

func expect(t reflect.Type) string {
	if t == colourType {
		return "a colour such as \"#005eb8\""
	}
	if t.Kind() == reflect.String {
		return "a font family such as liberation-serif"
	}
	return "a number"
}

var hexColour = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^#[0-9a-fA-F]{6}$`) })

func parseColour(s string) (Colour, bool) {
	s = strings.TrimSpace(s)
	if !hexColour().MatchString(s) {
		return Colour{}, false
	}
	v, _ := strconv.ParseUint(s[1:], 16, 32)
	return Colour{uint8(v >> 16), uint8(v >> 8), uint8(v)}, true
}

// check bounds every value, so that no theme can make an unprintable
// page or a layout that never ends.
func (t *Theme) check(path string, lines map[string]int) error {
	var l diag.List
	m, s, sp := t.Margins, t.Sizes, t.Spacing
	for _, f := range []struct {
		name      string
		v, lo, hi float64
	}{
		{"margins.top", m.Top, 5, 60},
		{"margins.bottom", m.Bottom, 10, 60},
		{"margins.left", m.Left, 5, 60},
		{"margins.right", m.Right, 5, 60},
		{"sizes.body", s.Body, 5, 48},
		{"sizes.kind", s.Kind, 5, 48},
		{"sizes.title", s.Title, 5, 48},
		{"sizes.subtitle", s.Subtitle, 5, 48},
		{"sizes.acknowledgement", s.Acknowledgement, 5, 48},
		{"sizes.heading", s.Heading, 5, 48},
		{"sizes.subheading", s.Subheading, 5, 48},
		{"sizes.minor-heading", s.MinorHeading, 5, 48},
		{"sizes.panel", s.Panel, 5, 48},
		{"sizes.table", s.Table, 5, 48},
		{"sizes.code", s.Code, 5, 48},
		{"sizes.notes", s.Notes, 5, 48},
		{"sizes.footer", s.Footer, 5, 14},
		{"line-height", t.LineHeight, 1, 2.5},
		{"spacing.paragraph", sp.Paragraph, 0, 48},
		{"spacing.heading-before", sp.HeadingBefore, 0, 48},
		{"spacing.heading-after", sp.HeadingAfter, 0, 48},
		{"spacing.list-item", sp.ListItem, 0, 48},
		{"spacing.block", sp.Block, 0, 48},
		{"spacing.list-indent", sp.ListIndent, 6, 48},
		{"spacing.quote-indent", sp.QuoteIndent, 4, 48},
		{"spacing.cell-padding", sp.CellPadding, 1, 12},
	} {
		if !(f.v >= f.lo && f.v <= f.hi) { // NaN fails too
			l.Errorf(path, lines[f.name], "%s is %g; it must be between %g and %g", f.name, f.v, f.lo, f.hi)
		}
	}
	t.checkFonts(path, lines, &l)
	return l.Err()
}
