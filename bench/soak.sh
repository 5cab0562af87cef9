#!/bin/sh
# Plays every built-in lesson in a loop, headless at 320x240, for FRAMES frames (100,000
# by default), printing resident memory and live GL objects every 1,000 frames; exits 1
# if memory grew more than 1 % after the first tenth or GL objects did not stay flat.
# Usage: bench/soak.sh [FRAMES]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
legatlas=${LEGATLAS:-"$here/../build/legatlas"}
exec "$legatlas" soak --frames "${1:-100000}" --report-every 1000
