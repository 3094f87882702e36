package pdf

import (
	"strings"

	"handouts/internal/briefing"
	"handouts/internal/handout"
)

// cellText is one cell's tokens and the widths that size its column.
type cellText struct {
	toks    []tok
	longest float64 // the widest word: the least the column can be
	natural float64 // the widest line unbroken: the most it needs
}

func (l *layouter) measureCell(toks []tok) cellText {
	c := cellText{toks: toks}
	word, lineW := 0.0, 0.0
	for _, t := range toks {
		switch t.kind {
		case tkText:
			w := l.widthOf(t.text, t.st)
			word += w
			lineW += w
		case tkSpace:
			c.longest = max(c.longest, word)
			word = 0
			lineW += l.widthOf(" ", t.st)
		case tkBreak:
			c.longest = max(c.longest, word)
			c.natural = max(c.natural, lineW)
			word, lineW = 0, 0
		}
	}
	c.longest = max(c.longest, word)
	c.natural = max(c.natural, lineW)
	return c
}

// columnWidths sizes columns to their content in a table of width avail.
// A column whose text fits on one line in its fair share of the width
// gets just that, so short columns are never wrapped; the others share
// what is left, each at least its longest word where that can be, the
// rest going where the text is. A table whose text all fits still spans
// the width, the spare shared in proportion.
func columnWidths(longest, natural []float64, avail, pad float64) []float64 {
	n := len(longest)
	mins, maxs := make([]float64, n), make([]float64, n)
	var sumMax float64
	for i := range longest {
		mins[i] = min(longest[i], avail*0.4) + 2*pad
		maxs[i] = max(natural[i]+2*pad, mins[i])
		sumMax += maxs[i]
	}
	w := make([]float64, n)
	if sumMax <= avail {
		for i := range w {
			w[i] = maxs[i] + (avail-sumMax)*maxs[i]/sumMax
		}
		return w
	}
	fixed := make([]bool, n)
	left, flex := avail, n
	for changed := true; changed && flex > 0; {
		changed = false
		share := left / float64(flex)
		for i := range w {
			if !fixed[i] && maxs[i] <= share {
				fixed[i], w[i] = true, maxs[i]
				left -= maxs[i]
				flex--
				changed = true
			}
		}
	}
	var sumMin, sumMaxFlex float64
	for i := range w {
		if !fixed[i] {
			sumMin += mins[i]
			sumMaxFlex += maxs[i]
		}
	}
	for i := range w {
		if fixed[i] {
			continue
		}
		if sumMin <= left {
			w[i] = mins[i] + (maxs[i]-mins[i])*(left-sumMin)/(sumMaxFlex-sumMin)
		} else {
			w[i] = mins[i] * left / sumMin
		}
	}
	return w
}

