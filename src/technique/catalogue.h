#pragma once
// The massage techniques LegAtlas teaches: how each touches the leg, how deep and how
// fast it works, and which anatomical reference decides the way it must travel.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace legatlas::technique {

// HeelAndSole: one hand cups the heel, the other palm presses up on the ball of the foot.
enum class Contact { Palm, TwoHands, Thumb, Forearm, FlatFingers, Stone, Pad, HeelAndSole };

// Ordered from lightest to heaviest.
enum class Pressure { VeryLight, Light, Moderate, Firm, Deep };

// What decides the right way for a stroke (DESIGN.md, "Where direction comes from").
enum class Reference {
  LymphFlow,         // with the superficial lymph toward its nodes
  AlongTarget,       // along the region or muscle worked, distal toward proximal, never against the lymph
  FibreDirection,    // along the muscle fibres, insertion toward origin
  BellyProgression,  // grips advance along the belly, distal toward proximal
  None,              // it rests: heat
};

// How the contact point moves during one pass.
enum class Motion {
  LongGlide,        // one continuous stroke over the whole target
  Grips,            // a row of grasp-lift-squeeze grips along a belly
  Circles,          // skin stretched in circles on one spot, pressure phase toward the nodes
  ShortPushes,      // short strokes, each toward the nodes, spots worked proximal first
  SpiralScoops,     // short turning strokes that spiral up the limb
  Rest,             // held still on one spot
};

struct Technique {
  std::string_view id, name, contactWords, depthWords, directionWords, why;
  Contact contact;
  Motion motion;
  Reference reference;
  Pressure pressure;          // default
  Pressure lightest, firmest;  // what the technique allows
  bool reachesMuscle;          // works the muscle, not only skin and fat
  float speed;                 // metres per second along the skin while working (0 when still)
  float cyclesPerSecond;       // circles, pumps, grips (0 when not cyclic)
  int repetitions;             // default passes
  float contactRadius;         // metres: the patch of skin under the contact
  float holdSeconds = 0;       // how long a resting technique stays by default
};

std::span<const Technique> catalogue();
const Technique* findTechnique(std::string_view id);

std::string_view pressureId(Pressure pressure);
// The pressure in words, for captions and messages: "very light", "light", ...
std::string pressureName(Pressure pressure);
std::optional<Pressure> pressureFromId(std::string_view id);
std::string_view referenceId(Reference reference);
std::string_view contactId(Contact contact);
std::string_view motionId(Motion motion);
// "deep pressure" style: the technique is deep if it reaches muscle or is pressed firmly.
bool worksDeep(const Technique& technique, Pressure pressure);

}  // namespace legatlas::technique
