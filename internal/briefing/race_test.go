//go:build race

package briefing

// raceEnabled scales down the largest inputs: the race detector makes
// the parser some ten times slower, and the hostile inputs test
// linearity, which a quarter of the size shows as well.
const raceEnabled = true
