package handout

import (
	"testing"

	"handouts/internal/briefing"
	bt "handouts/internal/briefing/briefingtest"
)

func TestIntroduces(t *testing.T) {
	colon, plain := bt.Para(bt.Text("in three ways:")), bt.Para(bt.Text("in three ways."))
	table := &briefing.Table{Header: []briefing.Cell{{bt.Text("a")}}}
	list := bt.Bullets(bt.Item(bt.Para(bt.Text("one"))))
	for _, tc := range []struct {
		name    string
		b, next briefing.Block
		want    bool
	}{
		{"colon then table", colon, table, true},
		{"colon then list", colon, list, true},
		{"full stop then table", plain, table, false},
		{"colon then paragraph", colon, plain, false},
		{"list ending with a colon then table", bt.Bullets(bt.Item(bt.Para(bt.Text("x"))), bt.Item(colon)), table, true},
		{"list ending with a full stop then table", bt.Bullets(bt.Item(colon), bt.Item(plain)), table, false},
	} {
		if got := Introduces(tc.b, tc.next); got != tc.want {
			t.Errorf("%s: introduces = %v, want %v", tc.name, got, tc.want)
		}
	}
}
