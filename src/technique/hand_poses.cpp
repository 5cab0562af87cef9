#include "technique/hand_poses.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "core/error.h"
#include "core/text.h"
#include "technique/catalogue.h"

namespace legatlas::technique {
namespace {

constexpr size_t kMostHandsPerTechnique = 3;

const std::vector<std::string> kHandFields{"hand", "patch", "lead", "toward", "at", "at_model", "held", "above",
                                           "squeeze", "phases"};
const std::vector<std::string> kJointFields{"wrist", "fingers", "index", "middle", "ring", "little", "spread",
                                            "thumb", "thumb_spread"};
const std::vector<std::string> kPhaseNames{"contact", "working", "return"};
const std::vector<std::string> kPatchNames{"palm", "thumb_pad", "finger_pads", "forearm_border"};
const std::vector<std::string> kLeadNames{"fingers", "thumb", "elbow"};
const std::vector<std::string> kFingerNames{"index", "middle", "ring", "little"};

// How far each kind of joint may turn, degrees: beyond these a hand cannot go.
constexpr float kMostFlex = 110, kMostExtension = 70, kMostSpread = 40;

int lineOf(const YAML::Node& node) { return node.IsDefined() ? node.Mark().line + 1 : 0; }

// The last name of a field path: "fingers" of "techniques.gliding[0].phases.working.fingers".
std::string leaf(const std::string& field) { return field.substr(field.find_last_of('.') + 1); }

class HandPoseReader {
 public:
  explicit HandPoseReader(std::string file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& field, const std::string& reason,
                         const std::string& fix) const {
    const int line = lineOf(at);
    std::string place = line > 0 ? "line " + std::to_string(line) : "";
    if (!field.empty()) place += (place.empty() ? "" : ", ") + field;
    throw InputError(file_, place, reason, fix);
  }

  HandPoseBook read(const YAML::Node& root) {
    const YAML::Node all = root.IsMap() ? root["techniques"] : YAML::Node();
    if (!all.IsDefined() || !all.IsMap())
      fail(root, "techniques", "a hand pose file must hold a map 'techniques:' from technique to hands",
           "start from assets/techniques/hand_poses.yaml");
    HandPoseBook book;
    book.file = file_;
    for (const auto& item : all) {
      const std::string id = item.first.IsScalar() ? item.first.Scalar() : "?";
      if (!findTechnique(id)) {
        std::vector<std::string> ids;
        for (const Technique& t : catalogue()) ids.emplace_back(t.id);
        const std::string near = nearestName(id, ids);
        fail(item.first, "techniques." + id, "unknown technique '" + id + "'",
             near.empty() ? "the techniques are " + joinAsChoices(ids) : "did you mean '" + near + "'?");
      }
      const YAML::Node hands = item.second;
      const std::string field = "techniques." + id;
      if (!hands.IsSequence() || hands.size() > kMostHandsPerTechnique)
        fail(hands, field, "a technique's hands must be a list of at most " + std::to_string(kMostHandsPerTechnique),
             "write '- hand: right' and its fields, or '[]' for none");
      TechniqueHands entry{id, {}};
      for (size_t i = 0; i < hands.size(); ++i) entry.hands.push_back(hand(hands[i], field + "[" + std::to_string(i) + "]"));
      book.techniques.push_back(std::move(entry));
    }
    return book;
  }

 private:
  void onlyFields(const YAML::Node& node, const std::vector<std::string>& fields, const std::string& field) const {
    for (const auto& item : node) {
      const std::string key = item.first.IsScalar() ? item.first.Scalar() : "?";
      if (std::find(fields.begin(), fields.end(), key) != fields.end()) continue;
      const std::string near = nearestName(key, fields);
      fail(item.first, field + "." + key, "unknown field '" + key + "'",
           near.empty() ? "the fields are " + joinAsChoices(fields) : "did you mean '" + near + "'?");
    }
  }

  size_t choice(const YAML::Node& map, const std::string& key, const std::vector<std::string>& names,
                const std::string& field) const {
    const YAML::Node value = map[key];
    const std::string word = value.IsDefined() && value.IsScalar() ? value.Scalar() : "";
    const auto found = std::find(names.begin(), names.end(), word);
    if (found == names.end()) {
      const std::string near = nearestName(word, names);
      fail(value.IsDefined() ? value : map, field + "." + key, "'" + key + "' must be one of " + joinAsChoices(names),
           near.empty() || word.empty() ? "write '" + key + ": " + names.front() + "'" : "did you mean '" + near + "'?");
    }
    return size_t(found - names.begin());
  }

  float number(const YAML::Node& value, const std::string& field, float least, float most, const std::string& what) const {
    double v = std::nan("");
    if (value.IsDefined() && value.IsScalar()) {
      try {
        v = value.as<double>();
      } catch (const YAML::Exception&) {
      }
    }
    if (!(v >= least && v <= most))
      fail(value, field, "'" + leaf(field) + "' must be " + what + " from " + formatNumber(least) + " to " + formatNumber(most),
           "write a number there");
    return float(v);
  }

