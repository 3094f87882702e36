package review

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"handouts/internal/briefing"
)

// Width is the terminal width the table fits.
const Width = 80

// kindShort names a kind in the narrow table.
func kindShort(k briefing.Kind) string {
	if k == briefing.HotTopic {
		return "hot topic"
	}
	return "policy"
}

// WriteTable prints the entries as a table at most width columns wide:
// review date, state, updated, kind, responsible (cut to 10
// characters), then the title, cut with an ellipsis to fit. A briefing in error shows its path for a
// title.
func WriteTable(w io.Writer, es []Entry, width int) error {
	header := []string{"REVIEW", "STATE", "UPDATED", "KIND", "WHO", "TITLE"}
	rows := [][]string{header}
	for _, e := range es {
		title := e.Title
		if e.State == Error || title == "" {
			title = e.Path
		}
		rows = append(rows, []string{
			dash(e.Review.ISO()), string(e.State), dash(e.Updated.ISO()),
			kindShort(e.Kind), dash(e.Responsible), title,
		})
		if e.State == Error {
			rows[len(rows)-1][3] = "-"
		}
	}
	// The fixed columns are as wide as their widest cell; WHO is capped so
	// that a long name cannot squeeze the title out.
	caps := []int{10, 7, 10, 9, 10}
	widths := make([]int, len(caps))
	for _, r := range rows {
		for i := range caps {
			widths[i] = max(widths[i], min(utf8.RuneCountInString(r[i]), caps[i]))
		}
	}
	used := 0
	for _, wd := range widths {
		used += wd + 2
	}
	titleWidth := max(width-used, 10)
	var b strings.Builder
	for _, r := range rows {
		for i, wd := range widths {
			cell := fit(r[i], wd)
			b.WriteString(cell)
			b.WriteString(strings.Repeat(" ", wd-utf8.RuneCountInString(cell)+2))
		}
		b.WriteString(fit(r[5], titleWidth))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// fit cuts s to n characters, ending with an ellipsis when cut.
func fit(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ") + "…"
}

// CSVHeader is the first line of the CSV output.
var CSVHeader = []string{"path", "title", "kind", "updated", "review", "responsible", "state", "days", "problem"}

// WriteCSV prints the entries as CSV (RFC 4180) with a header line;
// dates are ISO 8601 as written (2018, 2018-05, 2018-05-14).
func WriteCSV(w io.Writer, es []Entry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, e := range es {
		days := ""
		if e.State != Error {
			days = strconv.Itoa(e.Days)
		}
		kind := string(e.Kind)
		if err := cw.Write([]string{e.Path, e.Title, kind, e.Updated.ISO(), e.Review.ISO(),
			e.Responsible, string(e.State), days, e.Problem}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

type jsonEntry struct {
	Path        string `json:"path"`
	Title       string `json:"title,omitempty"`
	Kind        string `json:"kind,omitempty"`
	Updated     string `json:"updated,omitempty"`
	Review      string `json:"review,omitempty"`
	Responsible string `json:"responsible,omitempty"`
	State       State  `json:"state"`
	Days        *int   `json:"days,omitempty"`
	Problem     string `json:"problem,omitempty"`
}

// WriteJSON prints the entries as a JSON array, one object per briefing.
func WriteJSON(w io.Writer, es []Entry) error {
	out := make([]jsonEntry, 0, len(es))
	for _, e := range es {
		j := jsonEntry{Path: e.Path, Title: e.Title, Kind: string(e.Kind), Updated: e.Updated.ISO(),
			Review: e.Review.ISO(), Responsible: e.Responsible, State: e.State, Problem: e.Problem}
		if e.State != Error {
			d := e.Days
			j.Days = &d
		}
		out = append(out, j)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
