package briefingtest

import "fmt"

// Markdown returns the source of a valid policy briefing numbered i, one
// that uses most of the format: lists, a table, a quote, a footnote,
// citations, links. Briefings of different numbers differ in their title,
// link, text and tags.
func Markdown(i int) string {
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
