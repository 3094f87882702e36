package briefing

import (
	"os"
	"strings"
	"testing"
)

// The table of sections in docs/format.md lists exactly the headings the
// code recognises, role by role and in the same order (the canonical one
// first), and says which are required as the code requires them.
func TestSectionTableMatchesTheCode(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "| Section | Headings | Required |")
	if !ok {
		t.Fatal("docs/format.md has no table of sections")
	}
	rows := map[string][]string{}
	required := map[string]string{}
	for _, line := range strings.Split(after, "\n")[2:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.Split(strings.Trim(line, "| "), "|")
		if len(cells) != 3 {
			t.Fatalf("row %q has %d cells", line, len(cells))
		}
		var names []string
		for _, n := range strings.Split(cells[1], ";") {
			names = append(names, strings.TrimSpace(n))
		}
		section := strings.TrimSpace(cells[0])
		rows[section] = names
		required[section] = strings.TrimSpace(cells[2])
	}
	// The table's name for each role.
	docName := map[Role]string{Impact: "Impact", Summary: "Driver summary", KeyFeatures: "Key features", FurtherReading: "Further reading"}
	want := map[Role]string{Impact: "always", Summary: "for a policy briefing", KeyFeatures: "no", FurtherReading: "no"}
	if len(rows) != len(SectionNames) {
		t.Errorf("the table has %d sections, the code %d", len(rows), len(SectionNames))
	}
	for role, names := range SectionNames {
		got, ok := rows[docName[role]]
		if !ok {
			t.Errorf("no row %q for %s", docName[role], role.Name())
			continue
		}
		if strings.Join(got, "; ") != strings.Join(names, "; ") {
			t.Errorf("%s:\n docs: %s\n code: %s", docName[role], strings.Join(got, "; "), strings.Join(names, "; "))
		}
		if required[docName[role]] != want[role] {
			t.Errorf("%s: the table says required %q, want %q", docName[role], required[docName[role]], want[role])
		}
		for _, n := range got {
			if RoleOf(n) != role {
				t.Errorf("%q in the table is not recognised as %s", n, role.Name())
			}
		}
	}
	// What is required is what the validator asks for.
	hot := "---\ntitle: T\nkind: hot-topic\nproducer: P\nupdated: 2018-02\nreview: 2019-02\nresponsible: VT\naudience: [A]\n---\n\n## Key points\n- x\n"
	_, d := Parse("x.md", []byte(hot), Options{})
	if !strings.Contains(limitDiags(hot), "Impact") || strings.Contains(limitDiags(hot), "Summary of driver") {
		t.Errorf("a hot topic without impact: %v", d)
	}
	policy := strings.Replace(hot, "kind: hot-topic\n", "source: S\n", 1) + "\n## Impact\n- y\n"
	if !strings.Contains(limitDiags(policy), "Summary of driver") {
		t.Errorf("a policy briefing without a driver summary: %s", limitDiags(policy))
	}
}
