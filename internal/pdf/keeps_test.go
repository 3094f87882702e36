package pdf

import (
	"fmt"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

// keepsBriefing has a filler paragraph of n words, then each construct a
// keep is about, so that as n grows every construct falls across the end
// of a page.
func keepsBriefing(n int) *briefing.Document {
	words := func(prefix string, k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = fmt.Sprintf("%s%d", prefix, i%7)
		}
		return strings.Join(w, " ")
	}
	table := &briefing.Table{
		Align:  []briefing.Align{briefing.AlignNone, briefing.AlignNone},
		Header: []briefing.Cell{{bt.Text("Option")}, {bt.Text("How it works")}},
	}
	for i := 0; i < 3; i++ {
		table.Rows = append(table.Rows, []briefing.Cell{{bt.Text(fmt.Sprintf("tablerow%d", i))}, {bt.Text("cell")}})
	}
	var items []*briefing.ListItem
	for i := 0; i < 4; i++ {
		items = append(items, bt.Item(bt.Para(bt.Text(fmt.Sprintf("item%d short", i)))))
	}
	items = append(items, bt.Item(bt.Para(bt.Text("lastitem "+words("x", 80)))))
	d := bt.Minimal(bt.Para(bt.Text("Opening words.")))
	d.Others = append(d.Others,
		&briefing.Section{Heading: "Filler", Blocks: []briefing.Block{bt.Para(bt.Text(words("filler", n)))}},
		&briefing.Section{Heading: "Keepheading", Blocks: []briefing.Block{bt.Para(bt.Text("afterheading " + words("h", 150)))}},
		&briefing.Section{Heading: "Intro table", Blocks: []briefing.Block{
			bt.Para(bt.Text("tableintro " + words("t", 230) + " in three ways:")), table,
		}},
		&briefing.Section{Heading: "Intro list", Blocks: []briefing.Block{
			bt.Para(bt.Text("listintro " + words("l", 230) + " as follows:")), bt.Bullets(items...),
			bt.Para(bt.Text("lastline " + words("p", 150) + " endofpara")),
			bt.Para(bt.Text("Closing words " + words("z", 250))),
		}},
	)
	return d
}

// rowText is the text drawn in a row.
func rowText(r *row) string {
	var b strings.Builder
	for _, o := range r.ops {
		if o.kind == opText {
			b.WriteString(o.text + " ")
		}
	}
	return b.String()
}

// TestKeeps lays out briefings that put each keep across a page end and
// checks, from the text on each page, that it held: a heading with three
// lines after it, a paragraph ending with a colon with its table or list,
// a list's last item with the rest of its list, a paragraph's last line
// with the line before.
func TestKeeps(t *testing.T) {
	exercised := map[string]int{}
	for _, paper := range []string{"a4", "letter"} {
		for n := 100; n <= 2200; n += 9 {
			l, pages, err := layOut(keepsBriefing(n), Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			// Where each row is, and the rows of each page by text.
			pageOf := map[int]int{}
			find := func(s string) int {
				for i, r := range l.rows {
					if strings.Contains(rowText(r), s) {
						return i
					}
				}
				t.Fatalf("%s %d: no row holds %q", paper, n, s)
				return -1
			}
			for p, pg := range pages {
				for _, i := range pg.rows {
					if i >= 0 {
						pageOf[i] = p
					}
				}
			}
			startsPage := func(i int) bool { return i > 0 && pageOf[i] != pageOf[i-1] }
			name := fmt.Sprintf("%s, %d filler words", paper, n)

			// A heading keeps with three lines of what follows.
			h := find("Keepheading")
			for k := 1; k <= 3; k++ {
				if pageOf[h+k] != pageOf[h] {
					t.Errorf("%s: the heading is on page %d, its line %d after on page %d", name, pageOf[h]+1, k, pageOf[h+k]+1)
				}
			}
			if startsPage(h) {
				exercised["heading"]++
			}
			// An introducing paragraph keeps with its table and list.
			for _, c := range []struct{ start, intro, first string }{{"tableintro", "in three ways:", "Option"}, {"listintro", "as follows:", "item0"}} {
				start, end, first := find(c.start), find(c.intro), find(c.first)
				if pageOf[end] != pageOf[first] {
					t.Errorf("%s: %q ends page %d, what it introduces starts page %d", name, c.intro, pageOf[end]+1, pageOf[first]+1)
				}
				if startsPage(start) || startsPage(end) || pageOf[start] != pageOf[end] {
					exercised["colon "+c.first]++
				}
			}
			// The last item of a list never starts a page alone.
			last := find("lastitem")
			if startsPage(last) {
				t.Errorf("%s: the list's last item starts page %d, the rest of the list is on page %d", name, pageOf[last]+1, pageOf[last-1]+1)
			}
			if pageOf[last] != pageOf[find("item0")] {
				exercised["list"]++
			}
			// The last line of a paragraph never starts a page alone.
			end := find("endofpara")
			if startsPage(end) {
				t.Errorf("%s: the paragraph's last line is alone at the top of page %d", name, pageOf[end]+1)
			}
			if pageOf[end] != pageOf[find("lastline")] {
				exercised["last line"]++
			}
		}
	}
	// Each keep must have been put to the test: the construct moved to,
	// or broke across, a new page in some layout.
	t.Logf("layouts testing each keep: %v", exercised)
	for _, k := range []string{"heading", "colon Option", "colon item0", "list", "last line"} {
		if exercised[k] == 0 {
			t.Errorf("no layout tests the %s keep", k)
		}
	}
}
