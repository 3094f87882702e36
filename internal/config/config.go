// Package config reads the optional project config, handouts.yaml, that
// sets defaults for every briefing of a project: the producer, the
// acknowledgement wording, the paper size, the review period, the
// adapted-by organisation and a folder of template overrides.
//
// The config lives at the root of the project (the folder the tool is run
// from) unless a command is given --config FILE. Command-line flags
// override it.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/diag"
	"handouts/internal/picture"
	"handouts/internal/suggest"
	"handouts/internal/yamlpos"
)

// FileName is the name of the project config in a project's root folder.
const FileName = "handouts.yaml"

// MaxSize is the largest config file read; a config is a dozen lines.
const MaxSize = 64 << 10

// tooLargeFormat is the error for a config over MaxSize (in KiB).
const tooLargeFormat = "the project config is larger than %d KiB; it should be a few lines"

// Paper sizes.
const (
	A4     = "a4"
	Letter = "letter"
)

// DefaultReviewMonths is the review period when the config gives none.
const DefaultReviewMonths = 12

// Config is the project's defaults. The zero value is not ready to use;
// Default returns one.
type Config struct {
	// Path is the file read, "" when the project has no config.
	Path string

	// Producer is the producer of briefings that do not name one.
	Producer string
	// Acknowledgement is the reuse statement with a {producer}
	// placeholder; "" means the built-in wording. A briefing's own
	// acknowledgement key wins over it.
	Acknowledgement string
	// Paper is A4 or Letter.
	Paper string
	// ReviewMonths is how long after its last update a new briefing is
	// due for review.
	ReviewMonths int
	// AdaptedBy names the organisation reusing other producers'
	// briefings; "" when the project's briefings are its own.
	AdaptedBy string
	// Templates is the folder of template overrides, resolved against the
	// config file's folder (so usable as is from the working folder); ""
	// when the defaults are used.
	Templates string

	// Logo is the library's logo file, resolved against the config
	// file's folder; "" for none. LoadFile and Load read it into
	// LogoPicture; LogoAlt is its alternative text.
	Logo        string
	LogoAlt     string
	LogoPicture *picture.Picture
	// NoQR turns off the QR code of the driver document's address in
	// the source panel of the PDF and Word handouts (qr: false); it is on
	// by default.
	NoQR bool
	// Formats are the formats a build makes when --format is not given,
	// from FormatNames, comma-separated ("docx,pdf,html"), each once; ""
	// means the build's default (docx and pdf). A string keeps Config
	// comparable.
	Formats string
	// SiteURL is the address the output folder is published at, ending
	// in "/", for the feed's links and ids; "" when not published.
	SiteURL string
	// SiteTitle heads the catalogue page and names the feed; "" means
	// the built-in title.
	SiteTitle string
}

// FormatNames are the formats the formats key may list.
var FormatNames = []string{"docx", "pdf", "html"}

// Default returns the settings of a project without a config.
func Default() *Config {
	return &Config{Paper: A4, ReviewMonths: DefaultReviewMonths}
}

// Keys are the keys a config may have, in the order documented.
var Keys = []string{"producer", "acknowledgement", "paper", "review-period", "adapted-by", "templates", "logo", "logo-alt", "qr", "formats", "site-url", "site-title"}

// Load reads handouts.yaml in dir. A missing file is not an error: the
// defaults are returned. Diagnostics carry the file and line; the config
// is usable only when they hold no error.
func Load(dir string) (*Config, diag.List) {
	path := filepath.Join(dir, FileName)
	if dir == "" || dir == "." {
		path = FileName
	}
	c, diags := read(path, true)
	return c, diags
}

// LoadFile reads the config at path, which must exist (as given with
// --config).
func LoadFile(path string) (*Config, diag.List) {
	return read(path, false)
}

