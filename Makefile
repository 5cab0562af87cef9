# The two commands: `make run` and `make test`. Both install missing Debian packages
# first (through sudo when not root), then configure and build a Release build.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
ARGS ?=

PACKAGES := cmake g++ make pkg-config libglfw3-dev libglm-dev libassimp-dev \
  libimgui-dev libepoxy-dev libgtest-dev nlohmann-json3-dev libcli11-dev libstb-dev libpng-dev \
  libopenvdb-dev libboost-dev libnanoflann-dev libyaml-cpp-dev libgl1-mesa-dri xvfb xauth fonts-dejavu-core ffmpeg

SANITIZE_DIR ?= build-sanitize
# Reports from the sanitizers fail the test that caused them; third-party leaks that are
# not ours are listed, each with the reason, in tests/sanitizer/lsan.supp.
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer/lsan.supp:print_suppressions=0

.PHONY: run test build deps clean test-sanitize

run: build
	$(BUILD_DIR)/legatlas $(ARGS)

test: build
	@if [ -n "$$DISPLAY" ]; then \
	  ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS); \
	else \
	  xvfb-run -a -s "-screen 0 1920x1080x24" \
	    ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS); \
	fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	fi

# The tiers that need no GL (unit, generated leg, technique), built and run under
# AddressSanitizer and UndefinedBehaviorSanitizer.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEGATLAS_SANITIZE=ON
	$(SANITIZE_ENV) cmake --build $(SANITIZE_DIR) -j $(JOBS)
	$(SANITIZE_ENV) ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS) -LE gl

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
