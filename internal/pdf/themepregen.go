package pdf

import (
	"crypto/sha256"
	"encoding/hex"

	"handouts/templates"
)

//go:generate go test -run ^TestPregeneratedTheme$ -update .

// The built-in theme, templates/pdf/theme.yaml, was parsed as YAML and
// checked in every process that wrote a PDF. It is read ahead of time
// instead, into themepregen_gen.go: the theme as Go assignments, with the
// SHA-256 of the YAML it was read from, and used only while the embedded
// YAML is those very bytes (else it is parsed as before).
// TestPregeneratedTheme checks the file is what ParseTheme reads now
// (go generate, or the test with -update, rewrites it).

// pregeneratedDefaultTheme returns the built-in theme read ahead of
// time, or nil if the embedded YAML is not the one it was read from.
func pregeneratedDefaultTheme() *Theme {
	sum := sha256.Sum256(templates.PDFTheme)
	if hex.EncodeToString(sum[:]) != pregenThemeSum {
		return nil
	}
	return pregenTheme()
}
