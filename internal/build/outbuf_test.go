package build

import "testing"

// TestSpend: a handout's buffer, once spent, is the next one made in,
// empty; a buffer over the size kept is not kept.
func TestSpend(t *testing.T) {
	b := outBuffer()
	b.WriteString("a handout")
	data := b.Bytes()
	spend(data)
	for range 10 { // the pool may drop a buffer at any time; seldom ten times
		n := outBuffer()
		if n.Len() != 0 {
			t.Fatalf("a buffer given out holds %q", n.Bytes())
		}
		if n.Cap() > 0 && &n.Bytes()[:1][0] == &data[0] {
			spend(n.Bytes())
			return
		}
		spend(n.Bytes())
		spend(data)
	}
	t.Error("a spent buffer is never used again")
}
