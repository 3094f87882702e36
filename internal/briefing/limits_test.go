package briefing

import (
	"strings"
	"testing"
)

// Each value limit holds exactly at its boundary and refuses one past it,
// with the line of the value.
func TestValueLimits(t *testing.T) {
	front := func(old, new string) string {
		if !strings.Contains(policyFront, old) {
			panic("no " + old)
		}
		return strings.Replace(policyFront, old, new, 1)
	}
	name := func(n int) string { return strings.Repeat("é", n) } // characters, not bytes
	url := func(n int) string { return "https://example.org/" + strings.Repeat("a", n-len("https://example.org/")) }
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"producer at the limit", front("producer: JET Library", "producer: "+name(MaxNameLength)) + policyBody, ""},
		{"producer one past", front("producer: JET Library", "producer: "+name(MaxNameLength+1)) + policyBody,
			"x.md:3: producer is 201 characters long, more than the limit of 200; give the organisation's name only"},
		{"link key at the limit", front("source: King's Fund", "source: K\nlink: "+url(MaxLinkLength)) + policyBody, ""},
		{"link key one past", front("source: King's Fund", "source: K\nlink: "+url(MaxLinkLength+1)) + policyBody,
			"x.md:5: link is 2001 characters long, more than the limit of 2000; link to a shorter address of the same page"},
		{"body link at the limit", policyFront + strings.Replace(policyBody, "- Share it.", "- Share [it]("+url(MaxLinkLength)+").", 1), ""},
		{"body link one past", policyFront + strings.Replace(policyBody, "- Share it.", "- Share [it]("+url(MaxLinkLength+1)+").", 1),
			`x.md:11: link "https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is 2001 characters long, more than the limit of 2000; link to a shorter address of the same page`},
		{"bare address one past", policyFront + strings.Replace(policyBody, "- Share it.", "- Share "+url(MaxLinkLength+1)+" now.", 1),
			`x.md:11: link "https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is 2001 characters long, more than the limit of 2000; link to a shorter address of the same page`},
		{"image one past", policyFront + strings.Replace(policyBody, "- Share it.", "- Share ![it]("+url(MaxLinkLength+1)+").", 1),
			`x.md:11: image "https://example.org/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is 2001 characters long, more than the limit of 2000; link to a shorter address of the same page`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := Parse("x.md", []byte(tt.src), Options{})
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
