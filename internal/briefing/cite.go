package briefing

import "strings"

// CitationSpan is a citation found in a run of text: s[Start:End] is the
// whole of it, brackets included, such as "(3, 5)".
type CitationSpan struct {
	Start, End int
	Nums       []int // every item it cites, ranges expanded
}

// Citations finds the citations in a run of text the way the parser does
// ("(N)", "(N, M)", "(N-M)"), for writers that link a citation to its
// further reading item. It does not check that the items exist.
func Citations(s string) []CitationSpan {
	if strings.IndexByte(s, '(') < 0 {
		return nil // most runs of text: no copy of them to look at
	}
	var out []CitationSpan
	b := []byte(s)
	for i := 0; i < len(b); i++ {
		if b[i] != '(' {
			continue
		}
		if cit, n := readCitation(b[i:]); n > 0 && cit.Bad == "" {
			out = append(out, CitationSpan{Start: i, End: i + n, Nums: cit.Nums})
			i += n - 1
		}
	}
	return out
}
