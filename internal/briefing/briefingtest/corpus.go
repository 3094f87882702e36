package briefingtest

import (
	"fmt"
	"strings"

	"handouts/internal/briefing"
)

// Corpus returns n briefings of growing length, from a few paragraphs to
// about four printed pages of content (at n = 40), mixing paragraphs,
// lists introduced by a colon, tables, subheadings and notes as real
// briefings do. The same n gives the same briefings.
func Corpus(n int) []*briefing.Document {
	docs := make([]*briefing.Document, n)
	for i := range docs {
		docs[i] = corpusBriefing(i, 2+i)
	}
	return docs
}

// corpusBriefing has about blocks blocks of content, seeded by i.
func corpusBriefing(i, blocks int) *briefing.Document {
	seed := uint32(i*7919 + 17)
	rnd := func(n int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>16) % n
	}
	words := []string{"library", "evidence", "care", "system", "staff", "services", "knowledge", "policy", "local", "national", "integrated", "commissioners", "partnership", "population", "health"}
	sentence := func(n int) string {
		w := make([]string, n)
		for k := range w {
			w[k] = words[rnd(len(words))]
		}
		s := strings.Join(w, " ")
		return strings.ToUpper(s[:1]) + s[1:]
	}
	paragraph := func() *briefing.Paragraph {
		var ss []string
		for k := 1 + rnd(4); k > 0; k-- {
			ss = append(ss, sentence(6+rnd(18))+".")
		}
		return Para(Text(strings.Join(ss, " ")))
	}
	d := Minimal()
	d.Name = fmt.Sprintf("corpus-%02d", i)
	d.Meta.Title = fmt.Sprintf("Corpus briefing %d: %s", i, sentence(5))
	d.Meta.Audience = []string{"LKS staff and their wider organisations", "Managers, commissioners and transformation teams"}
	d.Meta.Producer = "JET Library, Mid Cheshire Hospitals NHS Foundation Trust"
	sections := []*briefing.Section{d.Impact}
	for k := 1; k < 1+blocks/8; k++ {
		s := &briefing.Section{Heading: fmt.Sprintf("Section %d: %s", k, sentence(3))}
		sections = append(sections, s)
		d.Others = append(d.Others, s)
	}
	for b := 0; b < blocks; b++ {
		s := sections[b*len(sections)/blocks]
		switch r := rnd(10); {
		case r < 5:
			s.Blocks = append(s.Blocks, paragraph())
		case r < 7:
			var items []*briefing.ListItem
			for k := 2 + rnd(5); k > 0; k-- {
				items = append(items, Item(Para(Text(sentence(4+rnd(25))+"."))))
			}
			s.Blocks = append(s.Blocks, Para(Text(sentence(8)+" as follows:")), &briefing.List{Ordered: rnd(2) == 0, Start: 1, Items: items})
		case r < 8:
			t := &briefing.Table{
				Align:  []briefing.Align{briefing.AlignNone, briefing.AlignNone, briefing.AlignNone},
				Header: []briefing.Cell{{Text("Step")}, {Text("What it asks of organisations")}, {Text("What the library can offer")}},
			}
			for k := 2 + rnd(4); k > 0; k-- {
				t.Rows = append(t.Rows, []briefing.Cell{{Text(sentence(1))}, {Text(sentence(3 + rnd(12)))}, {Text(sentence(3 + rnd(10)))}})
			}
			s.Blocks = append(s.Blocks, Para(Text(sentence(8)+" in three ways:")), t)
		case r < 9:
			s.Blocks = append(s.Blocks, &briefing.Heading{Level: 3, Inlines: []briefing.Inline{Text(sentence(4))}}, paragraph())
		default:
			s.Blocks = append(s.Blocks, Bullets(Item(Para(Text(sentence(10)+"."))), Item(Para(Text(sentence(12)+".")))))
		}
	}
	return d
}
