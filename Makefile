# The two commands a newcomer runs: `make handouts` and `make test`.
# Only Go and make are needed; outside programs used by the
# interoperability checks are optional here and installed by .ci/run.

GO      ?= go
BIN     := bin/handouts
SOURCES ?= sources
OUT     ?= out
# Word, PDF and the web pages (with the catalogue out/index.html and the
# feed out/feed.xml).
FORMATS ?= docx,pdf,html
# BUILD_FLAGS: more options for the build of make handouts (CI: --prune)
BUILD_FLAGS ?=
# TAGS: build tags of every build that ships or is measured (the tool,
# the release archives, the benchmarks). urfave_cli_no_docs leaves out
# urfave/cli's Markdown and man page generators, which the tool never
# calls, and with them the start-up of their Markdown library in every
# process (internal/release uses the same tag).
TAGS ?= urfave_cli_no_docs

.PHONY: handouts build test vet cross bench fuzz interop release-dry-run clean tool-id bench-shapes

## handouts: build the tool and every briefing in sources/ into out/
## (Word, PDF and web pages; FORMATS=docx,pdf for paper only)
handouts: $(BIN)
	$(BIN) check $(SOURCES)
	$(BIN) build --format $(FORMATS) --out $(OUT) $(BUILD_FLAGS) $(SOURCES)

build: $(BIN)

# The tool's identity in the build manifest is a hash of what determines
# its output: its Go sources (not tests), templates, go.mod and go.sum.
# A commit that changes only briefings keeps it, so a kept out/ is
# rebuilt for the briefings that changed only; any change to the code
# rebuilds every handout. Without sha256sum or shasum it is empty, and
# the tool falls back on its Git revision.
HASH      = $(shell command -v sha256sum >/dev/null 2>&1 && echo sha256sum || { command -v shasum >/dev/null 2>&1 && echo "shasum -a 256"; })
SOURCE_ID = $(if $(HASH),$(shell { find cmd internal templates -type f ! -name '*_test.go' ! -path '*/testdata/*'; echo go.mod; echo go.sum; } | LC_ALL=C sort | xargs $(HASH) | $(HASH) | cut -c1-64))

# -buildvcs=auto records the Git revision for `handouts version` even
# where GOFLAGS turns it off; outside a Git work tree it records nothing.
$(BIN): FORCE
	@mkdir -p bin
	$(GO) build -tags $(TAGS) -trimpath -buildvcs=auto -ldflags "-X handouts/internal/buildinfo.Source=$(SOURCE_ID)" -o $(BIN) ./cmd/handouts

## tool-id: print the identity of the tool's build inputs and Go version
## (the CI workflow keys its cache of out/ on it)
tool-id:
	@echo "$(SOURCE_ID)-$$($(GO) env GOVERSION)"

FORCE:

## test: the whole suite, with the race detector
test: vet cross
	$(GO) test -race ./...

vet:
	@unformatted=$$(gofmt -l cmd internal templates); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## cross: what Windows and macOS builds compile, checked here: go vet for
## each release system, and every package's tests compiled (not run) for
## one of each. The build cache makes a second run take seconds.
CROSS_VET  := windows/amd64 windows/arm64 darwin/amd64 darwin/arm64
CROSS_TEST := windows/amd64 darwin/arm64
cross:
	@for t in $(CROSS_VET); do \
	  echo "== go vet for $$t"; \
	  GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) vet ./... || exit 1; \
	done
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for t in $(CROSS_TEST); do \
	  echo "== tests compiled for $$t"; \
	  GOOS=$${t%/*} GOARCH=$${t#*/} $(GO) test -c -o "$$tmp/" ./... >/dev/null || exit 1; \
	done

## release-dry-run: what a release publishes, built twice (the second
## time with an empty build cache, in another time zone) into
## dist/release and dist/rebuild, and compared byte for byte.
RELEASE_VERSION ?= v0.0.0-dry-run
release-dry-run:
	rm -rf dist/release dist/rebuild
	$(GO) run ./internal/release -version $(RELEASE_VERSION) -out dist/release
	@cache=$$(mktemp -d); trap 'chmod -R u+w "$$cache"; rm -rf "$$cache"' EXIT; \
	GOCACHE=$$cache TZ=Pacific/Chatham $(GO) run ./internal/release -version $(RELEASE_VERSION) -out dist/rebuild
	cmp dist/release/SHA256SUMS dist/rebuild/SHA256SUMS
	@for f in dist/release/*; do cmp "$$f" "dist/rebuild/$${f##*/}" || exit 1; done
	cd dist/release && sha256sum -c SHA256SUMS
	@echo "release archives built twice: the same bytes"

## bench: Go benchmarks of the parser and writers and of one briefing in
## a process of its own, then a synthetic library of BENCH_N briefings
## built cold, rebuilt, against the disk's floor and pandoc, and
## BENCH_SCALE×BENCH_N briefings for the scaling figures (0: skip)
BENCH_N ?= 1000
BENCH_SCALE ?= 10
bench: $(BIN)
	$(GO) test -tags $(TAGS) -run '^$$' -bench '^Benchmark[^S]' -benchmem ./internal/briefing ./internal/docx ./internal/pdf ./internal/html
	$(GO) test -tags $(TAGS) -run '^$$' -bench OneBriefing -benchtime 20x ./cmd/handouts
	$(GO) run ./internal/bench -n $(BENCH_N) -scale $(BENCH_SCALE) -formats $(FORMATS) -handouts $(BIN)

## bench-shapes: the parser on pathological shapes of body up to the
## size limit (docs/performance.md); over ten minutes
bench-shapes:
	$(GO) test -run '^$$' -bench Shapes ./internal/briefing

## interop: only the checks that run outside programs, which must be present
interop:
	@# axe-core and puppeteer-core for the browser test, as .ci/run installs them
	@if command -v npm >/dev/null 2>&1; then (cd internal/html/testdata/browser && npm ci --no-audit --no-fund --loglevel=error); fi
	HANDOUTS_INTEROP=require $(GO) test -count=1 -run 'Interop' ./...

## fuzz: run every fuzz target for FUZZTIME each (default 30s)
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin
	find $(OUT) -mindepth 1 ! -name README.md ! -name .gitignore -delete
