// The measured legs the build generates (assets/models/female.glb and male.glb): their
// measured tissues are the subject's surfaces, their fibres follow the muscles, and their
// attachments lie on their bones.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>
#include <filesystem>
#include <limits>
#include <set>

#include "geometry/triangle_tree.h"
#include "measured_fixture.h"

namespace legatlas {
namespace {

using measured_test::built;
using measured_test::BuiltMeasuredLeg;
using measured_test::meshOf;
using measured_test::tissue;

class MeasuredLeg : public testing::TestWithParam<std::string> {};

TEST_P(MeasuredLeg, EveryMeasuredTissueIsTheSubjectsOwnSurface) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const float top = leg.measured.registered.skinSections.front().y - 0.011f;  // above it, the drawn body ends
  int checked = 0;
  const auto check = [&](const std::string& id, const std::vector<std::string>& surfaces, bool halved) {
    // A halved bone (the sacrum) is drawn right of the midline of all its surfaces.
    geometry::Bounds whole;
    for (const std::string& name : surfaces) {
      if (leg.measured.surfaces.count(name)) whole.add(leg.measured.surfaces.at(name).bounds());
    }
    const float midline = halved ? whole.center().x : std::numeric_limits<float>::lowest();
    for (const std::string& name : surfaces) {
      const auto source = leg.measured.surfaces.find(name);
      if (source == leg.measured.surfaces.end() || !tissue(leg.scene(), id)) continue;
      const geometry::Mesh built = meshOf(leg.scene(), id);
      geometry::TriangleTree tree;
      tree.add(built, 0);
      tree.build();
      double sum = 0;
      size_t count = 0;
      for (const glm::vec3& p : source->second.positions) {
        if (p.y > top || p.x < midline) continue;
        sum += tree.closest(p)->distance;
        ++count;
      }
      if (halved && count == 0) continue;  // wholly left of the midline (the male's coccyx)
      ASSERT_GT(count, 0u) << name;
      // The pack lies within 0.3 mm mean of the source (assets/legs/README.md): 0.7 mm more is allowed here.
      EXPECT_LT(sum / double(count), 0.0007) << id << " from " << name;
      ++checked;
    }
  };
  for (const anatomy::Bone& b : leg.described.bones) check(b.id, b.measured, b.halved);
  for (const anatomy::Muscle& m : leg.described.muscles) check(m.id, m.measured, false);
  EXPECT_GE(checked, 35);
}

// The belly's centreline: the area-weighted centroids of its surface in slices a
// centimetre high (these muscles run down the thigh), its direction taken over 4 cm; the
// fibres of the middle third are measured against it.
std::vector<float> middleThirdAnglesDegrees(const geometry::Mesh& belly) {
  const geometry::Bounds box = belly.bounds();
  const int slices = std::max(12, int(box.size().y / 0.01f));
  std::vector<glm::vec3> centre(size_t(slices), glm::vec3(0.0f));
  std::vector<float> area(size_t(slices), 0.0f);
  const auto slice = [&](float y) { return std::clamp(int((y - box.min.y) / box.size().y * float(slices)), 0, slices - 1); };
  for (size_t i = 0; i + 2 < belly.indices.size(); i += 3) {
    const glm::vec3 a = belly.positions[belly.indices[i]], b = belly.positions[belly.indices[i + 1]],
                    c = belly.positions[belly.indices[i + 2]];
    const glm::vec3 middle = (a + b + c) / 3.0f;
    const float w = glm::length(glm::cross(b - a, c - a));
    centre[size_t(slice(middle.y))] += middle * w;
    area[size_t(slice(middle.y))] += w;
  }
  for (int k = 0; k < slices; ++k) centre[size_t(k)] /= std::max(area[size_t(k)], 1e-12f);
  std::vector<float> angles;
  for (size_t v = 0; v < belly.positions.size(); ++v) {
    const int k = slice(belly.positions[v].y);
    if (k < slices / 3 || k >= 2 * slices / 3) continue;
    const glm::vec3 along = glm::normalize(centre[size_t(k + 2)] - centre[size_t(k - 2)]);
    const float c = std::abs(glm::dot(glm::normalize(glm::vec3(belly.tangents[v])), along));
    angles.push_back(glm::degrees(std::acos(std::min(c, 1.0f))));
  }
  return angles;
}

// The measured belly alone (the tendons swept beyond it follow their own path), with
// the fibre directions the built leg gives it.
geometry::Mesh bellyWithBuiltFibres(const BuiltMeasuredLeg& leg, const std::string& id) {
  geometry::Mesh belly = leg.measured.surfaces.at("muscle/" + id);
  const geometry::Mesh built = meshOf(leg.scene(), id);
  EXPECT_EQ(built.tangents.size(), built.positions.size()) << id;
  geometry::TriangleTree tree;
  tree.add(built, 0);
  tree.build();
  belly.tangents.clear();
  for (const glm::vec3& p : belly.positions) belly.tangents.push_back(glm::vec4(tree.closest(p)->tangent, 1.0f));
  return belly;
}

TEST_P(MeasuredLeg, FibresRunAlongTheStrapAndFusiformMuscles) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  for (const std::string id : {"sartorius", "gracilis", "semitendinosus"}) {
    std::vector<float> angles = middleThirdAnglesDegrees(bellyWithBuiltFibres(leg, id));
    ASSERT_GT(angles.size(), 20u) << id;
    std::sort(angles.begin(), angles.end());
    EXPECT_LT(angles[angles.size() * 95 / 100], 15.0f) << id << ": 95 % of the middle third's fibres within 15 degrees";
  }
}

