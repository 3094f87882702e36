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

.PHONY: handouts build test vet bench fuzz interop clean tool-id

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
	$(GO) build -trimpath -buildvcs=auto -ldflags "-X handouts/internal/buildinfo.Source=$(SOURCE_ID)" -o $(BIN) ./cmd/handouts

## tool-id: print the identity of the tool's build inputs and Go version
## (the CI workflow keys its cache of out/ on it)
tool-id:
	@echo "$(SOURCE_ID)-$$($(GO) env GOVERSION)"

FORCE:

## test: the whole suite, with the race detector
test: vet
	$(GO) test -race ./...

vet:
	@unformatted=$$(gofmt -l cmd internal templates); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: Go benchmarks of the parser and writers, then a synthetic
## library of BENCH_N briefings built cold and rebuilt, against pandoc
BENCH_N ?= 1000
bench: $(BIN)
	$(GO) test -run '^$$' -bench . -benchmem ./internal/briefing ./internal/docx ./internal/pdf ./internal/html
	$(GO) run ./internal/bench -n $(BENCH_N) -handouts $(BIN)

## interop: only the checks that run outside programs, which must be present
interop:
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
