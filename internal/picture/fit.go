package picture

// DefaultDPI is the resolution of a picture that declares none, as Word
// and web browsers take it: one pixel is one CSS pixel.
const DefaultDPI = 96

// Resolution is the resolution to size the picture by: the one its file
// declares, or DefaultDPI when it declares none (or one below 10, which
// no real picture means).
func (p *Picture) Resolution() float64 {
	if p.DPI < 10 {
		return DefaultDPI
	}
	return p.DPI
}

// Fit scales the picture, whose natural width is w, to pct of maxW when
// pct > 0 (never beyond w, so never enlarged), then within maxW and maxH,
// keeping its proportions. The unit is the caller's: float64 points for
// one, int64 EMU for another, whose divisions then round down.
func Fit[T int64 | float64](p *Picture, w T, pct int, maxW, maxH T) (T, T) {
	if pct > 0 {
		w = min(w, maxW*T(pct)/100)
	}
	w = min(w, maxW)
	h := w * T(p.Height) / T(p.Width)
	if h > maxH {
		h = maxH
		w = h * T(p.Width) / T(p.Height)
	}
	return w, h
}
