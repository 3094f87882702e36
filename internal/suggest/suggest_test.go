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

func TestUnknown(t *testing.T) {
	keys := []string{"title", "review", "producer"}
	tests := []struct {
		shown, word, otherwise, want string
	}{
		{"reveiw", "reveiw", "; the keys are title, review, producer", `unknown key "reveiw"; did you mean "review"?`},
		{"Reveiw ", "reveiw", "", `unknown key "Reveiw "; did you mean "review"?`},
		{"colour", "colour", "; the keys are title, review, producer", `unknown key "colour"; the keys are title, review, producer`},
	}
	for _, tt := range tests {
		if got := Unknown("key", tt.shown, tt.word, keys, tt.otherwise); got != tt.want {
			t.Errorf("Unknown(%q): got %q, want %q", tt.shown, got, tt.want)
		}
	}
}
