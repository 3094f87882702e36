// Package manifest records what a build wrote into its output folder, so
// that the next build can skip what has not changed, notice a handout
// changed by hand, and remove only files it made.
//
// The manifest is a JSON file in the output folder. It holds no time and
// no host detail: the same build gives the same bytes, whatever the
// number of jobs, the day or the machine.
package manifest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"unicode"
	"unicode/utf8"

	"handouts/internal/boundedfile"
)

// FileName is the manifest's name in the output folder.
const FileName = ".handouts-manifest.json"

// Version is the layout of the file; a manifest of another version is
// ignored (every handout is then rebuilt once).
const Version = 1

// MaxSize bounds the manifest read: a few hundred bytes a handout.
const MaxSize = 64 << 20

// MaxEntries bounds the number of handouts a manifest may record (over
// 30,000 briefings in three formats). The byte limit alone would let
// through millions of tiny entries, each costing time and memory.
const MaxEntries = 100_000

var (
	errTooLarge = fmt.Errorf("larger than %d MiB", MaxSize>>20)
	errTooMany  = fmt.Errorf("more than %d entries", MaxEntries)
)

// Record describes one output file the tool wrote.
type Record struct {
	// Source is the briefing it was built from, as given (slash form).
	Source string `json:"source"`
	// FromOut is the same briefing's path from the output folder (links
	// resolved), slash form: it says where the briefing is whatever
	// folder a later build runs from. Empty in older manifests.
	FromOut string `json:"from_out,omitempty"`
	// Inputs is a hash of everything the output depends on: the source's
	// bytes, the templates, the reference document, the project's
	// settings, the options and the tool's version.
	Inputs string `json:"inputs"`
	// SHA256 and Size are those of the output file as written.
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Manifest maps output file names (in the output folder) to records.
type Manifest struct {
	Outputs map[string]Record
}

type file struct {
	Version int               `json:"version"`
	Outputs map[string]Record `json:"outputs"`
}

// New returns an empty manifest.
func New() *Manifest { return &Manifest{Outputs: map[string]Record{}} }

// Load reads the manifest of the output folder dir. A missing manifest is
// an empty one. A manifest that cannot be understood is returned empty
// with an error saying why, so the caller can warn and carry on.
func Load(dir string) (*Manifest, error) {
	path := filepath.Join(dir, FileName)
	if m, ok := loadCanonical(path); ok {
		return m, nil // fastload.go
	}
	// Not a plain os.Open: a named pipe in its place would hang the build.
	data, err := boundedfile.Read(path, MaxSize)
	var tl *boundedfile.TooLargeError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return New(), nil
	case errors.Is(err, boundedfile.ErrFolder):
		return New(), &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	case errors.As(err, &tl):
		return New(), &fs.PathError{Op: "read", Path: path, Err: errTooLarge}
	case err != nil:
		return New(), err
	}
	m, err := Parse(data)
	if err != nil {
		return m, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return m, nil
}

// Parse decodes a manifest's bytes. On error the manifest returned is
// empty, never partly filled. The entries are read one at a time and
// counted, so a manifest of millions of tiny entries is refused after
// MaxEntries of them rather than decoded whole.
func Parse(data []byte) (*Manifest, error) {
	if len(data) > MaxSize {
		return New(), errTooLarge
	}
	m, err := decode(data)
	if err != nil {
		return New(), err
	}
	return m, nil
}

func decode(data []byte) (*Manifest, error) {
	// A syntax error first, with the decoder's full message; checking
	// the syntax is one pass that keeps nothing.
	var se *json.SyntaxError
	if err := json.Unmarshal(data, &struct{}{}); errors.As(err, &se) {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := expectDelim(dec, '{'); err != nil {
		return nil, err
	}
	m := New()
	version, seenVersion := 0, false
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		switch key {
		case "version":
			if err := dec.Decode(&version); err != nil {
				return nil, err
			}
			seenVersion = true
		case "outputs":
			if err := decodeOutputs(dec, m); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("unknown field %q", key)
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("more than one JSON value")
	}
	if !seenVersion || version != Version {
		return nil, fmt.Errorf("version %d, not %d", version, Version)
	}
	return m, nil
}

// decodeOutputs reads the outputs object (or null) entry by entry.
func decodeOutputs(dec *json.Decoder, m *Manifest) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		return nil // "outputs": null, as an empty map
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("outputs is not an object")
	}
	n := 0
	for dec.More() {
		if n++; n > MaxEntries {
			return errTooMany
		}
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		name, _ := tok.(string)
		// Only plain names inside the folder: a manifest edited to name
		// ../x must not make prune delete outside the output folder.
		if !ValidName(name) {
			return fmt.Errorf("output %q is not a file name", name)
		}
		var r Record
		if err := dec.Decode(&r); err != nil {
			return err
		}
		m.Outputs[name] = r
	}
	return expectDelim(dec, '}')
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("not a manifest: %v where %q was expected", tok, string(want))
	}
	return nil
}

// ValidName reports whether name is a plain file name: no folder part,
// not "." or "..", not empty, valid UTF-8 without control characters
// (which would break a line of SHA256SUMS).
func ValidName(name string) bool {
	return name != "" && name != "." && name != ".." && utf8.ValidString(name) &&
		filepath.Base(name) == name && !strings.ContainsAny(name, `/\`) &&
		!strings.ContainsFunc(name, unicode.IsControl)
}

// Marshal returns the manifest's bytes: indented JSON with sorted keys
// and a final newline.
func (m *Manifest) Marshal() []byte {
	out := m.Outputs
	if out == nil {
		out = map[string]Record{}
	}
	b, err := json.MarshalIndent(file{Version: Version, Outputs: out}, "", "  ")
	if err != nil {
		panic(err) // strings and ints only
	}
	return append(b, '\n')
}

// Names returns the output names, sorted.
func (m *Manifest) Names() []string {
	names := make([]string, 0, len(m.Outputs))
	for n := range m.Outputs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
