package qrcode

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// The code has its quiet zone of four modules and a module size that
// reads from paper, larger for a short address than a long one but never
// below the least.
func TestSize(t *testing.T) {
	for _, tt := range []struct {
		link   string
		module float64
	}{
		{"https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems", Module},
		{"https://example.org/" + strings.Repeat("a-long-path/", 40), MinModule},
	} {
		c, err := Encode(tt.link)
		if err != nil {
			t.Fatal(err)
		}
		if c.Module() != tt.module {
			t.Errorf("%d modules: module %.2f pt, want %.2f", c.N, c.Module(), tt.module)
		}
		if c.Side() != float64(c.N+2*Quiet)*c.Module() || (c.Module() == Module && c.Side() > MaxSide) {
			t.Errorf("%d modules: side %.2f pt", c.N, c.Side())
		}
	}
}

// The picture is the modules at px pixels each, quiet zone white.
func TestPNG(t *testing.T) {
	c, err := Encode("https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	const px = 8
	data, err := c.PNG(px)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawn(t, data, c, px)
	again, _ := c.PNG(px)
	if !bytes.Equal(data, again) {
		t.Error("two renderings differ")
	}
}

// The same address gives the same code, shared, and the memory of
// recent codes stays bounded.
func TestEncodeRemembers(t *testing.T) {
	a, err := Encode("https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Encode("https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("the second encoding of an address was not the first's code")
	}
	fresh, err := encode("https://example.org/a")
	if err != nil {
		t.Fatal(err)
	}
	if fresh.N != a.N || !slices.Equal(fresh.Dark, a.Dark) {
		t.Error("a remembered code differs from a fresh encoding")
	}
	for i := range 2 * recentMax {
		if _, err := Encode(fmt.Sprintf("https://example.org/%d", i)); err != nil {
			t.Fatal(err)
		}
	}
	recent.Lock()
	n := len(recent.codes)
	recent.Unlock()
	if n > recentMax {
		t.Errorf("%d codes remembered, more than %d", n, recentMax)
	}
}
