package briefing

import "strings"

// LanguageTag checks s is a well-formed BCP 47 language tag of the
// usual shape (language, then script, region and variants, each
// optional) and returns it in its usual case: cy, en-GB, sr-Latn-RS.
// Extensions and private use are not accepted: a handout needs none.
func LanguageTag(s string) (string, bool) {
	parts := strings.Split(strings.ReplaceAll(strings.TrimSpace(s), "_", "-"), "-")
	if len(parts) > 8 {
		return "", false
	}
	alpha := func(p string) bool {
		for _, c := range p {
			if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
				return false
			}
		}
		return true
	}
	alnum := func(p string) bool {
		for _, c := range p {
			if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
				return false
			}
		}
		return true
	}
	digits := func(p string) bool { return p != "" && strings.Trim(p, "0123456789") == "" }
	lang := parts[0]
	if len(lang) < 2 || len(lang) > 3 || !alpha(lang) {
		return "", false
	}
	out := []string{strings.ToLower(lang)}
	i := 1
	if i < len(parts) && len(parts[i]) == 4 && alpha(parts[i]) {
		out = append(out, strings.ToUpper(parts[i][:1])+strings.ToLower(parts[i][1:]))
		i++
	}
	if i < len(parts) && ((len(parts[i]) == 2 && alpha(parts[i])) || (len(parts[i]) == 3 && digits(parts[i]))) {
		out = append(out, strings.ToUpper(parts[i]))
		i++
	}
	for ; i < len(parts); i++ {
		p := parts[i]
		if !alnum(p) || !(len(p) >= 5 && len(p) <= 8 || len(p) == 4 && digits(p[:1])) {
			return "", false
		}
		out = append(out, strings.ToLower(p))
	}
	return strings.Join(out, "-"), true
}
