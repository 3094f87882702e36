package build

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"handouts/internal/atomicfile"
	"handouts/internal/boundedfile"
	"handouts/internal/manifest"
)

// journalName is the file in the output folder where a build notes each
// handout just before renaming it into place: "sha256 size name" lines.
// A build killed between a rename and the manifest leaves the note, so
// the next build knows the file as one of the tool's own, complete,
// handouts (though not what it was built from) and rebuilds it instead
// of calling it changed by hand. A build that records its handouts in
// the manifest drops the notes the manifest now covers.
const journalName = ".handouts-pending"

// maxJournalBytes bounds the journal read; beyond it (or unreadable) it
// is ignored, which is safe: a file not known is only ever kept.
const maxJournalBytes = 16 << 20

type pendingEntry struct {
	sum  string
	size int64
}

type journal struct {
	dir     string
	existed bool                      // a journal was there at the start
	earlier map[string][]pendingEntry // noted by earlier, killed builds

	mu   sync.Mutex
	f    *os.File
	made map[string][]pendingEntry // noted by this build
}

// openJournal reads what earlier builds noted in dir and opens the
// journal to note this build's handouts.
func openJournal(dir string) (*journal, error) {
	j := &journal{dir: dir, earlier: map[string][]pendingEntry{}, made: map[string][]pendingEntry{}}
	p := filepath.Join(dir, journalName)
	data, err := boundedfile.Read(p, maxJournalBytes)
	if err == nil {
		j.earlier, j.existed = parseJournal(data), true
	} else if !errors.Is(err, fs.ErrNotExist) {
		var tl *boundedfile.TooLargeError
		if !errors.As(err, &tl) && !errors.Is(err, boundedfile.ErrNotRegular) {
			return nil, err
		}
	}
	return j, nil
}

func parseJournal(data []byte) map[string][]pendingEntry {
	out := map[string][]pendingEntry{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 4096), 4096)
	for sc.Scan() {
		f := strings.SplitN(sc.Text(), " ", 3)
		if len(f) != 3 || len(f[0]) != 64 || !manifest.ValidName(f[2]) {
			continue // a line cut short by the kill
		}
		size, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || size < 0 {
			continue
		}
		out[f[2]] = append(out[f[2]], pendingEntry{f[0], size})
	}
	return out
}

// journalNote is a handout about to be renamed into place.
type journalNote struct {
	name, sum string
	size      int64
}

// note records that each handout of a batch is about to be replaced by a
// file of the given SHA-256 and size, with one write for the batch. The
// lines are written before any rename, so they survive the process being
// killed; a note whose rename never comes matches no file on the disk,
// and so changes nothing. They are not flushed to the disk (that would
// double the flushes of a build, whose handouts are flushed already), so
// after a power cut a handout renamed in the last seconds may still be
// reported as changed by hand (--force rebuilds it).
func (j *journal) note(notes []journalNote) error {
	if len(notes) == 0 {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f == nil {
		f, err := os.OpenFile(filepath.Join(j.dir, journalName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
		if err != nil {
			return err
		}
		j.f = f
	}
	var b []byte
	for _, n := range notes {
		b = appendJournalLine(b, n.name, pendingEntry{n.sum, n.size})
	}
	// One write of whole lines: O_APPEND keeps them whole; a line cut
	// short by a kill is dropped when the journal is read.
	if _, err := j.f.Write(b); err != nil {
		return err
	}
	for _, n := range notes {
		j.made[n.name] = append(j.made[n.name], pendingEntry{n.sum, n.size})
	}
	return nil
}

// sizes are the sizes an earlier build noted for name.
func (j *journal) sizes(name string) []int64 {
	var out []int64
	for _, e := range j.earlier[name] {
		out = append(out, e.size)
	}
	return out
}

// has reports whether an earlier build noted name with this SHA-256.
func (j *journal) has(name, sum string) bool {
	for _, e := range j.earlier[name] {
		if sum != "" && e.sum == sum {
			return true
		}
	}
	return false
}

// onDisk is onDisk of the file at p, the handout name, with noted true
// when a file not as recorded is one an earlier build noted for name: a
// complete handout of the tool's own. One look serves both (a second
// would lstat the file again, and might hash it again).
func (j *journal) onDisk(name, p string, rec manifest.Record) (state diskState, noted bool) {
	state, sum := look(p, append([]int64{rec.Size}, j.sizes(name)...)...)
	switch {
	case state != diskRegular:
		return state, false
	case rec.SHA256 != "" && sum == rec.SHA256:
		return diskOurs, false
	}
	return diskChanged, j.has(name, sum)
}

// settle rewrites the journal once the manifest m is written: a note the
// manifest now covers is dropped; one for a file still in place that m
// does not record (a handout of a briefing not in this build) is kept.
func (j *journal) settle(m *manifest.Manifest) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !j.existed && j.f == nil {
		return nil // nothing noted, before or now
	}
	var keep []byte
	for _, notes := range []map[string][]pendingEntry{j.earlier, j.made} {
		for _, name := range sortedKeys(notes) {
			for _, e := range notes[name] {
				if rec, ok := m.Outputs[name]; ok && rec.SHA256 == e.sum {
					continue
				}
				if state, sum := look(filepath.Join(j.dir, name), e.size); state != diskRegular || sum != e.sum {
					continue
				}
				keep = appendJournalLine(keep, name, e)
			}
		}
	}
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
	p := filepath.Join(j.dir, journalName)
	if len(keep) == 0 {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	return atomicfile.Write(p, keep, atomicfile.Options{Sync: true})
}

func (j *journal) close() {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.f != nil {
		j.f.Close()
		j.f = nil
	}
}

// appendJournalLine appends the journal's line for e, a note of name.
func appendJournalLine(b []byte, name string, e pendingEntry) []byte {
	return fmt.Appendf(b, "%s %d %s\n", e.sum, e.size, name)
}

func sortedKeys(m map[string][]pendingEntry) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