TEST_P(MeasuredLeg, GastrocnemiusFibresRunFromTheCalcanealTendonTowardTheCondyles) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const glm::vec3 condyles = leg.measured.registered.findLandmark("knee_joint_centre")->position;
  const glm::vec3 heel = leg.measured.registered.findLandmark("calcaneal_tuberosity")->position;
  const glm::vec3 upward = glm::normalize(condyles - heel);
  for (const std::string id : {"gastrocnemius_medial_head", "gastrocnemius_lateral_head"}) {
    const geometry::Mesh belly = bellyWithBuiltFibres(leg, id);
    size_t along = 0;
    for (const glm::vec4& t : belly.tangents) along += glm::dot(glm::vec3(t), upward) < -0.7f ? 1 : 0;
    // Toward the insertion: down from the condyles to the heel, within 45 degrees.
    EXPECT_GT(double(along) / double(belly.tangents.size()), 0.85) << id;
  }
}

TEST_P(MeasuredLeg, EveryAttachmentLiesOnTheBoneItNames) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  std::map<std::string, geometry::Mesh> bones;
  const auto boneMesh = [&](const std::string& bone) -> const geometry::Mesh& {
    if (!bones.count(bone)) {
      // A bone that shares a measured surface is drawn by the tissue that took it.
      std::string id = bone;
      for (const anatomy::Bone& b : leg.described.bones) {
        if (b.id != bone || tissue(leg.scene(), bone) || b.measured.empty()) continue;
        for (const anatomy::Bone& owner : leg.described.bones) {
          if (owner.measured == b.measured && tissue(leg.scene(), owner.id)) id = owner.id;
        }
      }
      bones[bone] = meshOf(leg.scene(), id);
    }
    return bones[bone];
  };
  int checked = 0;
  for (const scene::Tissue& t : leg.scene().tissues) {
    const anatomy::Muscle* m = leg.measured.registered.findMuscle(t.id);
    if (!m || !t.anatomy.origin || !t.anatomy.insertion) continue;
    for (const auto& [site, bone] : {std::pair(*t.anatomy.origin, m->origin.bone), std::pair(*t.anatomy.insertion, m->insertion.bone)}) {
      if (bone.empty()) continue;
      const geometry::Mesh& mesh = boneMesh(bone);
      ASSERT_FALSE(mesh.positions.empty()) << bone;
      geometry::TriangleTree tree;
      tree.add(mesh, 0);
      tree.build();
      EXPECT_LT(tree.closest(site.point)->distance, 0.005f) << t.id << ": " << site.area << " on " << bone;
      ++checked;
    }
  }
  EXPECT_GE(checked, 50);
}