func read(path string, optional bool) (*Config, diag.List) {
	var diags diag.List
	data, err := boundedfile.Read(path, MaxSize)
	var tl *boundedfile.TooLargeError
	switch {
	case optional && errors.Is(err, fs.ErrNotExist):
		return Default(), nil
	case errors.Is(err, boundedfile.ErrFolder):
		diags.Errorf(path, 0, "is a folder, not a config file")
		return Default(), diags
	case errors.Is(err, boundedfile.ErrNotRegular):
		diags.Errorf(path, 0, "is not a regular file (it is a pipe, a device or a socket); the project config is a YAML file")
		return Default(), diags
	case errors.As(err, &tl):
		c := Default()
		c.Path = path
		diags.Errorf(path, 0, tooLargeFormat, MaxSize>>10)
		return c, diags
	case err != nil:
		diags.Errorf(path, 0, "cannot read the project config: %s", describe(err))
		return Default(), diags
	}
	c, diags, keyLines := parse(path, data)
	c.Path = path
	if c.Templates != "" {
		line := keyLines["templates"]
		st, err := os.Stat(c.Templates)
		switch {
		case err != nil:
			diags.Errorf(path, line, "templates folder %s does not exist (it is relative to the config file's folder)", filepath.ToSlash(c.Templates))
		case !st.IsDir():
			diags.Errorf(path, line, "templates %s is a file, not a folder", filepath.ToSlash(c.Templates))
		}
	}
	loadLogo(c, path, keyLines, &diags)
	diags.Sort()
	return c, diags
}

func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// Parse decodes a config's bytes; path names it in diagnostics and
// anchors the templates folder. It never touches the file system.
func Parse(path string, data []byte) (*Config, diag.List) {
	c, diags, _ := parse(path, data)
	return c, diags
}

// parse is Parse that also returns the line of each key read (the first
// when one is given twice), for the diagnostics of read that need the
// file system.
func parse(path string, data []byte) (*Config, diag.List, map[string]int) {
	c := Default()
	var diags diag.List
	if len(data) > MaxSize {
		diags.Errorf(path, 0, tooLargeFormat, MaxSize>>10)
		return c, diags, nil
	}
	if line, ok := invalidUTF8(data); !ok {
		diags.Errorf(path, line, "invalid UTF-8; save the file as UTF-8")
		return c, diags, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			return c, nil, nil // an empty file: the defaults
		}
		line, msg := yamlpos.SplitIn(err, data)
		diags.Errorf(path, line, "YAML syntax: %s", msg)
		return c, diags, nil
	}
	var next yaml.Node
	if err := dec.Decode(&next); err != io.EOF {
		line := next.Line
		if err != nil {
			line, _ = yamlpos.SplitIn(err, data)
		}
		diags.Errorf(path, line, "the project config must be one YAML document; remove the second one (after \"---\")")
		return c, diags, nil
	}
	if len(doc.Content) == 0 {
		return c, nil, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil, nil // only comments
	}
	if root.Kind != yaml.MappingNode {
		diags.Errorf(path, root.Line, "the project config must be a list of \"key: value\" lines, not %s", yamlpos.KindName(root))
		return c, diags, nil
	}

	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		key := k.Value
		if k.Kind != yaml.ScalarNode {
			diags.Errorf(path, k.Line, "a key must be a plain name such as producer, not %s", yamlpos.KindName(k))
			continue
		}
		if !slices.Contains(Keys, key) {
			msg := suggest.Unknown("key", key, key, Keys, "; the keys are "+strings.Join(Keys, ", "))
			diags.Errorf(path, k.Line, "%s", msg)
			continue
		}
		if first, dup := seen[key]; dup {
			diags.Errorf(path, k.Line, "%s is given twice (first on line %d); keep one", key, first)
			continue
		}
		seen[key] = k.Line
		if key == "formats" && v.Kind == yaml.SequenceNode {
			// formats: [docx, pdf, html] as well as "docx, pdf, html".
			var names []string
			for _, n := range v.Content {
				names = append(names, n.Value)
				if n.Kind != yaml.ScalarNode {
					names = nil
					break
				}
			}
			if names != nil {
				v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: strings.Join(names, ","), Line: v.Line}
			}
		}
		if v.Kind != yaml.ScalarNode {
			diags.Errorf(path, v.Line, "%s must be %s, not %s", key, expected(key), yamlpos.KindName(v))
			continue
		}
		if v.Tag == "!!null" {
			diags.Errorf(path, k.Line, "%s has no value; give %s or remove the line", key, expected(key))
			continue
		}
		val := strings.TrimSpace(v.Value)
		if val == "" {
			diags.Errorf(path, k.Line, "%s is empty; give %s or remove the line", key, expected(key))
			continue
		}
		switch key {
		case "producer", "adapted-by":
			if msg := briefing.TooLong(key, val, briefing.MaxNameLength, briefing.NameHint); msg != "" {
				diags.Errorf(path, v.Line, "%s", msg)
				continue
			}
			if key == "producer" {
				c.Producer = val
			} else {
				c.AdaptedBy = val
			}
		case "acknowledgement":
			c.Acknowledgement = val
			// An error, not a warning: the project's statement is printed
			// on handouts of every producer (and adapted ones), so one
			// without the placeholder would credit no one, or the wrong
			// library, on every handout.
			if !strings.Contains(val, "{producer}") {
				diags.Errorf(path, v.Line, "acknowledgement does not name the producer; put {producer} where the producer's name belongs")
			}
			if bad := unknownPlaceholder(val); bad != "" {
				diags.Errorf(path, v.Line, "acknowledgement has the placeholder %s; the only placeholder is {producer}", bad)
			}
		case "paper":
			switch strings.ToLower(val) {
			case A4, Letter:
				c.Paper = strings.ToLower(val)
			default:
				diags.Errorf(path, v.Line, "paper %q is not a4 or letter", val)
			}
		case "review-period":
			n, err := ParsePeriod(val)
			if err != nil {
				diags.Errorf(path, v.Line, "review-period: %s", err)
				continue
			}
			c.ReviewMonths = n
		case "formats":
			var formats []string
			for _, f := range strings.Split(val, ",") {
				f = strings.ToLower(strings.TrimSpace(f))
				switch {
				case f == "":
				case !slices.Contains(FormatNames, f):
					diags.Errorf(path, v.Line, "formats: %s", suggest.Unknown("format", f, f, FormatNames, "; the formats are docx, pdf and html"))
				case !slices.Contains(formats, f):
					formats = append(formats, f)
				}
			}
			c.Formats = strings.Join(formats, ",")
		case "site-url":
			u, err := url.Parse(val)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
				diags.Errorf(path, v.Line, "site-url %q is not a web address such as https://library.example.org/briefings/", val)
				continue
			}
			if !strings.HasSuffix(val, "/") {
				val += "/" // the folder, not a file in it
			}
			c.SiteURL = val
		case "site-title":
			c.SiteTitle = val
		case "templates":
			dir := filepath.FromSlash(val)
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(filepath.Dir(path), dir)
			}
			c.Templates = dir
		case "logo":
			c.Logo = val
		case "logo-alt":
			c.LogoAlt = val
		case "qr":
			switch strings.ToLower(val) {
			case "true", "yes", "on":
				c.NoQR = false
			case "false", "no", "off":
				c.NoQR = true
			default:
				diags.Errorf(path, v.Line, "qr %q is not true or false", val)
			}
		}
	}
	diags.Sort()
	return c, diags, seen
}

