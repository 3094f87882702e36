package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"hash"
	"io"
	"os"
	"slices"

	"handouts/internal/atomicfile"
	"handouts/internal/boundedfile"
	"handouts/internal/manifest"
)

// The manifest, SHA256SUMS and the catalogue entries of a library of
// 10,000 briefings are megabytes each. Made whole in memory (and read
// whole to be compared with the file in place), they were most of a
// build's peak memory. writeStream makes them a piece at a time instead,
// comparing each piece with the file in place as it is made, and writes
// a new file only from the first difference on; nothing is written when
// the file is already those bytes.

// writeStream writes the bytes gen makes to the file p, atomically and
// flushed to the disk, unless p already holds exactly those bytes. It
// returns their SHA-256 and size, and whether p was written.
func writeStream(p string, gen func(io.Writer) error) (sum [32]byte, size int64, wrote bool, err error) {
	return writeStreamOpts(p, gen, atomicfile.Options{Sync: true})
}

// writeStreamOpts is writeStream, writing with the options o.
func writeStreamOpts(p string, gen func(io.Writer) error, o atomicfile.Options) (sum [32]byte, size int64, wrote bool, err error) {
	w := &sameWriter{p: p, h: sha256.New(), o: o}
	if f, err := boundedfile.Open(p); err == nil {
		w.old = f
		defer f.Close()
	}
	defer func() {
		if w.out != nil && err != nil {
			w.out.Abort()
		}
	}()
	if err = gen(w); err == nil && w.err != nil {
		err = w.err
	}
	if err != nil {
		return sum, 0, false, err
	}
	if w.out == nil && !w.oldEnds() {
		if err = w.diverge(); err != nil {
			return sum, 0, false, err
		}
	}
	copy(sum[:], w.h.Sum(nil))
	if w.out == nil {
		return sum, w.n, false, nil
	}
	err = w.out.Commit()
	w.out = nil
	return sum, w.n, err == nil, err
}

// sameWriter compares what is written with the file in place (old)
// until they differ, then writes into a new file (out).
type sameWriter struct {
	p   string
	old *os.File // the file in place, read as far as n; nil if none
	buf []byte
	n   int64 // bytes written so far
	h   hash.Hash
	out *atomicfile.File
	o   atomicfile.Options // for out
	err error
}

func (w *sameWriter) Write(b []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	if w.out == nil && !w.oldHas(b) {
		w.err = w.diverge()
	}
	if w.err == nil && w.out != nil {
		_, w.err = w.out.Write(b)
	}
	if w.err != nil {
		return 0, w.err
	}
	w.h.Write(b)
	w.n += int64(len(b))
	return len(b), nil
}

// oldHas reports whether the file in place goes on with b, reading it.
func (w *sameWriter) oldHas(b []byte) bool {
	if w.old == nil {
		return false
	}
	if w.buf == nil {
		w.buf = make([]byte, 64<<10)
	}
	for len(b) > 0 {
		k := min(len(b), len(w.buf))
		if _, err := io.ReadFull(w.old, w.buf[:k]); err != nil || !bytes.Equal(w.buf[:k], b[:k]) {
			return false
		}
		b = b[k:]
	}
	return true
}

// oldEnds reports whether the file in place ends where the bytes made do.
func (w *sameWriter) oldEnds() bool {
	if w.old == nil {
		return false
	}
	var one [1]byte
	n, err := w.old.Read(one[:])
	return n == 0 && err == io.EOF
}

var errChangedMeanwhile = errors.New("changed by another program while being written")

// diverge starts the new file with the n bytes made so far, which the
// file in place was found to begin with: they are copied from it and
// checked against the hash of what was made (Sum leaves w.h as it is).
func (w *sameWriter) diverge() error {
	out, err := atomicfile.Create(w.p, w.o)
	if err != nil {
		return err
	}
	w.out = out
	if w.n == 0 {
		return nil
	}
	copied := sha256.New()
	if _, err := w.old.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.CopyN(io.MultiWriter(out, copied), w.old, w.n); err != nil {
		return err
	}
	if !bytes.Equal(w.h.Sum(nil), copied.Sum(nil)) {
		return errChangedMeanwhile
	}
	return nil
}

// writeIfChangedStream is writeStream for a caller that needs only its
// error.
func writeIfChangedStream(p string, gen func(io.Writer) error) error {
	_, _, _, err := writeStream(p, gen)
	return err
}

// writeSums writes SHA256SUMS: a line for each file m records, but those
// not as recorded (notOurs).
func writeSums(w io.Writer, m *manifest.Manifest, notOurs map[string]bool) error {
	names := m.Names()
	bw := bufio.NewWriterSize(w, manifest.BufferFor(len(names), 160))
	for _, name := range names {
		if notOurs[name] {
			continue
		}
		bw.WriteString(m.Outputs[name].SHA256)
		bw.WriteString("  ")
		bw.WriteString(name)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// hashOf is the SHA-256 and size of the bytes gen makes, which are not
// kept.
func hashOf(gen func(io.Writer) error) (sum [32]byte, size int64, err error) {
	h := sha256.New()
	c := &countWriter{w: h}
	if err := gen(c); err != nil {
		return sum, 0, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, c.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// writeEntryCache writes the catalogue entries kept between builds
// (EntriesName), the bytes json.MarshalIndent makes of an entryCache
// with a final newline, an entry at a time.
func writeEntryCache(w io.Writer, entries map[string]cachedEntry) error {
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return manifest.EncodeObject(w, entryCacheVersion, "entries", keys, func(bw *bufio.Writer, k string) error {
		b, err := json.MarshalIndent(entries[k], "    ", "  ")
		if err != nil {
			return err
		}
		_, err = bw.Write(b)
		return err
	})
}
