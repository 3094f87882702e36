package manifest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"handouts/internal/boundedfile"
)

// A manifest of 30,000 handouts is 12 MB of JSON; decoding it with
// encoding/json took a fifth of a rebuild with nothing changed, and
// twice its size in memory. A manifest is almost always exactly as
// Encode wrote it, so Load first reads it a line at a time in that
// layout, and only a manifest in any other layout (edited by hand,
// escaped characters, another version) is read whole and decoded as
// JSON. Both give the same manifest for a file in that layout
// (FuzzCanonical).

// errNotCanonical: not in Encode's layout; decode it as JSON instead.
var errNotCanonical = errors.New("not in the canonical layout")

// loadCanonical reads the manifest at path when it is a regular file in
// Encode's layout; otherwise ok is false.
func loadCanonical(path string) (m *Manifest, ok bool) {
	f, err := boundedfile.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() > MaxSize {
		return nil, false
	}
	m, err = parseCanonicalSized(int(st.Size()/recordBytes), bufio.NewReaderSize(io.LimitReader(f, MaxSize+1), 64<<10))
	return m, err == nil
}

// recordBytes is about the size of a record in Encode's layout, to make
// room for a manifest's records at once.
const recordBytes = 400

// parseCanonical reads a manifest in exactly the layout Encode writes.
func parseCanonical(r *bufio.Reader) (*Manifest, error) {
	return parseCanonicalSized(0, r)
}

// parseCanonicalSized is parseCanonical with room made for about n
// records.
func parseCanonicalSized(n int, r *bufio.Reader) (*Manifest, error) {
	line := func() ([]byte, error) {
		b, err := r.ReadSlice('\n')
		if err != nil {
			return nil, errNotCanonical // no final newline, or a line too long
		}
		return b[:len(b)-1], nil
	}
	expect := func(want string) error {
		b, err := line()
		if err != nil || string(b) != want {
			return errNotCanonical
		}
		return nil
	}
	if err := expect("{"); err != nil {
		return nil, err
	}
	if err := expect(`  "version": ` + strconv.Itoa(Version) + ","); err != nil {
		return nil, err
	}
	b, err := line()
	if err != nil {
		return nil, err
	}
	m := &Manifest{Outputs: make(map[string]Record, min(n, MaxEntries))}
	switch string(b) {
	case `  "outputs": {}`:
	case `  "outputs": {`:
		if err := parseRecords(line, m); err != nil {
			return nil, err
		}
	default:
		return nil, errNotCanonical
	}
	if err := expect("}"); err != nil {
		return nil, err
	}
	if _, err := r.ReadByte(); err != io.EOF {
		return nil, errNotCanonical
	}
	return m, nil
}

// parseRecords reads the records up to the line closing "outputs".
func parseRecords(line func() ([]byte, error), m *Manifest) error {
	var prev, source, fromOut string
	for n := 1; ; n++ {
		b, err := line()
		if err != nil {
			return err
		}
		if string(b) == "  }" && n > 1 {
			return nil
		}
		if n > MaxEntries {
			return errNotCanonical
		}
		rest, ok := cutBoth(b, "    ", ": {")
		if !ok {
			return errNotCanonical
		}
		name, ok := plainString(rest, "")
		if !ok || !ValidName(name) || (n > 1 && name <= prev) {
			return errNotCanonical
		}
		prev = name
		var r Record
		// str reads the string of the line b, `      "key": "…",`.
		str := func(b []byte, key, same string) (string, bool) {
			q, ok := cutBoth(b, `      "`+key+`": `, ",")
			if !ok {
				return "", false
			}
			return plainString(q, same)
		}
		if b, err = line(); err != nil {
			return err
		}
		if r.Source, ok = str(b, "source", source); !ok {
			return errNotCanonical
		}
		source = r.Source
		if b, err = line(); err != nil {
			return err
		}
		if bytes.HasPrefix(b, []byte(`      "from_out": `)) {
			if r.FromOut, ok = str(b, "from_out", fromOut); !ok || r.FromOut == "" {
				return errNotCanonical
			}
			fromOut = r.FromOut
			if b, err = line(); err != nil {
				return err
			}
		}
		if r.Inputs, ok = str(b, "inputs", ""); !ok {
			return errNotCanonical
		}
		if b, err = line(); err != nil {
			return err
		}
		if r.SHA256, ok = str(b, "sha256", ""); !ok {
			return errNotCanonical
		}
		if b, err = line(); err != nil {
			return err
		}
		size, ok := cutBoth(b, `      "size": `, "")
		if !ok {
			return errNotCanonical
		}
		if r.Size, ok = canonicalInt(string(size)); !ok {
			return errNotCanonical
		}
		if b, err = line(); err != nil || (string(b) != "    }," && string(b) != "    }") {
			return errNotCanonical
		}
		m.Outputs[name] = r
		if string(b) == "    }" {
			if b, err := line(); err != nil || string(b) != "  }" {
				return errNotCanonical
			}
			return nil
		}
	}
}

// cutBoth is b without prefix and suffix, when it has both.
func cutBoth(b []byte, prefix, suffix string) ([]byte, bool) {
	rest, ok := bytes.CutPrefix(b, []byte(prefix))
	if !ok {
		return nil, false
	}
	return bytes.CutSuffix(rest, []byte(suffix))
}

// plainString is the string a JSON string literal q stands for, when it
// holds nothing escaped: no backslash, and only characters
// encoding/json writes as they are. same is returned instead of a new
// string when equal (the three handouts of a briefing share a source).
func plainString(q []byte, same string) (string, bool) {
	if len(q) < 2 || q[0] != '"' || q[len(q)-1] != '"' {
		return "", false
	}
	q = q[1 : len(q)-1]
	for i := 0; i < len(q); {
		c := q[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c == 0x7f {
				return "", false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(q[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return "", false
		}
		i += size
	}
	if string(q) == same {
		return same, true
	}
	return string(q), true
}

// canonicalInt is s as an integer, when written as strconv writes it.
func canonicalInt(s string) (int64, bool) {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil || strconv.FormatInt(v, 10) != s {
		return 0, false
	}
	return v, true
}
