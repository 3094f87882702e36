package html

import (
	"bytes"
	"encoding/base64"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/picture"
	"handouts/internal/picture/picturetest"
)

// pictureData decodes an img's data: address.
func pictureData(t *testing.T, n *xhtml.Node) (mime string, data []byte) {
	t.Helper()
	src, _ := attr(n, "src")
	head, b64, ok := strings.Cut(strings.TrimPrefix(src, "data:"), ";base64,")
	if !ok {
		t.Fatalf("src %.40q is not a base64 data: address", src)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("src: %v", err)
	}
	return head, data
}

func TestPicturesAreInThePage(t *testing.T) {
	d, logo := bt.Pictures()
	o := Options{Logo: logo, LogoAlt: bt.LogoAlt}
	page := write(t, d, o)
	root := checkPage(t, d, page)
	imgs := elements(root, "img")
	if len(imgs) != 4 {
		t.Fatalf("%d img elements, want the logo and three pictures", len(imgs))
	}
	if !bytes.Equal(page, write(t, d, o)) {
		t.Error("two writes differ")
	}
	for i, want := range []struct {
		alt, class, parent, width, height, mime string
		data                                    []byte
	}{
		{bt.LogoAlt, "logo", "header", "240", "80", "image/png", logo.Data},
		{bt.DiscAlt, "", "p", "300", "200", "image/png", picturetest.PNG(300, 200)},
		{bt.PhotoAlt, "w50", "p", "640", "480", "image/jpeg", picturetest.JPEG(640, 480)},
		{"", "w20", "p", "300", "200", "image/png", picturetest.PNG(300, 200)},
	} {
		n := imgs[i]
		if alt, ok := attr(n, "alt"); !ok || alt != want.alt {
			t.Errorf("img %d: alt %q (present %v), want %q", i, alt, ok, want.alt)
		}
		if c, _ := attr(n, "class"); c != want.class {
			t.Errorf("img %d: class %q, want %q", i, c, want.class)
		}
		if w, _ := attr(n, "width"); w != want.width {
			t.Errorf("img %d: width %q, want %q", i, w, want.width)
		}
		if h, _ := attr(n, "height"); h != want.height {
			t.Errorf("img %d: height %q, want %q", i, h, want.height)
		}
		if n.Parent.Data != want.parent {
			t.Errorf("img %d: inside %s, want %s", i, n.Parent.Data, want.parent)
		}
		if want.parent == "p" {
			if c, _ := attr(n.Parent, "class"); c != "picture" || n.PrevSibling != nil || n.NextSibling != nil {
				t.Errorf("img %d: not alone in a paragraph of class picture", i)
			}
		}
		mime, data := pictureData(t, n)
		if mime != want.mime || !bytes.Equal(data, want.data) {
			t.Errorf("img %d: holds %s of %d bytes, want the file's %d bytes as %s", i, mime, len(data), len(want.data), want.mime)
		}
	}
	s := string(page)
	for _, want := range []string{"img.w20{max-width:20%}\nimg.w50{max-width:50%}\n</style>", ".picture img{display:block;max-width:100%;height:auto}"} {
		if !strings.Contains(s, want) {
			t.Errorf("the stylesheet has no %q", want)
		}
	}
	if strings.Contains(s, "[Image") || len(elements(root, "figure")) != 0 {
		t.Error("a picture shown as text, or in a figure without a caption")
	}
	// Without pictures, no width rules and no logo.
	plain := string(write(t, bt.Rich(), Options{}))
	if strings.Contains(plain, "img.w") || strings.Contains(plain, "<img") {
		t.Error("width rules or pictures in a page without pictures")
	}
}

// A picture's natural size follows the resolution it declares, as in
// the PDF: 192 dpi is half as wide as 96.
func TestPictureSizeFollowsItsResolution(t *testing.T) {
	for _, tc := range []struct {
		dpi  float64
		w, h int
	}{{0, 300, 200}, {96, 300, 200}, {192, 150, 100}, {72, 400, 267}, {5, 300, 200}} {
		w, h := cssSize(&picture.Picture{Width: 300, Height: 200, DPI: tc.dpi})
		if w != tc.w || h != tc.h {
			t.Errorf("at %v dpi: %d × %d, want %d × %d", tc.dpi, w, h, tc.w, tc.h)
		}
	}
}

func TestCatalogueShowsTheLogo(t *testing.T) {
	_, logo := bt.Pictures()
	var b bytes.Buffer
	if err := WriteCatalogue(&b, nil, SiteOptions{Logo: logo, LogoAlt: bt.LogoAlt}); err != nil {
		t.Fatal(err)
	}
	root := checkPage(t, nil, b.Bytes())
	imgs := elements(root, "img")
	if len(imgs) != 1 || imgs[0].Parent.Data != "header" {
		t.Fatalf("%d pictures; want the logo in the header", len(imgs))
	}
	if alt, _ := attr(imgs[0], "alt"); alt != bt.LogoAlt {
		t.Errorf("logo alt %q", alt)
	}
}
