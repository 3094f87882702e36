package docx

import (
	"crypto/sha256"
	"encoding/hex"
)

//go:generate go test -run ^TestCheckedDefaultParts$ -update .

// The parts of the default template (templates/docx) are checked to be
// well-formed XML, and its styles read, in every process that writes a
// Word handout: a twentieth of a one-briefing build. They are checked
// ahead of time instead, into checkeddefaults_gen.go, which holds the
// SHA-256 of each part that passed and the styles read from styles.xml.
// A part is trusted only if it is those very bytes; a template edited
// since is checked and read at run time, as before.
// TestCheckedDefaultParts checks the file is what the checks make now
// (go generate, or the test with -update, rewrites it).

// defaultParts are the parts of templates/docx that buildDefault reads.
var defaultParts = []string{"styles.xml", "numbering.xml", "settings.xml", "header.xml", "footer.xml", "fontTable.xml", "sectPr.xml"}

// checkedDefault is the record of one default part checked ahead of
// time.
type checkedDefault struct {
	name, sum string // file name in templates/docx, SHA-256 in hex
}

// checkedDerived is what buildDefault makes of the default parts
// besides the parts themselves (deriveDefaults), made ahead of time
// too: its nine regular expressions and the reading of the header and
// footer cost every process that wrote a Word handout.
type checkedDerived struct {
	sectPr                string
	header, footer        string
	textWidth, textHeight int
}

// checkedStyle is one style read ahead of time from the default
// styles.xml; raw is styles.xml[start:end].
type checkedStyle struct {
	id, typ, name string
	start, end    int
}

// checkedPart reports whether data is the default part name as checked
// ahead of time.
func checkedPart(name string, data []byte) bool {
	for _, c := range checkedDefaults {
		if c.name == name {
			sum := sha256.Sum256(data)
			return c.sum == hex.EncodeToString(sum[:])
		}
	}
	return false
}

// checkedStyleDefs returns the styles read ahead of time from styles,
// the default styles.xml; nil if styles are not the bytes checked.
func checkedStyleDefs(styles []byte) []styleDef {
	if !checkedPart("styles.xml", styles) {
		return nil
	}
	out := make([]styleDef, len(checkedStyles))
	for i, s := range checkedStyles {
		out[i] = styleDef{id: s.id, typ: s.typ, name: s.name, raw: string(styles[s.start:s.end])}
	}
	return out
}
