package briefing

import (
	"os"
	"strings"
	"testing"
)

// TestFormatExample checks that the complete example in docs/format.md
// is a valid briefing, so the documentation cannot drift from the
// parser.
func TestFormatExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```markdown\n")
	if !ok {
		t.Fatal("docs/format.md has no ```markdown example")
	}
	example, _, ok := strings.Cut(rest, "\n```\n")
	if !ok {
		t.Fatal("the example in docs/format.md is not closed")
	}
	d, diags := Parse("example.md", []byte(example+"\n"), Options{})
	for _, x := range diags {
		t.Errorf("%s", x)
	}
	if d.Impact == nil || d.Summary == nil || d.KeyFeatures == nil || d.FurtherReading == nil || len(d.Others) != 1 || len(d.Footnotes) != 1 {
		t.Errorf("the example does not show every part of a briefing:\n%s", dump(d))
	}
}
