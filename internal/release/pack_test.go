package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"io/fs"
	"testing"
	"time"
)

var (
	when    = time.Date(2026, 11, 25, 3, 0, 0, 0, time.UTC)
	entries = contents("handouts-v1.2.0-windows-amd64", "handouts.exe",
		[]byte("MZ program"), []byte("# handouts\n"), []byte("Liberation fonts\n"))
)

type packer func(io.Writer, []entry, time.Time) error

func pack(t *testing.T, p packer, es []entry, mtime time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p(&b, es, mtime); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestSameBytes: the same files give the same archive whatever the local
// time zone and however the time is expressed; another date gives
// another archive (so the date is in it).
func TestSameBytes(t *testing.T) {
	for name, p := range map[string]packer{"zip": writeZip, "tar.gz": writeTarGz} {
		first := pack(t, p, entries, when)
		defer func(l *time.Location) { time.Local = l }(time.Local)
		time.Local = time.FixedZone("Chatham", 13*3600+45*60)
		if again := pack(t, p, entries, when.In(time.Local)); !bytes.Equal(first, again) {
			t.Errorf("%s: differs in another time zone", name)
		}
		if later := pack(t, p, entries, when.Add(2*time.Second)); bytes.Equal(first, later) {
			t.Errorf("%s: the date is not in the archive", name)
		}
	}
}

type got struct {
	name  string
	mode  fs.FileMode
	mtime time.Time
	data  string
}

func checkEntries(t *testing.T, what string, gots []got) {
	t.Helper()
	if len(gots) != len(entries) {
		t.Fatalf("%s: %d entries, want %d", what, len(gots), len(entries))
	}
	for i, g := range gots {
		e := entries[i]
		if g.name != e.Name || g.mode != e.Mode || !g.mtime.Equal(when) || g.data != string(e.Data) {
			t.Errorf("%s entry %d: %s %v %s %q, want %s %v %s %q", what, i,
				g.name, g.mode, g.mtime, g.data, e.Name, e.Mode, when, e.Data)
		}
	}
}

// TestZipReadBack: entries come back in order, with their modes (the
// program executable), the date and the bytes.
func TestZipReadBack(t *testing.T) {
	b := pack(t, writeZip, entries, when)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var gots []got
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		gots = append(gots, got{f.Name, f.Mode(), f.Modified, string(data)})
	}
	checkEntries(t, "zip", gots)
}

// TestTarGzReadBack: the same for the tar.gz, with owner 0 and no owner
// names, and a gzip header without name or time.
func TestTarGzReadBack(t *testing.T) {
	b := pack(t, writeTarGz, entries, when)
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header: name %q, time %v", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var gots []got
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: owner %d:%d %q:%q", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		gots = append(gots, got{h.Name, h.FileInfo().Mode() & (fs.ModeDir | fs.ModePerm), h.ModTime, string(data)})
	}
	checkEntries(t, "tar.gz", gots)
}

func TestSumsFile(t *testing.T) {
	sums := map[string][sha256.Size]byte{
		"b.zip":    sha256.Sum256([]byte("b")),
		"a.tar.gz": sha256.Sum256([]byte("a")),
	}
	want := "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb  a.tar.gz\n" +
		"3e23e8160039594a33894f6564e1b1348bbd7a0088d42c4acb73eeaed59c009d  b.zip\n"
	if got := string(sumsFile(sums)); got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestVersionForm(t *testing.T) {
	for v, ok := range map[string]bool{
		"v1.2.0": true, "v10.0.1-rc.1": true, "v0.0.0-dry-run": true,
		"1.2.0": false, "v1.2": false, "v1.2.0 -X x=y": false, "v1.2.0\n": false,
	} {
		if versionForm.MatchString(v) != ok {
			t.Errorf("%q: valid %v, want %v", v, !ok, ok)
		}
	}
}
