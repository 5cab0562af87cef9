#pragma once
// What the strokes do to a swelling: the excess fluid in the tissue under the skin, moved
// by the hands, taken up by the initial lymphatics into the collectors of each lymph
// territory, carried by the collectors to their nodes, spreading slowly, and draining
// slowly of itself. A teaching model, not a clinical predictor (docs/simulation.md).
#include <string>
#include <vector>

#include "simulation/tissue_fluid.h"
#include "technique/catalogue.h"
#include "technique/lymph_flow.h"

namespace legatlas::simulation {

// Figures the model is run with; each is explained, with its source, in docs/simulation.md.
struct EdemaParameters {
  double diffusivity = 1e-7;         // m²/s: slow spreading within the tissue
  double naturalDrainage = 1e-5;     // per second: the swelling's own slow resolution
  double restingUptake = 5e-5;       // per second: initial lymphatics taking fluid in at rest
  double strokedUptake = 6e-3;       // per second, under a very light hand: skin stretch opens them
  double carried = 0.5;              // share of the fluid under the hand moved as it travels its own radius
  double collectorCapacity = 25.0;   // ml a territory's collectors hold before they slow uptake
  double collectorOutflow = 0.02;    // per second: the share of a collector's fluid reaching its nodes
};

// The hand on the skin at one moment of a stroke.
struct HandContact {
  glm::vec3 position{0.0f}, direction{0.0f};  // direction: unit, the way the hand travels
  float radius = 0.04f;                       // metres of skin under the contact
  technique::Pressure pressure = technique::Pressure::VeryLight;
  float metres = 0;  // travelled since the last step
};

// How much a pressure opens the initial lymphatics, relative to very light: skin stretch
// opens them; pressure that reaches the muscle collapses them.
double uptakeAtPressure(technique::Pressure pressure);

class EdemaModel {
 public:
  EdemaModel(SkinGraph skin, const technique::LymphFlowField& flow, EdemaParameters parameters = {});

  TissueFluid& fluid() { return fluid_; }
  const TissueFluid& fluid() const { return fluid_; }
  // Millilitres in each territory's collectors (indexed as the flow's territories()).
  const std::vector<double>& collectors() const { return collectors_; }
  // Millilitres that have reached the nodes.
  double atNodes() const { return atNodes_; }
  // Everything accounted for: in the tissue, in the collectors, at the nodes, drained.
  double accounted() const;
  // Millilitres the lymphatics have taken in since the start.
  double takenUp() const { return takenUp_; }

  // Moves the model on by `seconds`, with a hand on the skin (or none).
  void advance(double seconds, const HandContact* hand);

 private:
  void carry(const HandContact& hand);
  void takeUp(double seconds, const HandContact* hand);
  void emptyCollectors(double seconds);

  TissueFluid fluid_;
  EdemaParameters parameters_;
  std::vector<int> territory_;     // per skin vertex, -1 where no vessel drains it
  std::vector<glm::vec3> flowAt_;  // per skin vertex: the way lymph drains there
  std::vector<double> collectors_;
  int inguinal_ = -1;  // the territory whose nodes the others drain on into
  double atNodes_ = 0, takenUp_ = 0;
};

}  // namespace legatlas::simulation
