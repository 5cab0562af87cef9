#pragma once
// The limb measured as a therapist measures it: a tape round the leg every 4 cm from the
// ankle up, and the volume those circumferences give by the frustum formula (each 4 cm
// slice a truncated cone). A tape spans the hollows of the outline, so a circumference is
// the perimeter of the cross-section's convex hull.
#include <vector>

#include <glm/vec3.hpp>

#include "simulation/tissue_fluid.h"

namespace legatlas::simulation {

inline constexpr float kTapeStepMetres = 0.04f;

struct TapeMark {
  float aboveAnkle = 0;      // metres
  float height = 0;          // model frame y
  double circumference = 0;  // metres; 0 where no skin is cut
};

// Circumferences of the surface `positions` (indexed as the skin graph's vertices) at
// `ankle`, `ankle` + 4 cm, ... up to `top`.
std::vector<TapeMark> measureWithTape(const SkinGraph& skin, const std::vector<glm::vec3>& positions, float ankle,
                                      float top);
// Millilitres between the first and the last mark, by the frustum formula
// V = Σ h (C₁² + C₁C₂ + C₂²) / 12π.
double frustumVolumeMl(const std::vector<TapeMark>& marks);

// Metres the skin stands out at each vertex: the fluid it holds over the skin it stands for.
std::vector<float> swellingThickness(const TissueFluid& fluid);
// The skin's vertices moved out along their normals by that thickness.
std::vector<glm::vec3> swollenSkin(const TissueFluid& fluid);

}  // namespace legatlas::simulation
