# Corium's everyday commands. `make run` and `make test` are the two the README opens with.
JOBS ?= $(shell nproc)
FUZZ_SECONDS ?= 30

.PHONY: run screen test setup build debug release web web-test fuzz fuzz-smoke bench lint format clean

run: setup release web  ## Set up, build, and serve the demo clinic and its web app on http://127.0.0.1:8080
	./build/corium serve --demo

screen: release  ## Screen the example consultation on the command line
	./build/corium screen examples/consultation.json --format text

# The PostgreSQL suites run against a throwaway server on 127.0.0.1 (scripts/with-postgres), and
# fail rather than skip if it cannot be reached.
test: setup debug release fuzz-smoke web  ## Set up and run every test
	./scripts/with-postgres ctest --preset debug -j $(JOBS)
	ctest --preset release -j $(JOBS) -L vignettes
	./build/corium kb check kb
	$(MAKE) web-test

setup:
	./scripts/setup

build: release

debug:
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(JOBS)

release:
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

# The web app (web/): npm packages from the lock file, type-checked and bundled into web/dist, which
# `corium serve` serves.
web:
	cd web && npm ci --no-audit --no-fund --loglevel=error
	cd web && npm run build

# Vitest for the pure modules, then the browser journeys: Debian's Chromium against a fresh
# `corium serve` (the release binary) and database per test file.
web-test: web release
	cd web && npm test
	cd web && CORIUM_BINARY=$(CURDIR)/build/release/corium npm run e2e

FUZZ_TARGETS = intake_parser_fuzzer placeholders_fuzzer request_fuzzer strict_json_fuzzer

fuzz:
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz -j $(JOBS) --target $(FUZZ_TARGETS)

# Each fuzz target for FUZZ_SECONDS on a scratch copy of its committed seed corpus.
fuzz-smoke: fuzz
	@for f in build/fuzz/*_fuzzer; do \
	  name=$$(basename $$f _fuzzer); corpus=$$(mktemp -d); \
	  cp -r fuzz/corpus/$$name/. $$corpus/ 2>/dev/null || true; \
	  echo "fuzzing $$name for $(FUZZ_SECONDS) s"; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -print_final_stats=1 $$corpus >$$corpus.log 2>&1; \
	  status=$$?; tail -12 $$corpus.log; rm -rf $$corpus $$corpus.log; \
	  [ $$status -eq 0 ] || { echo "fuzz target $$name failed"; exit 1; }; \
	done

bench: setup release  ## Benchmarks (figures go to bench/RESULTS.md by hand)
	./build/release/bench/screening_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
	./bench/cli_bench.sh

lint: release
	run-clang-tidy-14 -quiet -p build/release -extra-arg=-Wno-unknown-warning-option \
	  -extra-arg=-DBOOST_ASIO_HAS_CO_AWAIT=1 -extra-arg=-DBOOST_ASIO_HAS_STD_COROUTINE=1 \
	  '$(CURDIR)/src/corium/.*(?<!_test)\.cpp$$'

format:
	find src tests bench fuzz -name '*.cpp' -o -name '*.h' | xargs clang-format-14 -i

clean:
	rm -rf build
