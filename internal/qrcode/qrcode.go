// Package qrcode encodes the driver document's address as a QR code for
// the handouts' source panels, the same modules in every format: the PDF
// draws them as rectangles, the Word handout shows them as a picture.
// The code is dark on white with the quiet zone of four modules the
// standard asks for, at a module size that phones read from paper.
package qrcode

import (
	"sync"

	"github.com/boombuler/barcode/qr"
)

const (
	// Module is the preferred side of one module, in points (0.53 mm);
	// MinModule is the least used for a long address (0.42 mm), and
	// MaxSide the most the code may take with its quiet zone.
	Module    = 1.5
	MinModule = 1.2
	MaxSide   = 96
	Quiet     = 4 // modules of quiet zone on each side
)

// AltPrefix begins the alternative text of a handout's QR code, which
// ends with the address; Alt is the whole text. A reader of handouts
// (the Word import) knows the code by it.
const AltPrefix = "QR code of the address of the main document, "

// Alt is the alternative text of the QR code of link.
func Alt(link string) string { return AltPrefix + link }

// Code is an encoded address: N × N modules, Dark[y*N+x], quiet zone not
// included.
type Code struct {
	N    int
	Dark []bool

	mu   sync.Mutex     // guards pngs
	pngs map[int][]byte // the PNGs made, by pixels per module
}

// recent holds the codes of the addresses encoded last. One handout
// encodes its address several times (each layout the PDF tries while
// fitting the pages, and the Word handout's), and scoring the masks is
// the encoder's dearest step. A Code is never changed once made, so it
// is shared; the map is emptied when full, which bounds its memory.
var recent struct {
	sync.Mutex
	codes map[string]*Code
}

const recentMax = 256

// Encode encodes s at error correction level M, as UTF-8 bytes. The
// Code returned is shared: callers must not change it.
func Encode(s string) (*Code, error) {
	recent.Lock()
	c, ok := recent.codes[s]
	recent.Unlock()
	if ok {
		return c, nil
	}
	c, err := encode(s)
	if err != nil {
		return nil, err
	}
	recent.Lock()
	if recent.codes == nil || len(recent.codes) >= recentMax {
		recent.codes = map[string]*Code{}
	}
	recent.codes[s] = c
	recent.Unlock()
	return c, nil
}

func encode(s string) (*Code, error) {
	bc, err := qr.Encode(s, qr.M, qr.Unicode)
	if err != nil {
		return nil, err
	}
	b := bc.Bounds()
	n := b.Dx()
	c := &Code{N: n, Dark: make([]bool, n*n)}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			r, _, _, _ := bc.At(b.Min.X+x, b.Min.Y+y).RGBA()
			c.Dark[y*n+x] = r < 0x8000
		}
	}
	return c, nil
}

// Module is the side of a module for the code, in points.
func (c *Code) Module() float64 {
	side := float64(c.N + 2*Quiet)
	return max(min(Module, MaxSide/side), MinModule)
}

// Side is the whole code's side with its quiet zone, in points.
func (c *Code) Side() float64 { return float64(c.N+2*Quiet) * c.Module() }

// PNG renders the code with its quiet zone as a two-colour PNG of px
// pixels per module (the same bytes for the same code and px). The bytes
// are kept with the code, which is shared: callers must not change them.
func (c *Code) PNG(px int) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.pngs[px]; ok {
		return b, nil
	}
	b, err := c.png(px)
	if err != nil {
		return nil, err
	}
	if c.pngs == nil {
		c.pngs = map[int][]byte{}
	}
	c.pngs[px] = b
	return b, nil
}
