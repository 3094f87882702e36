package review

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

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
			widths[i] = max(widths[i], min(Columns(r[i]), caps[i]))
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
			b.WriteString(strings.Repeat(" ", wd-Columns(cell)+2))
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

// fit cuts s to at most n columns of a terminal, ending with an ellipsis
// when cut.
func fit(s string, n int) string {
	if Columns(s) <= n {
		return s
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := runeColumns(r)
		if used+w > n-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// Columns is how many columns of a terminal s takes: two for a wide
// character (Chinese, Japanese, Korean, most emoji), none for a combining
// mark or a format character, one for any other.
func Columns(s string) int {
	n := 0
	for _, r := range s {
		n += runeColumns(r)
	}
	return n
}

// wide are the ranges of East Asian wide and full-width characters and
// of the emoji shown two columns wide.
var wide = [][2]rune{
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
	{0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	{0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF},
	{0xFE10, 0xFE19}, {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
	{0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF},
	{0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F2FF}, {0x1F300, 0x1F320},
	{0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
	{0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E},
	{0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
	{0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC},
	{0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
	{0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
}

func runeColumns(r rune) int {
	if r < 0x300 {
		return 1
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	lo, hi := 0, len(wide)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < wide[m][0]:
			hi = m
		case r > wide[m][1]:
			lo = m + 1
		default:
			return 2
		}
	}
	return 1
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
		if e.State != Error && !e.Review.IsZero() {
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
		if e.State != Error && !e.Review.IsZero() {
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
