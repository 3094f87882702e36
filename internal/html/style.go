package html

import (
	"math"
	"strconv"
	"strings"
)

// Colours are the page's colours, #rrggbb, named as in the PDF theme
// (templates/pdf/theme.yaml), so that a project's theme colours its web
// pages too.
type Colours struct {
	Text, Muted, Accent, Link, Rule, Panel, TableHeader, QuoteBar, CodeBackground string
}

// DefaultColours are the default PDF theme's colours. A test checks they
// stay equal to the theme's, and that text in them passes WCAG AA
// contrast on every ground it is set on.
var DefaultColours = Colours{
	Text:           "#1d1d1b",
	Muted:          "#5a5a5a",
	Accent:         "#005eb8",
	Link:           "#005eb8",
	Rule:           "#b8c4d1",
	Panel:          "#eef3f8",
	TableHeader:    "#dbe6f2",
	QuoteBar:       "#8aa9cc",
	CodeBackground: "#f3f4f5",
}

// withDefaults fills the fields that are not a colour with the
// defaults', so nothing but #rrggbb ever reaches the stylesheet.
func (c Colours) withDefaults() Colours {
	d := DefaultColours
	for _, f := range []struct {
		v   *string
		def string
	}{
		{&c.Text, d.Text}, {&c.Muted, d.Muted}, {&c.Accent, d.Accent}, {&c.Link, d.Link},
		{&c.Rule, d.Rule}, {&c.Panel, d.Panel}, {&c.TableHeader, d.TableHeader},
		{&c.QuoteBar, d.QuoteBar}, {&c.CodeBackground, d.CodeBackground},
	} {
		if _, ok := rgb(*f.v); !ok {
			*f.v = f.def
		}
	}
	return c
}

// rgb reads #rrggbb.
func rgb(s string) ([3]float64, bool) {
	var c [3]float64
	if len(s) != 7 || s[0] != '#' {
		return c, false
	}
	for i := range 3 {
		v, err := strconv.ParseUint(s[1+2*i:3+2*i], 16, 8)
		if err != nil {
			return c, false
		}
		c[i] = float64(v) / 255
	}
	return c, true
}

