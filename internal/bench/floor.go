package main

import (
	"os"
	"path/filepath"
	"sync"
	"time"

	"handouts/internal/atomicfile"
)

// floor measures what the disk costs: every file the build left in out
// (the handouts, the manifest, the checksums, the catalogue) written
// again into a new folder by workers goroutines, each the way the build
// writes a handout: a temporary file, written, flushed with fsync and
// renamed into place; then the folder flushed once. The files are read
// before the clock starts, so only the writing is timed. It returns the
// wall and CPU time (user+sys of this process), the bytes and the files.
//
// With batch > 0 the files are written as the build writes them
// (internal/atomicfile's Stage): batch temporary files are flushed to
// the disk together, then put in place, instead of one fsync per file
// (on Linux, as for a new handout, each is unnamed until it is linked
// into place).
func floor(out, dir string, workers, batch int) (measurement, int64, int, error) {
	entries, err := os.ReadDir(out)
	if err != nil {
		return measurement{}, 0, 0, err
	}
	type file struct {
		name string
		data []byte
	}
	var files []file
	var size int64
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(out, e.Name()))
		if err != nil {
			return measurement{}, 0, 0, err
		}
		files = append(files, file{e.Name(), b})
		size += int64(len(b))
	}
	if err := os.RemoveAll(dir); err != nil {
		return measurement{}, 0, 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return measurement{}, 0, 0, err
	}
	write := func(f file) error {
		tmp := filepath.Join(dir, "."+f.name+".tmp")
		w, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return err
		}
		if _, err := w.Write(f.data); err != nil {
			w.Close()
			return err
		}
		if err := w.Sync(); err != nil {
			w.Close()
			return err
		}
		if err := w.Close(); err != nil {
			return err
		}
		return os.Rename(tmp, filepath.Join(dir, f.name))
	}
	flusher, err := atomicfile.NewFlusher(dir)
	if err != nil {
		return measurement{}, 0, 0, err
	}
	defer flusher.Close()
	var mu sync.Mutex
	var staged []*atomicfile.Staged
	// flushStaged flushes and renames what is staged; mu is held.
	flushStaged := func() error {
		if len(staged) == 0 {
			return nil
		}
		if err := flusher.Flush(staged); err != nil {
			return err
		}
		for _, s := range staged {
			if err := s.Commit(nil); err != nil {
				return err
			}
		}
		staged = staged[:0]
		return nil
	}
	if batch > 0 {
		write = func(f file) error {
			// New: the folder is new, as a cold build's handouts are.
			s, err := atomicfile.Stage(filepath.Join(dir, f.name), f.data, atomicfile.Options{Sync: true, New: true})
			if err != nil {
				return err
			}
			mu.Lock()
			defer mu.Unlock()
			if staged = append(staged, s); len(staged) >= batch {
				return flushStaged()
			}
			return nil
		}
	}
	before := cpuTime()
	start := time.Now()
	jobs := make(chan file)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			failed := false
			for f := range jobs {
				if failed {
					continue // drain: the sender would wait for a worker forever
				}
				if err := write(f); err != nil {
					errs <- err
					failed = true
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	if err := flushStaged(); err != nil {
		select {
		case errs <- err:
		default: // a worker's error is already there
		}
	}
	d, err := os.Open(dir)
	if err == nil {
		err = d.Sync()
		d.Close()
	}
	m := measurement{wall: time.Since(start), cpu: cpuTime() - before}
	close(errs)
	if e := <-errs; e != nil {
		err = e
	}
	os.RemoveAll(dir)
	return m, size, len(files), err
}
