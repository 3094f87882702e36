package yamlpos

import (
	"errors"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestSplit(t *testing.T) {
	for _, tc := range []struct {
		err  error
		line int
		msg  string
	}{
		{errors.New("yaml: line 3: did not find expected key"), 3, "did not find expected key"},
		{errors.New("yaml: line 12: mapping values are not allowed in this context"), 12, "mapping values are not allowed in this context"},
		{errors.New("yaml: control characters are not allowed"), 0, "control characters are not allowed"},
		{errors.New("yaml: line x: odd"), 0, "line x: odd"},
		{errors.New("unexpected EOF"), 0, "unexpected EOF"},
	} {
		line, msg := Split(tc.err)
		if line != tc.line || msg != tc.msg {
			t.Errorf("Split(%q) = %d, %q; want %d, %q", tc.err, line, msg, tc.line, tc.msg)
		}
	}
}

// TestSplitDecoderErrors checks Split against what the decoder says.
func TestSplitDecoderErrors(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
		msg  string
	}{
		{"a: 1\nb: [1, 2\nc: 3\n", 1, "did not find expected ',' or ']'"},
		{"a: 1\nb:\n\t- x\n", 3, "found character that cannot start any token"},
		{"a: 1\n  b: 2\n", 2, "mapping values are not allowed in this context"},
		{"a: \x01\n", 0, "control characters are not allowed"},
	} {
		var v any
		err := yaml.Unmarshal([]byte(tc.src), &v)
		if err == nil {
			t.Fatalf("%q decodes without error", tc.src)
		}
		if line, msg := Split(err); line != tc.line || msg != tc.msg {
			t.Errorf("%q: Split(%q) = %d, %q; want %d, %q", tc.src, err, line, msg, tc.line, tc.msg)
		}
	}
}
