package briefing

import "testing"

// benchBriefing is a briefing of the usual size: a policy briefing of
// about two pages with lists, a table, citations and a footnote.
const benchBriefing = `---
title: Making sense of integrated care systems
subtitle: ICSs, ICPs and ACOs in the NHS in England
kind: policy-briefing
producer: JET Library, Mid Cheshire Hospitals NHS Foundation Trust
source: King's Fund
link: https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems
format: Long read
published: 2018-02
updated: 2018-02
review: 2018-05
responsible: VT
audience:
  - LKS staff and their wider organisations
tags: [integrated care, accountable care]
---

## Impact on library policy/practice

- Library teams may be asked to support staff who move between organisations
  as services join up; plan how "shared" users will reach the collection (1).
- Evidence searches on population health will grow -- be ready for them.
- Partnerships across a system may mean shared licences and shared spaces.

## Summary of driver

Integrated care systems bring together NHS providers and commissioners, often
with local authorities, to take shared responsibility for the health of a
defined population (1, 2). The long read explains the terms in use and how
they relate to each other.[^terms]

## Key features of driver

1. Systems vary widely in size and maturity.
2. Partnerships are voluntary:
   - there is no new legal entity;
   - existing duties of each body remain.
3. Financial arrangements are still being worked out (3).

| Term | Meaning | Scale |
|:-----|:--------|------:|
| ICS  | Integrated care system | region |
| ICP  | Integrated care partnership | place |
| ACO  | Accountable care organisation | contract |

## What are the challenges involved?

> Working across organisational boundaries takes time, and trust has to be
> earned before it can be relied on.

Leaders will need to balance the priorities of their own organisation with
those of the wider system, which is *not* always easy (2--3).

## Further reading

1. King's Fund (2016) Accountable care organisations explained. https://www.kingsfund.org.uk/publications/accountable-care-organisations-explained
2. King's Fund (2018) Making sense of integrated care systems. https://www.kingsfund.org.uk/publications/making-sense-integrated-care-systems
3. Nuffield Trust (2016) Accountable care organisations: the winners and losers. https://www.nuffieldtrust.org.uk/

[^terms]: The terms changed several times in 2017 and 2018.
`

func TestBenchBriefingIsValid(t *testing.T) {
	_, diags := Parse("bench.md", []byte(benchBriefing), Options{})
	for _, d := range diags {
		t.Errorf("%s", d)
	}
}

// BenchmarkParse measures reading and checking one realistic briefing.
func BenchmarkParse(b *testing.B) {
	src := []byte(benchBriefing)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, diags := Parse("bench.md", src, Options{}); diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
