package briefing

import (
	"bytes"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"handouts/internal/suggest"
	"handouts/internal/yamlpos"
)

// Keys are the front-matter keys, in the order documented.
var Keys = []string{
	"title", "subtitle", "kind", "producer", "source", "link", "format",
	"published", "updated", "review", "responsible", "audience", "tags",
	"acknowledgement", "draft", "lang",
}

// Kinds are the kinds a briefing may be.
var Kinds = []string{string(PolicyBriefing), string(HotTopic)}

// keyHelp says what a key holds, for "missing" and "wrong type" messages.
var keyHelp = map[string]string{
	"title":           "title: What the new strategy means for library services",
	"producer":        "producer: Example Library Service, Example NHS Trust",
	"source":          "source: Example Institute (who published the driver document)",
	"updated":         "updated: 2018-02 (when the briefing was last updated)",
	"review":          "review: 2018-05 (when the briefing is due for review)",
	"responsible":     "responsible: Library manager (the group member responsible)",
	"audience":        "audience: [LKS staff] (one or more primary audiences)",
	"subtitle":        "subtitle: What changes for staff and patients",
	"kind":            "kind: policy-briefing (or hot-topic)",
	"link":            "link: https://www.example.org/publications/…",
	"format":          "format: Long read",
	"published":       "published: 2018-02",
	"tags":            "tags: [digital health, workforce]",
	"acknowledgement": "acknowledgement: Produced by {producer}. Feel free to reproduce it, with acknowledgement.",
	"draft":           "draft: true (build leaves the briefing out until the line is removed)",
	"lang":            "lang: cy (the briefing's language, a BCP 47 tag; en-GB when not given)",
}

// keyNoun names what a required key holds.
var keyNoun = map[string]string{
	"title":       "title",
	"producer":    "producer",
	"source":      "source",
	"updated":     "updated date",
	"review":      "review date",
	"responsible": "group member responsible",
	"audience":    "audience",
}

