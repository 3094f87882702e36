// Package yamlpos reads the line out of an error of the YAML decoder, so
// that a message about a YAML file can name the line as file:line.
package yamlpos

import (
	"regexp"
	"strconv"
	"strings"
)

var lineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// Split splits a YAML decoding error into the line it names (0 when it
// names none) and its message, without the decoder's "yaml: " prefix.
func Split(err error) (line int, msg string) {
	msg = err.Error()
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return n, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}
