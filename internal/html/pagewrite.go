package html

import (
	"io"
)

// writeTo writes the page made to w: its head, then its body (tail).
// Into a buffer (as the build renders), room for the whole page is made
// first, so that the buffer grows once.
func (p *page) writeTo(w io.Writer) error {
	if g, ok := w.(interface{ Grow(int) }); ok {
		n := p.b.Len()
		if p.tail != nil {
			n += p.tail.Len()
		}
		g.Grow(n)
	}
	if _, err := io.WriteString(w, p.b.String()); err != nil || p.tail == nil {
		return err
	}
	_, err := io.WriteString(w, p.tail.String())
	return err
}
