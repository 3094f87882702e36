package diag

import (
	"encoding/json"
	"errors"
	"fmt"
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

func TestErr(t *testing.T) {
	var l List
	l.Warnf("a.md", 1, "only a warning")
	if err := l.Err(); err != nil {
		t.Fatalf("warnings only: got error %v", err)
	}
	l.Errorf("theme.yaml", 3, "sizes.body is 99")
	l.Errorf("theme.yaml", 0, "too large")
	err := l.Err()
	if err == nil {
		t.Fatal("no error for a list holding errors")
	}
	want := "a.md:1: warning: only a warning\ntheme.yaml:3: sizes.body is 99\ntheme.yaml: too large"
	if err.Error() != want {
		t.Errorf("got %q, want %q", err.Error(), want)
	}
	var le *ListError
	if !errors.As(fmt.Errorf("loading: %w", err), &le) || len(le.List) != 3 {
		t.Errorf("errors.As did not give the list back: %#v", le)
	}
}
