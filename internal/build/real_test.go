package build

import (
	"context"
	"fmt"
	"testing"
)

// realBriefing is a valid policy briefing that uses most of the format:
// lists, a table, a quote, a footnote, citations, links.
func realBriefing(i int) string {
	return fmt.Sprintf(`---
title: Briefing %[1]d on integrated care
subtitle: Part %[1]d of a series
kind: policy-briefing
producer: Example Library and Knowledge Service
source: The King's Fund
link: https://www.example.org/reports/%[1]d
format: Long read
published: 2018-02
updated: 2018-03
review: 2019-03
responsible: VT
audience:
  - LKS staff
  - Clinical teams
tags: [integrated care, number %[1]d]
---

## Impact on library policy/practice

- Library teams will be asked for evidence on topic %[1]d (1).
  - Nested point with *emphasis* and **strength**.
- Share "current awareness" bulletins -- with partners[^n].

## Summary of driver

The driver says what integrated care systems are (1, 2).

> A quoted sentence from the report.

| Body | Role |
|------|------|
| ICS  | plans care for area %[1]d |

## Further reading

1. The King's Fund (2018) Integrated care explained. https://www.example.org/explained
2. NHS England (2017) Next steps. https://www.example.org/next-steps

[^n]: A footnote with a [link](https://www.example.org/note).
`, i)
}

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
		files[fmt.Sprintf("sources/b%03d.md", i)] = realBriefing(i)
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
		checkConsistent(t, out)
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
