package diag

import (
	"encoding/json"
	"testing"
)

func TestJSON(t *testing.T) {
	l := List{
		{Path: "sources/a.md", Line: 12, Severity: Error, Message: "review date is before updated date"},
		{Path: "sources/a.md", Severity: Warning, Message: "never cited"},
	}
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"file":"sources/a.md","line":12,"severity":"error","message":"review date is before updated date"},` +
		`{"file":"sources/a.md","line":0,"severity":"warning","message":"never cited"}]`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{Path: "a.md", Line: 3, Message: "m"}, "a.md:3: m"},
		{Diagnostic{Path: "a.md", Severity: Warning, Message: "m"}, "a.md: warning: m"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}
