// Command bench measures handouts the way CI uses it: a library of N
// synthetic briefings (copies of the examples in sources/, each with a
// title of its own) built cold to Word and PDF, then rebuilt with nothing
// changed. It prints wall time, time per handout pair, throughput and the
// build's peak memory and, where pandoc is installed, pandoc's time per
// file for a Word file alone on the same machine in the same run.
//
// It is run by `make bench`; it is not part of the handouts binary.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

func main() {
	n := flag.Int("n", 1000, "number of synthetic briefings")
	bin := flag.String("handouts", "bin/handouts", "the handouts binary to measure")
	examples := flag.String("examples", "sources", "folder of example briefings to copy")
	dir := flag.String("dir", "", "work folder (default: a new temporary folder, removed afterwards)")
	sample := flag.Int("pandoc-sample", 100, "how many of the briefings pandoc converts (0: skip pandoc)")
	flag.Parse()
	if err := run(*n, *bin, *examples, *dir, *sample); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// measurement is one run of a command.
type measurement struct {
	wall   time.Duration
	maxRSS int64 // bytes
}

func run(n int, bin, examples, dir string, sample int) error {
	if n < 1 {
		return errors.New("-n must be at least 1")
	}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "handouts-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	src := filepath.Join(dir, "src")
	out := filepath.Join(dir, "out")
	files, err := generate(examples, src, n)
	if err != nil {
		return err
	}
	cpus := runtime.NumCPU()
	fmt.Printf("machine: %d CPUs, %s/%s, %s\n", cpus, runtime.GOOS, runtime.GOARCH, runtime.Version())
	fmt.Printf("corpus: %d briefings copied from %s\n", n, examples)

	build := func(extra ...string) (measurement, error) {
		args := append([]string{"build", "--format", "docx,pdf", "--out", out, "-q"}, extra...)
		return measure(bin, append(args, src)...)
	}

	if err := os.RemoveAll(out); err != nil {
		return err
	}
	cold, err := build()
	if err != nil {
		return fmt.Errorf("cold build: %w", err)
	}
	noop, err := build()
	if err != nil {
		return fmt.Errorf("no-op rebuild: %w", err)
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	serial, err := build("--jobs", "1")
	if err != nil {
		return fmt.Errorf("cold build with --jobs 1: %w", err)
	}
	pairs, err := countPairs(out, n)
	if err != nil {
		return err
	}

	perPair := cold.wall / time.Duration(n)
	fmt.Printf("cold build, docx+pdf, --jobs %d:  %8.2f s wall, %6.2f ms per pair, %7.0f pairs/s, peak memory %s\n",
		cpus, cold.wall.Seconds(), ms(perPair), float64(n)/cold.wall.Seconds(), mib(cold.maxRSS))
	fmt.Printf("cold build, docx+pdf, --jobs 1:  %8.2f s wall, %6.2f ms per pair, %7.0f pairs/s, peak memory %s\n",
		serial.wall.Seconds(), ms(serial.wall/time.Duration(n)), float64(n)/serial.wall.Seconds(), mib(serial.maxRSS))
	fmt.Printf("no-op rebuild (nothing changed): %8.3f s wall, peak memory %s\n", noop.wall.Seconds(), mib(noop.maxRSS))
	fmt.Printf("outputs checked: %d docx+pdf pairs\n", pairs)

	if sample <= 0 {
		return nil
	}
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		fmt.Println("pandoc: not installed (Debian package pandoc); no comparison made")
		return nil
	}
	if sample > len(files) {
		sample = len(files)
	}
	version := firstLine(pandoc, "--version")
	par, err := pandocTime(pandoc, files[:sample], dir, cpus)
	if err != nil {
		return err
	}
	ser, err := pandocTime(pandoc, files[:sample], dir, 1)
	if err != nil {
		return err
	}
	perPar := par / time.Duration(sample)
	perSer := ser / time.Duration(sample)
	fmt.Printf("%s, docx alone, %d files: %6.2f ms per file with %d workers, %6.2f ms per file one at a time\n",
		version, sample, ms(perPar), cpus, ms(perSer))
	fmt.Printf("ratio: pandoc's docx alone takes %.1f× handouts' docx+pdf pair (both with %d workers); %.1f× one at a time\n",
		float64(perPar)/float64(perPair), cpus, float64(perSer)/float64(serial.wall/time.Duration(n)))
	return nil
}

// generate copies the example briefings into dir until there are n, each
// with its own file name and title, and returns the paths written.
func generate(examples, dir string, n int) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(examples, "*.md")) // sorted
	if err != nil {
		return nil, err
	}
	var seeds [][]byte
	var bases []string
	for _, name := range names {
		if strings.EqualFold(filepath.Base(name), "README.md") {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		seeds = append(seeds, b)
		bases = append(bases, strings.TrimSuffix(filepath.Base(name), ".md"))
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("no example briefings in %s", examples)
	}
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	files := make([]string, n)
	for i := range n {
		k := i % len(seeds)
		path := filepath.Join(dir, fmt.Sprintf("%04d-%s.md", i+1, bases[k]))
		if err := os.WriteFile(path, retitle(seeds[k], i+1), 0o644); err != nil {
			return nil, err
		}
		files[i] = path
	}
	return files, nil
}

