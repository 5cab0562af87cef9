# The two commands: `make run` and `make test`. Both install missing Debian packages
# first (through sudo when not root), then configure and build a Release build.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
ARGS ?=

PACKAGES := cmake g++ make pkg-config libglfw3-dev libglm-dev libassimp-dev \
  libimgui-dev libepoxy-dev libgtest-dev nlohmann-json3-dev libcli11-dev libstb-dev libpng-dev \
  libopenvdb-dev libboost-dev libnanoflann-dev libyaml-cpp-dev libmeshoptimizer-dev libeigen3-dev libgl1-mesa-dri xvfb xauth fonts-dejavu-core ffmpeg

# Runs a command with a display: the user's, or a virtual one (Xvfb) when there is none.
with_display = if [ -n "$$DISPLAY" ]; then $(1); else xvfb-run -a -s "-screen 0 1920x1080x24" $(1); fi

SANITIZE_DIR ?= build-sanitize
# Reports from the sanitizers fail the test that caused them; third-party leaks that are
# not ours are listed, each with the reason, in tests/sanitizer/lsan.supp.
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/sanitizer/lsan.supp:print_suppressions=0

FUZZ_DIR ?= build-fuzz
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev

.PHONY: run test build deps install-missing clean test-sanitize fuzz

run: build
	$(BUILD_DIR)/legatlas $(ARGS)

# On CI (CI=true) the sanitized pass follows the main suite.
test: build
	@$(call with_display,ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS))
	@if [ "$$CI" = true ]; then $(MAKE) --no-print-directory test-sanitize; fi

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	@$(MAKE) --no-print-directory install-missing WANTED="$(PACKAGES)"

install-missing:
	@missing=""; for p in $(WANTED); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $$missing; \
	fi

# Every tier built and run under AddressSanitizer and UndefinedBehaviorSanitizer. The GL tiers run with Mesa's software driver preloaded: Mesa
# frees some allocations only through globals of the driver module it unloads at exit,
# which LeakSanitizer would otherwise report from an "unknown module". Kept loaded, they
# stay reachable. libasan must come first among preloaded libraries. GeneratedLeg is left
# out: it generates the leg again, which the sanitized build has just done as a build step
# (the built-in leg), and its checks of the result are the main suite's. Of the hands laid
# over every built-in lesson, one lesson (edema: every lymph-drainage hand) runs sanitized,
# at two frames a second (tests/CMakeLists.txt); the five others take minutes each there
# and run the same code in the main suite.
SANITIZED_HANDS_LEFT_OUT = HandsInEveryLesson.*/(calf_cramp|circulation|post_exercise_recovery|shin_splints|sports_maintenance)
SANITIZE_PRELOAD = $(shell gcc -print-file-name=libasan.so) $(wildcard /usr/lib/$(shell gcc -dumpmachine)/dri/swrast_dri.so)

# -O1 -g1: half the compile time of -O2 -g, and reports still name functions and lines.
test-sanitize: deps
	cmake -S . -B $(SANITIZE_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEGATLAS_SANITIZE=ON -DLEGATLAS_MEASURED_LEGS=OFF \
	  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
	$(SANITIZE_ENV) cmake --build $(SANITIZE_DIR) -j $(JOBS)
	$(SANITIZE_ENV) ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS) -LE gl -E '^GeneratedLeg$$|$(SANITIZED_HANDS_LEFT_OUT)'
	$(call with_display,env LD_PRELOAD="$(SANITIZE_PRELOAD)" $(SANITIZE_ENV) ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j $(JOBS) -L gl)

# libFuzzer targets (clang, ASan + UBSan), built only when asked; bench/fuzz.sh runs one.
# They check lessons and score strokes on the leg the main build generates.
fuzz: build
	@$(MAKE) --no-print-directory install-missing WANTED="$(FUZZ_PACKAGES)"
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLEGATLAS_FUZZ=ON \
	  -DLEGATLAS_FUZZ_LEG=$(CURDIR)/$(BUILD_DIR)/assets/models/leg.glb
	cmake --build $(FUZZ_DIR) -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR) $(FUZZ_DIR)
