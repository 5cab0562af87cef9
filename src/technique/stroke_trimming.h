#pragma once
// Where a planned glide or stroke along the fibres ends: it keeps to the part of its lane
// that pushes lymph toward the nodes and stays along the fibres beneath. A stroke that
// would lose half its length or more is the wrong stroke for the place, not one to
// shorten: it is left whole for the checker to report.
#include "technique/leg_model.h"
#include "technique/skin_lanes.h"

namespace legatlas::technique {

// The ends are trimmed while they run against the flow there (over the ASIS the skin
// drains down to the groin, so a stroke up a muscle that reaches the hip bone stops short
// of it); where the path pushes lymph back for a stretch on the way (over the greater
// trochanter the flow turns forward to the groin while the iliotibial tract runs on up),
// only its longest part with the lymph is kept.
SkinPath notAgainstLymph(const LegModel& leg, SkinPath path);

// The ends are trimmed while they cross the fibres of `tissue` beneath (where the
// hamstrings meet the sitting bone the skin turns into the gluteal fold).
SkinPath alongFibresPart(const LegModel& leg, SkinPath path, int tissue);

}  // namespace legatlas::technique
