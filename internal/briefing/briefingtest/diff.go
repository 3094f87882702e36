package briefingtest

import (
	"strconv"
	"strings"
)

// DiffLines shows the first ten lines at which a handout's text differs
// from its golden file, each as its number, the line wanted and the line
// got, for a test's failure message.
func DiffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	if shown == 0 && want != got {
		return "(the texts differ only in empty lines at the end)"
	}
	return b.String()
}
