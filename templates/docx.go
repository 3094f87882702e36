package templates

import "embed"

// Docx holds the default look of the Word handouts: readable
// WordprocessingML parts (styles, numbering, settings, header, footer,
// fonts) that internal/docx fills in. A change to the look is a text diff
// of these files.
//
//go:embed docx
var Docx embed.FS