// The bones the data lack (the femur; the male's tibia) are drawn from the description
// and fitted to the cartilage measured over their joints: the cartilage lies on them.
TEST_P(MeasuredLeg, BonesTheDataLackMeetTheirMeasuredCartilage) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  int fitted = 0;
  for (const anatomy::Bone& bone : leg.measured.registered.bones) {
    if (bone.caps.empty() || !meshOf(leg.scene(), bone.id).positions.size()) continue;
    bool measuredBone = true;
    for (const std::string& name : bone.measured) measuredBone = measuredBone && leg.measured.surfaces.count(name);
    if (!bone.measured.empty() && measuredBone) continue;  // the bone itself is measured
    geometry::TriangleTree tree;
    const geometry::Mesh mesh = meshOf(leg.scene(), bone.id);
    tree.add(mesh, 0);
    tree.build();
    for (const std::vector<std::string>& cap : bone.caps) {
      std::vector<float> distances;
      for (const std::string& name : cap)
        for (const glm::vec3& p : leg.measured.surfaces.at(name).positions) distances.push_back(tree.closest(p)->distance);
      std::sort(distances.begin(), distances.end());
      double mean = 0;
      for (float d : distances) mean += d / double(distances.size());
      // The cartilage is a shell about 2 mm thick over the bone. Carried onto the subject
      // unfitted, the bones' ends lay 3.3 to 7.8 mm from it on average (the condyles and
      // the tibial plafond furthest); fitted, 0.7 to 2.5 mm.
      EXPECT_LT(mean, 0.003) << bone.id << " under " << cap.front();
      EXPECT_LT(distances[distances.size() * 95 / 100], 0.007f) << bone.id << " under " << cap.front();
      ++fitted;
    }
  }
  EXPECT_GE(fitted, GetParam() == "male" ? 4 : 2);
}

// The bones' surfaces as one tree (the foot's tendons are tested against them).
geometry::TriangleTree boneTree(const scene::Scene& s, std::vector<geometry::Mesh>& keep) {
  for (const scene::Tissue& t : s.tissues) {
    if (t.layer == anatomy::Layer::Bone) keep.push_back(meshOf(s, t.id));
  }
  geometry::TriangleTree tree;
  for (const geometry::Mesh& m : keep) tree.add(m, 0);
  tree.build();
  return tree;
}

// Extensor and flexor digitorum longus reach each lesser toe by a slip of its own, not by
// one sheet over the foot: the slips' ends are reached, the skin between them is not.
TEST_P(MeasuredLeg, TheLongToeTendonsDivideIntoASlipForEachToe) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const geometry::Mesh toes = meshOf(leg.scene(), "metatarsals");
  geometry::TriangleTree toeTree;
  toeTree.add(toes, 0);
  toeTree.build();
  for (const char* id : {"extensor_digitorum_longus", "flexor_digitorum_longus"}) {
    const anatomy::Muscle* m = leg.measured.registered.findMuscle(id);
    ASSERT_TRUE(m) << id;
    ASSERT_EQ(m->insertion.slips.size(), 4u) << id;
    const geometry::Mesh mesh = meshOf(leg.scene(), id);
    geometry::TriangleTree tendon;
    tendon.add(mesh, 0);
    tendon.build();
    std::vector<glm::vec3> ends;
    for (const anatomy::Point& slip : m->insertion.slips) ends.push_back(toeTree.closest(slip.position)->point);
    for (size_t k = 0; k < ends.size(); ++k) {
      EXPECT_LT(tendon.closest(ends[k])->distance, 0.004f) << id << ": the slip to toe " << k + 2;
      if (k == 0) continue;
      // Toes lie about 1.5 cm apart: halfway between two slips' ends a sheet would pass.
      const glm::vec3 between = 0.5f * (ends[k - 1] + ends[k]);
      EXPECT_GT(tendon.closest(between)->distance, 0.002f) << id << ": between toes " << k + 1 << " and " << k + 2;
    }
  }
}

