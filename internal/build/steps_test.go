package build

import (
	"testing"
	"time"
)

// TestRunStep: a step runs while another is still running (a cancelled
// build's abandoned step blocks nothing), and a runner whose step has
// ended waits for the next one.
func TestRunStep(t *testing.T) {
	release := make(chan struct{})
	blocked := make(chan struct{})
	runStep(func() { close(blocked); <-release })
	<-blocked
	done := make(chan struct{})
	runStep(func() { close(done) })
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("a step waited for another to end")
	}
	close(release)
	deadline := time.Now().Add(time.Minute)
	for len(idleRunners) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no runner waits for a step once its step has ended")
		}
		time.Sleep(time.Millisecond)
	}
	r := <-idleRunners // reused: it runs the next step sent to it
	ran := make(chan struct{})
	r <- func() { close(ran) }
	select {
	case <-ran:
	case <-time.After(time.Minute):
		t.Fatal("an idle runner did not run its step")
	}
}