// nthLine returns line n (1-based) of b.
func nthLine(b []byte, n int) []byte {
	for i := 1; i < n; i++ {
		_, rest, ok := bytes.Cut(b, []byte("\n"))
		if !ok {
			return nil
		}
		b = rest
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return line
}

// frontMatter is the outcome of reading the front matter.
type frontMatter struct {
	// Closed is true when the file opens with "---" and a second "---"
	// line ends the front matter.
	Closed bool
	// CloseLine is the line of the closing "---" (or 1).
	CloseLine int
	// BodyStart is the offset of the first byte after the front matter.
	BodyStart int
	// Lines of the keys given, for later checks.
	KeyLine map[string]int
	// KindUnknown is true when kind was given but is not a kind.
	KindUnknown bool
}

// splitFrontMatter finds the front matter: a first line "---", the YAML,
// and a line "---". It returns the YAML bytes and where they start.
func splitFrontMatter(src []byte, d *diagSink) (yml []byte, yamlLine int, fm frontMatter) {
	fm.CloseLine = 1
	fm.KeyLine = map[string]int{}
	// Blank lines before the "---" are the likeliest slip: say so, and
	// read the front matter from there so the rest is still checked.
	start, startLine := 0, 1
	for {
		line, _, ok := bytes.Cut(src[start:], []byte("\n"))
		if !ok || len(bytes.TrimSpace(line)) > 0 {
			break
		}
		start += len(line) + 1
		startLine++
	}
	first, _, _ := bytes.Cut(src[start:], []byte("\n"))
	if string(bytes.TrimRight(first, " \t")) != "---" {
		d.errorf(1, "no front matter: a briefing must begin with a line \"---\", then its keys (title: …, review: …), then another line \"---\"")
		return nil, 0, fm
	}
	if startLine > 1 {
		d.errorf(1, "the front matter must begin on line 1, but its \"---\" is on line %d; delete the blank lines before it", startLine)
	}
	fm.CloseLine = startLine
	off := start + len(first) + 1
	if off > len(src) {
		off = len(src)
	}
	for pos, line := off, startLine+1; pos < len(src); line++ {
		end := bytes.IndexByte(src[pos:], '\n')
		next := pos + end + 1
		if end < 0 {
			end = len(src) - pos
			next = len(src)
		}
		if string(bytes.TrimRight(src[pos:pos+end], " \t")) == "---" {
			fm.Closed = true
			fm.CloseLine = line
			fm.BodyStart = next
			return src[off:pos], startLine + 1, fm
		}
		pos = next
	}
	d.errorf(startLine, "the front matter begun on line %d is never closed; add a line \"---\" after its last key", startLine)
	fm.BodyStart = len(src)
	return nil, 0, fm
}

// readMeta decodes the front matter's YAML into m, reporting every
// problem with its line in the file.
func readMeta(yml []byte, yamlLine int, fm *frontMatter, opts Options, m *Meta, d *diagSink) {
	off := yamlLine - 1 // YAML line n is file line n+off
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		line, msg := yamlpos.SplitIn(err, yml)
		if line == 0 {
			line = yamlLine
		} else {
			line += off
		}
		hint := "check the indentation and the quotes"
		if yl := line - off; yl >= 1 && bytes.Contains(nthLine(yml, yl), []byte("\t")) {
			hint = "indent with spaces, not tabs"
		} else if strings.Contains(msg, "mapping values are not allowed") {
			hint = "a value containing \": \" must be in quotes, such as title: 'Digital health: what it means for libraries'"
		} else if strings.Contains(msg, "found character that cannot start any token") {
			hint = "a value starting with a character such as ` or @ must be in quotes"
		} else if strings.Contains(msg, "expected ',' or ']'") {
			hint = "a list in square brackets must close on the same line, such as audience: [LKS staff, managers]"
		} else if strings.Contains(msg, "did not find expected key") {
			hint = "each line must be \"key: value\", or a list item \"  - value\" indented under its key like the items before it"
		}
		d.errorf(line, "front matter is not valid YAML: %s; %s", msg, hint)
		return
	}
	var root *yaml.Node
	if len(doc.Content) > 0 {
		root = doc.Content[0]
	}
	if root == nil || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		root = &yaml.Node{Kind: yaml.MappingNode}
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root.Line+off, "front matter must be \"key: value\" lines, not %s", nodeKind(root))
		return
	}

	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		kl := k.Line + off
		if k.Kind != yaml.ScalarNode {
			d.errorf(kl, "a key must be a name such as title, not %s", nodeKind(k))
			continue
		}
		key := k.Value
		if !slices.Contains(Keys, key) {
			if k := LabelKey(key); k != "" {
				// The label the handout prints, typed as the key.
				d.errorf(kl, "unknown key %q; did you mean %q? (the handout prints it as %q)", clean(key), k, clean(key))
				continue
			}
			msg := suggest.Unknown("key", clean(key), key, Keys, "; the keys are "+strings.Join(Keys, ", "))
			d.errorf(kl, "%s", msg)
			continue
		}
		if first, dup := fm.KeyLine[key]; dup {
			d.errorf(kl, "%s is given twice (first on line %d); keep one", key, first)
			continue
		}
		fm.KeyLine[key] = kl
		if v.Kind == yaml.AliasNode && v.Alias != nil {
			v = v.Alias
		}
		vl := v.Line + off
		switch key {
		case "audience", "tags":
			m.setList(key, listValue(key, v, off, d))
		default:
			s, ok := textValue(key, v, off, d)
			if !ok {
				continue
			}
			setText(key, s, vl, m, d)
		}
	}

	checkMeta(fm, opts, m, d)
}

