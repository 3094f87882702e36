package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"title", "subtitle", "review", "responsible", "audience", "updated", "tags"}
	tests := []struct{ word, want string }{
		{"reveiw", "review"},
		{"titel", "title"},
		{"audiance", "audience"},
		{"Updated", "updated"},
		{"responsable", "responsible"},
		{"colour", ""},
		{"x", ""},
		{"tag", "tags"},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, keys); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}
