#include "technique/catalogue.h"

#include <algorithm>
#include <array>

namespace legatlas::technique {
namespace {

using enum Contact;
using enum Motion;
using enum Pressure;
using Ref = Reference;

// Speeds and tempi are the usual teaching values: a long glide of 30-40 cm takes 2-4 s,
// a thumb strips at 1-3 cm/s, lymph drainage works at about one cycle a second.
constexpr std::array kCatalogue{
    Technique{"gliding", "Gliding (effleurage)", "whole palm and fingers, moulded to the limb",
              "skin, fat and the superficial muscles",
              "along the region or muscle it works, distal to proximal, never against the lymph",
              "Long strokes toward the heart carry lymph and venous blood the way their valves let them go, and "
              "open and close every sequence.",
              Palm, LongGlide, Ref::AlongTarget, Light, VeryLight, Moderate, false, 0.12f, 0.0f, 3, 0.05f},
    Technique{"kneading", "Kneading (petrissage)", "both hands grasp, lift, squeeze and release in turn",
              "the muscle belly", "the grips advance along the belly from distal to proximal",
              "Lifting and squeezing the belly loosens it; moving the grips upward pushes what is squeezed out "
              "toward the heart.",
              TwoHands, Grips, Ref::BellyProgression, Moderate, Light, Firm, true, 0.0f, 1.0f, 2, 0.06f},
    Technique{"thumb_stroke", "Thumb stroke (stripping)", "pad of one thumb, the hand wrapped around the limb",
              "the muscle and its fascia", "along the fibres, from near the insertion toward the origin",
              "Following the fibres lengthens the muscle and its fascia where they are tight; going toward the "
              "origin also goes toward the heart.",
              Thumb, LongGlide, Ref::FibreDirection, Deep, Moderate, Deep, true, 0.02f, 0.0f, 3, 0.012f},
    Technique{"forearm_glide", "Forearm glide", "flat of the forearm near the elbow", "deep but broad",
              "along the muscle, distal to proximal",
              "The forearm spreads deep pressure over a large muscle such as the hamstrings, moving the way "
              "its fibres run and toward the heart.",
              Forearm, LongGlide, Ref::FibreDirection, Deep, Moderate, Deep, true, 0.04f, 0.0f, 2, 0.04f},
    Technique{"mld_circles", "Lymph drainage: stationary circles", "flat fingers or palm, stretching the skin",
              "only the skin", "the pressure phase of each circle pushes toward the draining nodes",
              "Lymph capillaries sit in the skin and open when it is stretched; each gentle circle moves lymph "
              "toward the nodes that take it up.",
              FlatFingers, Circles, Ref::LymphFlow, VeryLight, VeryLight, VeryLight, false, 0.0f, 1.0f, 6, 0.03f},
    Technique{"mld_pump", "Lymph drainage: pump", "palm and the web of the hand, the wrist rising and falling",
              "only the skin", "each push toward the inguinal nodes; spots worked proximal first",
              "Emptying the part nearest the nodes first makes room for the lymph sent up from below.",
              Palm, ShortPushes, Ref::LymphFlow, VeryLight, VeryLight, VeryLight, false, 0.06f, 1.0f, 5, 0.05f},
    Technique{"mld_scoop", "Lymph drainage: scoop", "palm turning around the limb", "only the skin",
              "spiralling up the limb toward the nodes",
              "The turning palm stretches the skin around the calf and sends the lymph up toward the knee.",
              Palm, SpiralScoops, Ref::LymphFlow, VeryLight, VeryLight, VeryLight, false, 0.06f, 1.0f, 5, 0.05f},
    Technique{"stone_glide", "Cool stone glide", "a cool marble stone under the palm", "skin and superficial muscle",
              "distal to proximal along the muscle",
              "Cold eases inflammation and swelling; gliding up along the muscle moves the swelling toward the "
              "heart.",
              Stone, LongGlide, Ref::FibreDirection, Light, Light, Moderate, false, 0.05f, 0.0f, 3, 0.03f},
    Technique{"heat", "Heat application", "a heating pad or warm stone resting on the muscle", "it warms, not presses",
              "none: it rests",
              "Warmth relaxes a muscle once its cramp has passed and brings blood to it.",
              Pad, Rest, Ref::None, Light, VeryLight, Light, false, 0.0f, 0.0f, 1, 0.06f, 300.0f},
    Technique{"passive_stretch", "Passive calf stretch", "one hand cups the heel, the forearm and palm lie against the ball of the foot",
              "it lengthens the calf muscles", "the foot is drawn up toward the shin with the knee straight, and held",
              "A cramp is a muscle locked short; lengthening it slowly and holding it switches the spasm off faster than "
              "anything pressed into it.",
              HeelAndSole, Rest, Ref::None, Moderate, Light, Moderate, false, 0.0f, 0.0f, 2, 0.04f, 30.0f},
};

}  // namespace

std::span<const Technique> catalogue() { return kCatalogue; }

const Technique* findTechnique(std::string_view id) {
  for (const Technique& t : kCatalogue)
    if (t.id == id) return &t;
  return nullptr;
}

std::string_view pressureId(Pressure pressure) {
  switch (pressure) {
    case VeryLight: return "very_light";
    case Light: return "light";
    case Moderate: return "moderate";
    case Firm: return "firm";
    case Deep: return "deep";
  }
  return "light";
}

std::string pressureName(Pressure pressure) {
  std::string words(pressureId(pressure));
  std::replace(words.begin(), words.end(), '_', ' ');
  return words;
}

std::optional<Pressure> pressureFromId(std::string_view id) {
  for (Pressure p : {VeryLight, Light, Moderate, Firm, Deep})
    if (pressureId(p) == id) return p;
  return std::nullopt;
}

std::string_view referenceId(Reference reference) {
  switch (reference) {
    case Ref::LymphFlow: return "lymph_flow";
    case Ref::AlongTarget: return "along_target";
    case Ref::FibreDirection: return "fibre_direction";
    case Ref::BellyProgression: return "belly_progression";
    case Ref::None: return "none";
  }
  return "none";
}

std::string_view contactId(Contact contact) {
  switch (contact) {
    case Palm: return "palm";
    case TwoHands: return "two_hands";
    case Thumb: return "thumb";
    case Forearm: return "forearm";
    case FlatFingers: return "flat_fingers";
    case Stone: return "stone";
    case Pad: return "pad";
    case HeelAndSole: return "heel_and_sole";
  }
  return "palm";
}

std::string_view motionId(Motion motion) {
  switch (motion) {
    case LongGlide: return "long_glide";
    case Grips: return "grips";
    case Circles: return "circles";
    case ShortPushes: return "short_pushes";
    case SpiralScoops: return "spiral_scoops";
    case Rest: return "rest";
  }
  return "rest";
}

bool worksDeep(const Technique& technique, Pressure pressure) {
  return technique.reachesMuscle || pressure >= Firm;
}

}  // namespace legatlas::technique
