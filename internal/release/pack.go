package main

import (
	"archive/tar"
	"archive/zip"
	"compress/flate"
	"compress/gzip"
	"io"
	"io/fs"
	"strings"
	"time"
)

// entry is one file or folder of an archive. Names use "/" and folders
// end in "/".
type entry struct {
	Name string
	Mode fs.FileMode // permission bits; fs.ModeDir for a folder
	Data []byte
}

// contents lists what the archive of one system holds, in the order it
// holds them: a folder named after the archive with the program, the
// README and the fonts' licence notice.
func contents(folder, binName string, bin, readme, fonts []byte) []entry {
	return []entry{
		{Name: folder + "/", Mode: fs.ModeDir | 0o755},
		{Name: folder + "/" + binName, Mode: 0o755, Data: bin},
		{Name: folder + "/README.md", Mode: 0o644, Data: readme},
		{Name: folder + "/LICENSES/", Mode: fs.ModeDir | 0o755},
		{Name: folder + "/LICENSES/fonts.txt", Mode: 0o644, Data: fonts},
	}
}

// writeZip writes entries as a zip archive in their order, every one
// dated mtime (in UTC, whatever the local time zone) and with no owner.
func writeZip(w io.Writer, entries []entry, mtime time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.Name, Method: zip.Deflate, Modified: mtime.UTC()}
		if e.Mode.IsDir() {
			h.Method = zip.Store
		}
		h.SetMode(e.Mode)
		f, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		if _, err := f.Write(e.Data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// writeTarGz writes entries as a gzip-compressed tar archive in their
// order, every one dated mtime and owned by user and group 0 with no
// names; the gzip header carries no name and no time.
func writeTarGz(w io.Writer, entries []entry, mtime time.Time) error {
	gz, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	tw := tar.NewWriter(gz)
	for _, e := range entries {
		h := &tar.Header{
			Typeflag: tar.TypeReg,
			Name:     e.Name,
			Mode:     int64(e.Mode.Perm()),
			Size:     int64(len(e.Data)),
			ModTime:  mtime.UTC(),
			Format:   tar.FormatUSTAR,
		}
		if e.Mode.IsDir() || strings.HasSuffix(e.Name, "/") {
			h.Typeflag, h.Size = tar.TypeDir, 0
		}
		if err := tw.WriteHeader(h); err != nil {
			return err
		}
		if _, err := tw.Write(e.Data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}
