package slug

import (
	"strings"
	"testing"
)

func TestMake(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Making sense of integrated care systems", "making-sense-of-integrated-care-systems"},
		{"  Leading and trailing  ", "leading-and-trailing"},
		{"King's Fund & the NHS: what's next?", "kings-fund-and-the-nhs-whats-next"},
		{"King’s Fund", "kings-fund"},
		{"Rock&Roll", "rock-and-roll"},
		{"Café société in Zürich", "cafe-societe-in-zurich"},
		{"ÉCOLE ÆSIR Straße", "ecole-aesir-strasse"},
		{"NHS Long Term Plan (2019)", "nhs-long-term-plan-2019"},
		{"A/B testing --- in C:\\libraries", "a-b-testing-in-c-libraries"},
		{"Łódź", "lodz"},
		{"Δ variant: what it means", "variant-what-it-means"},
		{"Übersicht 日本語 notes", "ubersicht-notes"},
		{"../../etc/passwd", "etc-passwd"},
		{".hidden", "hidden"},
		{"CON", "con-briefing"},
		{"lpt1", "lpt1-briefing"},
		{"Console", "console"},
		{"2018", "2018"},
		// Cut at a word boundary at most MaxLen long.
		{"Accountable care organisations explained for library and knowledge services staff in England",
			"accountable-care-organisations-explained-for-library-and"},
		// One long word: cut hard.
		{strings.Repeat("x", 70), strings.Repeat("x", 60)},
	}
	for _, tt := range tests {
		got, err := Make(tt.title)
		if err != nil || got != tt.want {
			t.Errorf("Make(%q) = %q, %v; want %q", tt.title, got, err, tt.want)
		}
		if len(got) > MaxLen+len("-briefing") {
			t.Errorf("Make(%q) is %d bytes long", tt.title, len(got))
		}
	}
}

func TestMakeEmpty(t *testing.T) {
	for _, title := range []string{"", "   ", "???", "日本語", "—", "''"} {
		if got, err := Make(title); err != ErrEmpty {
			t.Errorf("Make(%q) = %q, %v; want ErrEmpty", title, got, err)
		}
	}
}

func FuzzMake(f *testing.F) {
	for _, s := range []string{"Making sense", "Café & co", "CON", "", "日本語 x", strings.Repeat("ab-", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s, err := Make(title)
		if err != nil {
			if s != "" {
				t.Fatalf("error with slug %q", s)
			}
			return
		}
		if s == "" || len(s) > MaxLen+len("-briefing") {
			t.Fatalf("slug %q has a bad length", s)
		}
		if s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
			t.Fatalf("slug %q has a stray hyphen", s)
		}
		for _, r := range s {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("slug %q has %q", s, r)
			}
		}
		if reserved[s] {
			t.Fatalf("slug %q is reserved", s)
		}
		if again, err := Make(s); err != nil || again != s {
			t.Fatalf("Make(%q) = %q, %v: a slug must be its own slug", s, again, err)
		}
	})
}