  template <size_t N>
  std::array<float, N> numbers(const YAML::Node& value, const std::string& field, float least, float most,
                               const std::string& what) const {
    if (!value.IsSequence() || value.size() != N)
      fail(value, field, "'" + leaf(field) + "' must be a list of " + std::to_string(N) + " numbers",
           N == 3 ? "write [knuckle, middle, end] in degrees" : "write one number for each");
    std::array<float, N> out{};
    for (size_t i = 0; i < N; ++i) out[i] = number(value[i], field + "[" + std::to_string(i) + "]", least, most, what);
    return out;
  }

  glm::vec3 direction(const YAML::Node& value, const std::string& field, float most) const {
    const std::array<float, 3> v = numbers<3>(value, field, -most, most, "metres");
    return {v[0], v[1], v[2]};
  }

  JointAngles joints(const YAML::Node& node, const std::string& field) const {
    if (!node.IsMap()) fail(node, field, "a phase must be a set of joints", "write '{fingers: [5, 5, 2], thumb: [10, 5, 0]}'");
    onlyFields(node, kJointFields, field);
    const std::string degrees = "degrees";
    JointAngles a;
    if (node["wrist"]) {
      const auto w = numbers<2>(node["wrist"], field + ".wrist", -kMostExtension, kMostFlex, degrees);
      a.wristFlex = w[0], a.wristDeviation = std::clamp(w[1], -kMostSpread, kMostSpread);
    }
    if (node["fingers"]) a.fingers.fill(numbers<3>(node["fingers"], field + ".fingers", -kMostExtension, kMostFlex, degrees));
    for (size_t f = 0; f < kFingerNames.size(); ++f)
      if (node[kFingerNames[f]])
        a.fingers[f] = numbers<3>(node[kFingerNames[f]], field + "." + kFingerNames[f], -kMostExtension, kMostFlex, degrees);
    if (node["spread"]) a.spread = numbers<4>(node["spread"], field + ".spread", -kMostSpread, kMostSpread, degrees);
    if (node["thumb"]) a.thumb = numbers<3>(node["thumb"], field + ".thumb", -kMostExtension, kMostFlex, degrees);
    if (node["thumb_spread"]) a.thumbSpread = number(node["thumb_spread"], field + ".thumb_spread", -kMostSpread, kMostSpread, degrees);
    return a;
  }

  HandRole hand(const YAML::Node& node, const std::string& field) const {
    if (!node.IsMap()) fail(node, field, "a hand must be a set of fields", "write '- hand: right' and its fields below it");
    onlyFields(node, kHandFields, field);
    HandRole r;
    r.line = lineOf(node);
    r.side = choice(node, "hand", {"right", "left"}, field) == 0 ? HandSide::Right : HandSide::Left;
    r.patch = ContactPatch(choice(node, "patch", kPatchNames, field));
    r.lead = HandLead(choice(node, "lead", kLeadNames, field));
    const YAML::Node toward = node["toward"];
    if (toward.IsDefined() && toward.IsSequence()) {
      r.toward = LeadToward::Model;
      r.towardModel = direction(toward, field + ".toward", 1.0f);
      if (glm::length(r.towardModel) < 0.5f) fail(toward, field + ".toward", "a direction must have a length", "write e.g. [0, 0, 1]");
      r.towardModel = glm::normalize(r.towardModel);
    } else if (toward.IsDefined()) {
      r.toward = choice(node, "toward", {"stroke", "across"}, field) == 0 ? LeadToward::Stroke : LeadToward::Across;
    }
    if (const YAML::Node at = node["at"]; at.IsDefined()) {
      const auto both = numbers<2>(at, field + ".at", -0.3f, 0.3f, "metres");
      r.along = both[0], r.across = both[1];
    }
    if (node["at_model"]) r.atModel = direction(node["at_model"], field + ".at_model", 0.3f);
    if (node["held"]) {
      const YAML::Node held = node["held"];
      if (!held.IsScalar() || (held.Scalar() != "true" && held.Scalar() != "false"))
        fail(held, field + ".held", "'held' must be true or false", "write 'held: true' for a supporting hand");
      r.held = held.Scalar() == "true";
    }
    if (node["above"]) r.above = number(node["above"], field + ".above", 0.0f, 0.05f, "metres");
    if (const YAML::Node squeeze = node["squeeze"]; squeeze.IsDefined()) {
      const auto lagAndFlex = numbers<2>(squeeze, field + ".squeeze", 0.0f, 60.0f, "[cycle share, degrees]");
      if (lagAndFlex[0] >= 1.0f) fail(squeeze, field + ".squeeze", "the lag is a share of a cycle, below 1", "write e.g. [0.5, 25]");
      r.squeezeLag = lagAndFlex[0], r.squeezeFlex = lagAndFlex[1];
    }
    const YAML::Node phases = node["phases"];
    if (!phases.IsDefined() || !phases.IsMap() || !phases["working"])
      fail(phases.IsDefined() ? phases : node, field + ".phases", "a hand needs its joints at least for the working phase",
           "write 'phases: {working: {fingers: [5, 5, 2]}}'");
    onlyFields(phases, kPhaseNames, field + ".phases");
    r.phases[1] = joints(phases["working"], field + ".phases.working");
    r.phases[0] = phases["contact"] ? joints(phases["contact"], field + ".phases.contact") : r.phases[1];
    r.phases[2] = phases["return"] ? joints(phases["return"], field + ".phases.return") : r.phases[1];
    return r;
  }