// table lays out a table: columns sized to content, text wrapped in its
// cell, a shaded header row repeated at the top of each page the table
// runs onto, and rows never split across pages unless taller than one.
func (l *layouter) table(t *briefing.Table, bx box) error {
	th := l.th
	cols := len(t.Align)
	if cols == 0 {
		cols = len(t.Header)
	}
	if cols == 0 {
		return nil
	}
	size := bx.size * th.Sizes.Table / th.Sizes.Body
	body := style{face: sans, size: size, colour: th.Colours.Text}
	head := body
	head.face = sansBold
	pad := th.Spacing.CellPadding

	// The structure: a Table of TRs of TH (the header row's cells, for
	// their column) and TD, every cell there even when empty.
	defer l.close(l.open("Table"))
	table := l.cur
	var tags [][]tag
	cells := func(cs []briefing.Cell, st style, typ string) ([]cellText, error) {
		out := make([]cellText, cols)
		l.cur = table
		l.open("TR")
		ct := make([]tag, cols)
		for i := 0; i < cols; i++ {
			ct[i] = l.child(typ)
			if typ == "TH" {
				l.elem(ct[i]).scope = "Column"
			}
		}
		tags = append(tags, ct)
		for i := 0; i < cols && i < len(cs); i++ {
			l.cur = ct[i]
			b := inl{l: l, note: bx.note}
			if err := b.inlines(cs[i], st, 0); err != nil {
				return nil, err
			}
			out[i] = l.measureCell(b.toks)
		}
		return out, nil
	}
	all := make([][]cellText, 0, len(t.Rows)+1)
	h, err := cells(t.Header, head, "TH")
	if err != nil {
		return err
	}
	all = append(all, h)
	for _, r := range t.Rows {
		c, err := cells(r, body, "TD")
		if err != nil {
			return err
		}
		all = append(all, c)
	}
	l.cur = table
	// Columns are sized to their body text; a header may wrap onto a
	// second line to leave room for the body.
	longest, natural := make([]float64, cols), make([]float64, cols)
	for ri, r := range all {
		for i, c := range r {
			longest[i] = max(longest[i], c.longest)
			n := c.natural
			if ri == 0 && len(all) > 1 {
				n /= 2
			}
			natural[i] = max(natural[i], n)
		}
	}
	for i := range natural {
		natural[i] = max(natural[i], longest[i])
	}
	widths := columnWidths(longest, natural, bx.w, pad)
	align := func(i int) briefing.Align {
		if i < len(t.Align) {
			return t.Align[i]
		}
		return briefing.AlignNone
	}

	l.want(th.Spacing.Block)
	var header *row
	for ri, r := range all {
		lines := make([][]line, cols)
		for i, c := range r {
			lines[i] = l.breakLines(c.toks, widths[i]-2*pad)
		}
		isHead := ri == 0
		// A row taller than a page is cut between lines into rows that
		// fit (under the repeated header).
		lh := l.lineHeight(size)
		most := int((l.bodyH - 2*pad) / lh)
		if header != nil {
			most = int((l.bodyH - header.h - 2*pad) / lh)
		}
		most = max(most, 1)
		n := 0
		for _, ls := range lines {
			n = max(n, len(ls))
		}
		for from := 0; from < n || from == 0; from += most {
			rw := l.tableRow(lines, from, min(from+most, n), widths, bx.x, size, align, isHead, tags[ri])
			if isHead {
				header = rw
				rw.keepNext = 1
			} else {
				rw.header = header
			}
			l.add(rw, bx)
		}
	}
	l.want(th.Spacing.Block)
	return nil
}

// tableRow draws lines [from, to) of each cell as one row, with its
// borders (and the shading of a header row).
func (l *layouter) tableRow(cells [][]line, from, to int, widths []float64, x0, size float64, align func(int) briefing.Align, header bool, tags []tag) *row {
	th := l.th
	pad := th.Spacing.CellPadding
	lh := l.lineHeight(size)
	n := max(to-from, 1)
	r := &row{h: float64(n)*lh + 2*pad}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	if header {
		r.ops = append(r.ops, op{kind: opRect, x: x0, y: 0, w: total, h: r.h, colour: th.Colours.TableHeader})
	}
	x := x0
	for i, ls := range cells {
		if from < len(ls) {
			part := ls[from:min(to, len(ls))]
			for j, tr := range l.textRows(part, x+pad, widths[i]-2*pad, size, align(i)) {
				tagOps(tr.ops, tags[i])
				dy := pad + float64(j)*lh
				if i == 0 && j == 0 {
					r.baseline = dy + tr.baseline
				}
				for _, o := range tr.ops {
					o.y += dy
					r.ops = append(r.ops, o)
				}
			}
		}
		x += widths[i]
	}
	if r.baseline == 0 {
		r.baseline = pad + l.baselineIn(lh, size)
	}
	// The grid: top and bottom of the row, and the column edges.
	const lw = 0.5
	c := th.Colours.Rule
	r.ops = append(r.ops,
		op{kind: opLine, x: x0, y: 0, w: total, colour: c, lw: lw},
		op{kind: opLine, x: x0, y: r.h, w: total, colour: c, lw: lw})
	x = x0
	for i := 0; i <= len(widths); i++ {
		r.ops = append(r.ops, op{kind: opLine, x: x, y: 0, h: r.h, colour: c, lw: lw})
		if i < len(widths) {
			x += widths[i]
		}
	}
	return r
}

