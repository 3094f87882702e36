package build

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"handouts/internal/build/buildtest"
	"handouts/internal/manifest"
)

// A manifest of millions of tiny entries is within the byte limit but
// beyond the entry limit: the build treats it as damaged, says so once,
// and rebuilds.
func TestManifestOfTooManyEntriesIsDamaged(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	run(t, Options{})
	var b bytes.Buffer
	b.WriteString(`{"version":1,"outputs":{`)
	for i := range manifest.MaxEntries + 1 {
		fmt.Fprintf(&b, `"%d.pdf":{},`, i)
	}
	b.WriteString(`"a.pdf":{}}}`)
	write(t, "out/"+manifest.FileName, b.String())
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md built"})
	if len(res.Diags) != 1 || !strings.Contains(res.Diags[0].String(), "cannot be read (more than 100000 entries)") {
		t.Errorf("diagnostics: %v", res.Diags)
	}
	buildtest.CheckConsistent(t, "out")
}
