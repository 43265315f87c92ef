# The two commands of the README:
#   make run    installs what is missing, builds, opens Commissioner on the demo workspace
#   make check  installs what is missing, builds (warnings are errors), runs every test:
#               the core and UI suites (UI under Xvfb), then the core suite again under
#               AddressSanitizer + UBSan
#   make fuzz   fuzzes the CSV reader and importer with libFuzzer (clang) for FUZZ_SECONDS (600)
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
DEMO       := $(BUILD)/demo/Demo.commissioner

# The test environment of DESIGN.md (meson adds the rest per test).
TEST_ENV := LC_ALL=C.UTF-8 GTK_A11Y=test GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
            G_DEBUG=fatal-criticals NO_AT_BRIDGE=1

.PHONY: all deps build demo run check check-asan fuzz clean

all: build

deps:
	@sh tools/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

# The demo is made again when Commissioner was rebuilt since, so that it always shows what the
# current version fills in (it is a scratch file: changes made to it are not kept).
demo: build
	@if [ ! -f $(DEMO) ] || [ $(BUILD)/src/cli/commissioner-cli -nt $(DEMO) ]; then \
	  mkdir -p $(dir $(DEMO)) && rm -f $(DEMO) $(DEMO)-wal $(DEMO)-shm && \
	  $(BUILD)/src/cli/commissioner-cli demo $(DEMO); \
	fi

run: demo
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/app/commissioner $(DEMO)

check: build
	rm -rf $(BUILD)/screenshots
	@status=0; \
	env $(TEST_ENV) dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" \
	  meson test -C $(BUILD) --print-errorlogs --num-processes 2 || status=1; \
	$(MAKE) --no-print-directory check-asan || status=1; \
	python3 tools/test-summary.py $(BUILD) $(ASAN_BUILD); \
	exit $$status

check-asan: deps
	@[ -f $(ASAN_BUILD)/build.ninja ] || meson setup $(ASAN_BUILD) -Dwerror=true -Dapp=false \
	  -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
	meson compile -C $(ASAN_BUILD)
	env $(TEST_ENV) ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tools/lsan.supp UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASAN_BUILD) --suite core --print-errorlogs --num-processes 2

fuzz:
	@sh tools/install-deps.sh clang-14 libclang-rt-14-dev
	@[ -f $(FUZZ_BUILD)/build.ninja ] || CC=clang-14 CFLAGS=-fsanitize=fuzzer-no-link meson setup $(FUZZ_BUILD) \
	  -Dapp=false -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
	meson compile -C $(FUZZ_BUILD) fuzz-csv-import
	mkdir -p $(FUZZ_BUILD)/fuzz-corpus
	env $(TEST_ENV) COMMISSIONER_TODAY=2026-11-23 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  $(FUZZ_BUILD)/tests/fuzz-csv-import -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  $(FUZZ_BUILD)/fuzz-corpus tests/fuzz/corpus

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
