package pdf

// Font families a theme may choose. The layout speaks of logical faces
// (sans, sansBold, …, mono); a theme maps them onto the embedded faces,
// so that "text: liberation-serif" sets every text face in Liberation
// Serif. Serif metrics are read the first time a theme asks for them, so
// a handout in the default family costs what it did.

import (
	"strings"
	"sync"

	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"

	"handouts/internal/diag"
	"handouts/internal/suggest"
)

// Families, as a theme names them.
const (
	FamilySans  = "liberation-sans"
	FamilySerif = "liberation-serif"
	FamilyMono  = "liberation-mono"
)

// serifFaces are Liberation Serif's faces, in the order of the logical
// text faces sans, sansBold, sansItalic, sansBoldItalic.
var serifFaces = [4]faceInfo{
	{"serif", "", liberationserifregular.TTF},
	{"serif", "B", liberationserifbold.TTF},
	{"serif", "I", liberationserifitalic.TTF},
	{"serif", "BI", liberationserifbolditalic.TTF},
}

var serifPSNames = [4]string{"LiberationSerif", "LiberationSerif-Bold", "LiberationSerif-Italic", "LiberationSerif-BoldItalic"}

var (
	serifOnce    sync.Once
	serifMetrics [4]*metrics
	serifErr     error
)

// fontSet is the faces of one theme: the metrics of each logical face
// and what is embedded for it.
type fontSet struct {
	m [numFaces]*metrics
	// serif is set when the text faces are Liberation Serif.
	serif bool
}

// themeFonts returns the fonts of a theme.
func themeFonts(th *Theme) (fontSet, error) {
	ms, err := faceMetrics()
	if err != nil {
		return fontSet{}, err
	}
	fs := fontSet{m: ms}
	if th != nil && th.Fonts.Text == FamilySerif {
		serif, err := serifFaceMetrics()
		if err != nil {
			return fontSet{}, err
		}
		for i := sans; i <= sansBoldItalic; i++ {
			fs.m[i] = serif[i-sans]
		}
		fs.serif = true
	}
	return fs, nil
}

// serifFaceMetrics returns the metrics of Liberation Serif's faces, read
// once per process when a theme first asks for them.
func serifFaceMetrics() ([4]*metrics, error) {
	serifOnce.Do(func() { serifErr = readFaces(numFaces, serifFaces[:], serifMetrics[:]) })
	return serifMetrics, serifErr
}

// isSerif reports whether logical face f is drawn in Liberation Serif.
func (fs *fontSet) isSerif(f face) bool { return fs.serif && f <= sansBoldItalic }

// use makes a page of logical face f, once per process, for a handout
// to draw with.
func (fs *fontSet) use(f face, page int) usedFont {
	m := fs.m[f]
	if fs.isSerif(f) {
		return usedFont{f + numFaces, page, m.enc.page(page).loadFace(f+numFaces, serifFaces[f-sans].ttf, serifPSNames[f-sans], page, m)}
	}
	return usedFont{f, page, m.enc.page(page).load(f, page, m)}
}

// checkFonts checks the theme's font families.
func (t *Theme) checkFonts(path string, lines map[string]int, l *diag.List) {
	for _, f := range []struct {
		name string
		v    *string
		ok   []string
	}{
		{"fonts.text", &t.Fonts.Text, []string{FamilySans, FamilySerif}},
		{"fonts.code", &t.Fonts.Code, []string{FamilyMono}},
	} {
		if *f.v == "" {
			*f.v = f.ok[0]
			continue
		}
		found := false
		for _, o := range f.ok {
			found = found || *f.v == o
		}
		if !found {
			msg := suggest.Unknown("font family", *f.v, *f.v, f.ok, "; the families are "+strings.Join(f.ok, ", "))
			l.Errorf(path, lines[f.name], "%s: %s", f.name, msg)
		}
	}
}
