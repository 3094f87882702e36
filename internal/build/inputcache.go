package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/picture"
)

// With nothing changed, a build of a big library spends most of its time
// reading and hashing every briefing and every picture it shows, only to
// find the hashes it had. The checksum cache (sumcache.go) therefore
// also keeps the SHA-256 of each briefing and picture read, with what
// stat said of the file then: device, inode, size, modification and
// change times, as Git's index does. A briefing whose stat says the same,
// and whose handouts are all as recorded, is not read at all.
//
// Why a matching stat means the same bytes: any write to a file sets its
// change time to the file system's clock, and nothing can set it back.
// The one gap is the clock's granularity: a file written again within
// the same tick as the time recorded keeps that time. So an entry is
// recorded only for a file whose change time is at least racyMargin
// before the build started (clockNow, read before the briefings are
// listed): any later write gives it a later change time. The margin also
// covers a file system whose clock runs a little apart from this
// machine's. A file changed more recently is read and hashed every time
// until it is older than that.

// racyMargin and clockNow: see above. Tests change them.
var (
	racyMargin = 2 * time.Second
	clockNow   = time.Now
)

// inStamp is what stat says of an input file.
type inStamp struct {
	dev, ino, size, mtime, ctime int64
}

// inEntry is the cache's knowledge of one input file.
type inEntry struct {
	stamp inStamp
	sum   [32]byte
	// flag, for a briefing: 'p' when it may show pictures (it holds
	// "![", so their addresses are kept as "pics"), '-' when it shows
	// none. For a picture '-'.
	flag byte
}

// inputKey is an input file's key in the cache: its absolute path, or ""
// when it has none fit for a line of the cache. The working folder is
// the one at the start of the build (filepath.Abs would look it up for
// each file).
func (c *sumCache) inputKey(p string) string {
	abs := p
	if !filepath.IsAbs(p) {
		if c.cwd == "" {
			return ""
		}
		abs = filepath.Join(c.cwd, p)
	}
	if strings.ContainsAny(abs, "\n\r") {
		return ""
	}
	return abs
}

// settleBefore sets the time before which a file must have last changed
// for its entry to be recorded: racyMargin before began, the start of
// the build.
func (c *sumCache) settleBefore(began time.Time) {
	if c != nil {
		c.settled = began.Add(-racyMargin).UnixNano()
	}
}

