package build

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"handouts/internal/atomicfile"
	"handouts/internal/boundedfile"
	"handouts/internal/briefing"
	"handouts/internal/manifest"
)

// A build compares every handout in place with its record by SHA-256,
// so that one changed by hand is never overwritten; with nothing to
// build that is most of its time (hundreds of megabytes for a big
// library). A cache keeps, like Git's index, each handout's hash with
// what lstat said of it then: inode, size, modification and change
// times. A file whose lstat says the same has not been written since:
// any write changes its change time (ctime), which no program can set
// back. Entries whose change time is not older than the cache file
// itself are not trusted (a file changed again within the same clock
// tick would look the same), and the file is hashed as before.
//
// The cache lives in the user's cache folder (sumCachePath), one file
// per output folder, not in the output folder: it holds inode numbers
// and times, and the output folder is the same bytes on every machine.
// It is a hint only: missing, damaged, unwritable or from another
// system, every file is hashed; it is written without fsync for that
// reason. The output folder's lock covers its cache file too.

// maxSumCacheBytes bounds the read; a bigger cache is ignored.
const maxSumCacheBytes = 64 << 20

// fileStamp is what lstat says of a file, for the cache.
type fileStamp struct {
	ino, size, mtime, ctime int64
}

// stampOf is what the cache keeps of a handout's lstat: inStampOf's,
// less the device (the output folder is one). Where inStampOf knows no
// change time, nothing is cached and every handout is hashed.
func stampOf(st fs.FileInfo) (fileStamp, bool) {
	s, ok := inStampOf(st)
	return fileStamp{ino: s.ino, size: s.size, mtime: s.mtime, ctime: s.ctime}, ok
}

type sumEntry struct {
	stamp fileStamp
	sum   [32]byte
}

type sumCache struct {
	dir  string // the output folder
	path string // the cache file

	mu      sync.Mutex
	entries map[string]sumEntry // by file name in dir
	// pics are the picture addresses of briefings (briefing.PictureURLs),
	// by picsKey; picsUsed those asked for in this build, kept.
	pics, picsUsed map[string][]string
	// ins are the hashes of briefings and pictures by their stat, by
	// absolute path (inputcache.go); insUsed those met in this build,
	// kept. settled: see settleBefore.
	ins, insUsed map[string]inEntry
	settled      int64
	// racy are the input files read that had changed too lately to be
	// recorded (settleRacy).
	racy []racyInput
	// site is the "site" line read (sitecache.go), siteNew the one to
	// write.
	site, siteNew string
	// cwd is the working folder, for inputKey; resolved the picture
	// files of a folder's briefings by their addresses, for this build.
	cwd      string
	resolved map[string][]string
}

// sumCaches are the caches of the output folders being built, by
// folder; each folder is locked by its build (lockFolder).
var sumCaches sync.Map

