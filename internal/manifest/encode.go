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
	return EncodeObject(w, Version, "outputs", m.Names(), func(bw *bufio.Writer, name string) error {
		r := m.Outputs[name]
		bw.WriteString("{\n      \"source\": ")
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
		bw.WriteString("\n    }")
		return nil
	})
}

// EncodeObject writes to w the bytes json.MarshalIndent (indent of two
// spaces) makes of {"version": version, field: {key: value, ...}}, with
// a final newline, a value at a time: keys, sorted, are its keys, and
// value writes the value of each as it would be indented four spaces
// in. The manifest and the build's other JSON files share this layout.
func EncodeObject(w io.Writer, version int, field string, keys []string, value func(bw *bufio.Writer, key string) error) error {
	bw := bufio.NewWriterSize(w, BufferFor(len(keys), 512))
	bw.WriteString("{\n  \"version\": " + strconv.Itoa(version) + ",\n  ")
	WriteJSONString(bw, field)
	bw.WriteString(": ")
	if len(keys) == 0 {
		bw.WriteString("{}\n}\n")
		return bw.Flush()
	}
	bw.WriteString("{\n")
	for i, k := range keys {
		bw.WriteString("    ")
		WriteJSONString(bw, k)
		bw.WriteString(": ")
		if err := value(bw, k); err != nil {
			return err
		}
		if i < len(keys)-1 {
			bw.WriteString(",\n")
		} else {
			bw.WriteString("\n")
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