// textValue reads a single value, reporting a list or a set of keys.
func textValue(key string, v *yaml.Node, off int, d *diagSink) (string, bool) {
	vl := v.Line + off
	switch {
	case v.Kind != yaml.ScalarNode:
		d.errorf(vl, "%s must be a single value, not %s; write it as %s", key, nodeKind(v), keyHelp[key])
		return "", false
	case v.Tag == "!!null" && (v.Value == "" || v.Value == "~" || v.Value == "null"):
		d.errorf(vl, "%s has no value; %s", key, fillHint(key))
		return "", false
	}
	s := strings.Join(strings.Fields(v.Value), " ")
	if s == "" {
		d.errorf(vl, "%s is empty; %s", key, fillHint(key))
		return "", false
	}
	if c := clean(s); c != s {
		d.errorf(vl, "%s contains a control character, which cannot appear in a handout; remove it", key)
		s = c
	}
	return s, true
}

// fillHint says how to mend a key given with no value. A key every
// briefing needs must be filled in (removing it only brings "the front
// matter has no …"); another may simply go.
func fillHint(key string) string {
	if _, required := keyNoun[key]; required {
		return "write it as " + keyHelp[key]
	}
	return "write it as " + keyHelp[key] + ", or remove the line"
}

// listValue reads a list of values; a single value is a list of one
// (for tags, a comma-separated list).
func listValue(key string, v *yaml.Node, off int, d *diagSink) []string {
	vl := v.Line + off
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" && (v.Value == "" || v.Value == "~" || v.Value == "null") {
			return nil
		}
		s, ok := textValue(key, v, off, d)
		if !ok {
			return nil
		}
		if key == "tags" {
			var out []string
			for _, t := range strings.Split(s, ",") {
				if t = strings.TrimSpace(t); t != "" {
					out = append(out, t)
				}
			}
			return out
		}
		return []string{s}
	case yaml.SequenceNode:
		var out []string
		for _, it := range v.Content {
			if it.Kind == yaml.AliasNode && it.Alias != nil {
				it = it.Alias
			}
			if it.Kind != yaml.ScalarNode {
				d.errorf(it.Line+off, "each item of %s must be a single value, not %s; write the items as %s: [one, two] or one per line as \"  - one\"", key, nodeKind(it), key)
				continue
			}
			if it.Tag == "!!null" {
				continue
			}
			s := strings.Join(strings.Fields(it.Value), " ")
			if c := clean(s); c != s {
				d.errorf(it.Line+off, "%s contains a control character, which cannot appear in a handout; remove it", key)
				s = c
			}
			if s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	d.errorf(vl, "%s must be a list, not %s; write it as %s", key, nodeKind(v), keyHelp[key])
	return nil
}

func (m *Meta) setList(key string, vals []string) {
	if key == "audience" {
		m.Audience = vals
	} else {
		m.Tags = vals
	}
}

func setText(key, s string, line int, m *Meta, d *diagSink) {
	date := func(dst *Date) {
		dt, err := ParseDate(s)
		if err != nil {
			d.errorf(line, "%s: %v", key, err)
			return
		}
		*dst = dt
	}
	switch key {
	case "title":
		m.Title = s
	case "subtitle":
		m.Subtitle = s
	case "kind":
		k := strings.ReplaceAll(strings.ToLower(s), " ", "-")
		switch k {
		case string(PolicyBriefing), string(HotTopic):
			m.Kind = Kind(k)
		default:
			msg := suggest.Unknown("kind", s, k, Kinds, "; use policy-briefing or hot-topic")
			d.errorf(line, "%s", msg)
		}
	case "producer":
		if msg := TooLong("producer", s, MaxNameLength, NameHint); msg != "" {
			d.errorf(line, "%s", msg)
			return
		}
		m.Producer = s
	case "source":
		m.Source = s
	case "link":
		if msg := TooLong("link", s, MaxLinkLength, LinkHint); msg != "" {
			d.errorf(line, "%s", msg)
			return
		}
		if err := checkLink(s); err != "" {
			d.errorf(line, "link %q %s", s, err)
			return
		}
		m.Link = s
	case "format":
		m.Format = s
	case "published":
		date(&m.Published)
	case "updated":
		date(&m.Updated)
	case "review":
		date(&m.Review)
	case "responsible":
		m.Responsible = s
	case "acknowledgement":
		m.Acknowledgement = s
	case "draft":
		switch strings.ToLower(s) {
		case "true", "yes":
			m.Draft = true
		case "false", "no":
			m.Draft = false
		default:
			d.errorf(line, "draft is %q; write draft: true while the briefing is being written, and remove the line when it is ready", s)
		}
	case "lang":
		tag, ok := LanguageTag(s)
		if !ok {
			d.errorf(line, "lang %q is not a language tag; write one such as en-GB, cy or fr (BCP 47)", s)
			return
		}
		m.Lang = tag
	}
}

