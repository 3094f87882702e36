package briefing

// utf16Order says whether src looks like UTF-16 text ("UTF-16LE" or
// "UTF-16BE"), or "". A UTF-16 byte-order mark says so; without one, text
// in a Latin script has a NUL in every other byte, always on the same
// side, which UTF-8 text never has (a NUL is forbidden in a briefing).
// Only the first bytes are looked at: enough to tell, whatever the size.
func utf16Order(src []byte) string {
	if len(src) >= 2 {
		switch {
		case src[0] == 0xff && src[1] == 0xfe:
			return "UTF-16LE"
		case src[0] == 0xfe && src[1] == 0xff:
			return "UTF-16BE"
		}
	}
	n := min(len(src), 4096) &^ 1
	if n < 4 {
		return ""
	}
	var even, odd int // NULs at even and at odd offsets
	for i := 0; i < n; i += 2 {
		if src[i] == 0 {
			even++
		}
		if src[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	// Most pairs have their NUL on one side and none on the other.
	switch {
	case odd*2 > pairs && even*8 < pairs:
		return "UTF-16LE"
	case even*2 > pairs && odd*8 < pairs:
		return "UTF-16BE"
	}
	return ""
}
