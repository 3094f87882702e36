// Package pdf writes a briefing as a print handout with go-pdf/fpdf,
// straight from the document model.
package pdf

import (
	"errors"
	"io"

	"handouts/internal/briefing"
	"handouts/internal/handout"
)

// Options choose the words and the look of a handout.
type Options struct {
	Handout handout.Options
	// Paper is "a4" (the default when empty) or "letter".
	Paper string
	// Theme is the look; nil is the default theme from templates/pdf.
	Theme *Theme
}

// Theme is the look of the print handout: fonts, sizes, colours, spacing.
type Theme struct{}

// Write writes d as a PDF to w. It is safe for concurrent use.
func Write(w io.Writer, d *briefing.Document, o Options) error {
	return errors.New("pdf: not built yet")
}
