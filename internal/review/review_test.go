package review

import (
	"bytes"
	"strings"
	"testing"

	"handouts/internal/briefing"
)

func d(s string) briefing.Date {
	t, err := briefing.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestStateOf(t *testing.T) {
	tests := []struct {
		review, today string
		within        int
		state         State
		days          int
	}{
		{"2026-11-25", "2026-11-25", 30, Due, 0},
		{"2026-11-24", "2026-11-25", 30, Overdue, -1},
		{"2026-12-25", "2026-11-25", 30, Due, 30},
		{"2026-12-26", "2026-11-25", 30, OK, 31},
		{"2026-12-26", "2026-11-25", 31, Due, 31},
		{"2026-12-26", "2026-11-25", 0, OK, 31},
		{"2026-11-25", "2026-11-25", 0, Due, 0},
		// A month is due by its last day.
		{"2026-11", "2026-11-30", 30, Due, 0},
		{"2026-11", "2026-12-01", 30, Overdue, -1},
		{"2018-05", "2026-11-25", 30, Overdue, -3100},
		// A year by 31 December.
		{"2026", "2026-11-25", 30, OK, 36},
		{"2026", "2027-01-01", 30, Overdue, -1},
		// Across a leap day.
		{"2028-03-01", "2028-02-28", 30, Due, 2},
		// Far apart dates do not overflow.
		{"2999", "1900-01-01", 30, OK, 401766},
	}
	for _, tt := range tests {
		state, days := StateOf(d(tt.review), d(tt.today), tt.within)
		if state != tt.state || days != tt.days {
			t.Errorf("StateOf(%s, today %s, within %d) = %s, %d; want %s, %d",
				tt.review, tt.today, tt.within, state, days, tt.state, tt.days)
		}
	}
}

func TestNewWithoutReviewDate(t *testing.T) {
	e := New("sources/a.md", briefing.Meta{Title: "A"}, d("2026-11-25"), 30)
	if e.State != Error || e.Problem != "no review date" || e.Kind != briefing.PolicyBriefing {
		t.Errorf("got %+v", e)
	}
}

func sample() []Entry {
	today := d("2026-11-25")
	es := []Entry{
		New("sources/c.md", briefing.Meta{Title: "Contracting for integrated care: the three approaches compared for library staff",
			Kind: briefing.PolicyBriefing, Updated: d("2026-01"), Review: d("2027-01"), Responsible: "VT"}, today, 30),
		New("sources/b.md", briefing.Meta{Title: "Accountable care organisations", Kind: briefing.HotTopic,
			Updated: d("2025-06"), Review: d("2026-06"), Responsible: "JS"}, today, 30),
		Failed("sources/broken.md", "sources/broken.md:3: unterminated front matter"),
		New("sources/a.md", briefing.Meta{Title: "Integrated care systems", Updated: d("2026-11-01"),
			Review: d("2026-12-10"), Responsible: "Victoria Treadway, clinical librarian"}, today, 30),
		New("sources/d.md", briefing.Meta{Title: "Same date as a", Updated: d("2026-11-01"),
			Review: d("2026-12-10"), Responsible: "AB"}, today, 30),
	}
	Sort(es)
	return es
}

func TestSort(t *testing.T) {
	var got []string
	for _, e := range sample() {
		got = append(got, e.Path)
	}
	want := "sources/b.md sources/a.md sources/d.md sources/c.md sources/broken.md"
	if strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

func TestWriteTable(t *testing.T) {
	var b bytes.Buffer
	if err := WriteTable(&b, sample(), Width); err != nil {
		t.Fatal(err)
	}
	want := `REVIEW      STATE    UPDATED     KIND       WHO         TITLE
2026-06     overdue  2025-06     hot topic  JS          Accountable care organi…
2026-12-10  due      2026-11-01  policy     Victoria…   Integrated care systems
2026-12-10  due      2026-11-01  policy     AB          Same date as a
2027-01     ok       2026-01     policy     VT          Contracting for integra…
-           error    -           -          -           sources/broken.md
`
	checkTable(t, b.String(), want)
}

// checkTable compares a table with the one wanted and checks that every
// line fits the terminal.
func checkTable(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("table:\n%s\nwant:\n%s", got, want)
	}
	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if n := Columns(line); n > Width {
			t.Errorf("line is %d columns wide: %q", n, line)
		}
	}
}

