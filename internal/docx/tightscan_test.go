package docx

import (
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"
)

// tightenRegexp is tighten as it was written with regular expressions:
// the definition tighten's scan must agree with.
func tightenRegexp(styles []byte, line, space float64) []byte {
	spacingElem := regexp.MustCompile(`<w:spacing [^>]*/>`)
	spacingAttr := regexp.MustCompile(`w:(before|after|line)="(\d+)"`)
	fixedLine := regexp.MustCompile(`w:lineRule="(exact|atLeast)"`)
	return spacingElem.ReplaceAllFunc(styles, func(el []byte) []byte {
		exact := fixedLine.Match(el)
		return spacingAttr.ReplaceAllFunc(el, func(a []byte) []byte {
			m := spacingAttr.FindSubmatch(a)
			v, _ := strconv.Atoi(string(m[2]))
			f := space
			if string(m[1]) == "line" {
				if exact {
					return a
				}
				f = line
			}
			return []byte(`w:` + string(m[1]) + `="` + strconv.Itoa(int(math.Round(float64(v)*f))) + `"`)
		})
	})
}

// TestTightenSameAsRegexp: the scan tightens the default styles, odd
// elements and random mixtures of their pieces exactly as the regular
// expressions did.
func TestTightenSameAsRegexp(t *testing.T) {
	def, err := readTemplate("styles.xml")
	if err != nil {
		t.Fatal(err)
	}
	odd := []string{
		`<w:spacing w:before="240" w:after="100" w:line="271" w:lineRule="auto"/>`,
		`<w:spacing w:after="0" w:line="240" w:lineRule="exact"/>`,
		`<w:spacing w:line="240" w:lineRule="atLeast" w:before="12"/>`,
		`<w:spacing w:val="20"/>`,
		`<w:spacing />`, `<w:spacing >`, `<w:spacing w:before="1">`, `<w:spacing w:before="1"/`,
		`<w:spacing w:beforeLines="100" w:beforeAutospacing="1" w:lineRule="auto" w:line=""/>`,
		`<w:spacing w:before="99999999999999999999999" w:after="-5" w:line="0012"/>`,
		`<w:spacing w:after="7"w:before="9"xw:line="33"/>`,
		`<w:spacing<w:spacing w:after="80"/>`, `<w:spacingx w:after="80"/>`,
		`<w:spacing w:before="10" / w:after="20"/>`, `w:before="10"`,
	}
	cases := [][]byte{def}
	for _, s := range odd {
		cases = append(cases, []byte(s))
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := append(odd, "<", ">", "/", " ", `"`, "w:", "line", "=", "7", "<w:spacing ", "/>", "<w:p>")
	for range 2000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		cases = append(cases, b)
	}
	for _, c := range cases {
		for _, f := range [][2]float64{{0.9, 0.5}, {0.95, 0.8}, {1, 0.85}, {0.93, 1}} {
			got, want := tighten(c, f[0], f[1]), tightenRegexp(c, f[0], f[1])
			if string(got) != string(want) {
				t.Fatalf("tighten(%.40q, %v):\n got %.200q\nwant %.200q", c, f, got, want)
			}
		}
	}
}
