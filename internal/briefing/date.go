package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"handouts/internal/suggest"
)

// Date is a calendar date given to the precision the author chose: a year,
// a month of a year, or a day. Month and Day are 0 when not given.
type Date struct {
	Year, Month, Day int
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Year == 0 }

var monthNames = [...]string{"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

// String prints the date in British English: "2018", "February 2018",
// "14 February 2018".
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", monthNames[d.Month-1], d.Year)
	default:
		return fmt.Sprintf("%d %s %d", d.Day, monthNames[d.Month-1], d.Year)
	}
}

// ISO prints the date as "2018", "2018-02" or "2018-02-14".
func (d Date) ISO() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
}

// Time is the first moment of the date in UTC (the first day of the month
// or year when those are not given). Used for file metadata, never the
// clock.
func (d Date) Time() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = 1
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, time.Month(m), day, 0, 0, 0, 0, time.UTC)
}

// Last is the last day the date covers: a month-precision review date of
// "2018-05" is not past until June 2018 begins.
func (d Date) Last() Date {
	switch {
	case d.Month == 0:
		return Date{d.Year, 12, 31}
	case d.Day == 0:
		t := time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
		return Date{d.Year, d.Month, t.Day()}
	}
	return d
}

// Compare orders dates by their first day: -1, 0 or +1.
func (d Date) Compare(e Date) int {
	return d.Time().Compare(e.Time())
}

// AddMonths returns the date n months later, keeping its precision and
// clamping the day to the end of a shorter month.
func (d Date) AddMonths(n int) Date {
	if d.Month == 0 {
		return Date{Year: d.Year + (n / 12)}
	}
	m := d.Month - 1 + n
	y := d.Year + m/12
	m = m%12 + 1
	if m <= 0 {
		m += 12
		y--
	}
	out := Date{Year: y, Month: m, Day: d.Day}
	if d.Day != 0 {
		if last := (Date{Year: y, Month: m}).Last().Day; d.Day > last {
			out.Day = last
		}
	}
	return out
}

// DateOf returns the day of t in UTC.
func DateOf(t time.Time) Date {
	t = t.UTC()
	return Date{t.Year(), int(t.Month()), t.Day()}
}

// ParseDate reads "2018", "2018-02", "2018-02-14", "February 2018",
// "Feb 2018" and "14 February 2018" (month names in any case).
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("date %q is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018", s)
	if s == "" {
		return Date{}, fmt.Errorf("date is empty")
	}
	var d Date
	if m := numericDMY(s); m != "" {
		return Date{}, fmt.Errorf("date %q: %s", s, m)
	}
	if strings.ContainsAny(s[:1], "0123456789") && !strings.Contains(s, " ") {
		parts := strings.Split(s, "-")
		if len(parts) > 3 || len(parts[0]) != 4 {
			return Date{}, bad
		}
		nums := make([]int, len(parts))
		for i, p := range parts {
			if (i > 0 && len(p) != 2) || !allDigits(p) {
				return Date{}, bad
			}
			nums[i], _ = strconv.Atoi(p)
		}
		d.Year = nums[0]
		if len(nums) > 1 {
			d.Month = nums[1]
		}
		if len(nums) > 2 {
			d.Day = nums[2]
		}
	} else {
		f := strings.Fields(s)
		if len(f) == 4 && strings.EqualFold(f[1], "of") {
			f = append(f[:1], f[2:]...) // "14th of February 2018"
		}
		if len(f) == 3 {
			f[0] = trimOrdinal(f[0])
			if len(f[0]) > 2 || !allDigits(f[0]) {
				return Date{}, bad
			}
			d.Day, _ = strconv.Atoi(f[0])
			f = f[1:]
		}
		if len(f) != 2 || len(f[1]) != 4 || !allDigits(f[1]) {
			return Date{}, bad
		}
		d.Month = monthNumber(f[0])
		if d.Month == 0 {
			if m := suggest.Closest(f[0], monthNames[:]); m != "" {
				return Date{}, fmt.Errorf("date %q: %q is not a month; did you mean %s?", s, f[0], m)
			}
			return Date{}, bad
		}
		d.Year, _ = strconv.Atoi(f[1])
	}
	if d.Year < 1900 || d.Year > 2999 {
		return Date{}, fmt.Errorf("date %q: year %d is out of range 1900–2999", s, d.Year)
	}
	if d.Month > 12 || (d.Month == 0 && d.Day != 0) || (len(s) > 4 && d.Month == 0) {
		return Date{}, fmt.Errorf("date %q: there is no month %d", s, d.Month)
	}
	if d.Day != 0 && d.Day > (Date{Year: d.Year, Month: d.Month}).Last().Day {
		return Date{}, fmt.Errorf("date %q: %s has no day %d", s, Date{Year: d.Year, Month: d.Month}, d.Day)
	}
	if strings.Contains(s, "-") && len(s) > 7 && d.Day == 0 {
		return Date{}, fmt.Errorf("date %q: there is no day 0", s)
	}
	return d, nil
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func monthNumber(name string) int {
	n := strings.ToLower(strings.TrimSuffix(name, "."))
	if len(n) < 3 {
		return 0
	}
	for i, m := range monthNames {
		full := strings.ToLower(m)
		if n == full || (n == full[:3]) || (n == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}

// trimOrdinal turns "14th", "1st", "2nd" or "3rd" into the number.
func trimOrdinal(s string) string {
	l := strings.ToLower(s)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(l, suf); ok && allDigits(n) {
			return n
		}
	}
	return s
}

// numericDMY reads a date written day/month/year, as "14/09/2017" or
// "14.09.2017", and says what to write instead: the day and month could
// be read either way round, so the British reading is offered. It
// returns "" for anything else.
func numericDMY(s string) string {
	sep := ""
	for _, c := range []string{"/", "."} {
		if strings.Count(s, c) == 2 {
			sep = c
		}
	}
	if sep == "" {
		return ""
	}
	p := strings.Split(s, sep)
	for _, x := range p {
		if !allDigits(x) {
			return ""
		}
	}
	n := make([]int, 3)
	for i, x := range p {
		n[i], _ = strconv.Atoi(x)
	}
	day, month, year := n[0], n[1], n[2]
	switch {
	case len(p[0]) == 4: // 2017/09/14
		year, day = n[0], n[2]
	case len(p[2]) == 2: // 14/09/17
		year += 2000
	}
	d := Date{Year: year, Month: month, Day: day}
	if month < 1 || month > 12 || day < 1 || year < 1900 || year > 2999 || day > (Date{Year: year, Month: month}).Last().Day {
		return "write the month as a word, as 14 September 2017, or write 2017-09-14"
	}
	return fmt.Sprintf("did you mean %s? Write the month as a word, or write %s, so that no reader takes the day for the month", d, d.ISO())
}
