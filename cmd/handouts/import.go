package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"handouts/internal/briefing"
	"handouts/internal/diag"
	"handouts/internal/importer"
	"handouts/internal/slug"
	"handouts/internal/webread"
	"handouts/internal/wordread"
)

func importCommand() *cli.Command {
	return &cli.Command{
		Name:      "import",
		Usage:     "start briefings from Word documents, saved web pages or pasted text",
		ArgsUsage: "FILE...",
		Description: `Reads each FILE — a Word document (.docx), a saved web page (.html) or
text pasted from a web page or an e-mail (.txt) — finds the briefing in
it and writes DIR/SLUG.md (sources/ by default), SLUG made from its
title as "handouts new" makes it. The title, the labelled fields
("Source:", "Date last updated:", …) and the standard sections go where
they belong; other sections are kept as they are; what was not found is
left for you to fill in. It then lists, as file:line: message, what you
must still do before "handouts check" passes. Pictures embedded in a
Word document are written to DIR/images/SLUG-1.png, … with Word's
description as their alternative text. An existing file is never
overwritten. One briefing is taken from each file: when a web page holds
several, the most complete, and the others are named.

Examples:
   handouts import old-briefing.docx
   handouts import --dir sources/2026 blog-post.html pasted.txt`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "dir", Value: "sources", TakesFile: true,
				Usage: "write the briefings into `DIR`"},
			configFlag(),
		},
		Action: importFiles,
	}
}

func importFiles(c *cli.Context) error {
	args, err := positionalArgs(c)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		return usageError("import needs one or more files: handouts import briefing.docx")
	}
	cfg, err := projectConfig(c)
	if err != nil {
		return err
	}
	dir := c.String("dir")
	failed := 0
	for _, in := range args {
		if err := importOne(c, in, dir, cfg.Producer); err != nil {
			fmt.Fprintln(c.App.ErrWriter, err)
			failed++
		}
	}
	if failed > 0 {
		return cli.Exit("", exitFailed)
	}
	return nil
}

func importOne(c *cli.Context, in, dir, producer string) error {
	shownIn := filepath.ToSlash(in)
	src, err := readSource(in)
	if err != nil {
		return fmt.Errorf("%s: %v", shownIn, err)
	}
	b := importer.Convert(src)
	name := ""
	if b.Title != "" {
		name, _ = slug.Make(b.Title)
	}
	if name == "" {
		base := filepath.Base(in)
		name, _ = slug.Make(strings.TrimSuffix(base, filepath.Ext(base)))
	}
	if name == "" {
		name = "imported-briefing"
	}
	// Pictures take names no file has yet, beside the briefing.
	b.NamePictures(name, func(rel string) bool {
		_, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(rel)))
		return !errors.Is(err, fs.ErrNotExist)
	})
	text := b.Markdown(filepath.Base(in))

	path := filepath.Join(dir, name+".md")
	shown := filepath.ToSlash(path)
	f, err := createNew(dir, dir, path, shown)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s: %s already exists; not overwriting it. Move it away, or import into another folder with --dir", shownIn, shown)
	}
	if err != nil {
		return err
	}
	pics, err := writePictures(dir, b.Pictures())
	if err == nil {
		_, err = f.Write(text)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		for _, p := range pics {
			os.Remove(p)
		}
		return fmt.Errorf("%s: cannot write %s: %v", shownIn, shown, err)
	}

	w := c.App.Writer
	fmt.Fprintf(w, "Imported %s into %s: %s %q.\n", shownIn, shown, strings.ToLower(kindOrDefault(b.Kind).Label()), b.Title)
	for _, p := range pics {
		fmt.Fprintf(w, "  wrote %s\n", filepath.ToSlash(p))
	}
	for _, r := range b.Remarks {
		fmt.Fprintf(w, "  %s: %s\n", shownIn, r)
	}
	_, diags := briefing.Parse(shown, text, briefing.Options{DefaultProducer: producer})
	todo := importTodo(text, shown, diags)
	if len(todo) > 0 {
		fmt.Fprintln(w, "Still to do:")
		for _, d := range todo {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	fmt.Fprintf(w, "Then run: handouts check %s\n", shown)
	return nil
}

// writePictures writes each picture to its file under dir, never over
// an existing file. It returns the files written, for the caller to
// remove if the import fails after them.
func writePictures(dir string, pics []*importer.Picture) ([]string, error) {
	var done []string
	for _, p := range pics {
		file := filepath.Join(dir, filepath.FromSlash(p.Name))
		f, err := createNew(filepath.Dir(file), filepath.ToSlash(filepath.Dir(file)), file, filepath.ToSlash(file))
		if errors.Is(err, fs.ErrExist) {
			return done, fmt.Errorf("the picture %s appeared while importing; not overwriting it", filepath.ToSlash(file))
		}
		if err != nil {
			return done, err
		}
		done = append(done, file)
		_, err = f.Write(p.Data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return done, fmt.Errorf("cannot write %s: %v", filepath.ToSlash(file), describeErr(err))
		}
	}
	return done, nil
}

// importTodo is what the author must still do: the briefing's errors and
// warnings, and the link left as a comment, which check cannot see.
func importTodo(text []byte, shown string, diags diag.List) []string {
	var out []string
	for i, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "# link: ") {
			out = append(out, fmt.Sprintf("%s:%d: the source names a link to the main document but gives no address; write link: and the address", shown, i+1))
		}
	}
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// readSource reads a file with the reader its extension names.
func readSource(path string) (importer.Source, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".docx":
		return wordread.ReadFile(path)
	case ".html", ".htm", ".xhtml":
		return webread.ReadFile(path)
	case ".txt", ".text", "":
		return importer.ReadTextFile(path)
	default:
		return importer.Source{}, fmt.Errorf("cannot import a %s file; import a Word document (.docx), a saved web page (.html) or text pasted into a .txt file", ext)
	}
}

func kindOrDefault(k briefing.Kind) briefing.Kind {
	if k == "" {
		return briefing.PolicyBriefing
	}
	return k
}
