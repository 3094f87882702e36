package pdf

import "embed"

//go:generate go test -run ^TestPregeneratedCMaps$ -update .

// The ToUnicode map of page 0 (Windows-1252) of each face, the page
// nearly every handout uses, is made ahead of time into fontcmaps/ and
// embedded, as the font pages are (fontpregen.go): writing and
// compressing it was a few per cent of a one-briefing build in a
// process of its own. TestPregeneratedCMaps checks that each file is the
// bytes toUnicode makes now, so they cannot go stale (go generate, or
// the test with -update, rewrites them). Other pages are made when
// first used, as before.

//go:embed fontcmaps
var cmapFS embed.FS

// pregeneratedCMap returns the ToUnicode stream object made ahead of
// time for page 0 of face f; nil when there is none.
func pregeneratedCMap(f face) []byte {
	b, err := cmapFS.ReadFile("fontcmaps/" + family(f, 0) + ".cmap")
	if err != nil {
		return nil
	}
	return b
}
