package picture

import (
	"crypto/sha256"
	"sync"
	"testing"
)

func TestSHA256(t *testing.T) {
	p := &Picture{Data: []byte("\x89PNG not really")}
	want := sha256.Sum256(p.Data)
	var wg sync.WaitGroup
	sums := make([][32]byte, 4)
	for i := range sums {
		wg.Add(1)
		go func() { defer wg.Done(); sums[i] = p.SHA256() }()
	}
	wg.Wait()
	for i, s := range sums {
		if s != want {
			t.Errorf("call %d: %x, want %x", i, s, want)
		}
	}
	if other := (&Picture{Data: []byte("other")}).SHA256(); other == want {
		t.Errorf("two pictures with different bytes have the same sum")
	}
}
