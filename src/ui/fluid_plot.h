#pragma once
// The excess fluid in the tissue over session time, drawn as a chart with its axes: the
// millilitres up the side, the session's minutes along the bottom (numbers only: the
// caller says "minutes" beside it), the curve and where it is now.
#include <vector>

#include "teaching/edema_session.h"

namespace legatlas::ui {

// Draws at the cursor, `width` by `height` pixels. The time axis runs at least to
// `minutes` (the lesson's length, say) so the curve is seen to advance along it.
void drawFluidPlot(const std::vector<teaching::FluidMoment>& history, double startMl, double minutes, float width,
                   float height);

}  // namespace legatlas::ui