// checkLink says what is wrong with the link key, or "".
func checkLink(s string) string {
	u, err := url.Parse(s)
	if err != nil || strings.ContainsAny(s, " \t") {
		return "is not a valid web address; copy the address from the browser's address bar"
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "has no host name; write the full address, such as https://www.example.org/…"
		}
		return ""
	case "":
		return "is not an absolute address; write it in full, starting https://"
	}
	return fmt.Sprintf("is a %s: address; the link to the main document must start http:// or https://", u.Scheme)
}

// checkMeta reports missing fields and inconsistent dates.
func checkMeta(fm *frontMatter, opts Options, m *Meta, d *diagSink) {
	if _, given := fm.KeyLine["kind"]; given && m.Kind == "" {
		// An unknown kind is reported; what else is required depends
		// on the kind meant, so do not guess.
		fm.KindUnknown = true
	}
	if m.Kind == "" {
		m.Kind = PolicyBriefing
	}
	at := fm.CloseLine
	missing := func(key, why string) {
		if _, given := fm.KeyLine[key]; given {
			return // reported where it is given
		}
		d.errorf(at, "the front matter has no %s; add a line %s%s", keyNoun[key], keyHelp[key], why)
	}
	if m.Title == "" {
		missing("title", "")
	}
	if m.Producer == "" && strings.TrimSpace(opts.DefaultProducer) == "" {
		missing("producer", ", or set producer in the project config handouts.yaml")
	}
	if m.Source == "" && m.Kind == PolicyBriefing && !fm.KindUnknown {
		missing("source", "; a policy briefing names who published its driver document (a hot topic need not)")
	}
	if m.Updated.IsZero() {
		missing("updated", "")
	}
	if m.Review.IsZero() {
		missing("review", "")
	}
	if m.Responsible == "" {
		missing("responsible", "")
	}
	if len(m.Audience) == 0 {
		if line, given := fm.KeyLine["audience"]; given {
			d.errorf(line, "audience is empty; list at least one primary audience, such as audience: [LKS staff]")
		} else {
			missing("audience", "")
		}
	}
	if !m.Review.IsZero() && !m.Updated.IsZero() && m.Review.Last().Compare(m.Updated) < 0 {
		d.errorf(fm.KeyLine["review"], "review date %s is before updated date %s; the review is due after the last update", m.Review, m.Updated)
	}
	if !m.Review.IsZero() && !opts.Today.IsZero() && m.Review.Last().Compare(opts.Today) < 0 {
		d.warnf(fm.KeyLine["review"], "review date %s has passed (today is %s); review the briefing, then set updated and a new review date", m.Review, opts.Today)
	}
}

// nodeKind is yamlpos.KindName with a hint for front matter, where a set
// of keys is most often a value with ": " in it that wants quotes.
func nodeKind(n *yaml.Node) string {
	if n.Kind == yaml.MappingNode {
		return yamlpos.KindName(n) + " (if the value contains \": \", put it in quotes)"
	}
	return yamlpos.KindName(n)
}
