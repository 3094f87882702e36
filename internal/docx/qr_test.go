package docx

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/extprog"
	"handouts/internal/qrcode"
)

// qrDocx is the pictures briefing's handout with the QR code on or off.
func qrDocx(t testing.TB, on bool) []byte {
	t.Helper()
	d, logo := bt.Pictures()
	var b bytes.Buffer
	if err := Write(&b, d, Options{Logo: logo, LogoAlt: bt.LogoAlt, QR: on}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// With QR on, the source panel shows the code of the driver's address as
// a picture: the same modules as the PDF's at 8 pixels each, as large as
// the PDF prints it, described by the address, in a third column merged
// down the panel's rows.
func TestQRCode(t *testing.T) {
	b := qrDocx(t, true)
	var data []byte
	for _, p := range unzip(t, b) {
		if p.name == "word/media/image1.png" {
			data = p.data
		}
	}
	if data == nil {
		t.Fatal("no word/media/image1.png")
	}
	c, err := qrcode.Encode(bt.PictureLink)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	px := (c.N + 2*qrcode.Quiet) * qrPixels
	if r := img.Bounds(); r.Dx() != px || r.Dy() != px {
		t.Fatalf("picture %v, want %d px square", r, px)
	}
	for y := 0; y < c.N; y++ {
		for x := 0; x < c.N; x++ {
			r, _, _, _ := img.At((x+qrcode.Quiet)*qrPixels+qrPixels/2, (y+qrcode.Quiet)*qrPixels+qrPixels/2).RGBA()
			if (r < 0x8000) != c.Dark[y*c.N+x] {
				t.Fatalf("module %d,%d differs from the code", x, y)
			}
		}
	}

	doc := partOf(t, b, "word/document.xml")
	descr := "QR code of the address of the main document, " + bt.PictureLink
	m := regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="(\d+)" name="[^"]*" descr="([^"]*)"`).FindStringSubmatch(doc)
	if m == nil || m[4] != strings.ReplaceAll(descr, "&", "&amp;") {
		t.Fatalf("first picture %q, want the QR code described %q", m, descr)
	}
	side := strconv.FormatInt(int64(math.Round(c.Side()*12700)), 10)
	if m[1] != side || m[2] != side {
		t.Errorf("extent %s × %s EMU, want %s (%.1f pt, as in the PDF)", m[1], m[2], side, c.Side())
	}
	if !strings.Contains(doc, `name="image1.png"`) || !strings.Contains(partOf(t, b, "word/_rels/document.xml.rels"), `Target="media/image1.png"`) {
		t.Error("the QR code picture is not image1.png")
	}
	// The source panel: three columns, the code's cell merged down.
	tbl := doc[strings.Index(doc, `<w:tbl>`):]
	tbl = tbl[:strings.Index(tbl, `</w:tbl>`)]
	rows := strings.Count(tbl, `<w:tr>`)
	if n := strings.Count(tbl, `<w:gridCol `); n != 3 {
		t.Errorf("%d grid columns, want 3", n)
	}
	if strings.Count(tbl, `<w:vMerge w:val="restart"/>`) != 1 || strings.Count(tbl, `<w:vMerge/>`) != rows-1 {
		t.Errorf("the code's cell is not merged down the panel's %d rows", rows)
	}
	if !strings.Contains(tbl, `descr="`+strings.ReplaceAll(descr, "&", "&amp;")+`"`) {
		t.Error("the QR code is not in the source panel")
	}
	if !bytes.Equal(b, qrDocx(t, true)) {
		t.Error("two writes differ")
	}
}

// With QR off, or with no address to encode, the handout is as it was.
func TestQRCodeOff(t *testing.T) {
	if off := qrDocx(t, false); strings.Contains(partOf(t, off, "word/document.xml"), "QR code") {
		t.Error("a QR code with QR off")
	}
	d := bt.Rich()
	d.Meta.Link = ""
	var on, off bytes.Buffer
	if err := Write(&on, d, Options{QR: true}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&off, d, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(on.Bytes(), off.Bytes()) {
		t.Error("a handout without a driver address changes with QR on")
	}
}

// LibreOffice renders the Word handout's code so that a reader decodes
// the driver's address from the page at 150 dpi; with QR off there is
// none.
func TestInteropQRCode(t *testing.T) {
	extprog.Need(t, "soffice")
	extprog.Need(t, "pdftoppm")
	zbar := extprog.Need(t, "zbarimg")
	dir := t.TempDir()
	var paths []string
	for _, on := range []bool{true, false} {
		name := "off"
		if on {
			name = "on"
		}
		path := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(path, qrDocx(t, on), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	extprog.Run(t, dir, "soffice", append([]string{"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, paths...)...)
	for _, name := range []string{"on", "off"} {
		extprog.Run(t, dir, "pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", filepath.Join(dir, name+".pdf"), filepath.Join(dir, name+"-page"))
	}
	on, _ := filepath.Glob(filepath.Join(dir, "on-page*.png"))
	off, _ := filepath.Glob(filepath.Join(dir, "off-page*.png"))
	if len(on) != 1 || len(off) != 1 {
		t.Fatalf("rendered %v and %v", on, off)
	}
	if out := strings.TrimSpace(string(extprog.Run(t, dir, "zbarimg", "-q", "--raw", on[0]))); out != bt.PictureLink {
		t.Errorf("zbarimg read %q, want %q", out, bt.PictureLink)
	}
	// zbarimg exits non-zero when it finds no code.
	if b, err := exec.Command(zbar, "-q", "--raw", off[0]).Output(); err == nil {
		t.Errorf("a QR code was found with QR off: %s", b)
	}
}