// The tendon drawn from where a measured belly ends to its insertion is a mesh of its own,
// marked tendinous so that it is drawn pale, and the belly is not.
TEST_P(MeasuredLeg, TheTendonsBeyondTheBelliesAreDrawnAsTendon) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  for (const std::string id : {"tibialis_anterior", "extensor_digitorum_longus", "semitendinosus", "gracilis"}) {
    const int index = leg.scene().findTissue(id);
    ASSERT_GE(index, 0) << id;
    const glm::vec3 insertion = leg.scene().tissues[size_t(index)].anatomy.insertion->point;
    float nearestTendon = 1e9f, nearestBelly = 1e9f;
    for (const scene::SceneMesh& m : leg.scene().meshes) {
      if (m.tissueIndex != index || m.detail != 0) continue;
      float& nearest = m.tendinous ? nearestTendon : nearestBelly;
      for (const glm::vec3& p : m.mesh.positions) nearest = std::min(nearest, glm::distance(p, insertion));
    }
    // 1.5 cm: the long extensor's insertion is a point among the four toes its slips reach.
    EXPECT_LT(nearestTendon, 0.015f) << id << ": a tendinous mesh reaches the insertion";
    EXPECT_GT(nearestBelly, 0.03f) << id << ": the belly stops short of it";
  }
  // Tensor fasciae latae ends in the iliotibial tract: no tendon of its own below it.
  const int tfl = leg.scene().findTissue("tensor_fasciae_latae");
  ASSERT_GE(tfl, 0);
  for (const scene::SceneMesh& m : leg.scene().meshes) EXPECT_FALSE(m.tissueIndex == tfl && m.tendinous) << m.nodeName;
}

// The muscles the data lack are drawn from the description and fitted round the measured
// bones: fibularis tertius's tendon crosses the front of the ankle to the fifth
// metatarsal, extensor digitorum brevis lies on the top of the foot, and the three
// muscles of the sole's first layer under its bones, in order from the great toe's side
// (abductor hallucis, flexor digitorum brevis, abductor digiti minimi).
TEST_P(MeasuredLeg, TheMusclesTheDataLackLieWhereTheyBelong) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const auto bellyCentre = [&](const std::string& id) {
    glm::dvec3 sum(0.0);
    size_t count = 0;
    for (const scene::SceneMesh& m : leg.scene().meshes) {
      if (leg.scene().tissues[size_t(m.tissueIndex)].id != id || m.detail != 0 || m.tendinous) continue;
      for (const glm::vec3& p : m.mesh.positions) sum += glm::dvec3(p), ++count;
    }
    EXPECT_GT(count, 100u) << id << " has a belly";
    return glm::vec3(sum / double(std::max<size_t>(count, 1)));
  };
  geometry::Mesh foot = meshOf(leg.scene(), "tarsals");
  foot.append(meshOf(leg.scene(), "metatarsals"));
  const geometry::Bounds bones = foot.bounds();
  const glm::vec3 middle = bones.center();
  const glm::vec3 edb = bellyCentre("extensor_digitorum_brevis");
  EXPECT_GT(edb.y, middle.y) << "extensor digitorum brevis lies on the top of the foot";
  const glm::vec3 hallucis = bellyCentre("abductor_hallucis"), brevis = bellyCentre("flexor_digitorum_brevis"),
                  minimi = bellyCentre("abductor_digiti_minimi");
  for (const glm::vec3& sole : {hallucis, brevis, minimi}) EXPECT_LT(sole.y, middle.y) << "in the sole";
  EXPECT_LT(hallucis.x, brevis.x) << "abductor hallucis is on the inner border";
  EXPECT_LT(brevis.x, minimi.x) << "abductor digiti minimi is on the outer border";
  // Fibularis tertius: in front of the lateral malleolus, on the front of the ankle.
  const anatomy::Landmark* malleolus = leg.measured.registered.findLandmark("lateral_malleolus");
  ASSERT_TRUE(malleolus);
  const geometry::Mesh tertius = meshOf(leg.scene(), "fibularis_tertius");
  ASSERT_FALSE(tertius.positions.empty());
  glm::vec3 atAnkle(0.0f);
  int count = 0;
  for (const glm::vec3& p : tertius.positions)
    if (std::abs(p.y - malleolus->position.y) < 0.005f) atAnkle += p, ++count;
  ASSERT_GT(count, 0) << "fibularis tertius crosses the ankle";
  EXPECT_GT(atAnkle.z / float(count), malleolus->position.z + 0.01f) << "in front of the lateral malleolus";
}