// sumCachePath is the cache file of the output folder whose real path
// (links resolved) is real; "" when there is no user cache folder.
func sumCachePath(real string) string {
	if real == "" {
		return ""
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	sum := sha256.Sum256([]byte(real))
	return filepath.Join(base, "handouts", "sums", hex.EncodeToString(sum[:16]))
}

// openSumCache reads the cache of the output folder dir (real: its real
// path) and makes it the one look uses for files in dir, until the
// returned function is called.
func openSumCache(dir, real string) (*sumCache, func()) {
	c := &sumCache{dir: filepath.Clean(dir), path: sumCachePath(real), entries: map[string]sumEntry{},
		pics: map[string][]string{}, picsUsed: map[string][]string{},
		ins: map[string]inEntry{}, insUsed: map[string]inEntry{}, resolved: map[string][]string{}}
	c.cwd, _ = os.Getwd()
	if c.path == "" {
		return nil, func() {}
	}
	p := c.path
	if data, err := boundedfile.Read(p, maxSumCacheBytes); err == nil {
		// Room for the entries at once.
		ins := bytes.Count(data, []byte("\nin "))
		c.entries = make(map[string]sumEntry, bytes.Count(data, []byte("\n"))-ins)
		c.ins = make(map[string]inEntry, ins)
		if st, err := os.Lstat(p); err == nil {
			if own, ok := stampOf(st); ok {
				c.parse(data, own.mtime)
			}
		}
	}
	sumCaches.Store(c.dir, c)
	return c, func() { sumCaches.CompareAndDelete(c.dir, c) }
}

// parse reads "sum ino size mtime ctime name" lines, keeping those whose
// change time is before the cache's own modification time. The last
// line is "end" and the SHA-256 of those before it: a cache cut short
// or damaged is ignored whole.
func (c *sumCache) parse(data []byte, written int64) {
	body, tail, ok := cutEnd(data)
	if !ok {
		return
	}
	sum := sha256.Sum256(body)
	if tail != hex.EncodeToString(sum[:]) {
		return
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "site "); ok {
			c.parseSite(rest, written)
			continue
		}
		if rest, ok := strings.CutPrefix(sc.Text(), "in "); ok {
			if c.ins != nil {
				c.parseInput(rest, written)
			}
			continue
		}
		if rest, ok := strings.CutPrefix(sc.Text(), "pics "); ok {
			key, list, _ := strings.Cut(rest, " ")
			var urls []string
			if len(key) == 64 && json.Unmarshal([]byte(list), &urls) == nil && c.pics != nil {
				c.pics[key] = urls
			}
			continue
		}
		f := strings.SplitN(sc.Text(), " ", 6)
		if len(f) != 6 || len(f[0]) != 64 || !manifest.ValidName(f[5]) {
			continue
		}
		var n [4]int64
		ok := true
		for i := range n {
			v, err := strconv.ParseInt(f[i+1], 10, 64)
			if err != nil {
				ok = false
				break
			}
			n[i] = v
		}
		if !ok || n[3] >= written {
			continue
		}
		e := sumEntry{stamp: fileStamp{n[0], n[1], n[2], n[3]}}
		if k, err := hex.Decode(e.sum[:], []byte(f[0])); err != nil || k != 32 {
			continue
		}
		// A name of its own: the line it is cut from is not kept.
		c.entries[strings.Clone(f[5])] = e
	}
}

// cacheFor returns the cache of the folder p is in, or nil.
func cacheFor(p string) *sumCache {
	c, ok := sumCaches.Load(filepath.Dir(filepath.Clean(p)))
	if !ok {
		return nil
	}
	return c.(*sumCache)
}

// lookup returns the hash of the file p, with lstat st, if the cache
// knows it as it is now.
func (c *sumCache) lookup(p string, st fs.FileInfo) (string, bool) {
	if c == nil {
		return "", false
	}
	s, ok := stampOf(st)
	if !ok {
		return "", false
	}
	c.mu.Lock()
	e, found := c.entries[filepath.Base(p)]
	c.mu.Unlock()
	if !found || e.stamp != s {
		return "", false
	}
	return hex.EncodeToString(e.sum[:]), true
}

// remember notes that the file p, with lstat st, hashes to sum. st must
// be taken before the bytes hashed were read (or, for a file just
// written, after its rename): a change after st changes the ctime.
func (c *sumCache) remember(p string, st fs.FileInfo, sum string) {
	c.rememberName(strings.Clone(filepath.Base(p)), st, sum)
}

// rememberName is remember of the file name in the output folder,
// kept as it is (the name of a handout, not a part of a longer path).
func (c *sumCache) rememberName(name string, st fs.FileInfo, sum string) {
	if c == nil || len(sum) != 64 {
		return
	}
	s, ok := stampOf(st)
	if !ok {
		return
	}
	e := sumEntry{stamp: s}
	if k, err := hex.Decode(e.sum[:], []byte(sum)); err != nil || k != 32 {
		return
	}
	c.mu.Lock()
	c.entries[name] = e
	c.mu.Unlock()
}

// save writes the entries of the files m records, when they changed.
// The cache is made a line at a time and compared with the file in
// place as it is made (writeStream), not flushed to the disk.
func (c *sumCache) save(m *manifest.Manifest) {
	if c == nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return // no cache, no harm
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settleRacy()
	writeStreamOpts(c.path, func(w io.Writer) error {
		h := sha256.New()
		b := bufio.NewWriterSize(io.MultiWriter(w, h), manifest.BufferFor(len(m.Outputs)+len(c.picsUsed)+len(c.insUsed), 192))
		c.writeEntries(b, m)
		if err := b.Flush(); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "end %x\n", h.Sum(nil))
		return err
	}, atomicfile.Options{})
}

