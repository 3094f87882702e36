// Package suggest offers "did you mean" for misspelt names.
package suggest

import (
	"strconv"
	"strings"
)

// Closest returns the candidate nearest to word, or "" when none is close
// enough to be a plausible typo (edit distance at most a third of the
// word's length, and at least 1; transposed letters count as one edit).
func Closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestDist := "", len(w)/3+1
	if bestDist < 2 {
		bestDist = 2
	}
	for _, c := range candidates {
		if d := distance(w, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// distance is the optimal string alignment distance: insertions,
// deletions, substitutions and adjacent transpositions each cost 1.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Unknown is the message for a name that is not one of candidates:
// `unknown key "reveiw"; did you mean "review"?`, or, when none is close
// enough, `unknown key "xyz"` followed by otherwise (such as "; the keys
// are ..."). word is what is compared with the candidates; shown is how
// the message quotes it.
func Unknown(what, shown, word string, candidates []string, otherwise string) string {
	msg := "unknown " + what + " " + strconv.Quote(shown)
	if s := Closest(word, candidates); s != "" {
		return msg + "; did you mean " + strconv.Quote(s) + "?"
	}
	return msg + otherwise
}