// retitle gives a briefing's title a copy number, so every synthetic
// briefing differs in its text as well as its name.
func retitle(src []byte, copy int) []byte {
	lines := bytes.Split(src, []byte("\n"))
	for i, l := range lines {
		v, ok := bytes.CutPrefix(l, []byte("title:"))
		if !ok {
			continue
		}
		t := strings.TrimSpace(string(v))
		if len(t) >= 2 && (t[0] == '"' || t[0] == '\'') && t[len(t)-1] == t[0] {
			t = t[1 : len(t)-1]
		}
		t = fmt.Sprintf("%s (copy %d)", t, copy)
		lines[i] = []byte("title: '" + strings.ReplaceAll(t, "'", "''") + "'")
		break
	}
	return bytes.Join(lines, []byte("\n"))
}

// measure runs a command and returns its wall time and peak memory; a
// non-zero exit is an error carrying what the command printed.
func measure(name string, args ...string) (measurement, error) {
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "CI=true")
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measurement{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	m := measurement{wall: wall}
	m.maxRSS = peakMemory(cmd.ProcessState)
	return m, nil
}

// pandocTime converts files to .docx with pandoc, with the given number of
// workers, and returns the wall time.
func pandocTime(pandoc string, files []string, dir string, workers int) (time.Duration, error) {
	outDir := filepath.Join(dir, "pandoc")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return 0, err
	}
	jobs := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range jobs {
				out := filepath.Join(outDir, strings.TrimSuffix(filepath.Base(f), ".md")+".docx")
				cmd := exec.Command(pandoc, "-f", "markdown", "-t", "docx", "-o", out, f)
				if b, err := cmd.CombinedOutput(); err != nil {
					errs <- fmt.Errorf("pandoc %s: %v\n%s", f, err, b)
				}
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	wall := time.Since(start)
	close(errs)
	if err := <-errs; err != nil {
		return 0, err
	}
	return wall, nil
}

// countPairs checks that the build wrote a .docx and a .pdf for every
// briefing, so a build that silently skipped work cannot look fast.
func countPairs(out string, n int) (int, error) {
	docx, _ := filepath.Glob(filepath.Join(out, "*.docx"))
	pdf, _ := filepath.Glob(filepath.Join(out, "*.pdf"))
	if len(docx) != n || len(pdf) != n {
		return 0, fmt.Errorf("expected %d .docx and %d .pdf in %s, found %d and %d", n, n, out, len(docx), len(pdf))
	}
	return n, nil
}

func firstLine(name string, args ...string) string {
	b, err := exec.Command(name, args...).Output()
	if err != nil {
		return name
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimSpace(line)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func mib(b int64) string {
	if b == 0 {
		return "not measured"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}
