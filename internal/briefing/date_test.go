package briefing

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in       string
		want     Date
		printed  string
		iso      string
		errorMsg string
	}{
		{in: "2018", want: Date{2018, 0, 0}, printed: "2018", iso: "2018"},
		{in: "2018-02", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "2018-02-14", want: Date{2018, 2, 14}, printed: "14 February 2018", iso: "2018-02-14"},
		{in: "February 2018", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "february 2018", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "Feb 2018", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "Feb. 2018", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "Sept 2018", want: Date{2018, 9, 0}, printed: "September 2018", iso: "2018-09"},
		{in: "14 February 2018", want: Date{2018, 2, 14}, printed: "14 February 2018", iso: "2018-02-14"},
		{in: "4 Feb 2018", want: Date{2018, 2, 4}, printed: "4 February 2018", iso: "2018-02-04"},
		{in: "  2018-02  ", want: Date{2018, 2, 0}, printed: "February 2018", iso: "2018-02"},
		{in: "29 February 2024", want: Date{2024, 2, 29}, printed: "29 February 2024", iso: "2024-02-29"},
		{in: "14th February 2018", want: Date{2018, 2, 14}, printed: "14 February 2018", iso: "2018-02-14"},
		{in: "1st March 2019", want: Date{2019, 3, 1}, printed: "1 March 2019", iso: "2019-03-01"},
		{in: "22nd of June 2020", want: Date{2020, 6, 22}, printed: "22 June 2020", iso: "2020-06-22"},
		{in: "3RD May 2021", want: Date{2021, 5, 3}, printed: "3 May 2021", iso: "2021-05-03"},
		{in: "14/09/2017", errorMsg: `date "14/09/2017": did you mean 14 September 2017? Write the month as a word, or write 2017-09-14, so that no reader takes the day for the month`},
		{in: "3.4.2018", errorMsg: `date "3.4.2018": did you mean 3 April 2018? Write the month as a word, or write 2018-04-03, so that no reader takes the day for the month`},
		{in: "14/09/17", errorMsg: `date "14/09/17": did you mean 14 September 2017? Write the month as a word, or write 2017-09-14, so that no reader takes the day for the month`},
		{in: "09/14/2017", errorMsg: `date "09/14/2017": write the month as a word, as 14 September 2017, or write 2017-09-14`},
		{in: "14th Febuary 2018", errorMsg: `date "14th Febuary 2018": "Febuary" is not a month; did you mean February?`},
		{in: "14xx February 2018", errorMsg: `date "14xx February 2018" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},

		{in: "", errorMsg: "date is empty"},
		{in: "2018/02", errorMsg: `date "2018/02" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "18-02", errorMsg: `date "18-02" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "2018-2", errorMsg: `date "2018-2" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "2018-02-14-01", errorMsg: `date "2018-02-14-01" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "2018-13", errorMsg: `date "2018-13": there is no month 13`},
		{in: "2018-00", errorMsg: `date "2018-00": there is no month 0`},
		{in: "2018-02-00", errorMsg: `date "2018-02-00": there is no day 0`},
		{in: "2018-02-30", errorMsg: `date "2018-02-30": February 2018 has no day 30`},
		{in: "29 February 2023", errorMsg: `date "29 February 2023": February 2023 has no day 29`},
		{in: "1899", errorMsg: `date "1899": year 1899 is out of range 1900–2999`},
		{in: "Febuary 2018", errorMsg: `date "Febuary 2018": "Febuary" is not a month; did you mean February?`},
		{in: "Spring 2018", errorMsg: `date "Spring 2018" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "February 18", errorMsg: `date "February 18" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
		{in: "February 14 2018", errorMsg: `date "February 14 2018" is not one of 2018, 2018-02, 2018-02-14, February 2018 or 14 February 2018`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.errorMsg != "" {
				if err == nil || err.Error() != tt.errorMsg {
					t.Errorf("ParseDate(%q) = %v, %v; want error %q", tt.in, got, err, tt.errorMsg)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseDate(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
			if got.String() != tt.printed || got.ISO() != tt.iso {
				t.Errorf("%q prints as %q and %q; want %q and %q", tt.in, got.String(), got.ISO(), tt.printed, tt.iso)
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	tests := []struct {
		name      string
		got, want Date
	}{
		{"last day of a year", Date{2018, 0, 0}.Last(), Date{2018, 12, 31}},
		{"last day of a month", Date{2018, 5, 0}.Last(), Date{2018, 5, 31}},
		{"last day of February in a leap year", Date{2024, 2, 0}.Last(), Date{2024, 2, 29}},
		{"last of a day is the day", Date{2018, 5, 3}.Last(), Date{2018, 5, 3}},
		{"months forward", Date{2018, 2, 0}.AddMonths(3), Date{2018, 5, 0}},
		{"months over a year end", Date{2018, 11, 0}.AddMonths(3), Date{2019, 2, 0}},
		{"months back over a year end", Date{2018, 1, 0}.AddMonths(-13), Date{2016, 12, 0}},
		{"day clamped to a shorter month", Date{2018, 1, 31}.AddMonths(1), Date{2018, 2, 28}},
		{"a year date keeps its precision", Date{2018, 0, 0}.AddMonths(24), Date{2020, 0, 0}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if c := (Date{2018, 5, 0}).Compare(Date{2018, 5, 1}); c != 0 {
		t.Errorf("May 2018 compared with 1 May 2018 = %d, want 0 (dates compare by their first day)", c)
	}
	if c := (Date{2018, 5, 0}).Compare(Date{2018, 4, 30}); c != 1 {
		t.Errorf("May 2018 compared with 30 April 2018 = %d, want 1", c)
	}
}
