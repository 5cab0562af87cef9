#!/bin/sh
# Runs one libFuzzer target for a number of minutes and prints how many inputs it tried.
#   bench/fuzz.sh TARGET MINUTES      TARGET: lesson description tissue_map stroke_path model condition
# New inputs go to build-fuzz/corpus/TARGET (the seeds in tests/fuzz/corpus/TARGET are
# only read); a crashing input is saved under build-fuzz/crashes/TARGET/ and the run fails.
# libFuzzer's timeout counts wall-clock time, so a run starved of CPU (niced beside a
# build) can report a timeout no input causes: such an input is replayed once here, and
# only a timeout that happens again fails the run.
set -eu
cd "$(dirname "$0")/.."
usage="usage: bench/fuzz.sh TARGET MINUTES (TARGET: lesson, description, tissue_map, stroke_path, model or condition)"
target=${1:?$usage}
minutes=${2:?$usage}
fuzz_dir=${FUZZ_DIR:-build-fuzz}
seeds=tests/fuzz/corpus/$target
[ -d "$seeds" ] || { echo "$usage" >&2; exit 2; }
[ -x "$fuzz_dir/${target}_fuzz" ] || make fuzz
mkdir -p "$fuzz_dir/corpus/$target" "$fuzz_dir/crashes/$target"
log=$fuzz_dir/$target.log
echo "fuzzing $target for $minutes min on $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); log in $log"
status=0
timeouts_before=$(ls "$fuzz_dir/crashes/$target" | grep '^timeout-' || true)
# Leaks inside third-party libraries are listed, each with the reason, in lsan.supp.
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizer/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
"$fuzz_dir/${target}_fuzz" -max_total_time=$((minutes * 60)) -timeout=20 -rss_limit_mb=4096 \
  -print_final_stats=1 -artifact_prefix="$fuzz_dir/crashes/$target/" \
  "$fuzz_dir/corpus/$target" "$seeds" >"$log" 2>&1 || status=$?
timeout_name=$(ls "$fuzz_dir/crashes/$target" | grep '^timeout-' | grep -vxF "${timeouts_before:-none}" | head -n 1 || true)
timeout_input=$fuzz_dir/crashes/$target/$timeout_name
if [ "$status" -ne 0 ] && [ -n "$timeout_name" ]; then
  if "$fuzz_dir/${target}_fuzz" -timeout=20 "$timeout_input" >"$log.replay" 2>&1; then
    echo "the timeout did not happen again when $timeout_input was replayed: the run was short of CPU, not slowed by an input"
    mkdir -p "$fuzz_dir/false-timeouts" && mv "$timeout_input" "$fuzz_dir/false-timeouts/"
    status=0
  fi
fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | head -n 1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | head -n 1)
echo "$target: ${runs:-?} inputs in $minutes min (${speed:-?}/s), exit $status"
[ "$status" -eq 0 ] || tail -n 40 "$log"
exit "$status"
