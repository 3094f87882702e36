package docx

import (
	"bytes"
	"math"
	"strconv"
)

// tighten scales the paragraph spacing of a styles part: space before
// and after by space, and proportional (auto) line spacing by line.
// Character spacing (w:spacing w:val in run properties) is left alone.
//
// It reads the part once, as the patterns <w:spacing [^>]*/> (an
// element) and w:(before|after|line)="(\d+)" (an attribute of it) would
// find them, a line rule of exact or atLeast keeping the element's line
// as it is; matching them with regexp cost a tightened handout its
// compilation and several copies of the part.
func tighten(styles []byte, line, space float64) []byte {
	const open = "<w:spacing "
	out := make([]byte, 0, len(styles)+len(styles)/32)
	rest := styles
	for {
		i := bytes.Index(rest, []byte(open))
		if i < 0 {
			break
		}
		end := bytes.IndexByte(rest[i+len(open):], '>')
		if end < 0 {
			break
		}
		end += i + len(open) // rest[end] is the element's first '>'
		if rest[end-1] != '/' {
			// Not an empty element: no match starts here.
			out = append(out, rest[:i+1]...)
			rest = rest[i+1:]
			continue
		}
		out = append(out, rest[:i]...)
		out = tightenElem(out, rest[i:end+1], line, space)
		rest = rest[end+1:]
	}
	return append(out, rest...)
}

// tightenElem appends el, one w:spacing element, with its before, after
// and line values scaled.
func tightenElem(out, el []byte, line, space float64) []byte {
	exact := bytes.Contains(el, []byte(`w:lineRule="exact"`)) || bytes.Contains(el, []byte(`w:lineRule="atLeast"`))
	for p := 0; p < len(el); {
		name, n := spacingAttrAt(el[p:])
		if n == 0 {
			out = append(out, el[p])
			p++
			continue
		}
		a := el[p : p+n]
		p += n
		digits := a[len("w:")+len(name)+len(`="`) : len(a)-1]
		if name == "line" && exact {
			out = append(out, a...)
			continue
		}
		f := space
		if name == "line" {
			f = line
		}
		v, _ := strconv.Atoi(string(digits))
		out = append(out, "w:"+name+`="`...)
		out = strconv.AppendInt(out, int64(int(math.Round(float64(v)*f))), 10)
		out = append(out, '"')
	}
	return out
}

// spacingAttrAt reports whether b begins with w:before, w:after or
// w:line="digits" and the length of that attribute, 0 if it does not.
func spacingAttrAt(b []byte) (name string, n int) {
	if !bytes.HasPrefix(b, []byte("w:")) {
		return "", 0
	}
	for _, name = range [...]string{"before", "after", "line"} {
		if !bytes.HasPrefix(b[2:], []byte(name)) || !bytes.HasPrefix(b[2+len(name):], []byte(`="`)) {
			continue
		}
		d := 2 + len(name) + 2
		k := d
		for k < len(b) && b[k] >= '0' && b[k] <= '9' {
			k++
		}
		if k > d && k < len(b) && b[k] == '"' {
			return name, k + 1
		}
	}
	return "", 0
}
