package briefing

import (
	"fmt"

	"handouts/internal/diag"
)

// MaxMessages is the most diagnostics reported for one file. A file
// with more (100,000 unknown keys, say) gets the first ones, in file
// order, and one message counting the rest: enough to see what is
// wrong, without megabytes of the same complaint.
const MaxMessages = 100

// capMessages keeps the first MaxMessages diagnostics of l (sorted) and
// says how many more there were. The count is an error when any of the
// rest is, so the file's outcome does not change.
func capMessages(l diag.List) diag.List {
	if len(l) <= MaxMessages {
		return l
	}
	kept, rest := l[:MaxMessages-1:MaxMessages-1], l[MaxMessages-1:]
	sev := diag.Warning
	for _, d := range rest {
		if d.Severity == diag.Error {
			sev = diag.Error
			break
		}
	}
	return append(kept, diag.Diagnostic{Path: rest[0].Path, Line: rest[0].Line, Severity: sev,
		Message: fmt.Sprintf("%d more problems from this line on, not shown; put right those above and check again", len(rest))})
}