// Contrast is the WCAG 2 contrast ratio of two #rrggbb colours (1 to 21);
// 0 when either is not one.
func Contrast(a, b string) float64 {
	ca, ok1 := rgb(a)
	cb, ok2 := rgb(b)
	if !ok1 || !ok2 {
		return 0
	}
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			if v <= 0.04045 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	la, lb := lum(ca), lum(cb)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// stylesheet is the page's own stylesheet: the screen look, then what
// changes on paper. Fonts are the reader's own (Liberation Sans, Arial
// or any sans-serif): nothing is fetched.
func stylesheet(c Colours) string {
	if c == DefaultColours {
		return defaultCSS
	}
	return colourCSS(c)
}

var defaultCSS = colourCSS(DefaultColours)

func colourCSS(c Colours) string {
	r := strings.NewReplacer(
		"TEXT", c.Text, "MUTED", c.Muted, "ACCENT", c.Accent, "LINK", c.Link,
		"RULE", c.Rule, "PANEL", c.Panel, "THEAD", c.TableHeader,
		"QUOTEBAR", c.QuoteBar, "CODEBG", c.CodeBackground)
	return r.Replace(css)
}

const css = `:root{color-scheme:light}
html{background:#fff;color:TEXT}
body{font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:1.0625rem;line-height:1.5;max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem 2rem}
a{color:LINK;text-decoration:underline;text-underline-offset:.15em}
a:focus-visible{outline:3px solid ACCENT;outline-offset:2px}
header{border-bottom:3px solid ACCENT;padding-bottom:.75rem;margin-bottom:1rem}
.kind{color:MUTED;font-weight:bold;font-size:.9rem;letter-spacing:.02em;margin:0 0 .25rem}
h1{color:ACCENT;font-size:2rem;line-height:1.15;margin:0}
.subtitle{color:MUTED;font-size:1.2rem;margin:.4rem 0 0}
.ack{color:MUTED;font-style:italic;margin:.25rem 0}
h2{color:ACCENT;font-size:1.35rem;border-bottom:1px solid RULE;padding-bottom:.2rem;margin:1.6rem 0 .6rem}
h3{color:ACCENT;font-size:1.15rem;margin:1.2rem 0 .4rem}
h4,h5,h6{font-size:1rem;margin:1rem 0 .3rem}
p{margin:0 0 .6rem}
ul,ol{padding-left:1.6rem;margin:0 0 .6rem}
li{margin:.2rem 0}
li>p{margin:0 0 .3rem}
ul.l0{list-style-type:disc}
ul.l1{list-style-type:"– "}
ul.l2{list-style-type:square}
ul>li::marker{color:ACCENT}
blockquote{margin:.6rem 0;padding:.1rem 0 .1rem 1rem;border-left:4px solid QUOTEBAR}
pre{background:CODEBG;padding:.6rem .8rem;overflow-x:auto;white-space:pre-wrap;word-break:break-word;font-size:.9rem}
code{font-family:"Liberation Mono","Courier New",monospace;font-size:.92em}
table{border-collapse:collapse;margin:.8rem 0;width:100%;font-size:.95rem}
th,td{border:1px solid RULE;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
thead th{background:THEAD}
.center{text-align:center}
.right{text-align:right}
.panel{background:PANEL;border-left:4px solid ACCENT;padding:.5rem 1rem .6rem;margin:1.2rem 0}
.panel h2{border:0;margin:.2rem 0 .4rem;font-size:1.1rem}
dl{margin:0;display:grid;grid-template-columns:minmax(8rem,30%) 1fr;gap:.25rem 1rem}
dl>div{display:contents}
dt{font-weight:bold}
dd{margin:0;overflow-wrap:anywhere}
.reading li{overflow-wrap:anywhere}
.reading li:target,.notes li:target{background:PANEL}
.notes{font-size:.92rem}
.note-mark{line-height:0}
.note-mark a{padding:0 .1em}
.print-only{display:none}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
.address{color:MUTED;overflow-wrap:anywhere}
nav.formats ul{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
nav.formats a{font-weight:bold}
footer{color:MUTED;border-top:1px solid RULE;margin-top:2rem;padding-top:.5rem;font-size:.9rem}
.catalogue h2 .count{color:MUTED;font-weight:normal;font-size:1rem}
.entry{border-bottom:1px solid RULE;padding:.6rem 0}
.entry h3{margin:0 0 .2rem;font-size:1.1rem}
.entry p{margin:0 0 .2rem}
.entry .meta{color:MUTED;font-size:.95rem}
.state-ok{color:TEXT}
.state-due,.state-overdue{font-weight:bold;color:TEXT}
.state-due::before{content:"\25CF\00A0";color:MUTED}
.state-overdue::before{content:"\25B2\00A0";color:TEXT}
.tags{list-style:none;padding:0;margin:.2rem 0;display:flex;flex-wrap:wrap;gap:.3rem}
.tags li{margin:0;background:PANEL;border-radius:.2rem;padding:0 .4rem;font-size:.9rem}
.toc ul.by-tag{columns:2 14rem}
.toc ul.by-tag li{margin:0 0 .2rem;break-inside:avoid}
.label{font-weight:bold}
.picture{margin:.8rem 0}
.picture img{display:block;max-width:100%;height:auto}
header .logo{float:right;width:auto;height:3rem;max-width:40%;margin:0 0 .5rem 1rem}
header::after{content:"";display:block;clear:both}
@media print{
@page{size:A4;margin:16mm 19mm 18mm}
body{font-size:10pt;max-width:none;padding:0}
nav.formats,.back{display:none}
.print-only{display:inline;color:MUTED}
a{color:inherit;text-decoration:none}
h2,h3,h4,h5,h6{break-after:avoid}
.panel,tr,blockquote,pre,.picture{break-inside:avoid}
.picture img{max-height:240mm;object-fit:contain}
p{orphans:2;widows:2}
}
`
