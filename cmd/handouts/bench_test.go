package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// BenchmarkOneBriefing builds one example briefing to Word and PDF in a
// process of its own, as `handouts build` does from the command line:
// every iteration is a new process, so everything made once per process
// (font pages, the default Word styles, the tool's identity) is made
// again. Besides wall time it reports the child's CPU time (user+sys),
// steadier than wall time on a loaded machine.
func BenchmarkOneBriefing(b *testing.B) {
	for _, formats := range []string{"docx,pdf", "docx,pdf,html"} {
		b.Run(formats, func(b *testing.B) {
			dir := b.TempDir()
			bin := filepath.Join(dir, "bin", "handouts")
			os.MkdirAll(filepath.Dir(bin), 0o755)
			self, err := os.Executable()
			if err != nil {
				b.Fatal(err)
			}
			// TestMain runs the CLI when the test binary is called "handouts".
			if err := os.Symlink(self, bin); err != nil {
				b.Fatal(err)
			}
			src, err := filepath.Abs("../../sources/accountable-care-the-art-of-the-possible.md")
			if err != nil {
				b.Fatal(err)
			}
			var cpu time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				out := filepath.Join(dir, "out", strconv.Itoa(i))
				cmd := exec.Command(bin, "build", "-q", "--format", formats, "--out", out, src)
				cmd.Env = append(os.Environ(), "CI=true")
				if msg, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("%v\n%s", err, msg)
				}
				cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
			}
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
