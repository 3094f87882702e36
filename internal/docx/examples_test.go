package docx

import (
	"testing"

	"handouts/internal/briefing"
)

// exampleDocs returns the project's example briefings by name, once they
// can be parsed.
func exampleDocs(t *testing.T) map[string]*briefing.Document {
	return nil
}
