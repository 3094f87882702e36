// Package gentest checks files made ahead of time (by go generate) in
// tests: each is compared with what the code makes now, or, with the
// test's -update flag, written.
package gentest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// File checks that the file at path holds want; with update it writes
// want there instead. regen is the command that remakes the file, for
// the message.
func File(t testing.TB, path string, want []byte, update bool, regen string) {
	t.Helper()
	if update {
		if err := os.WriteFile(path, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run %s", path, regen)
	}
}

// Dir checks that folder dir of fsys (the files embedded from it) holds
// exactly the files of want, each with its bytes; with update it makes
// dir on disk hold them instead.
func Dir(t testing.TB, fsys fs.FS, dir string, want map[string][]byte, update bool, regen string) {
	t.Helper()
	if update {
		os.RemoveAll(dir)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for name, b := range want {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		seen[e.Name()] = true
		got, err := fs.ReadFile(fsys, dir+"/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		if w, ok := want[e.Name()]; !ok {
			t.Errorf("%s/%s: not a file made ahead of time; run %s", dir, e.Name(), regen)
		} else if !bytes.Equal(got, w) {
			t.Errorf("%s/%s is stale (%d bytes, now %d); run %s", dir, e.Name(), len(got), len(w), regen)
		}
	}
	for name := range want {
		if !seen[name] {
			t.Errorf("%s/%s missing; run %s", dir, name, regen)
		}
	}
}
