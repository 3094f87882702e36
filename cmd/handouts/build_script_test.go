package main

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	bt "handouts/internal/briefing/briefingtest"
	"handouts/internal/build/buildtest"
	"handouts/internal/readonly"
)

// scriptCmds are the commands the build scenarios use besides
// testscript's own.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"genbriefings": cmdGenBriefings,
	"cmptree":      cmdCmpTree,
	"waitfor":      cmdWaitFor,
	"readonly":     cmdReadOnly,
	"docxtext":     cmdDocxText,
	"genpng":       cmdGenPNG, // import_script_test.go
}

// scriptCondition answers the build scenarios' conditions:
// [readonly] is true when this process can be denied writing to a folder
// (as root that needs chattr +i).
func scriptCondition(cond string) (bool, error) {
	switch cond {
	case "readonly":
		dir, err := os.MkdirTemp("", "readonly-probe")
		if err != nil {
			return false, err
		}
		defer os.RemoveAll(dir)
		ok := readonly.Make(dir) == nil
		readonly.Undo(dir)
		return ok, nil
	}
	return false, fmt.Errorf("unknown condition %q", cond)
}

// genbriefings N DIR writes N valid policy briefings DIR/bNNNN.md.
func cmdGenBriefings(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genbriefings N DIR")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	dir := ts.MkAbs(args[1])
	ts.Check(os.MkdirAll(dir, 0o755))
	for i := range n {
		ts.Check(os.WriteFile(filepath.Join(dir, fmt.Sprintf("b%04d.md", i)), []byte(bt.Markdown(i)), 0o644))
	}
}

// cmptree A B fails unless folders A and B hold the same files with the
// same bytes.
func cmdCmpTree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: cmptree DIR1 DIR2")
	}
	read := func(dir string) map[string]string {
		files, err := buildtest.Tree(dir)
		ts.Check(err)
		return files
	}
	a, b := read(ts.MkAbs(args[0])), read(ts.MkAbs(args[1]))
	if len(a) == 0 {
		ts.Fatalf("%s is empty", args[0])
	}
	for name, data := range a {
		other, ok := b[name]
		switch {
		case !ok:
			ts.Fatalf("%s/%s has no counterpart in %s", args[0], name, args[1])
		case data != other:
			ts.Fatalf("%s differs between %s and %s", name, args[0], args[1])
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			ts.Fatalf("%s/%s has no counterpart in %s", args[1], name, args[0])
		}
	}
	ts.Logf("%d files identical", len(a))
}

// waitfor FILE waits (up to a minute) until FILE exists.
func cmdWaitFor(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: waitfor FILE")
	}
	p := ts.MkAbs(args[0])
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if _, err := os.Stat(p); err == nil {
			return
		}
	}
	ts.Fatalf("%s did not appear within a minute", args[0])
}

// readonly DIR makes DIR unwritable for the rest of the script. Guard it
// with [readonly].
func cmdReadOnly(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: readonly DIR")
	}
	dir := ts.MkAbs(args[0])
	ts.Defer(func() { readonly.Undo(dir) })
	ts.Check(readonly.Make(dir))
}

// docxtext FILE prints the text of a .docx's body, one paragraph a line,
// and of its core properties.
func cmdDocxText(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: docxtext FILE")
	}
	zr, err := zip.OpenReader(ts.MkAbs(args[0]))
	ts.Check(err)
	defer zr.Close()
	for _, part := range []string{"docProps/core.xml", "word/document.xml", "word/footer1.xml"} {
		f, err := zr.Open(part)
		ts.Check(err)
		text, err := xmlText(f)
		f.Close()
		ts.Check(err)
		fmt.Fprintf(ts.Stdout(), "== %s\n%s", part, text)
	}
}

// xmlText is the character data of an XML part, a line for each
// paragraph (w:p) or property element.
func xmlText(r io.Reader) (string, error) {
	var b strings.Builder
	dec := xml.NewDecoder(r)
	line := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if s := string(t); strings.TrimSpace(s) != "" {
				b.WriteString(s)
				line = true
			}
		case xml.EndElement:
			if line && (t.Name.Local == "p" || t.Name.Space != "http://schemas.openxmlformats.org/wordprocessingml/2006/main") {
				b.WriteByte('\n')
				line = false
			}
		}
	}
}
