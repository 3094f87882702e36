// Package briefingtest holds what the tests of the writers share: builders
// of hand-made briefings, a briefing with one of every element, briefings
// made from fuzz bytes, the project's example briefings, and the plain text
// a reader of a handout must find. Only _test.go files import it.
package briefingtest
