#include "arm_pose.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <limits>

#include "core/text.h"
#include "geometry/point_index.h"
#include "geometry/triangle_tree.h"

namespace legatlas::tools {

namespace {

// The turn that takes unit vector `a` to unit vector `b` about their common normal.
glm::mat3 turnBetween(const glm::vec3& a, const glm::vec3& b) {
  const glm::vec3 axis = glm::cross(a, b);
  const float sine = glm::length(axis), cosine = glm::dot(a, b);
  if (sine < 1e-7f) return glm::mat3(1.0f);  // already aligned (the arms never point the opposite way)
  return glm::mat3_cast(glm::angleAxis(std::atan2(sine, cosine), axis / sine));
}

glm::mat3 turnAbout(const glm::vec3& unitAxis, float radians) {
  return glm::mat3_cast(glm::angleAxis(radians, unitAxis));
}

// The signed angle about `unitAxis` from `a` to `b`, both taken across the axis.
float angleAbout(const glm::vec3& unitAxis, glm::vec3 a, glm::vec3 b) {
  a -= unitAxis * glm::dot(unitAxis, a);
  b -= unitAxis * glm::dot(unitAxis, b);
  return std::atan2(glm::dot(unitAxis, glm::cross(a, b)), glm::dot(a, b));
}

float degrees(float radians) { return radians * 180.0f / float(M_PI); }
float radians(float degrees) { return degrees * float(M_PI) / 180.0f; }

// Sets the motion of every bone matching one of `patterns` (with the side's suffix).
void setMotion(ArmPose& pose, const SkinWeights& weights, const std::vector<std::string>& patterns, char side,
               const RigidMotion& motion, const std::string& weightsPath) {
  std::vector<std::string> sided;
  for (const std::string& pattern : patterns) sided.push_back(pattern + "." + side);
  const std::vector<bool> chosen = bonesMatching(weights, sided, weightsPath);
  for (size_t b = 0; b < chosen.size(); ++b)
    if (chosen[b]) pose.motions[b] = motion;
}

}  // namespace

ArmPose lowerArms(const std::map<std::string, glm::vec3>& heads, const SkinWeights& weights,
                  const ArmPoseSettings& settings, const std::string& skeletonPath, const std::string& weightsPath) {
  ArmPose pose;
  pose.motions.resize(weights.bones.size());
  for (const char side : {'L', 'R'}) {
    const auto joint = [&](const char* bone) { return boneHead(heads, std::string(bone) + "." + side, skeletonPath); };
    const float lateral = side == 'L' ? 1.0f : -1.0f;  // MakeHuman's +X is the character's left
    PosedArm arm;
    arm.side = side;
    arm.shoulder = joint("upperarm01");
    arm.elbow = joint("lowerarm01");
    arm.wrist = joint("wrist");

    // The upper arm: from its rest line (shoulder to elbow) to straight down, tilted a
    // little out and back.
    const glm::vec3 down = glm::normalize(glm::vec3(lateral * std::tan(radians(settings.outwardDegrees)), -1.0f,
                                                    -std::tan(radians(settings.backwardDegrees))));
    const glm::vec3 upperLine = glm::normalize(arm.elbow - arm.shoulder);
    const glm::mat3 upperTurn = turnBetween(upperLine, down);
    arm.upperArmTurnDegrees = degrees(std::acos(std::clamp(glm::dot(upperLine, down), -1.0f, 1.0f)));
    arm.posedElbow = arm.shoulder + upperTurn * (arm.elbow - arm.shoulder);

    // The forearm, carried by the upper arm, straightened into the same line...
    const glm::vec3 carriedForearm = upperTurn * glm::normalize(arm.wrist - arm.elbow);
    const glm::mat3 straighten = turnBetween(carriedForearm, down);
    arm.straightenDegrees = degrees(std::acos(std::clamp(glm::dot(carriedForearm, down), -1.0f, 1.0f)));
    // ...then turned about it until the palm faces the thigh (toward the midline). The
    // palm's normal: across the knuckles from the little finger to the index finger, and
    // along the hand from the wrist to the middle knuckle.
    const glm::vec3 across = joint("finger2-1") - joint("finger5-1");
    const glm::vec3 along = joint("finger3-1") - arm.wrist;
    const glm::vec3 palm = straighten * upperTurn * glm::normalize(lateral * glm::cross(along, across));
    const glm::vec3 medial(-lateral, 0.0f, 0.0f);
    const float twist = angleAbout(down, palm, medial);
    arm.twistDegrees = degrees(twist);
    arm.palmRestToThighDegrees = degrees(std::acos(std::clamp(
        glm::dot(glm::normalize(lateral * glm::cross(along, across)), medial), -1.0f, 1.0f)));
    const glm::mat3 forearmTurn = turnAbout(down, twist) * straighten * upperTurn;
    arm.posedWrist = arm.posedElbow + forearmTurn * (arm.wrist - arm.elbow);

    setMotion(pose, weights, {"upperarm01", "upperarm02"}, side, {upperTurn, arm.shoulder, arm.shoulder},
              weightsPath);
    setMotion(pose, weights, {"lowerarm01"}, side,
              {turnAbout(down, twist * settings.upperForearmTwistShare) * straighten * upperTurn, arm.elbow,
               arm.posedElbow},
              weightsPath);
    setMotion(pose, weights, {"lowerarm02", "wrist", "metacarpal*", "finger*"}, side,
              {forearmTurn, arm.elbow, arm.posedElbow}, weightsPath);
    pose.arms.push_back(arm);
  }
  return pose;
}

std::vector<glm::vec3> skin(const std::vector<glm::vec3>& rest, const SkinWeights& weights,
                            const std::vector<RigidMotion>& motions) {
  std::vector<glm::vec3> posed = rest;
  for (size_t v = 0; v < rest.size() && v < weights.vertices.size(); ++v) {
    if (weights.vertices[v].empty()) continue;
    glm::vec3 sum(0.0f);
    for (const Influence& influence : weights.vertices[v])
      sum += influence.weight * motions[influence.bone].apply(rest[v]);
    posed[v] = sum;
  }
  return posed;
}

ArmFit checkArms(const geometry::Mesh& body, const std::vector<float>& armShare,
                 const std::vector<float>& leftHandShare, const std::vector<float>& rightHandShare, float toesBelow) {
  // Vertices wholly on the arm against triangles wholly off it: the band where the
  // shoulder's skin passes from the torso to the arm is neither.
  constexpr float kArm = 0.99f, kTorso = 0.01f, kNear = 0.01f, kFar = 0.05f;
  geometry::Mesh mesh = body;
  mesh.computeNormals();
  std::vector<bool> used(mesh.positions.size(), false);
  for (uint32_t index : mesh.indices) used[index] = true;

  geometry::Mesh torso;
  torso.positions = mesh.positions;
  torso.normals = mesh.normals;
  std::vector<glm::vec3> torsoPoints;
  std::vector<uint32_t> torsoVertex;
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
    const uint32_t* t = &mesh.indices[i];
    if (armShare[t[0]] <= kTorso && armShare[t[1]] <= kTorso && armShare[t[2]] <= kTorso)
      torso.indices.insert(torso.indices.end(), t, t + 3);
  }
  for (size_t v = 0; v < mesh.positions.size(); ++v)
    if (used[v] && armShare[v] <= kTorso) {
      torsoPoints.push_back(mesh.positions[v]);
      torsoVertex.push_back(uint32_t(v));
    }
  geometry::TriangleTree tree;
  tree.add(torso, 0);
  tree.build();
  const geometry::PointIndex torsoIndex(torsoPoints);

