package manifest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestEncodeIsMarshal: the streamed manifest is byte for byte the one
// Marshal makes, for empty manifests, plain names and names with every
// kind of character encoding/json escapes.
func TestEncodeIsMarshal(t *testing.T) {
	odd := []string{"a<b>&c", "quote\"back\\slash", "tab\tnew\nline\r", "\x01\x1f\x7f", "café ☕", "\u2028\u2029",
		"bad \xff utf-8", "", "plain-name.docx", "sp ace.pdf"}
	cases := []*Manifest{New(), {Outputs: nil}}
	one := New()
	one.Outputs["a.docx"] = Record{Source: "sources/a.md", Inputs: "i", SHA256: "s", Size: 0}
	cases = append(cases, one)
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 40 {
		m := New()
		for i := range n * 7 {
			pick := func() string {
				if r.IntN(3) == 0 {
					return odd[r.IntN(len(odd))]
				}
				return fmt.Sprintf("sources/b%05d.md", r.IntN(100000))
			}
			name := fmt.Sprintf("%s-%d.%s", pick(), i, []string{"docx", "pdf", "html"}[r.IntN(3)])
			m.Outputs[name] = Record{Source: pick(), Inputs: pick(), SHA256: pick(), Size: r.Int64N(1<<40) - 5}
			if r.IntN(2) == 0 {
				rec := m.Outputs[name]
				rec.FromOut = pick()
				m.Outputs[name] = rec
			}
		}
		cases = append(cases, m)
	}
	for i, m := range cases {
		var b bytes.Buffer
		if err := m.Encode(&b); err != nil {
			t.Fatal(err)
		}
		if want := m.Marshal(); !bytes.Equal(b.Bytes(), want) {
			t.Fatalf("case %d: Encode differs from Marshal:\n%s\nwant\n%s", i, b.Bytes(), want)
		}
	}
}

func BenchmarkEncode(b *testing.B) {
	m := New()
	for i := range 30000 {
		m.Outputs[fmt.Sprintf("%05d-some-briefing-name.pdf", i)] = Record{Source: fmt.Sprintf("sources/%05d-some-briefing-name.md", i),
			FromOut: "../sources/x.md", Inputs: fmt.Sprintf("%064x", i), SHA256: fmt.Sprintf("%064x", i*7), Size: int64(i * 1000)}
	}
	b.Run("Marshal", func(b *testing.B) {
		for b.Loop() {
			m.Marshal()
		}
	})
	b.Run("Encode", func(b *testing.B) {
		for b.Loop() {
			m.Encode(&bytes.Buffer{})
		}
	})
}
