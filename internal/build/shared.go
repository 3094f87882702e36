package build

import (
	"sync"

	"handouts/internal/briefing"
	"handouts/internal/pdf"
)

// shared is what the writers of one briefing share: the PDF handout's
// layout, which the Word writer follows (its tightening) and the PDF
// writer draws. Laying out is the larger part of either writer's time,
// so it is done once per briefing, by whichever writer comes first.
type shared struct {
	mu     sync.Mutex
	layout *pdf.Layout
}

// layOut returns the PDF layout of d with o: the one already made when
// it was made with the same options, else a new one, kept for the next
// writer.
func (s *shared) layOut(d *briefing.Document, o pdf.Options) (*pdf.Layout, error) {
	if s == nil {
		return pdf.LayOut(d, o)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.layout.Of(d, o) {
		return s.layout, nil
	}
	lay, err := pdf.LayOut(d, o)
	if err == nil {
		s.layout = lay
	}
	return lay, err
}
