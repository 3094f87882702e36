package pdf

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"handouts/internal/qrcode"
)

// The code is drawn with its quiet zone of four modules, at a module size
// that reads from paper, larger for a short address than a long one but
// never below the least.
func TestQRCodeSize(t *testing.T) {
	for _, tt := range []struct {
		link   string
		module float64
	}{
		{"https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems", qrcode.Module},
		{"https://example.org/" + strings.Repeat("a-long-path/", 40), qrcode.MinModule},
	} {
		c, err := encodeQR(tt.link)
		if err != nil {
			t.Fatal(err)
		}
		if c.Module() != tt.module {
			t.Errorf("%d modules: module %.2f pt, want %.2f", c.N, c.Module(), tt.module)
		}
		before := []op{{kind: opText, text: "before"}}
		ops := c.appendOps(before, 10, 20)
		if len(ops) != 3 || ops[0].text != "before" || ops[2].kind != opQR {
			t.Fatalf("%d ops, the first %+v: want what was there, the background and the modules", len(ops), ops[0])
		}
		bg := ops[1]
		if bg.colour != (Colour{255, 255, 255}) || bg.x != 10 || bg.y != 20 || bg.w != float64(c.N+8)*c.Module() || bg.w != c.Side() {
			t.Errorf("background %+v for %d modules", bg, c.N)
		}
		q := qrcode.Quiet * c.Module()
		runs := 0
		if err := qrRuns(ops[2], func(x, y, w, h float64) {
			runs++
			if x < 10+q-1e-9 || y < 20+q-1e-9 || x+w > 10+c.Side()-q+1e-9 || y+h > 20+c.Side()-q+0.05+1e-9 {
				t.Fatalf("a dark module in the quiet zone: %v %v %v %v", x, y, w, h)
			}
		}); err != nil {
			t.Fatal(err)
		}
		if runs < c.N {
			t.Errorf("%d runs of dark modules for %d rows", runs, c.N)
		}
	}
}

// qrRects is how the dark modules were laid out before they were one
// opQR: an op for each run of dark modules in a row, at the code's top
// left corner x, y (quiet zone included) in its row.
func qrRects(c *qrCode, x, y float64) []op {
	m, n := c.Module(), c.N
	var out []op
	x0, y0 := x+qrcode.Quiet*m, y+qrcode.Quiet*m
	for row := 0; row < n; row++ {
		for col := 0; col < n; {
			if !c.Dark[row*n+col] {
				col++
				continue
			}
			end := col
			for end < n && c.Dark[row*n+end] {
				end++
			}
			out = append(out, op{kind: opRect, x: x0 + float64(col)*m, y: y0 + float64(row)*m, w: float64(end-col) * m, h: m + 0.05})
			col = end
		}
	}
	return out
}

// TestQRRunsSameAsRects: an opQR, placed as paginate places ops (its
// row's place added to y), draws the very rectangles, to the last bit,
// that the ops of each run drew once placed the same way.
func TestQRRunsSameAsRects(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, link := range []string{
		"https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems",
		"https://example.org/a",
		"https://example.org/" + strings.Repeat("a-long-path/", 30),
	} {
		c, err := encodeQR(link)
		if err != nil {
			t.Fatal(err)
		}
		for range 50 {
			x, y, rt := r.Float64()*500, r.Float64()*80-40, r.Float64()*800
			want := qrRects(c, x, y)
			for i := range want {
				want[i].y += rt
			}
			o := c.appendOps(nil, x, y)[1]
			o.y += rt
			var got []op
			if err := qrRuns(o, func(x, y, w, h float64) {
				got = append(got, op{kind: opRect, x: x, y: y, w: w, h: h})
			}); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s at %v, %v placed at %v: %d runs differ from the %d rectangles", link, x, y, rt, len(got), len(want))
			}
		}
	}
}
