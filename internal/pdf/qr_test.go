package pdf

import (
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
		if cap(ops)-len(ops) > max(len(ops)/8, 64) || ops[0].text != "before" {
			t.Errorf("%d ops in room for %d, the first %+v: not grown once to hold them all, after what was there", len(ops), cap(ops), ops[0])
		}
		ops = ops[1:]
		bg := ops[0]
		if bg.colour != (Colour{255, 255, 255}) || bg.x != 10 || bg.y != 20 || bg.w != float64(c.N+8)*c.Module() || bg.w != c.Side() {
			t.Errorf("background %+v for %d modules", bg, c.N)
		}
		q := qrcode.Quiet * c.Module()
		for _, o := range ops[1:] {
			if o.x < 10+q-1e-9 || o.y < 20+q-1e-9 || o.x+o.w > 10+c.Side()-q+1e-9 || o.y+o.h > 20+c.Side()-q+0.05+1e-9 {
				t.Fatalf("a dark module in the quiet zone: %+v", o)
			}
		}
	}
}
