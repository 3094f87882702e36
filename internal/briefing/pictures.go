package briefing

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"

	"handouts/internal/picture"
)

// MaxPictures bounds the local pictures of one briefing.
const MaxPictures = 50

// PlaceholderAlt is the alternative text "handouts import" writes for a
// picture its source did not describe; a briefing may not keep it.
const PlaceholderAlt = "TODO: describe this picture"

// pictureUse is a local picture found in the body, to be read.
type pictureUse struct {
	Image *Image
	Title string // the title attribute as written: its words mark the picture
	Alone bool
}

// isLocalPicture reports whether an image address names a file rather
// than a web address: it has no scheme.
func isLocalPicture(u string) bool {
	if u == "" {
		return false
	}
	scheme, _, ok := strings.Cut(u, ":")
	return !ok || strings.ContainsAny(scheme, "/.?#") || (len(scheme) == 1 && filepath.VolumeName(u) != "")
}

// pictureRoot is the folder a briefing's pictures must be inside: the
// project folder, or the briefing's own folder when it is outside the
// project.
func pictureRoot(path, root string) string {
	if root == "" {
		root = "."
	}
	dir := filepath.Dir(filepath.FromSlash(path))
	ar, err1 := filepath.Abs(root)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return dir
	}
	if r, err := filepath.Rel(ar, ad); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return dir
	}
	return root
}

// loadPictures reads and checks the local pictures of the briefing at
// path, reporting each problem at the picture's line.
func loadPictures(path, root string, uses []pictureUse, d *diagSink) {
	if len(uses) == 0 {
		return
	}
	base := filepath.Dir(filepath.FromSlash(path))
	root = pictureRoot(path, root)
	for i, u := range uses {
		img := u.Image
		name := clip(img.URL, 60)
		if i == MaxPictures {
			d.errorf(img.Line, "more than %d pictures; a handout is a page or two: keep the ones that matter", MaxPictures)
			return
		}
		if !u.Alone {
			d.errorf(img.Line, "picture %q must be a paragraph of its own, at section level (not in a list, table, quote, heading or note, nor beside text); put it on its own line with a blank line before and after", name)
			continue
		}
		if !markPicture(img, u.Title, d) {
			continue
		}
		file, err := picture.Resolve(root, base, img.URL)
		if err != nil {
			d.errorf(img.Line, "picture %q %s", name, err)
			continue
		}
		p, err := picture.Load(file, img.URL)
		if err != nil {
			d.errorf(img.Line, "picture %q %s", name, err)
			continue
		}
		img.Picture = p
	}
}

// markPicture reads the title attribute's words ("decorative",
// "width=50%") into img and checks the alternative text.
func markPicture(img *Image, title string, d *diagSink) bool {
	ok := true
	name := clip(img.URL, 60)
	for _, w := range strings.Fields(title) {
		lw := strings.ToLower(w)
		switch {
		case lw == "decorative":
			img.Decorative = true
		case strings.HasPrefix(lw, "width="):
			v := strings.TrimSuffix(lw[len("width="):], "%")
			n, err := strconv.Atoi(v)
			if err != nil || !strings.HasSuffix(lw, "%") || n < 1 || n > 100 {
				d.errorf(img.Line, "picture %q: width %q is not a percentage of the text width from 1%% to 100%%, such as \"width=50%%\"", name, w[len("width="):])
				ok = false
				continue
			}
			img.Width = n
		default:
			d.errorf(img.Line, "picture %q: %q in its title is not understood; the title may hold \"width=N%%\" and \"decorative\", such as ![A map](images/map.png \"width=60%%\")", name, clip(w, 30))
			ok = false
		}
	}
	alt := strings.TrimSpace(img.Alt)
	switch {
	case img.Decorative && alt != "":
		d.errorf(img.Line, "picture %q is marked decorative but has alternative text; a decorative picture has none (![](%s \"decorative\")): remove one or the other", name, img.URL)
		ok = false
	case !img.Decorative && strings.HasPrefix(alt, PlaceholderAlt):
		d.errorf(img.Line, "picture %q has the placeholder %q as its alternative text (the Word document did not describe it); write what it shows between the brackets, or mark it ![](%s \"decorative\") if it only decorates", name, PlaceholderAlt, img.URL)
		ok = false
	case !img.Decorative && alt == "":
		d.errorf(img.Line, "picture %q has no alternative text; describe what it shows between the brackets, ![A map of …](%s), so that readers who cannot see it are told; a purely decorative picture is written ![](%s \"decorative\")", name, img.URL, img.URL)
		ok = false
	}
	return ok
}

// LocalPictures returns the files of the local pictures the briefing at
// path (with contents src) shows, in order, for a build to hash as
// inputs of its handouts; root is as for Options.Root. A briefing that
// shows no picture costs a byte search. Pictures that cannot be found
// are left out: parsing the briefing reports them.
func LocalPictures(path string, src []byte, root string) []string {
	return ResolvePictures(path, root, PictureURLs(path, src, root))
}

// PictureURLs returns the addresses of the local pictures the briefing
// at path shows, as written, in order, at most MaxPictures: what
// LocalPictures finds by parsing, which depends on the briefing's bytes
// only, so a build may keep it.
func PictureURLs(path string, src []byte, root string) []string {
	if !bytes.Contains(src, []byte("![")) {
		return nil
	}
	return pictureURLsOf(pictureUses(path, src))
}

// pictureURLsOf returns the addresses of the pictures parsing found, as
// PictureURLs does. A source without "![" has no picture to find, so
// its uses are none and the addresses nil.
func pictureURLsOf(uses []pictureUse) []string {
	var out []string
	for i, u := range uses {
		if i == MaxPictures {
			break
		}
		out = append(out, u.Image.URL)
	}
	return out
}

// pictureUses returns the local pictures of the body as parse finds
// them, without what parse does besides that does not change them (the
// front matter's values, the sections, the checks of the body): a build
// looks for a briefing's pictures before it parses it.
func pictureUses(path string, src []byte) []pictureUse {
	if len(src) > MaxFileSize || utf16Order(src) != "" {
		return nil
	}
	d := &diagSink{path: path}
	text := sanitise(src, d)
	lines := newLineIndex(text)
	_, _, fm := splitFrontMatter(text, d)
	body := blankFrontMatter(text, fm.BodyStart)
	if !prescan(body, fm.BodyStart, lines, d) {
		return nil
	}
	return parseMarkdown(body, lines, d).Pictures
}

// ResolvePictures returns the files of the pictures at urls (from
// PictureURLs) that can be found, in order.
func ResolvePictures(path, root string, urls []string) []string {
	var out []string
	base := filepath.Dir(filepath.FromSlash(path))
	root = pictureRoot(path, root)
	for _, u := range urls {
		if f, err := picture.Resolve(root, base, u); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// Figure returns the local picture a paragraph consists of, or nil: a
// writer draws such a paragraph as a figure.
func Figure(p *Paragraph) *Image {
	if len(p.Inlines) != 1 {
		return nil
	}
	img, ok := p.Inlines[0].(*Image)
	if !ok || img.Picture == nil {
		return nil
	}
	return img
}
