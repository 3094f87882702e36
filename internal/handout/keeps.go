package handout

import (
	"strings"

	"handouts/internal/briefing"
)

// Introduces reports whether block b, a paragraph ending with a colon,
// introduces next, a list or table: "…in three ways:" then the table.
// A list whose last item ends with such a paragraph introduces what
// follows it too (a table after a list of points). Both writers keep
// such a paragraph on the page of what it introduces.
func Introduces(b, next briefing.Block) bool {
	switch next.(type) {
	case *briefing.List, *briefing.Table:
	default:
		return false
	}
	for depth := 0; depth < maxIntroDepth; depth++ {
		switch n := b.(type) {
		case *briefing.Paragraph:
			return strings.HasSuffix(strings.TrimSpace(briefing.PlainText(n.Inlines)), ":")
		case *briefing.List:
			if len(n.Items) == 0 {
				return false
			}
			bs := n.Items[len(n.Items)-1].Blocks
			if len(bs) == 0 {
				return false
			}
			b = bs[len(bs)-1]
		default:
			return false
		}
	}
	return false
}

// maxIntroDepth bounds the lists looked into for an introduction.
const maxIntroDepth = 64
