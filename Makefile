# Thin wrapper over CMake presets; see README.md.
#   make run    install what is missing, build, start the whole system
#   make test   install, build (ASan+UBSan), run every test headless
#   make bench  install, build (Release), run the benchmarks
SHELL := /bin/bash
JOBS ?= $(shell nproc)
# ccache keys on paths relative to the checkout, so a fresh clone in
# another folder (CI) reuses what an earlier build of the same sources made.
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: run test bench build deps screenshots soak fuzz clean

deps:
	@scripts/install-deps

build: deps
	cmake --preset default >/dev/null
	cmake --build build/default -j $(JOBS)

run: build
	scripts/run-system build/default

test: deps
	cmake --preset asan >/dev/null
	cmake --build build/asan -j $(JOBS)
	scripts/run-tests build/asan

BENCH_TARGETS := store_bench print_bench server_bench
# The kiosk beside a Chromium kiosk page (tests/bench/run_kiosk_bench.sh).
BENCH_TARGETS += lpse-kiosk lpse-server lpse
# QR decoding: ours vs ZXing defaults vs zbar (tests/bench/run_scan_bench.sh).
BENCH_TARGETS += scan_bench
# The wall display from a desk's "next": drawn and heard (tests/bench/run_display_bench.sh).
BENCH_TARGETS += lpse-display
# Reports on a year of a busy office vs a plain scan of the log (tests/bench/run_report_bench.sh).
BENCH_TARGETS += report_bench
# The kiosk's memory beside a bare GLFW + ImGui window (tests/bench/run_kiosk_memory_bench.sh).
BENCH_TARGETS += bare_imgui_window
bench: deps
	scripts/install-deps bench
	cmake --preset release >/dev/null
	cmake --build build/release -j $(JOBS) --target $(BENCH_TARGETS)
	scripts/run-bench build/release

soak: deps
	cmake --preset default >/dev/null
	cmake --build build/default -j $(JOBS)
	LPSE_CRASH_ROUNDS=2000 LPSE_CONCURRENCY_TICKETS=20000 LPSE_RESTART_ROUNDS=200 LPSE_RESTART_OPERATIONS=3000 \
	  scripts/run-tests build/default -L slow

# libFuzzer (clang), FUZZ_SECONDS (default 300) per target; see scripts/run-fuzz.
fuzz: deps
	cmake --preset fuzz >/dev/null
	cmake --build build/fuzz -j $(JOBS) --target fuzz_request fuzz_sse fuzz_escpos fuzz_config fuzz_form_qr fuzz_api fuzz_mail
	scripts/run-fuzz build/fuzz

# The screenshots in docs/screenshots and the README, from the real programs.
# Every kiosk screen in id and en, landscape and portrait (1080x1920 needs the tall screen).
screenshots: build
	xvfb-run -a -s "-screen 0 3840x2160x24" python3 tests/e2e/screenshots.py \
	  --bin build/default/bin --source . --out docs/screenshots

clean:
	rm -rf build
