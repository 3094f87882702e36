// Package diag holds the diagnostics every stage reports: a file, a line,
// a severity and a message a person can act on.
package diag

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Severity says whether a diagnostic stops a build.
type Severity int

const (
	Error Severity = iota
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// MarshalText writes the severity as "error" or "warning", as the JSON of
// check and build gives it.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem found in one file. Line is 1-based; 0 means
// the problem concerns the whole file. Its JSON, {"file", "line",
// "severity", "message"}, is what check --json and build --json print.
type Diagnostic struct {
	Path     string   `json:"file"`
	Line     int      `json:"line"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
}

// String formats the diagnostic as "path:line: message", with "warning: "
// before the message of a warning. The path has the system's separator
// (its JSON keeps "/").
func (d Diagnostic) String() string {
	s := filepath.FromSlash(d.Path)
	if d.Line > 0 {
		s += ":" + strconv.Itoa(d.Line)
	}
	s += ": "
	if d.Severity == Warning {
		s += "warning: "
	}
	return s + d.Message
}

// List is the diagnostics of one or more files.
type List []Diagnostic

// Errorf appends an error.
func (l *List) Errorf(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning.
func (l *List) Warnf(path string, line int, format string, args ...any) {
	*l = append(*l, Diagnostic{Path: path, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, line, then message, so output is stable
// whatever order the checks ran in.
func (l List) Sort() {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Severity, b.Severity), cmp.Compare(a.Message, b.Message))
	})
}

// ListError carries diagnostics through an API that returns an error: its
// text is the diagnostics one per line, and a caller that reports
// diagnostics takes the list back with errors.As instead of parsing the
// text.
type ListError struct{ List List }

func (e *ListError) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as a *ListError, or nil when it holds no error.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l}
}