func expected(key string) string {
	switch key {
	case "paper":
		return "a4 or letter"
	case "review-period":
		return "a number of months, such as 12 or \"6 months\""
	case "templates":
		return "a folder name"
	case "logo":
		return "a PNG or JPEG file name, such as templates/logo.png"
	case "logo-alt":
		return "a description of the logo, such as \"JET Library logo\""
	case "qr":
		return "true or false"
	case "formats":
		return "a list of formats: docx, pdf, html"
	case "site-url":
		return "a web address"
	}
	return "text"
}

var placeholder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[^{}]*\}`) })

// unknownPlaceholder returns the first {…} that is not {producer}.
func unknownPlaceholder(s string) string {
	for _, m := range placeholder().FindAllString(s, -1) {
		if m != "{producer}" {
			return m
		}
	}
	return ""
}

var periodRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,3})(?:\s*(months?|years?))?$`) })

// MaxReviewMonths bounds the review period: ten years.
const MaxReviewMonths = 120

// ParsePeriod reads a review period: "12", "6 months", "1 month",
// "2 years". It returns months.
func ParsePeriod(s string) (int, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	m := periodRE().FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("%q is not a period such as 12, \"6 months\" or \"1 year\"", s)
	}
	n, _ := strconv.Atoi(m[1])
	if strings.HasPrefix(m[2], "year") {
		n *= 12
	}
	if n < 1 || n > MaxReviewMonths {
		return 0, fmt.Errorf("%q is out of range: between 1 month and %d years", s, MaxReviewMonths/12)
	}
	return n, nil
}

// invalidUTF8 returns the line of the first invalid UTF-8 sequence.
func invalidUTF8(data []byte) (int, bool) {
	line := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, false
		}
		if r == '\n' {
			line++
		}
		data = data[size:]
	}
	return 0, true
}
