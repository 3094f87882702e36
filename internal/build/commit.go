package build

import (
	"context"
	"os"
	"path/filepath"
	"slices"

	"handouts/internal/atomicfile"
)

// Handouts are written in two steps. A worker stages each handout (a
// whole temporary file beside its target) and goes on to the next
// briefing; one committer flushes a batch of staged handouts to the disk
// (with a single flush of the file system, for more than a few), then
// renames each into place.
// An fsync per file cost more CPU and waiting than rendering the handout
// did (see docs/performance.md); the promise is unchanged: a handout is
// on the disk before it is renamed, and the manifest is written after
// every handout is in place.

// FlushBatch is how many staged handouts one flush serves, at most
// (the last batch of a build is smaller).
const FlushBatch = 96

// flushStaged flushes a batch; tests replace it to make the flush fail.
var flushStaged = (*atomicfile.Flusher).Flush

// stagedOutput is a handout written to its temporary file, waiting for
// the flush and the rename.
type stagedOutput struct {
	out    int // index in Item.Outputs
	file   *atomicfile.Staged
	sum    string // hex SHA-256 of its bytes
	inputs string // for the manifest
	size   int64
}

// committer flushes and renames the staged handouts of the items handed
// to it, then passes each item on to done.
type committer struct {
	ctx     context.Context
	e       *env
	items   []*Item
	flusher *atomicfile.Flusher
	done    chan<- int
	batch   []int // items waiting for the next flush
	files   int   // their staged handouts
}

// add takes an item with staged handouts, and flushes when the batch is full.
func (c *committer) add(i int) {
	c.batch = append(c.batch, i)
	c.files += len(c.items[i].staged)
	if c.files >= FlushBatch {
		c.flush()
	}
}

// flush makes the batch durable, renames it into place and hands its
// items on. After an interruption, or when the flush fails, the staged
// handouts are abandoned instead.
func (c *committer) flush() {
	if len(c.batch) == 0 {
		return
	}
	var err error
	if c.ctx.Err() == nil {
		var files []*atomicfile.Staged
		for _, i := range c.batch {
			for _, s := range c.items[i].staged {
				files = append(files, s.file)
			}
		}
		err = flushStaged(c.flusher, files)
		if err == nil {
			err = c.note()
		}
	}
	// In source order, whatever order the workers finished in.
	slices.Sort(c.batch)
	for _, i := range c.batch {
		it := c.items[i]
		for _, s := range it.staged {
			out := &it.Outputs[s.out]
			if c.ctx.Err() != nil {
				s.file.Abandon()
				out.Status = Interrupted
				continue
			}
			if err != nil {
				s.file.Abandon()
				it.Diags.Errorf(out.Path, 0, "cannot write: %s", describe(err))
				failOutput(c.e, out)
				continue
			}
			c.commit(it, s)
		}
		it.staged = nil
		it.Status = worst(it.Outputs)
		c.done <- i
	}
	c.batch, c.files = c.batch[:0], 0
}

// note writes the batch's handouts in the journal before any of them is
// renamed into place, so that a build killed meanwhile still knows each
// as the tool's.
func (c *committer) note() error {
	var notes []journalNote
	for _, i := range c.batch {
		it := c.items[i]
		for _, s := range it.staged {
			notes = append(notes, journalNote{it.Outputs[s.out].Name, s.sum, s.size})
		}
	}
	return c.e.pending.note(notes)
}

// commit renames one flushed and noted handout into place.
func (c *committer) commit(it *Item, s stagedOutput) {
	out := &it.Outputs[s.out]
	target := s.file.Path()
	err := s.file.Commit(func() error {
		if err := c.ctx.Err(); err != nil {
			return err
		}
		return beforeRename(c.ctx, target)
	})
	if err != nil {
		if c.ctx.Err() != nil {
			out.Status = Interrupted
			return
		}
		it.Diags.Errorf(out.Path, 0, "cannot write: %s", describe(err))
		failOutput(c.e, out)
		return
	}
	if st, err := os.Lstat(target); err == nil {
		c.e.sums.rememberName(out.Name, st, s.sum)
	}
	out.Status, out.SHA256 = Built, s.sum
	out.record(s.inputs, s.size)
}

// openFlusher opens the output folder for the committer's flushes.
func openFlusher(dir string) (*atomicfile.Flusher, error) {
	return atomicfile.NewFlusher(filepath.Clean(dir))
}
