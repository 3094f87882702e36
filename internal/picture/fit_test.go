package picture

import "testing"

func TestResolution(t *testing.T) {
	for _, tc := range []struct{ dpi, want float64 }{{0, DefaultDPI}, {9.9, DefaultDPI}, {10, 10}, {300, 300}} {
		if got := (&Picture{DPI: tc.dpi}).Resolution(); got != tc.want {
			t.Errorf("DPI %v: Resolution() = %v, want %v", tc.dpi, got, tc.want)
		}
	}
}

func TestFit(t *testing.T) {
	wide := &Picture{Width: 400, Height: 200}
	tall := &Picture{Width: 100, Height: 300}
	tests := []struct {
		name         string
		p            *Picture
		w            float64
		pct          int
		maxW, maxH   float64
		wantW, wantH float64
	}{
		{"natural size fits", wide, 100, 0, 500, 500, 100, 50},
		{"never enlarged by pct", wide, 100, 50, 500, 500, 100, 50},
		{"pct of the width", wide, 400, 50, 500, 500, 250, 125},
		{"within the width", wide, 800, 0, 500, 500, 500, 250},
		{"within the height", tall, 100, 0, 500, 150, 50, 150},
	}
	for _, tc := range tests {
		if w, h := Fit(tc.p, tc.w, tc.pct, tc.maxW, tc.maxH); w != tc.wantW || h != tc.wantH {
			t.Errorf("%s: Fit = %v×%v, want %v×%v", tc.name, w, h, tc.wantW, tc.wantH)
		}
	}
	// In whole units the divisions round down.
	if w, h := Fit(&Picture{Width: 3, Height: 2}, int64(10), 0, 100, 100); w != 10 || h != 6 {
		t.Errorf("int64: Fit = %v×%v, want 10×6", w, h)
	}
	if w, h := Fit(&Picture{Width: 3, Height: 7}, int64(10), 0, 100, 20); w != 8 || h != 20 {
		t.Errorf("int64 within the height: Fit = %v×%v, want 8×20", w, h)
	}
}
