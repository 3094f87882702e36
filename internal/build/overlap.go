package build

// Writing a handout waits for the disk with the CPU idle. So that one
// briefing's writing overlaps another's rendering, runItems starts twice
// as many workers as jobs, and a worker holds one of jobs CPU tokens
// while it works, giving it up while its handout is staged (duringWrite;
// the committer, commit.go, flushes and renames it). At most jobs briefings
// are rendered at once, as --jobs says; each handout is still flushed
// before it is renamed into place, and the manifest is still written
// after every handout is in place, so nothing is promised less.

// ioWorkers is how many workers run per job.
const ioWorkers = 2

// cpuTokens holds one token per job; nil means no limit beyond the
// number of workers.
type cpuTokens chan struct{}

func (t cpuTokens) acquire() {
	if t != nil {
		t <- struct{}{}
	}
}

func (t cpuTokens) release() {
	if t != nil {
		<-t
	}
}

// duringWrite gives up the worker's token while write runs.
func (t cpuTokens) duringWrite(write func() error) error {
	t.release()
	defer t.acquire()
	return write()
}
