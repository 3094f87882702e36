package build

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"handouts/internal/docx"
)

// TestBuildNeverContactsTheNetwork holds the promise of docs/security.md:
// links, the driver's link, images and the relationships of a reference
// document are written as addresses, never followed. Everything points at
// a local server that fails the test if it is contacted.
func TestBuildNeverContactsTheNetwork(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		t.Errorf("the build contacted the network: %s %s", r.Method, r.URL)
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	}))
	defer srv.Close()
	u := srv.URL

	briefingText := `---
title: Remote addresses everywhere
kind: policy-briefing
producer: Example Library
source: Example Publisher
link: ` + u + `/driver.pdf
format: PDF
published: 2018-02
updated: 2018-02
review: 2019-02
responsible: VT
audience:
  - LKS staff
---

## Impact on library policy/practice

- See [the report](` + u + `/report) and <` + u + `/autolink> (1).
- ![A chart](` + u + `/chart.png)

## Summary of driver

An image ![logo](` + u + `/logo.png "title") and a footnote[^a].

[^a]: With a link to [elsewhere](` + u + `/footnote).

## Further reading

1. Example (2018) A report. ` + u + `/reading
`
	project(t, map[string]string{"sources/remote.md": briefingText})
	if err := os.WriteFile("reference.docx", remoteReference(t, u), 0o644); err != nil {
		t.Fatal(err)
	}

	res, err := Run(context.Background(), Options{Reference: "reference.docx"})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range res.Items {
		for _, d := range it.Diags {
			t.Log(d.String())
		}
	}
	if got := statuses(res); len(got) != 1 || got[0] != "sources/remote.md built" {
		t.Fatalf("statuses %v", got)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("%d requests reached the server", n)
	}
	// The addresses are in the handouts, as text.
	zr, err := zip.OpenReader("out/remote.docx")
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var rels string
	for _, f := range zr.File {
		if f.Name == "word/_rels/document.xml.rels" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			rels = string(b)
		}
	}
	for _, want := range []string{u + "/driver.pdf", u + "/report", u + "/chart.png"} {
		if !strings.Contains(rels, want) {
			t.Errorf("the Word handout does not link to %s", want)
		}
	}
}

// remoteReference is the default reference document with relationships
// to remote parts added: an external hyperlink, an external image and an
// attached template, all on the test server.
func remoteReference(t *testing.T, u string) []byte {
	t.Helper()
	src := docx.DefaultReference()
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	extra := `<Relationship Id="rIdRemote1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="` + u + `/ref-link" TargetMode="External"/>` +
		`<Relationship Id="rIdRemote2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + u + `/ref-image.png" TargetMode="External"/>` +
		`<Relationship Id="rIdRemote3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="` + u + `/template.dotx" TargetMode="External"/>`
	hasSettingsRels := false
	for _, f := range zr.File {
		hasSettingsRels = hasSettingsRels || f.Name == "word/_rels/settings.xml.rels"
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "word/_rels/document.xml.rels", "word/_rels/settings.xml.rels":
			data = []byte(strings.Replace(string(data), "</Relationships>", extra+"</Relationships>", 1))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if !hasSettingsRels {
		// Settings that name a remote template, which Word would fetch.
		w, _ := zw.Create("word/_rels/settings.xml.rels")
		w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + extra + `</Relationships>`))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
