#pragma once
// Where tissue labels go on screen: in a column on each side of the leg, each joined to
// its tissue by a leader line, no two labels overlapping and no two leader lines crossing.
#include <glm/vec2.hpp>
#include <string>
#include <vector>

namespace legatlas::ui {

struct LabelRequest {
  std::string text;
  glm::vec2 anchor{0.0f};  // pixel on the tissue, from the top left
  glm::vec2 size{0.0f};    // of the text box, pixels
};

struct PlacedLabel {
  std::string text;
  glm::vec2 anchor{0.0f};
  glm::vec2 topLeft{0.0f}, size{0.0f};
  glm::vec2 leaderEnd() const;  // where the leader line meets the box
  bool onLeft = false;
};

// `subjectLeft` and `subjectRight`: the horizontal extent of what is labelled; columns
// go outside it, within a screen of `screen` pixels. Labels that do not fit are dropped.
std::vector<PlacedLabel> layoutLabels(std::vector<LabelRequest> requests, glm::vec2 screen, float subjectLeft,
                                      float subjectRight, float gap);

}  // namespace legatlas::ui
