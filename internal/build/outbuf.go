package build

import (
	"bytes"
	"sync"
)

// A handout is made in memory, hashed, compared with the file in place
// and written; then its bytes are spent. The buffers they were made in
// are kept for the next handout, so that each is not allocated (and
// cleared) anew, and grown by doubling to the size of a handout.

// outBufs holds *bytes.Buffer, empty.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxKeptBuffer is the largest buffer kept: a handout with large
// pictures is rare, and its buffer is left to the collector.
const maxKeptBuffer = 4 << 20

// outBuffer returns an empty buffer to make a handout in.
func outBuffer() *bytes.Buffer {
	b := outBufs.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// spend gives back the buffer of data, a handout's bytes from render,
// once nothing holds them any more; nil is nothing.
func spend(data []byte) {
	if data == nil || cap(data) > maxKeptBuffer {
		return
	}
	outBufs.Put(bytes.NewBuffer(data[:0]))
}
