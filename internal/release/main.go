// Command release builds the handouts program for every system a release
// serves and packs each into an archive, with a SHA256SUMS file. The same
// version, commit time and Go version give the same bytes, wherever and
// whenever it runs: see "make release-dry-run", which builds twice and
// compares, and .github/workflows/release.yml, which publishes.
//
//	go run ./internal/release -version v1.2.0 -out dist/release
//
// Run it from the module's root. The archives' files are dated
// SOURCE_DATE_EPOCH (seconds since 1970), or the commit time of HEAD.
package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets are the systems of a release, as GOOS/GOARCH.
var Targets = []string{
	"windows/amd64", "windows/arm64",
	"darwin/arm64", "darwin/amd64",
	"linux/amd64", "linux/arm64",
}

// versionForm is what a release version looks like: v1.2.0, v1.2.0-rc.1.
// It goes into the linker's flags, so nothing else may.
var versionForm = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)

// versionVar is the variable the linker sets to the release version.
const versionVar = "handouts/internal/buildinfo.release"

func main() {
	version := flag.String("version", "", "the release version, such as v1.2.0 (required)")
	out := flag.String("out", "dist/release", "the folder to write the archives and SHA256SUMS into; it must be empty or absent")
	targets := flag.String("targets", strings.Join(Targets, ","), "the systems to build, as GOOS/GOARCH, comma-separated")
	flag.Parse()
	if err := run(*version, *out, strings.Split(*targets, ",")); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(version, out string, targets []string) error {
	if !versionForm.MatchString(version) {
		return fmt.Errorf("-version %q: give a version such as v1.2.0", version)
	}
	mtime, err := sourceDate()
	if err != nil {
		return err
	}
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run from the module's root (no go.mod here)")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		return err
	}
	fonts, err := os.ReadFile(filepath.Join("LICENSES", "fonts.txt"))
	if err != nil {
		return err
	}
	if names, err := os.ReadDir(out); err == nil && len(names) > 0 {
		return fmt.Errorf("%s is not empty; remove it first", out)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "handouts-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	sums := map[string][sha256.Size]byte{}
	for _, t := range targets {
		goos, goarch, ok := strings.Cut(t, "/")
		if !ok || !slices.Contains(Targets, t) {
			return fmt.Errorf("-targets: %q is not one of %s", t, strings.Join(Targets, ", "))
		}
		binName := "handouts"
		if goos == "windows" {
			binName += ".exe"
		}
		binPath := filepath.Join(work, goos+"-"+goarch, binName)
		if err := compile(binPath, goos, goarch, version); err != nil {
			return err
		}
		if goos == runtime.GOOS && goarch == runtime.GOARCH {
			if err := checkVersion(binPath, version); err != nil {
				return err
			}
		}
		bin, err := os.ReadFile(binPath)
		if err != nil {
			return err
		}
		folder := fmt.Sprintf("handouts-%s-%s-%s", version, goos, goarch)
		entries := contents(folder, binName, bin, readme, fonts)
		var buf bytes.Buffer
		name := folder + ".tar.gz"
		if goos == "windows" {
			name = folder + ".zip"
			err = writeZip(&buf, entries, mtime)
		} else {
			err = writeTarGz(&buf, entries, mtime)
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
		sums[name] = sha256.Sum256(buf.Bytes())
		fmt.Printf("%s  %d bytes\n", filepath.Join(out, name), buf.Len())
	}
	return os.WriteFile(filepath.Join(out, "SHA256SUMS"), sumsFile(sums), 0o644)
}

// buildTags are the build tags of a release, as the Makefile's TAGS:
// urfave_cli_no_docs leaves out urfave/cli's Markdown and man page
// generators, which the tool never calls, and the start-up of their
// Markdown library in every process.
const buildTags = "urfave_cli_no_docs"

// compile builds the program for one system: no C, no paths of this
// machine, no symbol table, the version set. No Git state is recorded
// (the tag names the source), so a clone, a work tree with stray files
// and an unpacked source archive of the tag build the same bytes. GOFLAGS
// is cleared so that a setting of this machine cannot change them.
func compile(dst, goos, goarch, version string) error {
	cmd := exec.Command("go", "build", "-tags", buildTags, "-trimpath", "-buildvcs=false",
		"-ldflags=-s -w -X "+versionVar+"="+version,
		"-o", dst, "./cmd/handouts")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+goos, "GOARCH="+goarch, "GOFLAGS=")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build for %s/%s: %v", goos, goarch, err)
	}
	return nil
}

// checkVersion runs "handouts version" of a build for this machine: it
// must name the release.
func checkVersion(bin, version string) error {
	got, err := exec.Command(bin, "version").Output()
	if err != nil {
		return fmt.Errorf("%s version: %v", bin, err)
	}
	if !strings.HasPrefix(string(got), "handouts "+version+",") {
		return fmt.Errorf("%s version says %q, not %s", bin, strings.TrimSpace(string(got)), version)
	}
	return nil
}

// sourceDate is the time every archived file carries: SOURCE_DATE_EPOCH,
// else the commit time of HEAD.
func sourceDate() (time.Time, error) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		b, err := exec.Command("git", "log", "-1", "--format=%ct").Output()
		if err != nil {
			return time.Time{}, errors.New("set SOURCE_DATE_EPOCH (no Git commit to date the files by)")
		}
		s = strings.TrimSpace(string(b))
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q: give seconds since 1970", s)
	}
	return time.Unix(n, 0).UTC(), nil
}

// sumsFile is a SHA256SUMS file in sha256sum's format, sorted by name.
func sumsFile(sums map[string][sha256.Size]byte) []byte {
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(sums)) {
		s := sums[name]
		fmt.Fprintf(&b, "%x  %s\n", s[:], name)
	}
	return b.Bytes()
}
