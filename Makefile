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

.PHONY: handouts build test vet bench fuzz interop clean

## handouts: build the tool and every briefing in sources/ into out/
## (Word, PDF and web pages; FORMATS=docx,pdf for paper only)
handouts: $(BIN)
	$(BIN) check $(SOURCES)
	$(BIN) build --format $(FORMATS) --out $(OUT) $(SOURCES)

build: $(BIN)

# -buildvcs=auto records the Git revision for `handouts version` even
# where GOFLAGS turns it off; outside a Git work tree it records nothing.
$(BIN): FORCE
	@mkdir -p bin
	$(GO) build -trimpath -buildvcs=auto -o $(BIN) ./cmd/handouts

FORCE:

## test: the whole suite, with the race detector
test: vet
	$(GO) test -race ./...

vet:
	@unformatted=$$(gofmt -l cmd internal templates); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: Go benchmarks of the parser and writers and of one briefing in
## a process of its own, then a synthetic library of BENCH_N briefings
## built cold, rebuilt, against the disk's floor and pandoc, and
## BENCH_SCALE×BENCH_N briefings for the scaling figures (0: skip)
BENCH_N ?= 1000
BENCH_SCALE ?= 10
bench: $(BIN)
	$(GO) test -run '^$$' -bench . -benchmem ./internal/briefing ./internal/docx ./internal/pdf ./internal/html
	$(GO) test -run '^$$' -bench OneBriefing -benchtime 20x ./cmd/handouts
	$(GO) run ./internal/bench -n $(BENCH_N) -scale $(BENCH_SCALE) -formats $(FORMATS) -handouts $(BIN)

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