// Below the ankle the tendons beyond the measured bellies lie on the foot's bones (the
// description's points, carried from another foot, put them up to 2 cm off).
TEST_P(MeasuredLeg, TendonsCrossingTheFootLieOnItsBones) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  std::vector<geometry::Mesh> kept;
  const geometry::TriangleTree bones = boneTree(leg.scene(), kept);
  const float ankle = leg.measured.registered.findLandmark("ankle_joint_centre")->position.y;
  for (const char* id : {"tibialis_anterior", "extensor_hallucis_longus", "extensor_digitorum_longus",
                         "flexor_hallucis_longus", "flexor_digitorum_longus", "fibularis_longus", "tibialis_posterior"}) {
    std::vector<float> distances;
    for (const glm::vec3& p : meshOf(leg.scene(), id).positions) {
      if (p.y < ankle - 0.01f) distances.push_back(bones.closest(p)->distance);
    }
    if (distances.size() < 20) continue;  // the muscle's belly ends above the foot
    std::sort(distances.begin(), distances.end());
    const float p95 = distances[distances.size() * 95 / 100];
    EXPECT_LT(p95, 0.009f) << id;
  }
}

// The share of `points` inside the closed surface `bone`.
float shareInside(const std::vector<glm::vec3>& points, const geometry::Mesh& bone) {
  geometry::TriangleTree tree;
  tree.add(bone, 0);
  tree.build();
  int inside = 0;
  for (const glm::vec3& p : points) {
    const std::optional<geometry::SurfaceHit> hit = tree.closest(p);
    inside += hit && glm::dot(p - hit->point, hit->normal) < 0.0f;
  }
  return points.empty() ? 0.0f : float(inside) / float(points.size());
}

// The vertices of `mesh` furthest along `direction` (a share of them).
std::vector<glm::vec3> furthestAlong(const geometry::Mesh& mesh, const glm::vec3& direction, float share) {
  std::vector<glm::vec3> sorted = mesh.positions;
  std::sort(sorted.begin(), sorted.end(), [&](const glm::vec3& a, const glm::vec3& b) {
    return glm::dot(a, direction) > glm::dot(b, direction);
  });
  sorted.resize(std::max<size_t>(1, size_t(float(sorted.size()) * share)));
  return sorted;
}

// In front of the knee: the quadriceps tendon runs from the end of rectus femoris into the
// base of the patella, the patellar ligament from the apex into the tuberosity, each end
// running on into its bone (not ending on it with a cut face), the ligament straight.
TEST_P(MeasuredLeg, TheKneeExtensorTendonsRunFromMuscleToPatellaToTibia) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const anatomy::Description& d = leg.measured.registered;
  const glm::vec3 up(0.0f, 1.0f, 0.0f);
  const geometry::Mesh quadriceps = meshOf(leg.scene(), "quadriceps_tendon"), ligament = meshOf(leg.scene(), "patellar_ligament");
  const geometry::Mesh patella = meshOf(leg.scene(), "patella"), tibia = meshOf(leg.scene(), "tibia");
  const glm::vec3 bellyEnd = furthestAlong(meshOf(leg.scene(), "rectus_femoris"), -up, 0.0f).front();
  const glm::vec3 tendonTop = furthestAlong(quadriceps, up, 0.0f).front();
  EXPECT_LT(glm::distance(bellyEnd, tendonTop), 0.03f) << "the quadriceps tendon begins where rectus femoris ends";
  EXPECT_GT(shareInside(furthestAlong(quadriceps, -up, 0.03f), patella), 0.9f) << "the quadriceps tendon runs into the patella";
  EXPECT_GT(shareInside(furthestAlong(ligament, up, 0.03f), patella), 0.9f) << "the ligament runs into the patella's apex";
  EXPECT_GT(shareInside(furthestAlong(ligament, -up, 0.03f), tibia), 0.9f) << "the ligament runs into the tuberosity";
  // Straight: its centre line (the mean of thin slices) keeps within 6 mm of a line (the
  // male's bows 4.5 mm; lifted point by point over what lay beneath, it had kinked by 1 cm).
  const glm::vec3 apex = d.findLandmark("patella_apex")->position, tuberosity = d.findLandmark("tibial_tuberosity")->position;
  const glm::vec3 axis = glm::normalize(apex - tuberosity);
  std::map<int, std::pair<glm::vec3, int>> slices;
  for (const glm::vec3& p : ligament.positions) {
    auto& [sum, count] = slices[int(std::floor(glm::dot(p - tuberosity, axis) / 0.004f))];
    sum += p, ++count;
  }
  std::vector<glm::vec3> centres;
  for (const auto& [at, slice] : slices) {
    if (slice.second >= 8) centres.push_back(slice.first / float(slice.second));
  }
  ASSERT_GE(centres.size(), 6u);
  const glm::vec3 along = glm::normalize(centres.back() - centres.front());
  for (const glm::vec3& c : centres) {
    const glm::vec3 off = (c - centres.front()) - along * glm::dot(c - centres.front(), along);
    EXPECT_LT(glm::length(off), 0.006f) << "the ligament bends";
  }
  // Down from the apex, never far toward the midline: the tuberosity lies under the patella
  // or lateral of it (the Q angle). The male's patella lies 3.5 cm lateral of the centre of
  // his condyles, so his leans 9 degrees medially; with his tuberosity carried from the
  // described leg, not placed in his plateau's frame, it leant 25.
  const glm::vec3 down = tuberosity - apex;
  EXPECT_LT(glm::degrees(std::atan2(-down.x, -down.y)), 12.0f) << "the patellar ligament leans toward the midline";
}

