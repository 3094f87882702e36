package manifest

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
)

// Encode writes the manifest's bytes, exactly those of Marshal, to w a
// record at a time: a build of tens of thousands of handouts need not
// hold the whole file in memory, nor pay for reflection on each record.
func (m *Manifest) Encode(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("{\n  \"version\": " + strconv.Itoa(Version) + ",\n  \"outputs\": ")
	names := m.Names()
	if len(names) == 0 {
		bw.WriteString("{}\n}\n")
		return bw.Flush()
	}
	bw.WriteString("{\n")
	for i, name := range names {
		r := m.Outputs[name]
		bw.WriteString("    ")
		WriteJSONString(bw, name)
		bw.WriteString(": {\n      \"source\": ")
		WriteJSONString(bw, r.Source)
		if r.FromOut != "" {
			bw.WriteString(",\n      \"from_out\": ")
			WriteJSONString(bw, r.FromOut)
		}
		bw.WriteString(",\n      \"inputs\": ")
		WriteJSONString(bw, r.Inputs)
		bw.WriteString(",\n      \"sha256\": ")
		WriteJSONString(bw, r.SHA256)
		bw.WriteString(",\n      \"size\": ")
		bw.WriteString(strconv.FormatInt(r.Size, 10))
		if i < len(names)-1 {
			bw.WriteString("\n    },\n")
		} else {
			bw.WriteString("\n    }\n")
		}
	}
	bw.WriteString("  }\n}\n")
	return bw.Flush()
}

// WriteJSONString writes s as encoding/json writes a string (with its
// HTML escaping): as it is, quoted, when nothing in it needs escaping,
// the common case; otherwise as json.Marshal makes it.
func WriteJSONString(w *bufio.Writer, s string) {
	if plainJSON(s) {
		w.WriteByte('"')
		w.WriteString(s)
		w.WriteByte('"')
		return
	}
	b, _ := json.Marshal(s) // a string always marshals
	w.Write(b)
}

// plainJSON reports whether s is printable ASCII that encoding/json
// writes unchanged: no quote, backslash, or <, > and & (escaped for
// HTML).
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}