// inputSum returns the cached entry of the input file p whose stat is
// st, when the cache knows it as it is now; the entry is kept for the
// next build.
func (c *sumCache) inputSum(p string, st fs.FileInfo) (inEntry, bool) {
	if c == nil || st == nil {
		return inEntry{}, false
	}
	s, ok := inStampOf(st)
	key := c.inputKey(p)
	if !ok || key == "" {
		return inEntry{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, found := c.ins[key]
	if !found || e.stamp != s {
		return inEntry{}, false
	}
	c.insUsed[key] = e
	return e, true
}

// rememberInput records that the input file p, whose stat was st before
// its bytes were read, hashes to sum; only if it last changed before the
// build's settled time.
func (c *sumCache) rememberInput(p string, st fs.FileInfo, sum [32]byte, flag byte) {
	if c == nil || st == nil {
		return
	}
	s, ok := inStampOf(st)
	key := c.inputKey(p)
	if !ok || key == "" {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s.ctime >= c.settled || s.mtime >= c.settled {
		// Changed just before the build: looked at again at its end.
		c.racy = append(c.racy, racyInput{key, inEntry{s, sum, flag}})
		return
	}
	c.insUsed[key] = inEntry{s, sum, flag}
}

// racyInput is an input file read that had changed too lately to be
// recorded, by its key.
type racyInput struct {
	key   string
	entry inEntry
}

// settleRacy looks again, at the end of a build, at the input files
// that had changed too lately to be recorded when read: one whose change
// time is now racyMargin in the past, and whose stat is still the one
// taken before it was read, is read and hashed again, and recorded if
// its bytes are still those hashed then. A build started just after
// its briefings were written (a fresh copy, a checkout) thus leaves
// them recorded for the next one, at the cost of reading them twice.
func (c *sumCache) settleRacy() {
	if c == nil {
		return
	}
	settled := clockNow().Add(-racyMargin).UnixNano()
	for _, r := range c.racy {
		key, e := r.key, r.entry
		if e.stamp.ctime >= settled || e.stamp.mtime >= settled {
			continue
		}
		st, err := os.Stat(key)
		if err != nil {
			continue
		}
		if s, ok := inStampOf(st); !ok || s != e.stamp {
			continue
		}
		data, err := boundedfile.Read(key, max(picture.MaxFileBytes, briefing.MaxFileSize))
		if err != nil || sha256.Sum256(data) != e.sum {
			continue
		}
		c.insUsed[key] = e
	}
	c.racy = nil
}

// parseInput reads an "in" line of the cache (without "in "):
// "sum flag dev ino size mtime ctime path", kept when the file last
// changed before the cache was written.
func (c *sumCache) parseInput(line string, written int64) {
	f := strings.SplitN(line, " ", 8)
	if len(f) != 8 || len(f[0]) != 64 || len(f[1]) != 1 || (f[1] != "p" && f[1] != "-") || !filepath.IsAbs(f[7]) {
		return
	}
	var e inEntry
	if n, err := hex.Decode(e.sum[:], []byte(f[0])); err != nil || n != 32 {
		return
	}
	e.flag = f[1][0]
	var n [5]int64
	for i := range n {
		v, err := strconv.ParseInt(f[i+2], 10, 64)
		if err != nil {
			return
		}
		n[i] = v
	}
	e.stamp = inStamp{n[0], n[1], n[2], n[3], n[4]}
	if e.stamp.ctime >= written || e.stamp.mtime >= written {
		return
	}
	c.ins[strings.Clone(f[7])] = e // not keeping the whole line
}

// writeInputs appends the entries used in this build to b, sorted.
func (c *sumCache) writeInputs(b *bufio.Writer) {
	keys := make([]string, 0, len(c.insUsed))
	for k := range c.insUsed {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		e := c.insUsed[k]
		s := e.stamp
		b.WriteString("in ")
		b.Write(hex.AppendEncode(b.AvailableBuffer(), e.sum[:]))
		b.WriteByte(' ')
		b.WriteByte(e.flag)
		for _, n := range []int64{s.dev, s.ino, s.size, s.mtime, s.ctime} {
			b.WriteByte(' ')
			b.Write(strconv.AppendInt(b.AvailableBuffer(), n, 10))
		}
		b.WriteByte(' ')
		b.WriteString(k)
		b.WriteByte('\n')
	}
}

// sourceFlag is a briefing's flag for the cache, or 0 when it is not to
// be cached: one that shows pictures without holding "![" is not
// expected, but would not be settled by its flag.
func sourceFlag(src, pics []byte) byte {
	switch {
	case bytes.Contains(src, []byte("![")):
		return 'p'
	case pics == nil:
		return '-'
	}
	return 0
}

// rememberSource records the SHA-256 of an item's briefing, read as
// listed (its stat is the listing's, taken before the read).
func (c *sumCache) rememberSource(it *Item, sum [32]byte, src, pics []byte) {
	if flag := sourceFlag(src, pics); flag != 0 {
		c.rememberInput(filepath.FromSlash(it.Source), it.file.Info, sum, flag)
	}
}

// pictureFileSum hashes the picture file f as picturesSumOf reads it,
// from the cache when its stat is unchanged.
func (c *sumCache) pictureFileSum(f string) ([32]byte, error) {
	var st fs.FileInfo
	if c != nil {
		if s, err := os.Stat(f); err == nil && s.Mode().IsRegular() {
			if e, ok := c.inputSum(f, s); ok {
				return e.sum, nil
			}
			st = s
		}
	}
	data, err := boundedfile.Read(f, picture.MaxFileBytes)
	if err != nil {
		return [32]byte{}, err
	}
	sum := sha256.Sum256(data)
	if st != nil && st.Size() == int64(len(data)) {
		c.rememberInput(f, st, sum, '-')
	}
	return sum, nil
}

// unchangedByStamp settles an item whose handouts are all up to date by
// what the cache knows of its briefing and pictures, without reading
// the briefing. It returns false, changing nothing, when anything is
// not known or not up to date: the item is then built as usual.
func unchangedByStamp(e *env, it *Item) bool {
	if e.o.Force || e.sums == nil {
		return false
	}
	ent, ok := e.sums.inputSum(filepath.FromSlash(it.Source), it.file.Info)
	if !ok {
		return false
	}
	srcSum := ent.sum
	if ent.flag == 'p' {
		pics, ok := e.sums.knownPicturesSum(it.Source, srcSum, e.parseOpts.Root)
		if !ok {
			return false
		}
		if pics != nil {
			srcSum = mixPictures(srcSum, pics)
		}
	}
	sums := make([]string, len(it.Outputs))
	for i := range it.Outputs {
		out := &it.Outputs[i]
		rec, ok := e.old.Outputs[out.Name]
		if !ok || rec.Inputs != inputsKey(e.base[out.Format], it.Source, srcSum[:]) ||
			onDisk(filepath.Join(e.out, out.Name), rec) != diskOurs {
			return false
		}
		sums[i] = rec.SHA256
	}
	for i := range it.Outputs {
		it.Outputs[i].Status, it.Outputs[i].SHA256 = Unchanged, sums[i]
	}
	return true
}

// mixPictures is a briefing's hash with its pictures' hash mixed in.
func mixPictures(srcSum [32]byte, pics []byte) [32]byte {
	h := sha256.New()
	h.Write(srcSum[:])
	h.Write(pics)
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}
