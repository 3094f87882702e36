// Package review works out which briefings are due for review: one entry
// per briefing with its dates, the person responsible and a state, and
// the table, CSV and JSON forms `handouts status` prints.
package review

import (
	"cmp"
	"slices"

	"handouts/internal/briefing"
)

// State is where a briefing stands against its review date.
type State string

const (
	Overdue State = "overdue" // the review date has passed
	Due     State = "due"     // due within the warning window
	OK      State = "ok"      // not due yet
	Error   State = "error"   // the briefing could not be read well enough to tell
	Draft   State = "draft"   // still being written: not yet due for anything
)

// DefaultWithin is the default warning window in days.
const DefaultWithin = 30

// Entry is one briefing's review status.
type Entry struct {
	Path        string
	Title       string
	Kind        briefing.Kind
	Updated     briefing.Date
	Review      briefing.Date
	Responsible string
	State       State
	// Days is the number of days from today to the last day the review
	// date covers: negative when overdue. Meaningless in state Error.
	Days int
	// Problem says why the state is Error.
	Problem string
}

// StateOf compares a review date with today (a full date). A review date
// given as a month or a year is due by its last day: "2018-05" is overdue
// from 1 June 2018. within is the warning window in days.
func StateOf(review, today briefing.Date, within int) (State, int) {
	days := int((review.Last().Time().Unix() - today.Time().Unix()) / 86400)
	switch {
	case days < 0:
		return Overdue, days
	case days <= within:
		return Due, days
	}
	return OK, days
}

// New makes the entry of a briefing from its metadata. A missing review
// date puts it in state Error.
func New(path string, m briefing.Meta, today briefing.Date, within int) Entry {
	e := Entry{
		Path:        path,
		Title:       m.Title,
		Kind:        m.Kind,
		Updated:     m.Updated,
		Review:      m.Review,
		Responsible: m.Responsible,
	}
	if e.Kind == "" {
		e.Kind = briefing.PolicyBriefing
	}
	if m.Draft {
		// A draft has not been handed out, so its review is not due;
		// the days still say how far away its review date is.
		e.State = Draft
		if !m.Review.IsZero() {
			_, e.Days = StateOf(m.Review, today, within)
		}
		return e
	}
	if m.Review.IsZero() {
		e.State, e.Problem = Error, "no review date"
		return e
	}
	e.State, e.Days = StateOf(m.Review, today, within)
	return e
}

// Failed makes the entry of a briefing that could not be read.
func Failed(path, problem string) Entry {
	return Entry{Path: path, State: Error, Problem: problem}
}

// Sort orders entries by review date, soonest first, then by path;
// entries without a review date come last.
func Sort(es []Entry) {
	slices.SortStableFunc(es, func(a, b Entry) int {
		az, bz := a.Review.IsZero(), b.Review.IsZero()
		if az != bz {
			if az {
				return 1
			}
			return -1
		}
		if !az {
			if c := a.Review.Last().Compare(b.Review.Last()); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Path, b.Path)
	})
}

// Count returns how many entries are in state s.
func Count(es []Entry, s State) int {
	n := 0
	for _, e := range es {
		if e.State == s {
			n++
		}
	}
	return n
}
