// Package buildtest holds checks on an output folder that the tests of
// the build and of the command line share. Only _test.go files import
// it; it does not import the build package, whose own tests use it.
package buildtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"handouts/internal/atomicfile"
	"handouts/internal/manifest"
)

// SumsName is the checksum file of an output folder, as build.SumsName;
// the build package's tests check that the two agree.
const SumsName = "SHA256SUMS"

// Tree reads every file under dir, by slash path relative to dir.
func Tree(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	return out, err
}

// TempNames lists the temporary files in dir.
func TempNames(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), atomicfile.TempPrefix) {
			out = append(out, e.Name())
		}
	}
	return out
}

// CheckConsistent checks the promises every build keeps, whatever went
// wrong: no temporary file is left in out, every file the manifest
// records is in place with the recorded hash and size, and SHA256SUMS
// lists exactly the recorded files with their hashes, sorted.
func CheckConsistent(t testing.TB, out string) {
	t.Helper()
	for _, name := range TempNames(t, out) {
		t.Errorf("temporary file left behind: %s", name)
	}
	m, err := manifest.Load(out)
	if err != nil {
		t.Fatalf("manifest: %v", err)
	}
	var want strings.Builder
	for _, name := range m.Names() {
		rec := m.Outputs[name]
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Errorf("the manifest records %s, which is not there: %v", name, err)
			continue
		}
		sum := sha256.Sum256(data)
		if hex.EncodeToString(sum[:]) != rec.SHA256 || int64(len(data)) != rec.Size {
			t.Errorf("%s: hash or size differs from the manifest's record", name)
		}
		fmt.Fprintf(&want, "%s  %s\n", rec.SHA256, name)
	}
	sums, err := os.ReadFile(filepath.Join(out, SumsName))
	if err != nil {
		t.Fatalf("SHA256SUMS: %v", err)
	}
	if string(sums) != want.String() {
		t.Errorf("SHA256SUMS:\n%s\nwant (from the manifest)\n%s", sums, want.String())
	}
}
