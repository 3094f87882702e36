package main

import (
	"os"
	"path/filepath"
	"sync"
	"time"
)

// floor measures what the disk costs: every file the build left in out
// (the handouts, the manifest, the checksums, the catalogue) written
// again into a new folder by workers goroutines, each the way the build
// writes a handout: a temporary file, written, flushed with fsync and
// renamed into place; then the folder flushed once. The files are read
// before the clock starts, so only the writing is timed. It returns the
// wall and CPU time (user+sys of this process), the bytes and the files.
func floor(out, dir string, workers int) (measurement, int64, int, error) {
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
	before := cpuTime()
	start := time.Now()
	jobs := make(chan file)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				if err := write(f); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
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
