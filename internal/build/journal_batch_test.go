package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"handouts/internal/atomicfile"
	"handouts/internal/build/buildtest"
)

// The committer notes a whole batch in the journal before it renames any
// of it: at the first rename, every handout of the batch is noted with
// the SHA-256 and size of the file that will be put in place.
func TestBatchIsNotedBeforeItsFirstRename(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha", "sources/b.md": "beta"})
	var noted map[string][]pendingEntry
	beforeRename = func(context.Context, string) error {
		if noted == nil {
			data, err := os.ReadFile("out/" + journalName)
			if err != nil {
				return err
			}
			noted = parseJournal(data)
		}
		return nil
	}
	res := run(t, Options{})
	if !res.OK() {
		t.Fatalf("not OK: %v", res.Items)
	}
	var names []string
	for name, notes := range noted {
		names = append(names, name)
		b, err := os.ReadFile("out/" + name)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if len(notes) != 1 || notes[0].sum != hex.EncodeToString(sum[:]) || notes[0].size != int64(len(b)) {
			t.Errorf("%s noted as %v", name, notes)
		}
	}
	slices.Sort(names)
	equal(t, "noted at the first rename", names, []string{"a.docx", "a.pdf", "b.docx", "b.pdf"})
	if _, err := os.Lstat("out/" + journalName); !os.IsNotExist(err) {
		t.Errorf("the journal is left after a whole build: %v", err)
	}
	buildtest.CheckConsistent(t, "out")
}

// A journal that cannot be written fails its batch as a failed flush
// does: nothing of it is renamed into place, and no temporary file is
// left.
func TestUnwritableJournalFailsItsBatch(t *testing.T) {
	fakes(t)
	project(t, map[string]string{"sources/a.md": "alpha"})
	// A folder where the journal goes cannot be opened for writing.
	if err := os.MkdirAll("out/"+journalName, 0o755); err != nil {
		t.Fatal(err)
	}
	res := run(t, Options{})
	equal(t, "statuses", statuses(res), []string{"sources/a.md failed"})
	equal(t, "diagnostics", diagStrings(res.Items[0]), []string{
		"out/a.docx: cannot write: is a directory",
		"out/a.pdf: cannot write: is a directory",
	})
	for _, name := range []string{"a.docx", "a.pdf"} {
		if _, err := os.Lstat("out/" + name); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is in place: %v", name, err)
		}
	}
	if left, _ := os.ReadDir("out"); slices.ContainsFunc(left, func(e os.DirEntry) bool {
		return strings.HasPrefix(e.Name(), atomicfile.TempPrefix)
	}) {
		t.Errorf("temporary files left: %v", left)
	}
}

func diagStrings(it *Item) []string {
	var out []string
	for _, d := range it.Diags {
		out = append(out, d.String())
	}
	return out
}
