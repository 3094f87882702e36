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
	"slices"
	"strings"
	"sync"
	"time"

	"handouts/internal/build"
)

func main() {
	n := flag.Int("n", 1000, "number of synthetic briefings")
	bin := flag.String("handouts", "bin/handouts", "the handouts binary to measure")
	examples := flag.String("examples", "sources", "folder of example briefings to copy")
	dir := flag.String("dir", "", "work folder (default: a new temporary folder, removed afterwards)")
	sample := flag.Int("pandoc-sample", 100, "how many of the briefings pandoc converts (0: skip pandoc)")
	formats := flag.String("formats", "docx,pdf,html", "the formats built")
	scale := flag.Int("scale", 10, "also build scale×n briefings, for the scaling figures (0 or 1: skip)")
	runs := flag.Int("runs", 11, "how many times one briefing is built in a process of its own (the median is shown)")
	flag.Parse()
	cfg := config{n: *n, bin: *bin, examples: *examples, dir: *dir, sample: *sample,
		formats: *formats, scale: *scale, runs: *runs}
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type config struct {
	n                   int
	bin, examples, dir  string
	sample, scale, runs int
	formats             string
}

// measurement is one run of a command.
type measurement struct {
	wall   time.Duration
	cpu    time.Duration // user+sys of the child
	sys    time.Duration // of which in the kernel: creating and writing files, page faults
	maxRSS int64         // bytes
}

// verdict says whether a figure meets its target.
func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func run(c config) error {
	n := c.n
	if n < 1 {
		return errors.New("-n must be at least 1")
	}
	dir := c.dir
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
	files, err := generate(c.examples, src, n)
	if err != nil {
		return err
	}
	cpus := runtime.NumCPU()
	formats := strings.Split(c.formats, ",")
	fmt.Printf("machine: %d CPUs, %s/%s, %s, load average %s\n", cpus, runtime.GOOS, runtime.GOARCH, runtime.Version(), loadAverage())
	fmt.Printf("corpus: %d briefings copied from %s; formats %s; targets scaled from 1,000 briefings\n", n, c.examples, c.formats)
	perK := float64(n) / 1000

	// (a) One briefing, in a process of its own, median of c.runs.
	for _, f := range []string{"docx,pdf", c.formats} {
		m, err := single(c.bin, files[0], filepath.Join(dir, "one"), f, c.runs)
		if err != nil {
			return err
		}
		fmt.Printf("one briefing, one process, %-14s %6.1f ms wall (noisy), %6.1f ms CPU (median of %d); target 15 ms: %s (CPU), %s (wall)\n",
			f+":", ms(m.wall), ms(m.cpu), c.runs, verdict(m.cpu <= 15*time.Millisecond), verdict(m.wall <= 15*time.Millisecond))
		if f == c.formats {
			break
		}
	}

	buildInto := func(out string, extra ...string) (measurement, error) {
		args := append([]string{"build", "--format", c.formats, "--out", out, "-q"}, extra...)
		return measure(c.bin, append(args, src)...)
	}

	// (b) Cold, no-op and --force, with one job per CPU.
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	cold, err := buildInto(out)
	if err != nil {
		return fmt.Errorf("cold build: %w", err)
	}
	if err := checkOutputs(out, n, formats); err != nil {
		return err
	}
	noop, err := buildInto(out)
	if err != nil {
		return fmt.Errorf("no-op rebuild: %w", err)
	}
	force, err := buildInto(out, "--force")
	if err != nil {
		return fmt.Errorf("--force rebuild: %w", err)
	}
	fmt.Printf("cold build, --jobs %d:      %7.2f s wall, %6.2f s CPU (%.2f s kernel), %5.2f ms CPU per briefing, peak memory %s; targets %.2f s wall: %s, %.2f s CPU: %s\n",
		cpus, cold.wall.Seconds(), cold.cpu.Seconds(), cold.sys.Seconds(), ms(cold.cpu)/float64(n), mib(cold.maxRSS),
		2*perK, verdict(cold.wall.Seconds() <= 2*perK), 3*perK, verdict(cold.cpu.Seconds() <= 3*perK))
	fmt.Printf("--force rebuild, --jobs %d: %7.2f s wall, %6.2f s CPU (%.2f s kernel)\n", cpus, force.wall.Seconds(), force.cpu.Seconds(), force.sys.Seconds())
	fmt.Printf("cold / --force: %.2f× wall, %.2f× CPU; target 1.5×: %s (wall)\n",
		ratio(cold.wall, force.wall), ratio(cold.cpu, force.cpu), verdict(ratio(cold.wall, force.wall) <= 1.5))
	fmt.Printf("no-op rebuild:            %7.3f s wall, %6.3f s CPU, peak memory %s\n", noop.wall.Seconds(), noop.cpu.Seconds(), mib(noop.maxRSS))

	// (c) The floor: the same bytes, written with fsync and rename.
	fl, size, count, err := floor(out, filepath.Join(dir, "floor"), cpus, 0)
	if err != nil {
		return fmt.Errorf("floor: %w", err)
	}
	fmt.Printf("floor: %d files, %.1f MiB written with fsync and rename by %d workers: %6.2f s wall, %6.2f s CPU; the cold build takes %.2f× its wall, the --force rebuild %.2f×\n",
		count, float64(size)/(1<<20), cpus, fl.wall.Seconds(), fl.cpu.Seconds(), ratio(cold.wall, fl.wall), ratio(force.wall, fl.wall))
	// The same, flushed as the build flushes: a batch at a time.
	bfl, _, _, err := floor(out, filepath.Join(dir, "floor"), cpus, build.FlushBatch)
	if err != nil {
		return fmt.Errorf("floor, batched: %w", err)
	}
	fmt.Printf("floor, flushed %d files at a time as the build does: %6.2f s wall, %6.2f s CPU; the cold build takes %.2f× its wall\n",
		build.FlushBatch, bfl.wall.Seconds(), bfl.cpu.Seconds(), ratio(cold.wall, bfl.wall))

	// --jobs 1, for pandoc one at a time.
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	serial, err := buildInto(out, "--jobs", "1")
	if err != nil {
		return fmt.Errorf("cold build with --jobs 1: %w", err)
	}
	fmt.Printf("cold build, --jobs 1:      %7.2f s wall, %6.2f s CPU, peak memory %s\n", serial.wall.Seconds(), serial.cpu.Seconds(), mib(serial.maxRSS))

	// (d) Scaling.
	if c.scale > 1 {
		big := n * c.scale
		bsrc := filepath.Join(dir, "src-big")
		bout := filepath.Join(dir, "out-big")
		if err := os.RemoveAll(src); err != nil { // room on the disk
			return err
		}
		if _, err := generate(c.examples, bsrc, big); err != nil {
			return err
		}
		bargs := []string{"build", "--format", c.formats, "--out", bout, "-q", bsrc}
		bcold, err := measure(c.bin, bargs...)
		if err != nil {
			return fmt.Errorf("cold build of %d: %w", big, err)
		}
		if err := checkOutputs(bout, big, formats); err != nil {
			return err
		}
		bnoop, err := measure(c.bin, bargs...)
		if err != nil {
			return fmt.Errorf("no-op rebuild of %d: %w", big, err)
		}
		limit := float64(c.scale) * 1.05
		fmt.Printf("scaling: %d briefings cold: %.2f s wall, %.2f s CPU (%.2f s kernel), peak memory %s; CPU %.2f× that of %d (target %.1f×: %s); memory target 100 MB: %s\n",
			big, bcold.wall.Seconds(), bcold.cpu.Seconds(), bcold.sys.Seconds(), mib(bcold.maxRSS), ratio(bcold.cpu, cold.cpu), n, limit,
			verdict(ratio(bcold.cpu, cold.cpu) <= limit), verdict(bcold.maxRSS < 100e6))
		fmt.Printf("scaling: %d briefings no-op rebuild: %.3f s wall, %.3f s CPU, peak memory %s; target %.2f s: %s\n",
			big, bnoop.wall.Seconds(), bnoop.cpu.Seconds(), mib(bnoop.maxRSS), float64(big)/10000, verdict(bnoop.wall.Seconds() <= float64(big)/10000))
		os.RemoveAll(bout)
		os.RemoveAll(bsrc)
		if _, err := generate(c.examples, src, n); err != nil {
			return err
		}
	}

	// (e) pandoc.
	if c.sample <= 0 {
		return nil
	}
	pandoc, err := exec.LookPath("pandoc")
	if err != nil {
		fmt.Println("pandoc: not installed (Debian package pandoc); no comparison made")
		return nil
	}
	sample := min(c.sample, len(files))
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
	perBriefing := cold.wall / time.Duration(n)
	fmt.Printf("%s, docx alone, %d files: %6.2f ms per file with %d workers, %6.2f ms per file one at a time\n",
		version, sample, ms(perPar), cpus, ms(perSer))
	fmt.Printf("ratio: pandoc's docx alone takes %.1f× handouts' %s per briefing (both with %d workers; target 25×: %s); %.1f× one at a time\n",
		ratio(perPar, perBriefing), c.formats, cpus, verdict(ratio(perPar, perBriefing) >= 25),
		ratio(perSer, serial.wall/time.Duration(n)))
	return nil
}

// single builds one briefing runs times, each in a new process into a
// new folder, and returns the median wall and CPU times.
func single(bin, file, dir, formats string, runs int) (measurement, error) {
	var walls, cpus []time.Duration
	for i := range max(runs, 1) {
		out := filepath.Join(dir, fmt.Sprint(i))
		m, err := measure(bin, "build", "--format", formats, "--out", out, "-q", file)
		if err != nil {
			return measurement{}, err
		}
		walls = append(walls, m.wall)
		cpus = append(cpus, m.cpu)
	}
	if err := os.RemoveAll(dir); err != nil {
		return measurement{}, err
	}
	return measurement{wall: median(walls), cpu: median(cpus)}, nil
}

func median(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(b) }

// loadAverage is the first line of /proc/loadavg, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
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
	// The pictures the examples show.
	if pics := filepath.Join(examples, "images"); isDir(pics) {
		if err := os.CopyFS(filepath.Join(dir, "images"), os.DirFS(pics)); err != nil {
			return nil, err
		}
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
	resetPeak()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return measurement{}, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	m := measurement{wall: wall, cpu: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), sys: cmd.ProcessState.SystemTime()}
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

// checkOutputs checks that the build wrote a handout of every format for
// every briefing, so a build that silently skipped work cannot look fast.
func checkOutputs(out string, n int, formats []string) error {
	for _, f := range formats {
		got, _ := filepath.Glob(filepath.Join(out, "*."+f))
		if f == "html" {
			got = slices.DeleteFunc(got, func(p string) bool { return filepath.Base(p) == "index.html" })
		}
		if len(got) != n {
			return fmt.Errorf("expected %d .%s in %s, found %d", n, f, out, len(got))
		}
	}
	return nil
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

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}
