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
		{errors.New("yaml: line 3: did not find expected key"), 4, "did not find expected key"},
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
		// Parser errors: the decoder counts their lines from 0.
		{"a: 1\nb: [1, 2\nc: 3\n", 2, "did not find expected ',' or ']'"},
		{"a: 1\nb: {x: 1\nc: 3\n", 2, "did not find expected ',' or '}'"},
		{"a: 1\n- b\n", 2, "did not find expected key"},
		{"a: 1\nb:\n  - x\n y: 2\n", 4, "did not find expected key"},
		// The line of an unfinished construct is the line it begins on.
		{"a: 1\nb:\n  - x\n  y: 2\n", 3, "did not find expected '-' indicator"},
		// Scanner errors: counted from 1.
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

// TestSplitIn: an error at the end of the input names the last line.
func TestSplitIn(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
	}{
		{"sizes:\n  body: [\n", 2},
		{"sizes:\n  body: [", 2},
		{"a: 1\nb: [1, 2\nc: 3\n", 2},
		{"a: 1\n  b: 2\n", 2},
	} {
		var v any
		err := yaml.Unmarshal([]byte(tc.src), &v)
		if err == nil {
			t.Fatalf("%q decodes without error", tc.src)
		}
		if line, _ := SplitIn(err, []byte(tc.src)); line != tc.line {
			t.Errorf("%q: SplitIn(%q) gives line %d, want %d", tc.src, err, line, tc.line)
		}
	}
}

func TestKindName(t *testing.T) {
	for src, want := range map[string]string{
		"[a, b]":  "a list",
		"- a\n":   "a list",
		"a: b\n":  "a set of keys",
		"{a: b}":  "a set of keys",
		"plain":   "a single value",
		"\"q\"\n": "a single value",
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if got := KindName(doc.Content[0]); got != want {
			t.Errorf("KindName(%q) = %q, want %q", src, got, want)
		}
	}
	if got := KindName(&yaml.Node{Kind: yaml.DocumentNode}); got != "that" {
		t.Errorf("KindName(document) = %q, want \"that\"", got)
	}
}
