package manifest

// BufferFor is the size of a write buffer for n records of about per
// bytes each: room for all of them, at least 4 KB (bufio's default) and
// at most 64 KB. A small build's files are a few hundred bytes, and a
// process that builds one briefing never collects its garbage, so each
// 64 KB buffer was memory taken for good.
func BufferFor(n, per int) int {
	return min(max(n*per, 4<<10), 64<<10)
}
