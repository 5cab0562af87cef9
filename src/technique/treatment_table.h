#pragma once
// The client on a massage table: which way is up in the room for each position, the
// table under the body, and an arrow on the table pointing toward the heart. Everything
// stays in the model frame (the standing leg); only "up" changes, so the leg, the strokes
// and the body keep their coordinates and the camera turns instead.
#include <glm/vec3.hpp>
#include <vector>

#include "geometry/mesh.h"
#include "technique/lesson.h"

namespace legatlas::technique {

struct TableSetting {
  ClientPosition position = ClientPosition::Supine;
  glm::vec3 up{0.0f, 0.0f, 1.0f};  // the room's up, in the model frame
  geometry::Mesh table;            // the padded top and four legs
  glm::vec3 heartArrowTip{0.0f}, heartArrowDirection{0.0f, 1.0f, 0.0f};
  float heartArrowLength = 0.3f;
};

// Supine: the back on the table, the front (+Z) up. Prone: the front on the table. Side-
// lying: on the left side, the treated right leg uppermost (+X up).
glm::vec3 roomUp(ClientPosition position);

// The table under `points` (the leg's skin and the body lying with it), seen from
// `position`. For prone the feet hang over the end of the table and the face rests in the
// face cradle, as on a real one.
TableSetting setTable(ClientPosition position, const std::vector<glm::vec3>& points);

}  // namespace legatlas::technique
