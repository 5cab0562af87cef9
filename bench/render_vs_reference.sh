#!/bin/sh
# Times LegAtlas's renderer against two references on the same 300k-triangle GLB, with
# runs alternated so a drifting machine affects both sides alike:
#   1. `legatlas bench` (all layers, skin at 30 %) against `legatlas bench --reference-lambert`
#      (every triangle in one draw call, plain Lambert): median frame time of each run.
#   2. `legatlas render` against `f3d FILE --output x.png --resolution 1280,720`: wall time.
# Usage: bench/render_vs_reference.sh [RUNS] [BUILD_DIR]   (needs Debian's f3d for part 2)
set -eu
RUNS=${1:-7}
BUILD=${2:-build}
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$RUNS" "$BUILD"
fi
LEGATLAS=$BUILD/legatlas
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
MODEL=$WORK/limb300k.glb
"$BUILD/make_layered_limb" 7 "$MODEL"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
frame_ms() { "$LEGATLAS" bench --model "$MODEL" --frames 100 --size 1280x720 "$@" | awk '/^median_frame_ms:/ { print $2 }'; }
wall_s() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -n 1; }

: >"$WORK/ours.txt"; : >"$WORK/lambert.txt"; : >"$WORK/render.txt"; : >"$WORK/f3d.txt"
i=0
while [ "$i" -lt "$RUNS" ]; do
  frame_ms >>"$WORK/ours.txt"
  frame_ms --reference-lambert >>"$WORK/lambert.txt"
  wall_s "$LEGATLAS" render --model "$MODEL" --size 1280x720 --out "$WORK/legatlas.png" >>"$WORK/render.txt"
  if command -v f3d >/dev/null; then
    wall_s f3d "$MODEL" --output "$WORK/f3d.png" --resolution 1280,720 >>"$WORK/f3d.txt"
  fi
  i=$((i + 1))
done

ours=$(median <"$WORK/ours.txt"); lambert=$(median <"$WORK/lambert.txt"); render=$(median <"$WORK/render.txt")
echo "model: 300k-triangle layered limb, 1280x720, $RUNS alternated runs, medians"
"$LEGATLAS" bench --model "$MODEL" --frames 1 | awk '/^(gl_renderer|size|triangles):/'
echo "legatlas bench median frame:   $ours ms"
echo "reference Lambert, one draw:   $lambert ms"
echo "frame-time ratio:              $(echo "$ours $lambert" | awk '{ printf "%.2f", $1 / $2 }')"
echo "legatlas render wall:          $render s"
if [ -s "$WORK/f3d.txt" ]; then
  f3d=$(median <"$WORK/f3d.txt")
  echo "f3d --output wall:             $f3d s"
  echo "render / f3d wall ratio:       $(echo "$render $f3d" | awk '{ printf "%.2f", $1 / $2 }')"
else
  echo "f3d not installed (apt-get install f3d): render comparison skipped"
fi
