package build

import (
	"context"
	"fmt"
	"testing"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
)

// TestParallelBuildOfRealBriefings builds 200 briefings with the real
// parser and writers, serially and with 8 jobs (run it with -race), and
// compares the folders byte for byte.
func TestParallelBuildOfRealBriefings(t *testing.T) {
	n := 200
	if testing.Short() {
		n = 20
	}
	files := map[string]string{}
	for i := range n {
		files[fmt.Sprintf("sources/b%03d.md", i)] = bt.Markdown(i)
	}
	project(t, files)
	var outs [2]map[string]string
	for k, jobs := range []int{1, 8} {
		out := fmt.Sprint("out", jobs)
		res, err := Run(context.Background(), Options{Out: out, Jobs: jobs})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range res.Items {
			for _, d := range it.Diags {
				t.Errorf("--jobs %d: %s", jobs, d)
			}
		}
		if c := res.Counts(); c.Built != n || !res.OK() {
			t.Fatalf("--jobs %d: %+v", jobs, c)
		}
		outs[k] = tree(t, out)
		buildtest.CheckConsistent(t, out)
	}
	if len(outs[0]) != 2*n+2 || len(outs[1]) != len(outs[0]) {
		t.Fatalf("%d and %d files", len(outs[0]), len(outs[1]))
	}
	for name, data := range outs[0] {
		if outs[1][name] != data {
			t.Errorf("%s differs between --jobs 1 and --jobs 8", name)
		}
	}
}
