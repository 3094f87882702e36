package boundedfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A case makes what path names in dir and says what Read of it at limit
// gives: the bytes, or an error that check accepts.
type readCase struct {
	name  string
	setup func(t *testing.T, dir string) string
	limit int64
	want  []byte
	check func(error) bool // nil: no error expected
}

func file(content string) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
}

func isNotRegular(err error) bool {
	return errors.Is(err, ErrNotRegular) && !errors.Is(err, ErrFolder)
}

func isFolder(err error) bool {
	return errors.Is(err, ErrFolder) && errors.Is(err, ErrNotRegular)
}

func tooLarge(limit int64) func(error) bool {
	return func(err error) bool {
		var tl *TooLargeError
		return errors.As(err, &tl) && tl.Limit == limit
	}
}

var commonCases = []readCase{
	{name: "regular file", setup: file("hello\n"), limit: 100, want: []byte("hello\n")},
	{name: "empty file", setup: file(""), limit: 100, want: []byte{}},
	{name: "exactly at the limit", setup: file("12345"), limit: 5, want: []byte("12345")},
	{name: "one byte over the limit", setup: file("123456"), limit: 5, check: tooLarge(5)},
	{name: "far over the limit", setup: file(string(make([]byte, 1<<16))), limit: 10, check: tooLarge(10)},
	{name: "empty file at limit 0", setup: file(""), limit: 0, want: []byte{}},
	{name: "one byte at limit 0", setup: file("x"), limit: 0, check: tooLarge(0)},
	{
		name:  "folder",
		setup: func(t *testing.T, dir string) string { return dir },
		limit: 100, check: isFolder,
	},
	{
		name:  "missing",
		setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "missing") },
		limit: 100,
		check: func(err error) bool {
			var pe *fs.PathError
			return errors.Is(err, fs.ErrNotExist) && errors.As(err, &pe) && pe.Op == "stat"
		},
	},
	{
		name:  "missing folder on the way",
		setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "no", "f") },
		limit: 100,
		check: func(err error) bool { return errors.Is(err, fs.ErrNotExist) },
	},
	{
		name:  "file on the way",
		setup: func(t *testing.T, dir string) string { return filepath.Join(file("x")(t, dir), "f") },
		limit: 100,
		check: func(err error) bool {
			var pe *fs.PathError
			return err != nil && errors.As(err, &pe) && !errors.Is(err, ErrNotRegular)
		},
	},
}

func runCases(t *testing.T, cases []readCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.setup(t, t.TempDir())
			got, err := Read(p, c.limit)
			if c.check != nil {
				if !c.check(err) {
					t.Fatalf("Read(%s, %d) = %q, %v; not the error wanted", p, c.limit, got, err)
				}
				if got != nil {
					t.Errorf("Read(%s, %d) returned %d bytes with its error", p, c.limit, len(got))
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%s, %d): %v", p, c.limit, err)
			}
			if !bytes.Equal(got, c.want) {
				t.Errorf("Read(%s, %d) = %q, want %q", p, c.limit, got, c.want)
			}
		})
	}
}

func TestRead(t *testing.T) {
	runCases(t, commonCases)
}

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{ErrNotRegular, "not a regular file"},
		{ErrFolder, "not a regular file: a folder"},
		{&TooLargeError{Limit: 65536}, "larger than 65536 bytes"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("error text %q, want %q", got, c.want)
		}
	}
}
