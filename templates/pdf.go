package templates

import _ "embed"

// PDFTheme is the default look of the print handouts: page margins, type
// sizes, colours and spacing, read by internal/pdf. A project's templates
// folder may hold pdf/theme.yaml to change it; keys it leaves out keep
// these values.
//
//go:embed pdf/theme.yaml
var PDFTheme []byte
