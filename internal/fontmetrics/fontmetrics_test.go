package fontmetrics

import (
	"math"
	"testing"
)

// The advance widths of Liberation Sans match Arial's, in thousandths of
// an em: these are from Arial's (and Liberation's) published metrics.
func TestWidths(t *testing.T) {
	for _, tc := range []struct {
		f    Face
		s    string
		want float64 // thousandths of an em
	}{
		{Sans, " ", 278},
		{Sans, "a", 556},
		{Sans, "i", 222},
		{Sans, "m", 833},
		{Sans, "W", 944},
		{SansBold, "a", 556},
		{SansBold, "i", 278},
		{SansBold, "m", 889},
		{Sans, "ai", 778},
		{Sans, "", 0},
	} {
		got := Width(tc.f, tc.s, 1000)
		if math.Abs(got-tc.want) > 1 {
			t.Errorf("width of %q in face %d = %.1f, want %.0f", tc.s, tc.f, got, tc.want)
		}
	}
	// Ten points of "mmmm" is four times 8.33 points.
	if got := Width(Sans, "mmmm", 10); math.Abs(got-33.32) > 0.05 {
		t.Errorf("mmmm at 10 pt = %.2f pt, want 33.32", got)
	}
	// A character beyond the fonts is measured, not dropped.
	if Width(Sans, "😀", 10) <= 0 {
		t.Error("a character the font lacks has no width")
	}
}

func TestBadFonts(t *testing.T) {
	for _, b := range [][]byte{nil, make([]byte, 12), append([]byte{0, 1, 0, 0, 0, 1}, make([]byte, 20)...)} {
		if _, err := read(b); err == nil {
			t.Errorf("read(%d bytes) gave no error", len(b))
		}
	}
}
