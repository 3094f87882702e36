#!/usr/bin/env bash
# Remakes the Word fixtures ../tidy.docx and ../hurried.docx from the HTML
# here with LibreOffice, as a librarian's word processor would save them.
# Run it from this folder after changing the HTML, then refresh the golden
# files: go test ./internal/importer -run TestFixtures -update
set -euo pipefail
cd "$(dirname "$0")"
for f in tidy hurried; do
  HOME=$(mktemp -d) soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir .. "$f.html"
done
