package briefing

import (
	"fmt"
	"strings"
)

// dump prints a document's body compactly, one block per line, for
// tests: what the converter built, with lines.
func dump(d *Document) string {
	var b strings.Builder
	if len(d.Lead) > 0 {
		b.WriteString("lead\n")
		dumpBlocks(&b, d.Lead, "  ")
	}
	for _, s := range d.Sections() {
		fmt.Fprintf(&b, "section %d %q @%d\n", s.Role, s.Heading, s.Line)
		dumpBlocks(&b, s.Blocks, "  ")
	}
	for _, f := range d.Footnotes {
		fmt.Fprintf(&b, "footnote %d [^%s]\n", f.N, f.Label)
		dumpBlocks(&b, f.Blocks, "  ")
	}
	return b.String()
}

func dumpBlocks(b *strings.Builder, bs []Block, ind string) {
	for _, bl := range bs {
		switch x := bl.(type) {
		case *Paragraph:
			fmt.Fprintf(b, "%sP@%d %s\n", ind, x.Line, dumpInlines(x.Inlines))
		case *Heading:
			fmt.Fprintf(b, "%sH%d@%d %s\n", ind, x.Level, x.Line, dumpInlines(x.Inlines))
		case *List:
			kind := "bullets"
			if x.Ordered {
				kind = fmt.Sprintf("numbers from %d", x.Start)
			}
			fmt.Fprintf(b, "%sList@%d %s\n", ind, x.Line, kind)
			for _, it := range x.Items {
				fmt.Fprintf(b, "%s  Item@%d\n", ind, it.Line)
				dumpBlocks(b, it.Blocks, ind+"    ")
			}
		case *Table:
			fmt.Fprintf(b, "%sTable@%d align=%v\n", ind, x.Line, x.Align)
			row := func(cells []Cell) {
				var parts []string
				for _, c := range cells {
					parts = append(parts, dumpInlines(c))
				}
				fmt.Fprintf(b, "%s  | %s |\n", ind, strings.Join(parts, " | "))
			}
			row(x.Header)
			for _, r := range x.Rows {
				row(r)
			}
		case *Quote:
			fmt.Fprintf(b, "%sQuote@%d\n", ind, x.Line)
			dumpBlocks(b, x.Blocks, ind+"  ")
		case *CodeBlock:
			fmt.Fprintf(b, "%sCode@%d %q %q\n", ind, x.Line, x.Lang, x.Text)
		case *Rule:
			fmt.Fprintf(b, "%sRule@%d\n", ind, x.Line)
		}
	}
}

func dumpInlines(ins []Inline) string {
	var parts []string
	for _, in := range ins {
		switch x := in.(type) {
		case *Text:
			parts = append(parts, fmt.Sprintf("%q", x.Value))
		case *Emph:
			parts = append(parts, "em["+dumpInlines(x.Inlines)+"]")
		case *Strong:
			parts = append(parts, "strong["+dumpInlines(x.Inlines)+"]")
		case *Code:
			parts = append(parts, fmt.Sprintf("code%q", x.Value))
		case *Link:
			bare := ""
			if x.IsBare() {
				bare = " bare"
			}
			parts = append(parts, fmt.Sprintf("link<%s%s>[%s]", x.URL, bare, dumpInlines(x.Inlines)))
		case *Image:
			parts = append(parts, fmt.Sprintf("img<%s>%q", x.URL, x.Alt))
		case *LineBreak:
			parts = append(parts, "BR")
		case *FootnoteRef:
			parts = append(parts, fmt.Sprintf("fn%d", x.N))
		}
	}
	return strings.Join(parts, " ")
}
