#!/bin/sh
# Renders the pictures of the built-in leg that the README shows: four views, each with
# the skin at 30 %, with the skin off, with the muscles alone, and with the lymph and
# veins over a faint skin. Needs a build (`make run` or `make test` once) and Debian's
# imagemagick for the side-by-side sheets.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
legatlas=${LEGATLAS:-"$here/../../build/legatlas"}
size=600x1000

render_sheet() {  # name, layers
  for view in anterior lateral posterior medial; do
    "$legatlas" render --view "$view" --layers "$2" --size "$size" --out "$here/$1-$view.png"
  done
  convert "$here/$1-anterior.png" "$here/$1-lateral.png" "$here/$1-posterior.png" "$here/$1-medial.png" \
    +append -resize 50% "$here/$1.png"
  rm "$here/$1"-*.png
}

render_sheet skin-30 "all,skin=0.3"
render_sheet skin-off "muscles,bones,tendons,lymph,vessels"
render_sheet muscles "muscles"
render_sheet lymph-veins "skin=0.15,lymph,vessels,bones"
