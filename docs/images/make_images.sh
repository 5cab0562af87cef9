#!/bin/sh
# Renders the pictures of the default leg (the measured female) that the README shows: four views, each with
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

# Close-ups a teacher looks at, skin off: the back of the knee, the front of the knee,
# the shin, the medial thigh, and the foot from the side.
closeup() {  # file, view, tissues framed
  "$legatlas" render --view "$2" --layers "muscles,bones,tendons" --focus "$3" --size 500x700 --out "$here/$1.png"
}
closeup c1 posterior "popliteus,biceps_femoris_short_head"
closeup c2 anterior "patella,patellar_ligament,quadriceps_tendon"
closeup c3 anterior "tibialis_anterior,extensor_digitorum_longus"
closeup c4 medial "gracilis,adductor_longus"
closeup c5 lateral "calcaneus,talus,tarsals,metatarsals"
convert "$here"/c1.png "$here"/c2.png "$here"/c3.png "$here"/c4.png "$here"/c5.png +append -resize 50% "$here/closeups.png"
rm "$here"/c[1-5].png

# Strokes at one moment each, the client on the table in the step's position: gliding up
# the medial leg, kneading the calf (prone), a thumb stroke along tibialis anterior, a
# lymph-drainage pump on the thigh, a forearm glide on the hamstrings (prone), a cool-stone
# glide on the shin.
stroke_frame() {  # file, lesson, step, time
  "$legatlas" render --lesson "$2" --step "$3" --time "$4" --size 640x400 --out "$here/$1.png"
}
stroke_frame s1 circulation 2 1.6
stroke_frame s2 calf_cramp 4 4.3
stroke_frame s3 shin_splints 3 4.5
stroke_frame s4 edema 3 3.3
stroke_frame s5 sports_maintenance 6 6
stroke_frame s6 shin_splints 5 5
convert \( "$here"/s1.png "$here"/s2.png "$here"/s3.png +append \) \( "$here"/s4.png "$here"/s5.png "$here"/s6.png +append \) \
  -append -resize 75% "$here/strokes.png"
rm "$here"/s[1-6].png

# The direction guides: lymph flow and territories (teal: to the groin, violet: behind
# the knee), and the fibres of the medial gastrocnemius with venous return.
"$legatlas" render --guides territories,lymph --layers "skin=0.3,muscles,bones" --view medial --size 500x900 --out "$here/g1.png"
"$legatlas" render --guides territories,lymph --layers "skin=0.3,muscles,bones" --view posterior --size 500x900 --out "$here/g2.png"
"$legatlas" render --guides fibres,veins --select gastrocnemius_medial_head --layers "skin=0.15,muscles,bones,vessels" --view posterior --size 500x900 --out "$here/g3.png"
convert "$here"/g1.png "$here"/g2.png "$here"/g3.png +append -resize 60% "$here/guides.png"
rm "$here"/g[1-3].png

# The edema simulation: the leg with ankle and lower-leg swelling as it starts (the fluid
# in violet), the same leg after the Edema lesson's strokes, and the viewer's plot of the
# excess fluid over the session (a replay: 13 steps on, medial view, presentation mode).
"$legatlas" render --condition ankle_lower_leg --view medial --size 600x1000 --out "$here/e1.png"
"$legatlas" render --lesson edema --condition ankle_lower_leg --time 170 --upright --view medial --size 600x1000 --out "$here/e2.png"
run_viewer() { if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1440x900x24" "$@"; fi; }
run_viewer "$legatlas" --lesson edema --replay "$here/edema_drained.json" --screenshot "$here/e3.png"
convert "$here/e1.png" -crop 360x1000+120+0 +repage "$here/e1.png"
convert "$here/e2.png" -crop 360x1000+120+0 +repage "$here/e2.png"
convert "$here/e3.png" -crop 533x333+893+17 +repage -gravity center -background "#26282e" -extent 560x1000 "$here/e3.png"
convert "$here/e1.png" "$here/e2.png" "$here/e3.png" +append -resize 60% "$here/edema.png"
rm "$here"/e[1-3].png
