package briefing

// GFM tables (https://github.github.com/gfm/#tables-extension-), read by
// a paragraph transformer of our own: when a paragraph closes, a line of
// it that is a delimiter row, under a line that can be its header, turns
// that line and every later line of the paragraph into a table. The
// lines above the header stay a paragraph.
//
// Where the rules leave room, this reader keeps what handouts have
// always been built with: a header row with fewer cells than the
// delimiter row is padded with empty cells (more cells is no table), a
// body row's cells beyond the header's are dropped, and a "\|" inside
// code in a cell is a "|", as it is outside code.

import (
	"sort"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

var (
	kindTable     = gast.NewNodeKind("BriefingTable")
	kindTableRow  = gast.NewNodeKind("BriefingTableRow")
	kindTableCell = gast.NewNodeKind("BriefingTableCell")
)

// tableNode is a table: its first child is the header row, the others
// the body rows, every one a *tableRowNode.
type tableNode struct {
	gast.BaseBlock
	Align []Align // one per column
}

func (*tableNode) Kind() gast.NodeKind { return kindTable }

func (n *tableNode) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

// tableRowNode is a row of len(Align) *tableCellNode.
type tableRowNode struct {
	gast.BaseBlock
	Header bool
}

func (*tableRowNode) Kind() gast.NodeKind { return kindTableRow }

func (n *tableRowNode) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

// tableCellNode is a cell: its one line (none when the row was padded)
// holds its inline content.
type tableCellNode struct {
	gast.BaseBlock
}

func (*tableCellNode) Kind() gast.NodeKind { return kindTableCell }

func (n *tableCellNode) Dump(src []byte, level int) { gast.DumpHelper(n, src, level, nil, nil) }

// gfmTables is the goldmark extension that reads tables.
type gfmTables struct{}

func (gfmTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// After link reference definitions (100), which a paragraph
		// loses before it can be a table.
		parser.WithParagraphTransformers(util.Prioritized(tableParagraphs{}, 200)),
		parser.WithASTTransformers(util.Prioritized(tableCode{}, 0)),
	)
}

// pipedCellsKey holds, in a parse's context, the cells with a "\|"
// that code in them may hold, for tableCode.
var pipedCellsKey = parser.NewContextKey()

// pipedCell is a cell with the source offsets of the backslashes of
// each "\|" after a backtick in it: code there must lose them.
type pipedCell struct {
	cell  *tableCellNode
	pipes []int
}

type tableParagraphs struct{}

func (tableParagraphs) Transform(para *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := para.Lines()
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		align := delimiterRow(seg.Value(src))
		if align == nil {
			continue
		}
		// The first delimiter row decides: under a header with too
		// many cells it makes no table, and no later line is looked at.
		header, ok := tableRow(src, lines.At(i-1), align, true, pc)
		if !ok {
			return
		}
		t := &tableNode{Align: align}
		t.SetPos(para.Pos())
		t.AppendChild(t, header)
		for j := i + 1; j < lines.Len(); j++ {
			row, _ := tableRow(src, lines.At(j), align, false, pc)
			t.AppendChild(t, row)
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, t)
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
			return
		}
		// The paragraph's new last line loses its line ending, as a
		// paragraph's last line does.
		last := lines.At(lines.Len() - 1)
		last.Stop--
		lines.Set(lines.Len()-1, last)
		return
	}
}

// delimiterRow reads a table's delimiter row, such as "| :--- | ---: |",
// and returns the alignment of each column, or nil when line is not one.
func delimiterRow(line []byte) []Align {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return nil
	}
	// Only hyphens, colons, pipes and spaces; a line of hyphens alone
	// (its line ending included) is no delimiter row.
	dashesOnly := true
	for _, b := range line {
		switch {
		case b == '-':
		case b == ':' || b == '|' || util.IsSpace(b):
			dashesOnly = false
		default:
			return nil
		}
	}
	if dashesOnly {
		return nil
	}
	// The columns are the text between pipes; a blank one before the
	// first pipe or after the last is no column.
	var cols [][]byte
	for start := 0; ; {
		end := start
		for end < len(line) && line[end] != '|' {
			end++
		}
		cols = append(cols, line[start:end])
		if end == len(line) {
			break
		}
		start = end + 1
	}
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if n := len(cols); n > 0 && util.IsBlank(cols[n-1]) {
		cols = cols[:n-1]
	}
	if len(cols) == 0 {
		return nil
	}
	align := make([]Align, len(cols))
	for k, col := range cols {
		a, ok := columnAlign(util.TrimRightSpace(util.TrimLeftSpace(col)))
		if !ok {
			return nil
		}
		align[k] = a
	}
	return align
}

