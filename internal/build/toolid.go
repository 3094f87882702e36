package build

import (
	"bytes"
	"debug/elf"
	"errors"
	"strings"
)

// goBuildID reads the build ID the Go linker writes into an ELF
// executable's .note.go.buildid section. Its last part is the hash of
// the executable's content (the Go command computes it over the linked
// file), so it tells two builds apart as a hash of the whole file would,
// without reading 17 MB on every run. Other formats, and executables
// linked without a build ID, return an error: the caller hashes the file.
func goBuildID(exe string) (string, error) {
	f, err := elf.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil || s.Size > 1024 {
		return "", errors.New("no Go build ID note")
	}
	note, err := s.Data()
	if err != nil {
		return "", err
	}
	// An ELF note: name size, description size, type, then the name
	// ("Go", padded to 4 bytes) and the description (the build ID).
	if len(note) < 16 {
		return "", errors.New("Go build ID note cut short")
	}
	order := f.ByteOrder
	nameSize := order.Uint32(note[0:])
	descSize := order.Uint32(note[4:])
	typ := order.Uint32(note[8:])
	if nameSize != 4 || typ != 4 || !bytes.Equal(note[12:16], []byte("Go\x00\x00")) || uint64(descSize) > uint64(len(note)-16) {
		return "", errors.New("not a Go build ID note")
	}
	id := string(note[16 : 16+descSize])
	parts := strings.Split(id, "/")
	if len(parts) < 2 || parts[len(parts)-1] == "" {
		return "", errors.New("Go build ID without a content hash")
	}
	return id, nil
}
