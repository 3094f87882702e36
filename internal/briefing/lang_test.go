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
