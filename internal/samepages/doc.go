// Package samepages holds the interoperability check that LibreOffice sets
// each Word handout on as many pages as the PDF handout of the same
// briefing, over the examples and a corpus of briefings of every length:
// the two are printed side by side, and a librarian who adapts the Word
// version should get the sheets the PDF promised. It has no code of its
// own; see samepages_test.go.
package samepages
