package build

import (
	"context"

	"handouts/internal/briefing"
	"handouts/internal/diag"
)

// untilCancelled runs f in a goroutine of its own and returns its result,
// or ctx's error as soon as ctx is cancelled. Parsing and rendering are
// steps that do not look at ctx themselves; this way a signal stops the
// build at once, not when the step happens to end. An abandoned step runs
// on unwatched until it ends (or the program does); what it makes is
// dropped.
func untilCancelled[T any](ctx context.Context, f func() T) (T, error) {
	if err := ctx.Err(); err != nil {
		var zero T
		return zero, err
	}
	done := make(chan T, 1) // buffered: an abandoned step can still finish
	runStep(func() { done <- f() })
	select {
	case v := <-done:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

type parsed struct {
	doc   *briefing.Document
	diags diag.List
}

type rendered struct {
	data []byte
	err  error
}

// parseCtx is parse, abandoned when ctx is cancelled.
func parseCtx(ctx context.Context, path string, src []byte, o briefing.Options) (*briefing.Document, diag.List, error) {
	p, err := untilCancelled(ctx, func() parsed {
		doc, diags := parse(path, src, o)
		return parsed{doc, diags}
	})
	return p.doc, p.diags, err
}

// renderCtx is render, abandoned when ctx is cancelled.
func renderCtx(ctx context.Context, w writeFunc, d *briefing.Document, e *env, s *shared) ([]byte, error, error) {
	r, err := untilCancelled(ctx, func() rendered {
		data, err := render(w, d, e, s)
		return rendered{data, err}
	})
	return r.data, r.err, err
}