// writeEntries writes the cache's lines but the last.
func (c *sumCache) writeEntries(b *bufio.Writer, m *manifest.Manifest) {
	for _, name := range m.Names() {
		e, ok := c.entries[name]
		if !ok || hex.EncodeToString(e.sum[:]) != m.Outputs[name].SHA256 {
			continue
		}
		b.Write(hex.AppendEncode(b.AvailableBuffer(), e.sum[:]))
		for _, n := range []int64{e.stamp.ino, e.stamp.size, e.stamp.mtime, e.stamp.ctime} {
			b.WriteByte(' ')
			b.Write(strconv.AppendInt(b.AvailableBuffer(), n, 10))
		}
		b.WriteByte(' ')
		b.WriteString(name)
		b.WriteByte('\n')
	}
	keys := make([]string, 0, len(c.picsUsed))
	for k := range c.picsUsed {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		list, _ := json.Marshal(c.picsUsed[k])
		fmt.Fprintf(b, "pics %s %s\n", k, list)
	}
	c.writeInputs(b)
	if c.siteNew != "" {
		fmt.Fprintf(b, "site %s\n", c.siteNew)
	}
}

// cutEnd splits a cache into its entries and the sum on its last line.
func cutEnd(data []byte) (body []byte, sum string, ok bool) {
	if !bytes.HasSuffix(data, []byte("\n")) {
		return nil, "", false
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n') + 1
	last := string(data[i : len(data)-1])
	sum, ok = strings.CutPrefix(last, "end ")
	return data[:i], sum, ok
}

// picturesSum hashes the names and contents of the local pictures of the
// briefing at source, so that changing a picture rebuilds its handouts;
// nil when it shows none (its handouts' inputs are then what they were
// before pictures existed). The addresses of the pictures of a briefing
// that shows any are kept from the build before: a rebuild with nothing
// changed then need not parse it to find them. The
// key is the briefing's path, SHA-256 (srcSum) and project folder and the
// tool's version; the files are still found every time, and read unless
// the cache knows them as they are (pictureFileSum).
func (c *sumCache) picturesSum(source string, src []byte, srcSum [32]byte, root string) []byte {
	if c == nil || !bytes.Contains(src, []byte("![")) {
		return c.picturesSumOf(briefing.LocalPictures(source, src, root))
	}
	if pics, ok := c.knownPicturesSum(source, srcSum, root); ok {
		return pics
	}
	return c.picturesSumAt(source, srcSum, root, briefing.PictureURLs(source, src, root))
}

// picturesSumAt is picturesSum for a briefing whose pictures' addresses
// are known (from its parse: doc.PictureURLs), kept for the next build.
func (c *sumCache) picturesSumAt(source string, srcSum [32]byte, root string, urls []string) []byte {
	if c == nil {
		return c.picturesSumOf(briefing.ResolvePictures(source, root, urls))
	}
	c.mu.Lock()
	c.picsUsed[picsKey(source, srcSum, root)] = urls
	c.mu.Unlock()
	return c.picturesSumOf(c.resolvePictures(source, root, urls))
}

// knownPicturesSum is picturesSum for a briefing not read, whose
// pictures' addresses the cache keeps; false when it does not.
func (c *sumCache) knownPicturesSum(source string, srcSum [32]byte, root string) ([]byte, bool) {
	key := picsKey(source, srcSum, root)
	c.mu.Lock()
	urls, ok := c.pics[key]
	if ok {
		c.picsUsed[key] = urls
	}
	c.mu.Unlock()
	if !ok {
		return nil, false
	}
	return c.picturesSumOf(c.resolvePictures(source, root, urls)), true
}

// resolvePictures is briefing.ResolvePictures, made once per build for
// the briefings of one folder that show the same pictures: it depends
// on the briefing's folder only, and finding each file follows links.
func (c *sumCache) resolvePictures(source, root string, urls []string) []string {
	key := strings.Join(append([]string{filepath.Dir(filepath.FromSlash(source)), root}, urls...), "\x00")
	c.mu.Lock()
	files, ok := c.resolved[key]
	c.mu.Unlock()
	if !ok {
		files = briefing.ResolvePictures(source, root, urls)
		c.mu.Lock()
		c.resolved[key] = files
		c.mu.Unlock()
	}
	return files
}

func picsKey(source string, srcSum [32]byte, root string) string {
	h := sha256.New()
	for _, s := range []string{ToolVersion(), source, root} {
		writeField(h, s)
	}
	h.Write(srcSum[:])
	return hex.EncodeToString(h.Sum(nil))
}
