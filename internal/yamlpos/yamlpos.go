// Package yamlpos reads the line out of an error of the YAML decoder, so
// that a message about a YAML file can name the line as file:line.
package yamlpos

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// parserErrors are the messages of the YAML parser proper, as opposed to
// its scanner. The decoder numbers the lines of parser errors from 0 and
// those of scanner errors from 1 (it adds one to scanner errors only), so
// a parser error's line is one short.
var parserErrors = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// Split splits a YAML decoding error into the line it names, counted from
// 1 (0 when it names none), and its message, without the decoder's
// "yaml: " prefix.
func Split(err error) (line int, msg string) {
	msg = err.Error()
	if m := lineRE().FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		if parserErrors[m[2]] {
			n++
		}
		return n, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// SplitIn is Split for an error in decoding src: a line past the end of
// src (the decoder names the end of the input when a bracket or quote is
// never closed) is taken as its last line.
func SplitIn(err error, src []byte) (line int, msg string) {
	line, msg = Split(err)
	n := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	if line > n && n > 0 {
		line = n
	}
	return line, msg
}

// KindName names the kind of a YAML node for a message that says what a
// value must be and is not: "a list", "a set of keys", "a single value".
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of keys"
	case yaml.ScalarNode:
		return "a single value"
	}
	return "that"
}
