#pragma once
// What the strokes do to a swelling: the excess fluid in the tissue under the skin, moved
// by the hands, taken up by the initial lymphatics into the collectors of each lymph
// territory, carried by the collectors to their nodes, spreading slowly, and draining
// slowly of itself. A teaching model, not a clinical predictor (docs/simulation.md).
#include <string>
#include <vector>

#include "simulation/lymph_collectors.h"
#include "simulation/tissue_fluid.h"
#include "technique/catalogue.h"
#include "technique/lymph_flow.h"

namespace legatlas::simulation {

// Figures the model is run with; each is explained, with its source, in docs/simulation.md.
struct EdemaParameters {
  double diffusivity = 1e-7;        // m²/s: slow spreading within the tissue
  double spreadEvery = 10.0;        // seconds: spreading is solved in steps of this length
  double naturalDrainage = 1e-5;    // per second: the swelling's own slow resolution
  double restingUptake = 2e-5;      // per second: initial lymphatics taking fluid in at rest
  double strokedUptake = 0.15;     // per second, under a very light hand along the flow
  double carried = 0.5;             // share of the fluid under the hand moved as it travels its own radius
  double stretchReach = 2.0;        // the skin stretches round the hand to this many times its radius
  double nodeReach = 0.06;          // metres: a hand this near a territory's nodes works them
  CollectorParameters collectors;
};

// The hand on the skin at one moment of a stroke.
struct HandContact {
  glm::vec3 position{0.0f}, direction{0.0f};  // direction: the way the hand travels (zero: resting)
  float radius = 0.04f;                       // metres of skin under the contact
  technique::Pressure pressure = technique::Pressure::VeryLight;
  float metres = 0;  // travelled since the last step
};

// How much a pressure opens the initial lymphatics, relative to very light: skin stretch
// opens them; pressure that reaches the muscle collapses them.
double uptakeAtPressure(technique::Pressure pressure);

class EdemaModel {
 public:
  // `nodes` gives each territory of the flow (in the flow's order) its nodes.
  EdemaModel(SkinGraph skin, const technique::LymphFlowField& flow, std::vector<NodeGroup> nodes,
             EdemaParameters parameters = {});

  TissueFluid& fluid() { return fluid_; }
  const TissueFluid& fluid() const { return fluid_; }
  LymphCollectors& collectors() { return collectors_; }
  const LymphCollectors& collectors() const { return collectors_; }
  // Everything accounted for: in the tissue, in the collectors, out of the leg, drained.
  double accounted() const;
  // Millilitres the initial lymphatics have taken in since the start.
  double takenUp() const { return takenUp_; }
  // Seconds simulated since the start.
  double seconds() const { return seconds_; }

  // Moves the model on by `seconds`, with a hand on the skin (or none).
  void advance(double seconds, const HandContact* hand);

 private:
  struct Touch {
    uint32_t vertex;
    double weight;     // 1 under the middle of the hand, fading to 0 at its rim
    double stretched;  // the same over the skin the hand stretches round it
    double along;   // 0 .. 1: how well the hand's travel runs with the lymph flow there
  };
  std::vector<Touch> touched(const HandContact& hand) const;
  void carry(const HandContact& hand, const std::vector<Touch>& touch);
  void takeUp(double seconds, const HandContact* hand, const std::vector<Touch>& touch);
  void pump(double seconds, const HandContact* hand, const std::vector<Touch>& touch);

  TissueFluid fluid_;
  EdemaParameters parameters_;
  std::vector<glm::vec3> flowAt_;  // per skin vertex: the way lymph drains there
  LymphCollectors collectors_;
  double takenUp_ = 0, seconds_ = 0, unspread_ = 0;
};

}  // namespace legatlas::simulation
