package pdf

import (
	"fmt"
	"strings"
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/handout"
)

// TestNoWastedLastPage lays out the examples and a corpus of briefings
// from half a page to four pages of content, with and without an
// adapter, on A4 and letter, and checks that no last page holds the
// closing panel alone or fewer than five rows of content before it,
// and that no handout has more pages than its tightest layout within
// the bounds.
func TestNoWastedLastPage(t *testing.T) {
	docs := examplesAndCorpus(t)
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	fitted, most := 0, 0
	for _, name := range bt.Names(docs) {
		d := docs[name]
		for _, paper := range []string{"a4", "letter"} {
			for _, adapter := range []string{"", "Mid Cheshire Library Service"} {
				what := fmt.Sprintf("%s on %s, adapted by %q", name, paper, adapter)
				o := Options{Paper: paper, Handout: handout.Options{AdaptedBy: adapter}}
				l, pages, err := layOut(d, o)
				if err != nil {
					t.Fatal(err)
				}
				most = max(most, len(pages))
				pp, _ := paperOf(paper)
				h := handout.New(d, o.Handout)
				_, plain, err := layOutWith(d, h, pp, th, ms, Options{})
				if err != nil {
					t.Fatal(err)
				}
				_, tight, err := layOutWith(d, h, pp, tighten(th, fitSteps), ms, Options{})
				if err != nil {
					t.Fatal(err)
				}
				if len(pages) > len(tight) {
					t.Errorf("%s: %d pages, where the tightest layout allowed takes %d", what, len(pages), len(tight))
				}
				if len(pages) < len(plain) {
					fitted++
				}
				line, space, err := Tightening(d, o)
				if err != nil {
					t.Fatal(err)
				}
				if tightened := line < 1 || space < 1; tightened != (len(pages) < len(plain)) || line > 1 || space > 1 {
					t.Errorf("%s: Tightening = %.3f, %.3f; the layout takes %d pages, untightened %d", what, line, space, len(pages), len(plain))
				}
				if len(pages) == 1 {
					continue
				}
				// The rows of content on the last page: those before the
				// closing panel's heading.
				about := -1
				for i, r := range l.rows {
					if strings.TrimSpace(rowText(r)) == h.AboutHeading {
						about = i
					}
				}
				if about < 0 {
					t.Fatalf("%s: no %q heading", what, h.AboutHeading)
				}
				content := 0
				for _, i := range pages[len(pages)-1].rows {
					if i >= 0 && i < about {
						content++
					}
				}
				if content < panelKeep {
					t.Errorf("%s: the last page holds %d rows of content before the panel; want at least %d", what, content, panelKeep)
				}
			}
		}
	}
	t.Logf("%d layouts fitted onto fewer pages; up to %d pages", fitted, most)
	if fitted == 0 {
		t.Error("no layout was fitted onto a page fewer: the corpus does not test fitting")
	}
	if most < 4 {
		t.Errorf("the longest handout is %d pages; the corpus should reach four", most)
	}
}

// TestMightFitBounds: whenever mightFit says a tightening step cannot
// take a handout onto n pages, that step's layout takes more, for the
// examples and a corpus of briefings, on both papers, with and without
// an adapter and QR codes; and fit, which lays out only the steps that
// might, chooses what trying every step chooses.
func TestMightFitBounds(t *testing.T) {
	docs := examplesAndCorpus(t)
	th, err := DefaultTheme()
	if err != nil {
		t.Fatal(err)
	}
	ms, err := faceMetrics()
	if err != nil {
		t.Fatal(err)
	}
	pruned, tried := 0, 0
	for _, name := range bt.Names(docs) {
		d := docs[name]
		for _, paper := range []string{"a4", "letter"} {
			for _, o := range []Options{{Paper: paper}, {Paper: paper, QR: true, Handout: handout.Options{AdaptedBy: "Mid Cheshire Library Service"}}} {
				pp, _ := paperOf(paper)
				h := handout.New(d, o.Handout)
				lay := func(th *Theme) (*layouter, []page, error) { return layOutWith(d, h, pp, th, ms, o) }
				l, pages, err := lay(th)
				if err != nil {
					t.Fatal(err)
				}
				if len(pages) < 2 {
					continue
				}
				steps := make([][]page, fitSteps+1)
				for s := 1; s <= fitSteps; s++ {
					if _, steps[s], err = lay(tighten(th, s)); err != nil {
						t.Fatal(err)
					}
				}
				for n := 1; n < len(pages); n++ {
					for s := 1; s < fitSteps; s++ {
						tried++
						if !mightFit(l, th, s, n) {
							pruned++
							if len(steps[s]) <= n {
								t.Errorf("%s on %s: step %d takes %d pages, but mightFit says it cannot take %d", name, paper, s, len(steps[s]), n)
							}
						}
					}
				}
				// What trying every step chooses.
				want := th
				if tp := steps[fitSteps]; len(tp) < len(pages) && mightSave(l, pages, th) {
					want = tighten(th, fitSteps)
					for s := 1; s < fitSteps; s++ {
						if len(steps[s]) == len(tp) {
							want = tighten(th, s)
							break
						}
					}
				}
				if fl, _, err := fit(th, lay); err != nil || *fl.th != *want {
					t.Errorf("%s on %s: fit chose line height %.3f, trying every step %.3f (%v)", name, paper, fl.th.LineHeight, want.LineHeight, err)
				}
			}
		}
	}
	if pruned == 0 || pruned == tried {
		t.Errorf("mightFit ruled out %d of %d steps: the test shows nothing", pruned, tried)
	}
	t.Logf("mightFit ruled out %d of %d steps", pruned, tried)
}

// examplesAndCorpus are the examples and a corpus of forty briefings,
// by name: what the tightening tests lay out.
func examplesAndCorpus(t *testing.T) map[string]*briefing.Document {
	docs := map[string]*briefing.Document{}
	for name, d := range bt.Examples(t) {
		docs[name] = d
	}
	for _, d := range bt.Corpus(40) {
		docs[d.Name] = d
	}
	return docs
}
