package pdf

import (
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
)

// fitByOne is how the footer used to be shortened: one character off the
// end at a time, measured again each time.
func fitByOne(m *metrics, s string, size, room float64) string {
	measure := func(s string) float64 { return float64(m.width(s)) * size / 1000 }
	for measure(s) > room && s != "" {
		r := []rune(s)
		s = strings.TrimSpace(string(r[:len(r)-1]))
		if measure(s+"…") <= room {
			return s + "…"
		}
	}
	return s
}

// fitWidth gives, in one pass, the longest start of the text that fits
// with an ellipsis: what shortening one character at a time gave, but
// for its cuts that dropped the ellipsis (a name cut with no sign of it).
func TestFitWidth(t *testing.T) {
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	m := ms[sans]
	const size = 8
	measure := func(s string) float64 { return float64(m.width(s)) * size / 1000 }
	texts := []string{
		"",
		"JET Library",
		"JET Library, Mid Cheshire Hospitals NHS Foundation Trust",
		"Leeds Library and Knowledge Service, adapted from JET Library, Mid Cheshire Hospitals NHS Foundation Trust",
		"a b c d e f g h i j k l m n o p",
		"Zoë’s “library” — £5 €6 漢字 and more words to cut",
		strings.Repeat("W", 300),
		strings.TrimSpace(strings.Repeat("i ", 300)), // a footer has single spaces, none at the ends
	}
	for _, s := range texts {
		for room := 0.0; room <= 500; room += 1.75 {
			got := fitWidth(m, s, size, room)
			if old := fitByOne(m, s, size, room); (old == s || strings.HasSuffix(old, "…")) && got != old {
				t.Errorf("%q in %.2f pt: got %q, one at a time gave %q", s, room, got, old)
			}
			if measure(s) <= room {
				if got != s {
					t.Errorf("%q fits %.2f pt but became %q", s, room, got)
				}
				continue
			}
			head, cut := strings.CutSuffix(got, "…")
			if got != "" && !cut || !strings.HasPrefix(s, head) || measure(got) > room {
				t.Errorf("%q in %.2f pt: %q is not a start of it with an ellipsis that fits", s, room, got)
			}
			// The longest such start: one more character would not fit.
			if rest := strings.TrimPrefix(s, head); got != "" && rest != "" {
				r := []rune(strings.TrimSpace(rest))
				if longer := head + strings.TrimSuffix(rest, strings.TrimSpace(rest)) + string(r[0]); measure(longer+"…") <= room {
					t.Errorf("%q in %.2f pt: %q fits too, longer than %q", s, room, longer+"…", got)
				}
			}
		}
	}
}

// A footer of 100,000 characters (validation bounds names, but the
// writer must not depend on it) is cut to the line in one step: this
// took over 26 minutes when the footer lost one character at a time.
func TestLongFooterIsCutOnce(t *testing.T) {
	d := bt.Minimal(bt.Para(bt.Text("Words.")))
	d.Meta.Producer = strings.TrimSpace(strings.Repeat("Library ", 12500))
	if out := pdfOf(t, d, Options{}); len(out) == 0 {
		t.Fatal("no PDF")
	}
	ms, _ := faceMetrics()
	cut := fitWidth(ms[sans], d.Meta.Producer, 8, 300)
	if !strings.HasSuffix(cut, "…") || len(cut) > 400 {
		t.Errorf("cut to %d bytes: %.40q", len(cut), cut)
	}
}

func BenchmarkFitWidth(b *testing.B) {
	ms, _ := faceMetrics()
	s := strings.Repeat("Library ", 12500)
	for b.Loop() {
		fitWidth(ms[sans], s, 8, 300)
	}
}
