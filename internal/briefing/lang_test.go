package briefing

import "testing"

func TestLanguageTag(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"en-GB", "en-GB", true},
		{"cy", "cy", true},
		{"EN-gb", "en-GB", true},
		{"en_GB", "en-GB", true},
		{"sr-latn-rs", "sr-Latn-RS", true},
		{"es-419", "es-419", true},
		{"de-CH-1996", "de-CH-1996", true},
		{"sl-rozaj", "sl-rozaj", true},
		{"english", "", false},
		{"e", "", false},
		{"", "", false},
		{"en-", "", false},
		{"en-GB-x-private", "", false},
		{"en GB", "", false},
		{"fr-1234567890", "", false},
	} {
		got, ok := LanguageTag(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("LanguageTag(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// FuzzLanguageTag checks a tag accepted is ASCII, in its usual case
// already, and accepted again as itself.
func FuzzLanguageTag(f *testing.F) {
	for _, s := range []string{"en-GB", "cy", "sr-Latn-RS", "es-419", "de-CH-1996", "x", "en--GB", "ẞ-GB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tag, ok := LanguageTag(s)
		if !ok {
			if tag != "" {
				t.Errorf("LanguageTag(%q) rejected it but returned %q", s, tag)
			}
			return
		}
		for i := 0; i < len(tag); i++ {
			if tag[i] >= 0x80 {
				t.Fatalf("LanguageTag(%q) = %q, not ASCII", s, tag)
			}
		}
		if again, ok := LanguageTag(tag); !ok || again != tag {
			t.Errorf("LanguageTag(%q) = %q, then %q, %v", s, tag, again, ok)
		}
	})
}