// TestWriteTableWideCharacters: a title in Chinese or with emoji takes
// two columns a character on a terminal, a combining accent none; the
// table still fits 80 columns and its columns still line up.
func TestWriteTableWideCharacters(t *testing.T) {
	today := d("2026-11-25")
	es := []Entry{
		New("sources/a.md", briefing.Meta{Title: "综合护理系统：图书馆员需要了解的内容以及对日常工作的影响和建议", Updated: d("2026-01"), Review: d("2027-01"), Responsible: "李明"}, today, 30),
		New("sources/b.md", briefing.Meta{Title: "Staff wellbeing 🩺🧠💬 and the new NHS people plan for library services", Updated: d("2026-01"), Review: d("2027-02"), Responsible: "VT"}, today, 30),
		New("sources/c.md", briefing.Meta{Title: "Cafe\u0301 culture: re\u0301sume\u0301s of the NHS's plans for the coming decade", Updated: d("2026-01"), Review: d("2027-03"), Responsible: "Zoe\u0308"}, today, 30),
	}
	var b bytes.Buffer
	if err := WriteTable(&b, es, Width); err != nil {
		t.Fatal(err)
	}
	want := `REVIEW   STATE  UPDATED  KIND    WHO   TITLE
2027-01  ok     2026-01  policy  李明  综合护理系统：图书馆员需要了解的内容以及…
2027-02  ok     2026-01  policy  VT    Staff wellbeing 🩺🧠💬 and the new NHS p…
` + "2027-03  ok     2026-01  policy  Zoe\u0308   Cafe\u0301 culture: re\u0301sume\u0301s of the NHS's plans…\n"
	checkTable(t, b.String(), want)
}

func TestColumns(t *testing.T) {
	for s, want := range map[string]int{
		"": 0, "abc": 3, "Zoë": 3, "Zoe\u0308": 3, "–…’": 3,
		"李明": 4, "ｈｉ": 4, "한국어": 6, "🩺": 2, "a\u200db": 2,
	} {
		if got := Columns(s); got != want {
			t.Errorf("Columns(%q) = %d; want %d", s, got, want)
		}
	}
	for i := 1; i < len(wide); i++ {
		if wide[i][0] <= wide[i-1][1] || wide[i][0] > wide[i][1] {
			t.Errorf("wide ranges out of order at %d: %x", i, wide[i])
		}
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample()[3:]); err != nil {
		t.Fatal(err)
	}
	want := `path,title,kind,updated,review,responsible,state,days,problem
sources/c.md,Contracting for integrated care: the three approaches compared for library staff,policy-briefing,2026-01,2027-01,VT,ok,67,
sources/broken.md,,,,,,error,,sources/broken.md:3: unterminated front matter
`
	if b.String() != want {
		t.Errorf("csv:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, sample()[3:]); err != nil {
		t.Fatal(err)
	}
	want := `[
  {
    "path": "sources/c.md",
    "title": "Contracting for integrated care: the three approaches compared for library staff",
    "kind": "policy-briefing",
    "updated": "2026-01",
    "review": "2027-01",
    "responsible": "VT",
    "state": "ok",
    "days": 67
  },
  {
    "path": "sources/broken.md",
    "state": "error",
    "problem": "sources/broken.md:3: unterminated front matter"
  }
]
`
	if b.String() != want {
		t.Errorf("json:\n%s\nwant:\n%s", b.String(), want)
	}
	var empty bytes.Buffer
	if err := WriteJSON(&empty, nil); err != nil || empty.String() != "[]\n" {
		t.Errorf("no entries: %q, %v", empty.String(), err)
	}
}

func TestFit(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"eleven chars", 10, "eleven ch…"},
		{"Café société", 6, "Café…"},
		{"ab cd", 4, "ab…"},
	} {
		if got := fit(tt.s, tt.n); got != tt.want {
			t.Errorf("fit(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}
