package briefing

import (
	"strings"
)

// SectionNames are the headings that name each standard section, the
// canonical one first. Headings match case-insensitively, ignoring
// straight or curly quotes, a final "?", ":" or ".", extra spaces and
// "&" for "and".
var SectionNames = map[Role][]string{
	Impact: {
		"Impact on library policy/practice",
		"Impact on library policy and practice",
		"Impact on library practice",
		"Impact on library policy",
		"Impact on libraries",
		"Impact",
		"What does this mean for libraries?",
		"What does this mean for library services?",
		"What does this mean for LKS?",
		"What this means for libraries",
		"Implications for libraries",
		"Implications for library services",
	},
	Summary: {
		"Summary of driver",
		"Summary of the driver",
		"Summary of driver document",
		"Summary of the driver document",
		"Driver summary",
		"Summary",
	},
	KeyFeatures: {
		"Key features of driver",
		"Key features of the driver",
		"Key features",
		"Key points",
		"Key messages",
	},
	FurtherReading: {
		"Further reading",
		"References",
		"Reading",
		"Reading list",
		"Bibliography",
	},
}

// roleOrder lists the standard roles in handout order.
var roleOrder = []Role{Impact, Summary, KeyFeatures, FurtherReading}

var roleByName = func() map[string]Role {
	m := map[string]Role{}
	for role, names := range SectionNames {
		for _, n := range names {
			m[normHeading(n)] = role
		}
	}
	return m
}()

// RoleOf returns the standard section a heading names, or Other.
func RoleOf(heading string) Role {
	return roleByName[normHeading(heading)]
}

// Name is the canonical heading of a standard section, "" for Other.
func (r Role) Name() string {
	if names := SectionNames[r]; len(names) > 0 {
		return names[0]
	}
	return ""
}

// headingMarks makes the quotes, ampersands and slashes of a heading
// alike; made once, as building a replacer costs more than using it.
var headingMarks = strings.NewReplacer("’", "'", "‘", "'", "“", "", "”", "", "\"", "", "&", " and ", " / ", "/", "/ ", "/", " /", "/")

func normHeading(s string) string {
	s = strings.ToLower(s)
	s = headingMarks.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, "?:. ")
	return s
}