// panel lays out one of the two panels: a heading, then a label and a
// value per row on a shaded ground with a bar of the accent colour, all
// kept on one page.
func (l *layouter) panel(heading string, rows []handout.Row, bx box) {
	if len(rows) == 0 {
		return
	}
	th := l.th
	size := th.Sizes.Panel
	l.want(th.Spacing.Block * 1.5)
	hs := style{face: sansBold, size: size + 1.5, colour: th.Colours.Accent}
	hrows := l.plain(heading, bx, hs)
	l.tagged(l.headingType(2), func() { tagRows(hrows, l.cur) })
	// The panel is a Table of TRs, each a TH (the label, for its row)
	// and a TD (the value).
	defer l.close(l.open("Table"))
	table := l.cur
	if len(hrows) > 0 {
		hrows[0].ops = append(hrows[0].ops, op{kind: opMark, text: outlineTitle(heading)})
	}
	for _, r := range hrows {
		r.keepNext = 1
		l.add(r, bx)
	}
	l.want(2)
	pad := th.Spacing.CellPadding
	const barW = 3
	labelW := bx.w * 0.3
	valueX := bx.x + barW + labelW
	valueW := bx.w - barW - labelW - l.panelSide
	lab := style{face: sansBold, size: size, colour: th.Colours.Text}
	val := style{face: sans, size: size, colour: th.Colours.Text}
	lh := l.lineHeight(size)
	for i, pr := range rows {
		top, bottom := pad*0.5, pad*0.5
		if i == 0 {
			top = pad * 1.5
		}
		if i == len(rows)-1 {
			bottom = pad * 1.5
		}
		l.cur = table
		l.open("TR")
		hc := l.child("TH")
		l.elem(hc).scope = "Row"
		td := l.child("TD")
		lb := box{x: bx.x + barW + pad*2, w: labelW - pad*3}
		lrows := l.plain(pr.Label, lb, lab)
		tagRows(lrows, hc)
		// A value of several lines (the audiences) breaks where the
		// handout says.
		var ins []briefing.Inline
		for k, line := range strings.Split(pr.Value, "\n") {
			if k > 0 {
				ins = append(ins, &briefing.LineBreak{})
			}
			ins = append(ins, &briefing.Text{Value: line})
		}
		if pr.Link != "" {
			ins = []briefing.Inline{&briefing.Link{URL: pr.Link, Inlines: ins}}
		}
		vb := box{x: valueX, w: valueW - pad*2}
		l.cur = td
		vrows, _ := l.para(ins, vb, val, briefing.AlignLeft)
		tagRows(vrows, td)
		l.cur = table
		n := max(len(lrows), len(vrows), 1)
		// A value too long for one page (a very long audience list) is
		// cut between lines; otherwise a row is whole, and the panel is
		// kept on one page.
		most := max(int((l.bodyH-top-bottom)/lh), 1)
		for from := 0; from < n; from += most {
			to := min(from+most, n)
			t, b := top, bottom
			if from > 0 {
				t = pad * 0.5
			}
			if to < n {
				b = pad * 0.5
			}
			r := &row{h: t + float64(to-from)*lh + b, baseline: t + l.baselineIn(lh, size)}
			r.ops = append(r.ops,
				op{kind: opRect, x: bx.x, y: 0, w: bx.w, h: r.h, colour: th.Colours.Panel},
				op{kind: opRect, x: bx.x, y: 0, w: barW, h: r.h, colour: th.Colours.Accent})
			for _, part := range [][]*row{lrows, vrows} {
				for j := from; j < to && j < len(part); j++ {
					for _, o := range part[j].ops {
						o.y += t + float64(j-from)*lh
						r.ops = append(r.ops, o)
					}
				}
			}
			if i < len(rows)-1 || to < n {
				r.keepNext = 1
			}
			l.add(r, bx)
		}
	}
	l.want(th.Spacing.Block)
}