// The iliac wing, which the data lack, lies between the muscles on its two faces: iliacus
// inside, the small and middle gluteals outside. From each point of iliacus's surface
// that faces the gluteals across the wing (within 2 cm of them, above the hip joint), the
// way to the nearest gluteal point crosses the hip bone, and the bone enters neither.
TEST_P(MeasuredLeg, TheIliacWingLiesBetweenIliacusAndTheGluteals) {
  const BuiltMeasuredLeg& leg = built(GetParam());
  const geometry::Mesh& iliacus = leg.measured.surfaces.at("muscle/iliacus");
  geometry::TriangleTree gluteals, hipBone;
  gluteals.add(leg.measured.surfaces.at("muscle/gluteus_minimus"), 0);
  gluteals.add(leg.measured.surfaces.at("muscle/gluteus_medius"), 0);
  gluteals.build();
  const geometry::Mesh bone = meshOf(leg.scene(), "hip_bone");
  hipBone.add(bone, 0);
  hipBone.build();
  int facing = 0, crossed = 0;
  for (const glm::vec3& p : iliacus.positions) {
    const std::optional<geometry::SurfaceHit> g = gluteals.closest(p);
    if (p.y < 0.04f || !g || g->distance > 0.02f || g->distance < 0.002f) continue;
    ++facing;
    const glm::vec3 way = g->point - p;
    if (hipBone.raycast(p, glm::normalize(way), glm::length(way))) ++crossed;
  }
  ASSERT_GE(facing, 50);
  EXPECT_GT(float(crossed) / float(facing), 0.9f) << crossed << " of " << facing << " ways from iliacus to the gluteals cross the bone";
  int deep = 0;  // bone vertices more than 1 mm inside one of the muscles
  for (const char* name : {"muscle/iliacus", "muscle/gluteus_minimus", "muscle/gluteus_medius"}) {
    geometry::TriangleTree muscle;
    muscle.add(leg.measured.surfaces.at(name), 0);
    muscle.build();
    for (const glm::vec3& p : bone.positions) {
      const std::optional<geometry::SurfaceHit> hit = muscle.closest(p);
      deep += hit && glm::dot(p - hit->point, hit->normal) < -0.001f;
    }
  }
  EXPECT_LT(float(deep) / float(bone.positions.size()), 0.01f) << deep << " hip bone vertices lie inside the muscles on it";
}

INSTANTIATE_TEST_SUITE_P(Subjects, MeasuredLeg, testing::Values("female", "male"));

}  // namespace
}  // namespace legatlas
