package build

import "handouts/internal/diag"

// staleWhy says why a stale handout's earlier version was kept: the
// briefing's errors, or a failure to write the new one (a full disk, a
// read-only folder), which is no fault of the briefing.
func staleWhy(it *Item, o Output) string {
	for _, d := range it.Diags {
		if d.Severity == diag.Error && d.Path == o.Path {
			return "the earlier handout is kept, as the new one could not be written"
		}
	}
	return "kept from an earlier build, as " + shown(it.Source) + " has errors"
}
