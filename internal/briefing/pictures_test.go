package briefing

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/picture/picturetest"
)

// pictureProject makes a project folder holding a briefing folder with
// pictures good and bad, and a picture outside the project.
func pictureProject(t *testing.T) (root string) {
	t.Helper()
	top := t.TempDir()
	root = filepath.Join(top, "project")
	files := map[string][]byte{
		"project/sources/images/map.png":   picturetest.PNG(40, 30),
		"project/sources/images/photo.jpg": picturetest.JPEG(32, 24),
		"project/sources/images/notes.png": []byte("these are notes, not a picture\n"),
		"project/sources/images/gif.png":   []byte("GIF89a\x01\x00\x01\x00"),
		"project/sources/images/huge.png":  picturetest.PNGHeader(6000, 5000),
		"project/sources/images/cut.png":   picturetest.PNG(40, 30)[:60],
		"project/logo.png":                 picturetest.PNG(10, 10),
		"elsewhere/secret.png":             picturetest.PNG(10, 10),
	}
	for name, data := range files {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(top, "elsewhere/secret.png"), filepath.Join(root, "sources/images/link.png")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(root, "sources/images/map.png"), filepath.Join(root, "sources/images/inside.png")); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestPictures(t *testing.T) {
	root := pictureProject(t)
	path := filepath.Join(root, "sources", "x.md")
	rel := "x.md"
	tests := []struct {
		name, body string
		want       []string // diagnostics, "x.md:LINE: …" with the path made relative
		check      func(t *testing.T, img *Image)
	}{
		{"png with alt text", "![A map of the region](images/map.png)\n", nil, func(t *testing.T, img *Image) {
			if img.Picture == nil || img.Picture.Format != "png" || img.Picture.Width != 40 || img.Picture.Height != 30 || img.Alt != "A map of the region" {
				t.Errorf("got %+v %+v", img, img.Picture)
			}
		}},
		{"jpeg with a width", "![A photograph](images/photo.jpg \"width=50%\")\n", nil, func(t *testing.T, img *Image) {
			if img.Picture == nil || img.Picture.Format != "jpeg" || img.Width != 50 {
				t.Errorf("got %+v", img)
			}
		}},
		{"decorative", "![](images/map.png \"decorative width=20%\")\n", nil, func(t *testing.T, img *Image) {
			if !img.Decorative || img.Width != 20 || img.Picture == nil {
				t.Errorf("got %+v", img)
			}
		}},
		{"a link inside the project", "![A map](images/inside.png)\n", nil, nil},
		{"remote image as before", "![A chart](https://example.org/c.png)\n", nil, func(t *testing.T, img *Image) {
			if img.Picture != nil {
				t.Errorf("a remote image was read: %+v", img)
			}
		}},
		{"missing file", "![A map](images/nope.png)\n",
			[]string{`x.md:16: picture "images/nope.png" does not exist; check the file name (names are case-sensitive) and that the file is in the project`}, nil},
		{"going up", "![A logo](../logo.png)\n",
			[]string{`x.md:16: picture "../logo.png" goes up with ".."; keep pictures in this file's folder or a folder under it, such as images/`}, nil},
		{"absolute", "![A logo](/etc/passwd)\n",
			[]string{`x.md:16: picture "/etc/passwd" is an absolute path; write it relative to the briefing's folder, such as images/map.png`}, nil},
		{"link out of the project", "![A secret](images/link.png)\n",
			[]string{`x.md:16: picture "images/link.png" is a link to a file outside the project; copy the picture into the project instead`}, nil},
		{"not a picture whatever its name", "![Notes](images/notes.png)\n",
			[]string{`x.md:16: picture "images/notes.png" is not a PNG or JPEG picture; save it as PNG (for diagrams) or JPEG (for photographs)`}, nil},
		{"a GIF", "![Notes](images/gif.png)\n",
			[]string{`x.md:16: picture "images/gif.png" is not a PNG or JPEG picture (it is a GIF); save it as PNG (for diagrams) or JPEG (for photographs)`}, nil},
		{"beyond the pixel limit", "![Huge](images/huge.png)\n",
			[]string{`x.md:16: picture "images/huge.png" is 6000 × 5000 pixels, over the limit of 24 megapixels (and 20000 pixels a side); save a smaller copy`}, nil},
		{"damaged", "![Cut](images/cut.png)\n",
			[]string{`x.md:16: picture "images/cut.png" is a damaged PNG file (png: invalid format: not enough pixel data); save it again from a picture editor`}, nil},
		{"a folder", "![Folder](images)\n",
			[]string{`x.md:16: picture "images" is a folder, not a picture`}, nil},
		{"no alt text", "![](images/map.png)\n",
			[]string{`x.md:16: picture "images/map.png" has no alternative text; describe what it shows between the brackets, ![A map of …](images/map.png), so that readers who cannot see it are told; a purely decorative picture is written ![](images/map.png "decorative")`}, nil},
		{"decorative with alt text", "![A map](images/map.png \"decorative\")\n",
			[]string{`x.md:16: picture "images/map.png" is marked decorative but has alternative text; a decorative picture has none (![](images/map.png "decorative")): remove one or the other`}, nil},
		{"bad width", "![A map](images/map.png \"width=150%\")\n",
			[]string{`x.md:16: picture "images/map.png": width "150%" is not a percentage of the text width from 1% to 100%, such as "width=50%"`}, nil},
		{"unknown title word", "![A map](images/map.png \"big\")\n",
			[]string{`x.md:16: picture "images/map.png": "big" in its title is not understood; the title may hold "width=N%" and "decorative", such as ![A map](images/map.png "width=60%")`}, nil},
		{"beside text", "See ![A map](images/map.png) here.\n",
			[]string{`x.md:16: picture "images/map.png" must be a paragraph of its own, at section level (not in a list, table, quote, heading or note, nor beside text); put it on its own line with a blank line before and after`}, nil},
		{"in a list", "- ![A map](images/map.png)\n",
			[]string{`x.md:16: picture "images/map.png" must be a paragraph of its own, at section level (not in a list, table, quote, heading or note, nor beside text); put it on its own line with a blank line before and after`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := policyFront + policyBody + "\n" + tt.body
			doc, diags := Parse(path, []byte(src), Options{Root: root})
			var got []string
			for _, d := range diags {
				got = append(got, strings.Replace(d.String(), path, rel, 1))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.check != nil {
				var img *Image
				for _, s := range doc.Sections() {
					for _, b := range s.Blocks {
						if p, ok := b.(*Paragraph); ok && len(p.Inlines) == 1 {
							img, _ = p.Inlines[0].(*Image)
						}
					}
				}
				if img == nil {
					t.Fatal("no image in the document")
				}
				tt.check(t, img)
			}
		})
	}
}

func TestLocalPictures(t *testing.T) {
	root := pictureProject(t)
	path := filepath.Join(root, "sources", "x.md")
	src := policyFront + policyBody + "\n![A map](images/map.png)\n\n![A chart](https://example.org/c.png)\n\n![Gone](images/nope.png)\n"
	got := LocalPictures(path, []byte(src), root)
	want := []string{filepath.Join(root, "sources", "images", "map.png")}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := LocalPictures(path, []byte(policyFront+policyBody), root); got != nil {
		t.Errorf("no pictures: got %q", got)
	}
}

// With NoPictures the pictures are found but their files not read: a
// missing one is no error, and a present one is not loaded.
func TestNoPicturesLeavesFilesUnread(t *testing.T) {
	root := pictureProject(t)
	path := filepath.Join(root, "sources", "x.md")
	src := policyFront + policyBody + "\n![A map](images/map.png)\n\n![Gone](images/nope.png)\n"
	doc, diags := Parse(path, []byte(src), Options{Root: root, NoPictures: true})
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	n := 0
	for _, s := range doc.Sections() {
		for _, b := range s.Blocks {
			p, ok := b.(*Paragraph)
			if !ok || len(p.Inlines) != 1 {
				continue
			}
			if img, ok := p.Inlines[0].(*Image); ok {
				n++
				if img.Picture != nil {
					t.Errorf("%s was read", img.URL)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("%d pictures in the document, want 2", n)
	}
	if _, diags := Parse(path, []byte(src), Options{Root: root}); len(diags) != 1 {
		t.Errorf("read as a build reads it: %v", diags)
	}
}
