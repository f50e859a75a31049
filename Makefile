# The two commands of the README: `make demo` (build, run a sample call) and `make test`.
SWIFT ?= swift
FUZZ_SECONDS ?= 300
IVR = .build/release/ivr

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: deps build install demo test bench bench-audio bench-server bench-live stress fuzz clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release

# One self-contained file: the default prompt scripts are compiled in, nothing else is needed
# beside it. `make install PREFIX=~/.local` for a user install.
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin"
	install -m 755 $(IVR) "$(DESTDIR)$(PREFIX)/bin/ivr"

demo: build
	@STATE=$$(mktemp -d) && $(IVR) --state "$$STATE" call Samples/calls/confirm.call; rc=$$?; rm -rf "$$STATE"; exit $$rc

test: deps
	$(SWIFT) test

bench: build
	bash scripts/bench.sh

# Live calls: N concurrent calls to sipp on loopback, each confirmed with # (README "Live calls").
bench-live: deps
	$(SWIFT) build -c release --product LiveBench
	.build/release/LiveBench 50 100 200 400

# Prompt audio (SPEC §14): 18 prompts × 6 languages rendered cold and warm, beside espeak-ng alone.
bench-audio: build
	bash scripts/bench-audio.sh

# The HTTP API under wrk: POST (simulated callee) and GET figures of SPEC §12, as ratios.
bench-server: build
	IVR=$(IVR) bash scripts/bench-server.sh

stress: build
	IVR=$(IVR) bash scripts/stress.sh

fuzz: deps
	bash scripts/fuzz-greetings.sh $(FUZZ_SECONDS)
	bash scripts/fuzz-call-scripts.sh $(FUZZ_SECONDS)

clean:
	rm -rf .build
