package build

// Each step of a briefing (parsing, each writer) runs on a goroutine of
// its own, so that a cancelled build need not wait for it (cancel.go).
// A new goroutine starts with a small stack and grows it, copying it at
// each doubling, for every step; so a goroutine that has run a step
// waits, idle, to run another, keeping the stack it grew.

// stepRunner is a goroutine that runs the steps sent to it.
type stepRunner chan func()

// idleRunners are the runners waiting for a step; as many as builds
// run at once are enough, more end.
var idleRunners = make(chan stepRunner, 16)

// runStep runs f on an idle runner, or on a new one when none is idle,
// and returns at once.
func runStep(f func()) {
	select {
	case r := <-idleRunners:
		r <- f
	default:
		r := make(stepRunner)
		go r.run()
		r <- f
	}
}

func (r stepRunner) run() {
	for f := range r {
		f()
		select {
		case idleRunners <- r:
		default:
			return // enough idle already
		}
	}
}
