package build

import (
	"context"
	"io"
	"testing"
	"time"

	"handouts/internal/briefing"
	"handouts/internal/build/buildtest"
	"handouts/internal/diag"
)

// A signal (a cancelled context) stops the build in the middle of a long
// step, not when the step ends: here a writer that would run for a
// minute. Run must return while the writer is still at work, with the
// handout reported as not built and nothing half-written.
func TestCancelStopsALongStep(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	started := make(chan struct{}, 2)
	release := make(chan struct{})
	finished := make(chan struct{}, 2)
	slow := func(w io.Writer, d *briefing.Document, e *env, s *shared) error {
		started <- struct{}{}
		select {
		case <-release:
		case <-time.After(time.Minute):
		}
		finished <- struct{}{}
		return nil
	}
	writers = map[string]writeFunc{"docx": slow, "pdf": slow}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-started
		cancel()
	}()
	res, err := Run(ctx, Options{Jobs: 1})
	if err != nil {
		t.Fatal(err)
	}
	select {
	case <-finished:
		t.Fatal("Run waited for the writer to finish")
	default:
	}
	close(release)
	if !res.Interrupted {
		t.Error("not reported as interrupted")
	}
	equal(t, "statuses", statuses(res), []string{"sources/a.md interrupted", "sources/b.md interrupted"})
	buildtest.CheckConsistent(t, "out")
}

// So does a parser that would take a minute.
func TestCancelStopsALongParse(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	release := make(chan struct{})
	defer close(release)
	ctx, cancel := context.WithCancel(context.Background())
	parse = func(path string, src []byte, o briefing.Options) (*briefing.Document, diag.List) {
		cancel()
		select {
		case <-release:
		case <-time.After(time.Minute):
		}
		return fakeParse(path, src, o)
	}
	done := make(chan *Result)
	go func() {
		res, _ := Run(ctx, Options{Jobs: 1})
		done <- res
	}()
	select {
	case res := <-done:
		equal(t, "statuses", statuses(res), []string{"sources/a.md interrupted"})
	case <-time.After(30 * time.Second):
		t.Fatal("Run waited for the parser")
	}
}
