package pdf

import (
	"strings"
	"unicode/utf8"
)

// fitWidth returns s when it fits room (points) at size, and otherwise
// the longest start of it that fits with "…" after it. Widths add up
// character by character, so one pass over s finds the cut: the time is
// proportional to the length of s, however much must go.
func fitWidth(m *metrics, s string, size, room float64) string {
	points := func(units int) float64 { return float64(units) * size / 1000 }
	if points(m.width(s)) <= room {
		return s
	}
	ell := m.width("…")
	w, cut := 0, 0
	for i, r := range s {
		if r < 1<<16 {
			w += int(m.adv(r))
		}
		if points(w+ell) > room {
			break
		}
		cut = i + utf8.RuneLen(r)
	}
	head := strings.TrimSpace(s[:cut])
	if head == "" && points(ell) > room {
		return ""
	}
	return head + "…"
}
