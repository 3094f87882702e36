package briefing

import (
	"fmt"
	"testing"
)

func TestCitations(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"no citation here", "[]"},
		{"", "[]"},
		{"as shown (1).", "[{9 12 [1]}]"},
		{"(2, 3) and (4-6)", "[{0 6 [2 3]} {11 16 [4 5 6]}]"},
		{"an aside (not one) (7)", "[{19 22 [7]}]"},
	} {
		if got := fmt.Sprint(Citations(c.in)); got != c.want {
			t.Errorf("Citations(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}