  static std::string formatNumber(double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
  }

  std::string file_;
};

glm::quat turn(float degrees, const glm::vec3& axis) { return glm::angleAxis(glm::radians(degrees), glm::normalize(axis)); }

}  // namespace

const TechniqueHands* HandPoseBook::find(std::string_view technique) const {
  for (const TechniqueHands& t : techniques)
    if (t.technique == technique) return &t;
  return nullptr;
}

HandPoseBook parseHandPoses(const std::string& text, const std::string& file) {
  try {
    return HandPoseReader(file).read(YAML::Load(text));
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(file, "line " + std::to_string(e.mark.line + 1), "lists or sets are nested too deeply",
                     "a hand pose needs only a few levels: see assets/techniques/hand_poses.yaml");
  } catch (const YAML::Exception& e) {
    const std::string place = e.mark.is_null() ? "" : "line " + std::to_string(e.mark.line + 1);
    throw InputError(file, place, "not readable as YAML: " + e.msg, "check the indentation and the colons there");
  }
}

HandPoseBook readHandPoses(const std::string& file) { return parseHandPoses(readFile(file), file); }

HandPose poseOf(const HandRig& rig, const JointAngles& a) {
  HandPose pose = rig.restPose();
  // A positive spread turns toward the thumb: about -Z on the right hand, +Z on the left.
  const glm::vec3 spreadAxis(0.0f, 0.0f, rig.side == HandSide::Right ? -1.0f : 1.0f);
  const size_t wrist = rig.boneNamed("wrist");
  // Deviation toward the thumb turns the hand like a spread of the whole hand.
  pose.rotations[wrist] = turn(a.wristFlex, rig.flexionAxis(wrist)) * turn(a.wristDeviation, spreadAxis);
  for (size_t f = 0; f < 4; ++f) {
    const std::string finger = "finger" + std::to_string(f + 2) + "-";
    for (size_t j = 0; j < 3; ++j) {
      const size_t b = rig.boneNamed(finger + std::to_string(j + 1));
      pose.rotations[b] = turn(a.fingers[f][j], rig.flexionAxis(b));
      if (j == 0) pose.rotations[b] = pose.rotations[b] * turn(a.spread[f], spreadAxis);
    }
  }
  for (size_t j = 0; j < 3; ++j) {
    const size_t b = rig.boneNamed("finger1-" + std::to_string(j + 1));
    pose.rotations[b] = turn(a.thumb[j], rig.flexionAxis(b));
    if (j == 0) pose.rotations[b] = pose.rotations[b] * turn(a.thumbSpread, spreadAxis);
  }
  return pose;
}

JointAngles blendAngles(const JointAngles& a, const JointAngles& b, float share) {
  const auto mix = [share](float x, float y) { return x + (y - x) * share; };
  JointAngles out;
  out.wristFlex = mix(a.wristFlex, b.wristFlex);
  out.wristDeviation = mix(a.wristDeviation, b.wristDeviation);
  for (size_t f = 0; f < 4; ++f) {
    for (size_t j = 0; j < 3; ++j) out.fingers[f][j] = mix(a.fingers[f][j], b.fingers[f][j]);
    out.spread[f] = mix(a.spread[f], b.spread[f]);
  }
  for (size_t j = 0; j < 3; ++j) out.thumb[j] = mix(a.thumb[j], b.thumb[j]);
  out.thumbSpread = mix(a.thumbSpread, b.thumbSpread);
  return out;
}

JointAngles curled(JointAngles angles, float degrees) {
  for (auto& finger : angles.fingers)
    for (float& joint : finger) joint = std::clamp(joint + degrees, -kMostExtension, kMostFlex);
  for (float& joint : angles.thumb) joint = std::clamp(joint + degrees * 0.5f, -kMostExtension, kMostFlex);
  return angles;
}

std::string_view patchId(ContactPatch patch) { return kPatchNames[size_t(patch)]; }

}  // namespace legatlas::technique
