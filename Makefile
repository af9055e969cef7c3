# Briefsmith. Quick start: `make run` opens the app, `make test` checks it.
# Both install missing build dependencies first (scripts/setup.sh).

GO      ?= go
BIN     := bin/briefsmith
export LANG ?= C.UTF-8

.PHONY: all deps build run test fuzz sample screenshot package windows windows-test bench bench-peers clean

all: build

deps:
	@./scripts/setup.sh

build: deps
	$(GO) build -o $(BIN) .

# Opens the desktop app on the built-in sample packet.
run: build
	./$(BIN)

# Each fuzz target as package:name.
FUZZ_TARGETS := ./briefing:FuzzDecodePacket ./briefing:FuzzParseTemplate ./briefing:FuzzExpand ./briefing:FuzzLayout ./briefing:FuzzPlainFields \
	./briefing:FuzzRender ./briefing:FuzzEveryWordIsPrintedOrReported ./render/layout:FuzzLogo ./render/docx:FuzzWriteDocx ./render/markdown:FuzzMarkdownRoundTrip ./sectiontext:FuzzWriteParse
FUZZTIME ?= 60s
STATICCHECK := $(shell $(GO) env GOPATH)/bin/staticcheck

# Formatting, vet, staticcheck, every test with the race detector, each
# fuzz target briefly, then the Windows build under Wine.
test: deps
	@out=$$(gofmt -l $$(find . -name '*.go' -not -path './.git/*')); \
	  if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(STATICCHECK) ./...
	$(GO) test -race -count=1 ./...
	@$(MAKE) --no-print-directory fuzz FUZZTIME=3s
	@$(MAKE) --no-print-directory windows-test

# Each fuzz target for FUZZTIME (default 60s): make fuzz FUZZTIME=10m
fuzz:
	@for pt in $(FUZZ_TARGETS); do \
	  p=$${pt%%:*}; t=$${pt#*:}; \
	  echo "fuzz $$p $$t for $(FUZZTIME)"; \
	  out=$$($(GO) test $$p -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) 2>&1); rc=$$?; \
	  echo "$$out" | tail -3; [ $$rc -eq 0 ] || { echo "$$out" | tail -40; exit 1; }; \
	done

# Exports the sample packet to sample.pdf.
sample: build
	./$(BIN) export -o sample.pdf

# Benchmarks with allocations, repeated for benchstat:
#   make bench > old.txt; (change); make bench > new.txt; benchstat old.txt new.txt
BENCHCOUNT ?= 8
# The export's (sample, 10 to 5,000 sections, live page count, packet
# copy) and the app's (a keystroke and opening a section at 5,000 and
# 20,000 words, the page view's refresh).
bench:
	$(GO) test ./briefing -run '^$$' -bench . -benchmem -count $(BENCHCOUNT)
	$(GO) test ./app -run '^$$' -bench 'Keystroke|OpenSection|PageViewRefresh' -benchmem -count $(BENCHCOUNT)

# Briefsmith against Typst, Chromium and LibreOffice on the same content,
# and against the floor for its stack (scripts/floor); peak memory.
bench-peers: deps
	./scripts/bench-peers.sh

# Screenshots of the real window under Xvfb, light and dark, two sizes.
screenshot: build
	./scripts/screenshot.sh $(BIN) docs

# An installable Linux package (tar.xz with binary, icon, desktop entry and
# the .briefing file type, so a double-clicked packet opens in Briefsmith).
package: deps
	GO=$(GO) ./scripts/package.sh

# Windows (amd64), cross-built with mingw-w64 into build/windows: the app
# briefsmith.exe, the command line briefsmith.com, a zip and a per-user MSI
# (scripts/windows-build.sh; README: "Windows").
windows: deps
	GO=$(GO) ./scripts/windows-build.sh

# The Windows build tested under Wine and Xvfb: exports byte-identical to
# Linux's, the same refusals, the MSI installed, opened through the .briefing
# association and removed, the app's window (scripts/windows-test.sh).
# SCREENSHOT=docs/screenshots/windows-wine.png keeps the window's picture.
windows-test: deps
	GO=$(GO) ./scripts/windows-test.sh

clean:
	rm -rf bin build sample.pdf Briefsmith.tar.xz