// columnAlign reads one column of a delimiter row, its spaces trimmed:
// hyphens with an optional colon at either end.
func columnAlign(col []byte) (Align, bool) {
	left := len(col) > 0 && col[0] == ':'
	if left {
		col = col[1:]
	}
	right := len(col) > 0 && col[len(col)-1] == ':'
	if right {
		col = col[:len(col)-1]
	}
	if len(col) == 0 {
		return AlignNone, false
	}
	for _, b := range col {
		if b != '-' {
			return AlignNone, false
		}
	}
	switch {
	case left && right:
		return AlignCenter, true
	case left:
		return AlignLeft, true
	case right:
		return AlignRight, true
	}
	return AlignNone, true
}

// tableRow splits a line into the cells of a row of len(align) columns:
// cells are separated by pipes that no backslash escapes, one pipe at
// either end of the line is no separator. A body row is cut or padded
// to the columns; a header row is padded, and is no header (false) with
// more cells than columns.
func tableRow(src []byte, seg text.Segment, align []Align, header bool, pc parser.Context) (*tableRowNode, bool) {
	row := &tableRowNode{Header: header}
	row.SetPos(seg.Start)
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	pos, end := 0, len(line)
	if end > 0 && line[0] == '|' {
		pos++
	}
	if end > 0 && line[end-1] == '|' {
		end--
	}
	cells := 0
	var piped []pipedCell
	for pos < end {
		if cells == len(align) && !header {
			break
		}
		cell := &tableCellNode{}
		cell.SetPos(seg.Start + pos)
		stop := pos
		backtick := false
		var pipes []int
		for ; stop < end; stop++ {
			c := line[stop]
			if c == '`' {
				backtick = true
			}
			if c != '|' {
				continue
			}
			if stop == 0 || line[stop-1] != '\\' {
				break
			}
			if backtick {
				pipes = append(pipes, seg.Start+stop-1)
			}
		}
		content := text.NewSegment(seg.Start+pos, seg.Start+stop)
		content = content.TrimLeftSpace(src)
		content = content.TrimRightSpace(src)
		cell.Lines().Append(content)
		row.AppendChild(row, cell)
		if pipes != nil {
			piped = append(piped, pipedCell{cell, pipes})
		}
		cells++
		pos = stop + 1
	}
	if cells > len(align) {
		return nil, false
	}
	for ; cells < len(align); cells++ {
		row.AppendChild(row, &tableCellNode{})
	}
	if piped != nil {
		list, _ := pc.Get(pipedCellsKey).([]pipedCell)
		pc.Set(pipedCellsKey, append(list, piped...))
	}
	return row, true
}

// tableCode takes the backslash out of every "\|" in code in a table
// cell, once the cells' inlines are parsed: the pipe was escaped only so
// as not to end the cell.
type tableCode struct{}

func (tableCode) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	list, _ := pc.Get(pipedCellsKey).([]pipedCell)
	if list == nil {
		return
	}
	pc.Set(pipedCellsKey, nil)
	for _, p := range list {
		_ = gast.Walk(p.cell, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if entering && n.Kind() == gast.KindCodeSpan {
				unpipeCode(n, p.pipes)
			}
			return gast.WalkContinue, nil
		})
	}
}

// unpipeCode splits each text of code span n around the backslashes at
// the offsets in pipes (ascending), leaving them out.
func unpipeCode(n gast.Node, pipes []int) {
	for t := n.FirstChild(); t != nil; {
		next := t.NextSibling()
		txt, ok := t.(*gast.Text)
		if !ok {
			t = next
			continue
		}
		seg := txt.Segment
		split := false
		// Only the pipes within the text: a cell may hold many code
		// spans, and looking at every pipe for each would cost their
		// product.
		first := sort.SearchInts(pipes, seg.Start)
		for _, p := range pipes[first:] {
			if p >= seg.Stop {
				break
			}
			n.InsertBefore(n, txt, gast.NewRawTextSegment(seg.WithStop(p)))
			seg = seg.WithStart(p + 1)
			split = true
		}
		if split {
			n.ReplaceChild(n, txt, gast.NewRawTextSegment(seg))
		}
		t = next
	}
}
