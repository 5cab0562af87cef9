# The two commands: `make run` and `make test`. Both install missing Debian packages
# first (through sudo when not root), then configure and build a Release build.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
ARGS ?=

PACKAGES := cmake g++ make pkg-config libglfw3-dev libglm-dev libassimp-dev \
  libimgui-dev libepoxy-dev libgtest-dev nlohmann-json3-dev libcli11-dev libstb-dev libpng-dev \
  libopenvdb-dev libboost-dev libnanoflann-dev libyaml-cpp-dev libgl1-mesa-dri xvfb xauth fonts-dejavu-core ffmpeg

.PHONY: run test build deps clean

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

clean:
	rm -rf $(BUILD_DIR)
