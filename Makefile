# The two commands of the README:
#   make run    installs what is missing, builds, opens Commissioner on the demo workspace
#   make check  installs what is missing, builds (warnings are errors), runs every test:
#               the core and UI suites (UI under Xvfb), then the core suite again under
#               AddressSanitizer + UBSan
BUILD      ?= build
ASAN_BUILD ?= build-asan
DEMO       := $(BUILD)/demo/Demo.commissioner

# The test environment of DESIGN.md (meson adds the rest per test).
TEST_ENV := LC_ALL=C.UTF-8 GTK_A11Y=test GSK_RENDERER=cairo GSETTINGS_BACKEND=memory \
            G_DEBUG=fatal-criticals NO_AT_BRIDGE=1

.PHONY: all deps build run check check-asan clean

all: build

deps:
	@sh tools/install-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

$(DEMO): | build
	mkdir -p $(dir $(DEMO))
	$(BUILD)/src/cli/commissioner-cli demo $(DEMO)

run: build $(DEMO)
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
	env $(TEST_ENV) ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  meson test -C $(ASAN_BUILD) --suite core --print-errorlogs --num-processes 2

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
