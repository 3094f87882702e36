package skeleton

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/briefing"
)

func date(t *testing.T, s string) briefing.Date {
	t.Helper()
	d, err := briefing.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRenderPolicyBriefing(t *testing.T) {
	d := NewData("King's Fund: making sense of ICSs", briefing.PolicyBriefing, "", date(t, "2024-02-29"), 12)
	out, used, err := Render(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if used != "built-in new/policy-briefing.md" {
		t.Errorf("used %q", used)
	}
	text := string(out)
	for _, want := range []string{
		"title: 'King''s Fund: making sense of ICSs'\n",
		"kind: policy-briefing\n",
		"producer: \"\" ",
		"updated: 2024-02-29\n",
		"review: 2025-02-28  # 12 months after the last update\n",
		"\n## Impact on library policy/practice\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	todo := Todo(out)
	var keys []string
	for _, k := range todo.Keys {
		keys = append(keys, k.Name)
	}
	if got, want := strings.Join(keys, " "), "producer source responsible audience"; got != want {
		t.Errorf("keys to fill: %q, want %q", got, want)
	}
	if got, want := strings.Join(todo.Sections, "|"), "Impact on library policy/practice|Summary of driver|Key features of driver|Further reading"; got != want {
		t.Errorf("sections: %q, want %q", got, want)
	}
	lines := strings.Split(text, "\n")
	for _, k := range todo.Keys {
		if !strings.HasPrefix(lines[k.Line-1], k.Name+":") {
			t.Errorf("key %s: line %d is %q", k.Name, k.Line, lines[k.Line-1])
		}
	}
}

func TestRenderHotTopicWithProjectProducer(t *testing.T) {
	d := NewData("Accountable care", briefing.HotTopic, "JET Library", date(t, "2026-11-25"), 6)
	out, _, err := Render(d, "")
	if err != nil {
		t.Fatal(err)
	}
	text := string(out)
	for _, want := range []string{
		"title: Accountable care\n",
		"kind: hot-topic\n",
		"# producer: the project's default applies (JET Library); set it here to override\n",
		"review: 2027-05-25  # 6 months after the last update\n",
		"\n## What is it?\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\nproducer:") || strings.Contains(text, "\n## Summary of driver") {
		t.Errorf("unexpected producer key or summary section:\n%s", text)
	}
}

func TestRenderOverride(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "new"), 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "new", "hot-topic.md")
	if err := os.WriteFile(p, []byte("---\ntitle: {{yaml .Title}}\nreview: {{.Review}}\n---\n## Our own section\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := NewData("Ours", briefing.HotTopic, "", date(t, "2026-01"), 3)
	out, used, err := Render(d, dir)
	if err != nil {
		t.Fatal(err)
	}
	if used != p || string(out) != "---\ntitle: Ours\nreview: 2026-04\n---\n## Our own section\n" {
		t.Errorf("used %q, got:\n%s", used, out)
	}
	// The other kind falls back to the built-in skeleton.
	d.Kind = briefing.PolicyBriefing
	if _, used, err := Render(d, dir); err != nil || used != "built-in new/policy-briefing.md" {
		t.Errorf("fallback: used %q, %v", used, err)
	}
	// A broken override names the file.
	if err := os.WriteFile(p, []byte("{{.Nope}"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.Kind = briefing.HotTopic
	if _, _, err := Render(d, dir); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("broken override: %v", err)
	}
}

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"Plain title":          "Plain title",
		"Colon: here":          "'Colon: here'",
		"2018":                 `"2018"`,
		"yes":                  `"yes"`,
		"# not a comment":      "'# not a comment'",
		"- not a list":         "'- not a list'",
		`Quotes "inside" it`:   `Quotes "inside" it`,
		"Café – the art of it": "Café – the art of it",
		"[bracketed]":          "'[bracketed]'",
		"null":                 `"null"`,
	} {
		got, err := quote(in)
		if err != nil || got != want {
			t.Errorf("quote(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestRenderHostileOverride gives Render project skeletons that are
// broken or built to exhaust memory or time: each must be a clear error
// naming the file, and nothing is returned.
func TestRenderHostileOverride(t *testing.T) {
	big := strings.Repeat("# a comment line of front matter\n", MaxSize/32)
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"too large", "---\ntitle: x\n---\n" + big, "larger than 64 KiB"},
		{"binary", "---\n\xff\xfe\x00\x01junk\n---\n", "not UTF-8 text"},
		{"bad template syntax", "---\ntitle: {{if}}\n---\n", "missing value for if"},
		{"unknown field", "---\ntitle: {{.Nope}}\n---\n", "can't evaluate field Nope"},
		{"range over a huge number", "---\ntitle: x\n---\n{{range 1000000000}}{{end}}", "line 4: {{range}} is not allowed"},
		{"range inside if", "---\n{{if .Title}}{{range 3}}x{{end}}{{end}}\n---\n", "{{range}} is not allowed"},
		{"recursive template", `{{define "a"}}{{template "a"}}{{template "a"}}{{end}}{{template "a"}}`, "{{define}} and {{block}} are not allowed"},
		{"template call", "---\n{{template \"x\"}}\n---\n", "{{template}} is not allowed"},
		{"huge output", "---\ntitle: x\n---\n" + strings.Repeat(`{{printf "%999999s" "a"}}`, 200), "the briefing it makes is larger than 64 KiB"},
		{"no front matter", "## Impact on library policy/practice\n", `does not begin with a line "---"`},
		{"unterminated front matter", "---\ntitle: {{yaml .Title}}\n## Impact\n", `no line "---" closing`},
		{"bad YAML", "---\ntitle: {{yaml .Title}}\naudience: [unclosed\n---\n", "line 3 of the briefing it makes: the front matter is not valid YAML"},
		{"YAML not a mapping", "---\n- a\n- b\n---\n", "not a list of keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "new", "policy-briefing.md")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			d := NewData("Ours", briefing.PolicyBriefing, "", date(t, "2026-01"), 3)
			out, _, err := Render(d, dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), p) {
				t.Fatalf("err = %v; want one naming %s and saying %q", err, p, tt.want)
			}
			if out != nil {
				t.Errorf("output returned with the error: %d bytes", len(out))
			}
		})
	}
}

// TestRenderOverrideNotAFile: a skeleton that is a folder, a named pipe
// or a device is refused before it is read (opening a pipe waits for a
// writer; a device such as /dev/zero never ends).
func TestRenderOverrideNotAFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new", "policy-briefing.md")
	if err := os.MkdirAll(p, 0o755); err != nil {
		t.Fatal(err)
	}
	d := NewData("Ours", briefing.PolicyBriefing, "", date(t, "2026-01"), 3)
	if _, _, err := Render(d, dir); err == nil || !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("folder: err = %v", err)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(p); err == nil {
		if _, _, err := Render(d, dir); err == nil || !strings.Contains(err.Error(), "is not a file") {
			t.Errorf("named pipe: err = %v", err)
		}
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Skip("cannot make a symbolic link:", err)
	}
	if _, _, err := Render(d, dir); err == nil || !strings.Contains(err.Error(), "is not a file") {
		t.Errorf("/dev/zero: err = %v", err)
	}
}

// TestRenderOverrideWindowsFile: a skeleton saved with a byte-order mark
// and CRLF line ends is accepted, as the briefing reader accepts them.
func TestRenderOverrideWindowsFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "new", "hot-topic.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("\ufeff---\r\ntitle: {{yaml .Title}}\r\n---\r\n## Impact\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := NewData("Ours", briefing.HotTopic, "", date(t, "2026-01"), 3)
	if _, _, err := Render(d, dir); err != nil {
		t.Error(err)
	}
}

// A title too long for a briefing is blamed on the title, not on the
// skeleton.
func TestVeryLongTitleIsBlamedOnTheTitle(t *testing.T) {
	d := NewData(strings.Repeat("word ", 20000), briefing.PolicyBriefing, "", briefing.Date{Year: 2026, Month: 11, Day: 25}, 12)
	_, _, err := Render(d, "")
	if err == nil || strings.Contains(err.Error(), "skeleton") || !strings.Contains(err.Error(), "title is too long") {
		t.Errorf("got %v", err)
	}
}