  ArmFit fit;
  fit.frontmost.z = fit.armFrontmost.z = std::numeric_limits<float>::lowest();
  fit.handGap = std::numeric_limits<float>::max();
  for (size_t v = 0; v < mesh.positions.size(); ++v) {
    if (!used[v]) continue;
    const glm::vec3& p = mesh.positions[v];
    if (leftHandShare[v] > 0.5f) fit.leftHand.add(p);
    if (rightHandShare[v] > 0.5f) fit.rightHand.add(p);
    if (p.y >= toesBelow && p.z > fit.frontmost.z) fit.frontmost = p;
    if (armShare[v] <= 0.5f) continue;
    if (p.z > fit.armFrontmost.z) fit.armFrontmost = p;
    ++fit.armVertices;
    if (leftHandShare[v] > 0.5f || rightHandShare[v] > 0.5f)
      if (const auto hit = tree.closest(p)) fit.handGap = std::min(fit.handGap, hit->distance);
    if (armShare[v] < kArm) continue;
    const glm::vec3 nearest = mesh.positions[torsoVertex[torsoIndex.nearest(p)]];
    if (glm::distance(nearest, p) < kNear && glm::dot(mesh.normals[v], nearest - p) > 0) ++fit.pressingTorso;
    const auto hit = tree.closest(p);
    if (hit && hit->distance > kInsideTolerance && hit->distance < kFar && glm::dot(hit->normal, p - hit->point) < 0) {
      ++fit.insideBody;
      if (hit->distance > fit.deepest) {
        fit.deepest = hit->distance;
        fit.deepestAt = p;
      }
    }
  }
  return fit;
}

}  // namespace legatlas::tools
