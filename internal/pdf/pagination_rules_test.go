package pdf

import (
	"fmt"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

// paginationCases are briefings whose headings fall at every height of a
// page: the long one, and sections of one to four lines after runs of
// filler of every length.
func paginationCases() map[string]*briefing.Document {
	cases := map[string]*briefing.Document{"long": longBriefing()}
	for fill := 30; fill <= 60; fill += 3 {
		d := bt.Minimal(bt.Para(bt.Text("Opening.")))
		for s := range 12 {
			sec := &briefing.Section{Heading: fmt.Sprintf("Heading %d", s+1)}
			for range fill / 10 {
				sec.Blocks = append(sec.Blocks, bt.Para(bt.Text(fmt.Sprintf("Filler line of section %d, long enough to need a line or two on the page when set in the body type of the handout.", s))))
			}
			sec.Blocks = append(sec.Blocks, &briefing.Heading{Level: 3, Inlines: []briefing.Inline{bt.Text("A subheading")}},
				bt.Para(bt.Text("One short line.")))
			d.Others = append(d.Others, sec)
		}
		cases[fmt.Sprintf("fill %d", fill)] = d
	}
	return cases
}

// A heading is followed on its page by at least two rows of its content
// (or all of it, when it has fewer), never left at the foot of a page
// with one line under it.
func TestHeadingKeepsTwoRowsOfContent(t *testing.T) {
	for name, d := range paginationCases() {
		for _, paper := range []string{"a4", "letter"} {
			l, pages, err := layOut(d, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			for n, p := range pages {
				for k, idx := range p.rows {
					if idx < 0 || !l.rows[idx].heading {
						continue
					}
					// Its content: the rows after it up to the next heading.
					content := 0
					for j := idx + 1; j < len(l.rows) && !l.rows[j].heading && content < 2; j++ {
						content++
					}
					onPage := 0
					for _, j := range p.rows[k+1:] {
						if j < 0 {
							continue
						}
						if l.rows[j].heading {
							if onPage > 0 {
								break
							}
							continue // a heading right under it keeps with it
						}
						onPage++
					}
					if onPage < content {
						t.Errorf("%s, %s: page %d: heading row %d is followed by %d rows of its content on the page, want %d", name, paper, n+1, idx, onPage, content)
					}
				}
			}
		}
	}
}

// Nothing of the body is drawn below the bottom margin (nor above the top
// one): the footer alone lives there.
func TestNothingBelowTheBottomMargin(t *testing.T) {
	for name, d := range paginationCases() {
		for _, paper := range []string{"a4", "letter"} {
			l, pages, err := layOut(d, Options{Paper: paper})
			if err != nil {
				t.Fatal(err)
			}
			top := l.th.Margins.Top * mm
			bottom := l.paper.h - l.th.Margins.Bottom*mm
			const eps = 0.01
			drawn := 0
			for n, p := range pages {
				for _, o := range p.ops {
					low, high := o.y, o.y
					switch o.kind {
					case opRect, opLink:
						high = o.y + o.h
					case opLine:
						low, high = min(o.y, o.y+o.h), max(o.y, o.y+o.h)
					case opText:
						// y is the baseline; the descenders stay within
						// the line, whose foot is above the margin.
						high = o.y
					default:
						continue
					}
					drawn++
					if high > bottom+eps || low < top-o.st.size-eps {
						t.Errorf("%s, %s: page %d: %v op %q from %.2f to %.2f, outside %.2f–%.2f", name, paper, n+1, o.kind, o.text, low, high, top, bottom)
					}
				}
			}
			if drawn == 0 {
				t.Fatalf("%s: nothing drawn", name)
			}
		}
	}
}
