package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
	"handouts/internal/picture"
	"handouts/internal/picture/picturetest"
)

func picturesPDF(t *testing.T, dir string, o Options) string {
	t.Helper()
	d, logo := bt.Pictures()
	o.Logo, o.LogoAlt, o.QR = logo, bt.LogoAlt, true
	return writePDF(t, dir, "pictures", d, o)
}

// The pictures are embedded once each at their own resolution (a PNG
// with its soft mask), and the file passes qpdf's check.
func TestInteropPictures(t *testing.T) {
	extprog.Need(t, "pdfimages")
	extprog.Need(t, "qpdf")
	dir := t.TempDir()
	path := picturesPDF(t, dir, Options{})
	extprog.Run(t, dir, "qpdf", "--check", path)
	list := string(extprog.Run(t, dir, "pdfimages", "-list", path))
	type img struct{ typ, w, h, enc, obj string }
	var got []img
	objs := map[string]bool{}
	for _, line := range strings.Split(list, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 12 {
			continue
		}
		got = append(got, img{f[2], f[3], f[4], f[8], f[10]})
		objs[f[10]+" "+f[3]+"x"+f[4]+" "+f[2]] = true
	}
	for _, want := range []string{"240x80 image", "240x80 smask", "300x200 image", "300x200 smask", "640x480 image"} {
		found := false
		for k := range objs {
			found = found || strings.HasSuffix(k, " "+want)
		}
		if !found {
			t.Errorf("no %s in:\n%s", want, list)
		}
	}
	// The disc is drawn twice but embedded once; the JPEG is passed
	// through.
	if n := len(objs); n != 5 {
		t.Errorf("%d image objects, want 5 (logo, its mask, disc, its mask, photograph):\n%s", n, list)
	}
	for _, g := range got {
		if g.w == "640" && g.enc != "jpeg" {
			t.Errorf("the JPEG was re-encoded as %s", g.enc)
		}
	}
}

// The QR code in the source panel decodes to the briefing's link when
// the page is rendered at 150 dpi; --no-qr (QR false) leaves none.
func TestInteropQRCode(t *testing.T) {
	extprog.Need(t, "pdftoppm")
	extprog.Need(t, "zbarimg")
	dir := t.TempDir()
	path := picturesPDF(t, dir, Options{})
	extprog.Run(t, dir, "pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", path, filepath.Join(dir, "page"))
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) != 1 {
		t.Fatalf("rendered %v", pages)
	}
	out := strings.TrimSpace(string(extprog.Run(t, dir, "zbarimg", "-q", "--raw", pages[0])))
	if out != bt.PictureLink {
		t.Errorf("zbarimg read %q, want %q", out, bt.PictureLink)
	}

	d, _ := bt.Pictures()
	off := writePDF(t, dir, "off", d, Options{})
	extprog.Run(t, dir, "pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", off, filepath.Join(dir, "off"))
	offPages, _ := filepath.Glob(filepath.Join(dir, "off*.png"))
	// zbarimg exits non-zero when it finds no code.
	if b, err := exec.Command(extprog.Need(t, "zbarimg"), "-q", "--raw", offPages[0]).Output(); err == nil {
		t.Errorf("a QR code was found with QR off: %s", b)
	}
}

// Pictures are scaled to fit, never beyond their natural size, and never
// taller than a page; each is a row of its own.
func TestFitPicture(t *testing.T) {
	png := func(w, h int) *picture.Picture {
		p, err := picture.Check("p.png", picturetest.PNG(w, h))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name       string
		p          *picture.Picture
		pct        int
		maxW, maxH float64
		w, h       float64
	}{
		{"natural size, 96 dpi", png(96, 48), 0, 400, 700, 72, 36},
		{"never enlarged by a width", png(96, 48), 100, 400, 700, 72, 36},
		{"narrowed to the text", png(1920, 960), 0, 480, 700, 480, 240},
		{"a percentage of the text", png(1920, 960), 50, 480, 700, 240, 120},
		{"no taller than a page", png(100, 4000), 0, 480, 700, 17.5, 700},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h := fitPicture(tt.p, tt.pct, tt.maxW, tt.maxH)
			if math.Abs(w-tt.w) > 0.01 || math.Abs(h-tt.h) > 0.01 {
				t.Errorf("got %.2f × %.2f, want %.2f × %.2f", w, h, tt.w, tt.h)
			}
		})
	}

	// In a handout: a tall picture on a page of its own, within the body.
	tall := png(100, 4000)
	d := bt.Minimal(bt.Para(bt.Text("Before.")), bt.Para(&briefing.Image{URL: "t.png", Alt: "tall", Picture: tall}))
	l, pages, err := layOut(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range pages {
		for _, o := range p.ops {
			if o.kind != opImage {
				continue
			}
			found = true
			top, bottom := l.th.Margins.Top*mm, l.paper.h-l.th.Margins.Bottom*mm
			if o.y < top-0.01 || o.y+o.h > bottom+0.01 || o.w > l.width+0.01 {
				t.Errorf("picture at y %.1f–%.1f, w %.1f: outside the body %.1f–%.1f, width %.1f", o.y, o.y+o.h, o.w, top, bottom, l.width)
			}
			if o.text != "tall" || l.figs[o.fig-1].alt != "tall" {
				t.Errorf("alt %q travels with the op, want %q", o.text, "tall")
			}
		}
	}
	if !found {
		t.Error("the picture was not drawn")
	}
}

// The same briefing gives the same bytes; a handout without pictures is
// what it was (no image objects).
func TestPicturesReproducible(t *testing.T) {
	d, logo := bt.Pictures()
	o := Options{Logo: logo, LogoAlt: bt.LogoAlt, QR: true}
	a, b := pdfOf(t, d, o), pdfOf(t, d, o)
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same briefing differ")
	}
	plain := pdfOf(t, bt.Rich(), Options{})
	if regexp.MustCompile(`/Subtype /Image`).Match(plain) {
		t.Error("a handout without pictures has an image")
	}
}

// A PNG that fpdf cannot embed as it is (16 bits a channel, interlaced)
// is written again as 8-bit RGBA.
func TestPNGForPDF(t *testing.T) {
	src := picturetest.PNG(20, 10)
	if got := pngForPDF(src); !bytes.Equal(got, src) {
		t.Error("an 8-bit PNG was re-encoded")
	}
	img := image.NewNRGBA64(image.Rect(0, 0, 20, 10))
	for x := 0; x < 20; x++ {
		img.Set(x, 5, color.NRGBA64{0xffff, 0, 0, 0x8000})
	}
	var deep bytes.Buffer
	if err := png.Encode(&deep, img); err != nil {
		t.Fatal(err)
	}
	if deep.Bytes()[24] != 16 {
		t.Fatal("the test PNG is not 16-bit")
	}
	got := pngForPDF(deep.Bytes())
	if got[24] != 8 || got[25] != 6 {
		t.Errorf("re-encoded as depth %d, colour type %d; want 8-bit RGBA", got[24], got[25])
	}
	p, err := picture.Check("deep.png", deep.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	d := bt.Minimal(bt.Para(&briefing.Image{URL: "deep.png", Alt: "a red line", Picture: p}))
	if err := Write(io.Discard, d, Options{}); err != nil {
		t.Errorf("a 16-bit PNG: %v", err)
	}
}
