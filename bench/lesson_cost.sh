#!/bin/sh
# What playing a lesson adds to a frame: `legatlas bench` on the same leg and size with and
# without the lesson, in turns, RUNS times each, and the median of each side's medians.
#   bench/lesson_cost.sh [LESSON] [RUNS] [SIZE]      defaults: circulation 7 1280x720
# Needs a display (or xvfb-run) and a built build/legatlas.
set -eu
cd "$(dirname "$0")/.."
lesson=${1:-circulation}
runs=${2:-7}
size=${3:-1280x720}
bench() { build/legatlas bench --leg female --size "$size" --frames 150 "$@" | sed -n 's/^median_frame_ms: //p'; }
without="" with=""
i=0
while [ "$i" -lt "$runs" ]; do
  without="$without $(bench)"
  with="$with $(bench --lesson "$lesson")"
  i=$((i + 1))
done
median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "without a lesson, median frame ms per run:$without"
echo "with --lesson $lesson:$with"
a=$(median "$without") b=$(median "$with")
echo "median of medians: without $a ms, with $b ms, the lesson adds $(awk "BEGIN { print $b - $a }") ms"
