#include "anatomy/measured_landmarks.h"

#include <functional>
#include <glm/geometric.hpp>
#include <limits>
#include <optional>

#include "geometry/sphere_fit.h"

namespace legatlas::anatomy {

namespace {

using geometry::Mesh;
using Filter = std::function<bool(const glm::vec3&)>;

constexpr float kHeelPad = 0.012f;  // metres of heel pad under the calcaneus, loaded
// A lesser toe's ray: half its width, and where its proximal and middle phalanges lie
// ahead of its metatarsal head (metres).
constexpr float kToeHalfWidth = 0.004f;
constexpr float kToeFrom = 0.015f, kToeTo = 0.035f;

const glm::vec3 kMedial(-1, 0, 0), kLateral(1, 0, 0), kAnterior(0, 0, 1), kPosterior(0, 0, -1), kUp(0, 1, 0);

// The vertex furthest along `direction` among those `keep` accepts.
std::optional<glm::vec3> extreme(const Mesh& mesh, const glm::vec3& direction, const Filter& keep = {}) {
  std::optional<glm::vec3> best;
  for (const glm::vec3& p : mesh.positions) {
    if (keep && !keep(p)) continue;
    if (!best || glm::dot(p, direction) > glm::dot(*best, direction)) best = p;
  }
  return best;
}

std::optional<glm::vec3> nearestVertex(const Mesh& mesh, const glm::vec3& to) {
  std::optional<glm::vec3> best;
  for (const glm::vec3& p : mesh.positions)
    if (!best || glm::distance(p, to) < glm::distance(*best, to)) best = p;
  return best;
}

glm::vec3 centroid(const Mesh& mesh) {
  glm::vec3 sum(0.0f);
  for (const glm::vec3& p : mesh.positions) sum += p;
  return sum / float(std::max<size_t>(mesh.positions.size(), 1));
}

// Vertices between `from` and `to` metres below the top of the mesh.
Filter belowTop(const Mesh& mesh, float from, float to) {
  const float top = mesh.bounds().max.y;
  return [top, from, to](const glm::vec3& p) { return p.y <= top - from && p.y >= top - to; };
}

Filter aboveBottom(const Mesh& mesh, float height) {
  const float bottom = mesh.bounds().min.y;
  return [bottom, height](const glm::vec3& p) { return p.y <= bottom + height; };
}

// Vertices whose distance along the foot, from the back of the heel to the tip of the
// toes, lies between the two fractions.
Filter alongFoot(float heel, float tip, float from, float to) {
  return [=](const glm::vec3& p) {
    const float along = (p.z - heel) / (tip - heel);
    return along >= from && along <= to;
  };
}

class Measurer {
 public:
  Measurer(const MeasuredSurfaces& surfaces, const Description& described) : surfaces_(surfaces), described_(described) {}

  const Mesh* surface(const std::string& name) const {
    const auto it = surfaces_.find(name);
    return it == surfaces_.end() ? nullptr : &it->second;
  }
  void add(const std::string& id, std::optional<glm::vec3> p, const std::string& measure) {
    if (!p) return;
    const Landmark* named = described_.findLandmark(id);
    result_.push_back({{id, named ? named->name : id, named ? named->note : "", *p}, measure});
  }
  void extremeOf(const std::string& id, const std::string& name, const glm::vec3& direction, const std::string& how,
                 const std::function<Filter(const Mesh&)>& where = {}) {
    if (const Mesh* m = surface(name)) add(id, extreme(*m, direction, where ? where(*m) : Filter{}), how + " of " + name);
  }
  // Valid until the next add().
  const glm::vec3* found(const std::string& id) const {
    for (const MeasuredLandmark& m : result_) {
      if (m.landmark.id == id) return &m.landmark.position;
    }
    return nullptr;
  }
  const Description& described() const { return described_; }
  std::vector<MeasuredLandmark> take() { return std::move(result_); }

 private:
  const MeasuredSurfaces& surfaces_;
  const Description& described_;
  std::vector<MeasuredLandmark> result_;
};

void measureHipAndKnee(Measurer& m) {
  if (const Mesh* head = m.surface("cartilage/femur_head")) {
    const glm::vec3 centre = glm::vec3(geometry::fitSphere(head->positions).centre);
    m.add("hip_joint_centre", centre, "centre of the sphere fitted to cartilage/femur_head");
    m.add("femoral_head", centre, "centre of the sphere fitted to cartilage/femur_head");
  }
  if (const Mesh* condyles = m.surface("cartilage/femur_distal")) {
    const geometry::Bounds box = condyles->bounds();
    m.add("knee_joint_centre", box.center(), "centre of cartilage/femur_distal's bounds (the femoral condyles)");
    const float middle = box.center().x;
    m.add("medial_femoral_condyle_posterior", extreme(*condyles, kPosterior, [middle](const glm::vec3& p) { return p.x < middle; }),
          "most posterior point of cartilage/femur_distal's medial half");
    m.add("lateral_femoral_condyle_posterior", extreme(*condyles, kPosterior, [middle](const glm::vec3& p) { return p.x > middle; }),
          "most posterior point of cartilage/femur_distal's lateral half");
  }
  m.extremeOf("patella_base", "bone/patella", kUp, "highest point");
  m.extremeOf("patella_apex", "bone/patella", -kUp, "lowest point");
  m.extremeOf("patella_medial_border", "bone/patella", kMedial, "most medial point");
  m.extremeOf("patella_lateral_border", "bone/patella", kLateral, "most lateral point");
  if (const Mesh* patella = m.surface("bone/patella")) m.add("patella_centre", centroid(*patella), "centroid of bone/patella");
}

// The crest at the height the described leg gives it, as a fraction of knee to ankle.
void measureCrest(Measurer& m, const std::string& id) {
  const Landmark *knee = m.described().findLandmark("knee_joint_centre"), *ankle = m.described().findLandmark("ankle_joint_centre"),
                 *crest = m.described().findLandmark(id);
  const glm::vec3 *kneeHere = m.found("knee_joint_centre"), *ankleHere = m.found("ankle_joint_centre");
  if (!knee || !ankle || !crest || !kneeHere || !ankleHere) return;
  const float f = (crest->position.y - knee->position.y) / (ankle->position.y - knee->position.y);
  const float y = kneeHere->y + f * (ankleHere->y - kneeHere->y);
  m.extremeOf(id, "bone/tibia", kAnterior, "most anterior point, " + std::to_string(int(f * 100 + 0.5f)) + " % of the way from knee to ankle,",
              [y](const Mesh&) { return [y](const glm::vec3& p) { return std::abs(p.y - y) < 0.005f; }; });
}

// The tibial plateau's own frame, from its two cartilages: across from the medial to the
// lateral condyle, forward at right angles to that in the horizontal plane, lengths in
// plateau widths. The tibia is turned outward on the femur (about 25 degrees on both
// subjects), so "lateral" and "anterior" of the model frame do not find its tubercles.
struct PlateauFrame {
  glm::vec3 centre{0.0f}, across{1, 0, 0}, forward{0, 0, 1};
  float top = 0, width = 0;
  glm::vec3 at(float lateral, float anterior, float below) const {
    return centre + (across * lateral + forward * anterior) * width + glm::vec3(0, top - centre.y - below * width, 0);
  }
};

std::optional<PlateauFrame> plateauFrame(const Measurer& m) {
  const Mesh *medial = m.surface("cartilage/tibia_medial"), *lateral = m.surface("cartilage/tibia_lateral");
  if (!medial || !lateral) return std::nullopt;
  PlateauFrame f;
  const glm::vec3 a = centroid(*medial), b = centroid(*lateral);
  f.centre = (a + b) * 0.5f;
  f.across = glm::vec3(b.x - a.x, 0, b.z - a.z);
  f.width = glm::length(f.across);
  if (f.width <= 0) return std::nullopt;
  f.across /= f.width;
  f.forward = glm::vec3(-f.across.z, 0, f.across.x);
  f.top = std::max(medial->bounds().max.y, lateral->bounds().max.y);
  return f;
}

// The front of the tibia's upper end. On a measured tibia Gerdy's tubercle is its most
// anterolateral point (in the plateau's frame) 1-3 cm below its top, and tibialis anterior
// begins at the point of the bone nearest the top of the muscle. Where the tibia is
// missing, the tuberosity, the top of the crest and those two points go where the female
// subject's measured tibia has them in her plateau's frame (lateral, anterior, below; in
// plateau widths), so the patellar ligament runs down from the patella as hers does.
void measureTibialFront(Measurer& m, const std::optional<PlateauFrame>& plateau) {
  if (!plateau) return;
  const glm::vec3 anterolateral = glm::normalize(plateau->across + plateau->forward);
  if (m.surface("bone/tibia")) {
    m.extremeOf("gerdys_tubercle", "bone/tibia", anterolateral, "most anterolateral point (in the plateau's frame) 1-3 cm below the top",
                [](const Mesh& t) { return belowTop(t, 0.01f, 0.03f); });
    if (const Mesh* muscle = m.surface("muscle/tibialis_anterior"))
      m.add("tibia_lateral_condyle_anterior", nearestVertex(*m.surface("bone/tibia"), *extreme(*muscle, kUp)),
            "point of bone/tibia nearest the top of muscle/tibialis_anterior");
    return;
  }
  const std::string how = " on the female subject's tibia, in the frame of the plateau cartilages";
  m.add("tibial_tuberosity", plateau->at(0.12f, 1.063f, 0.817f), "where the tuberosity lies" + how);
  m.add("tibial_crest_upper", plateau->at(0.158f, 1.059f, 1.217f), "where the upper crest lies" + how);
  m.add("gerdys_tubercle", plateau->at(0.764f, 0.679f, 0.731f), "where Gerdy's tubercle lies" + how);
  m.add("tibia_lateral_condyle_anterior", plateau->at(0.711f, 0.320f, 0.958f), "where tibialis anterior's origin begins" + how);
}

void measureShank(Measurer& m) {
  m.extremeOf("medial_tibial_condyle", "bone/tibia", kMedial, "most medial point of the top 4 cm",
              [](const Mesh& t) { return belowTop(t, 0, 0.04f); });
  m.extremeOf("lateral_tibial_condyle", "bone/tibia", kLateral, "most lateral point of the top 4 cm",
              [](const Mesh& t) { return belowTop(t, 0, 0.04f); });
  m.extremeOf("tibial_tuberosity", "bone/tibia", kAnterior, "most anterior point 2.5-5.5 cm below the top",
              [](const Mesh& t) { return belowTop(t, 0.025f, 0.055f); });
  measureTibialFront(m, plateauFrame(m));
  m.extremeOf("medial_malleolus", "bone/tibia", kMedial, "most medial point of the lowest 5 cm",
              [](const Mesh& t) { return aboveBottom(t, 0.05f); });
  m.extremeOf("fibular_head", "bone/fibula", kLateral, "most lateral point of the top 2.5 cm",
              [](const Mesh& f) { return belowTop(f, 0, 0.025f); });
  m.extremeOf("fibular_neck", "bone/fibula", kLateral, "most lateral point 3-4.5 cm below the top",
              [](const Mesh& f) { return belowTop(f, 0.03f, 0.045f); });
  m.extremeOf("lateral_malleolus", "bone/fibula", kLateral, "most lateral point of the lowest 5 cm",
              [](const Mesh& f) { return aboveBottom(f, 0.05f); });
  // The ankle's centre between the malleoli, as the ISB recommends; where the tibia is
  // missing, its medial side is the malleolar facet of the distal tibial cartilage.
  const glm::vec3* lateral = m.found("lateral_malleolus");
  const glm::vec3* medial = m.found("medial_malleolus");
  std::optional<glm::vec3> facet;
  if (!medial) {
    if (const Mesh* plafond = m.surface("cartilage/tibia_distal")) facet = extreme(*plafond, kMedial);
  }
  if (lateral && (medial || facet))
    m.add("ankle_joint_centre", (*lateral + (medial ? *medial : *facet)) * 0.5f,
          medial ? "midpoint of the malleoli" : "midpoint of the lateral malleolus and the medial malleolar facet of cartilage/tibia_distal");
  if (!m.found("tibial_crest_upper")) measureCrest(m, "tibial_crest_upper");
  measureCrest(m, "tibial_crest_lower");
}

// The lesser toes, where the long extensor's and flexor's slips reach them: each toe's
// ray lies a share of the way from the head of the first metatarsal to the fifth's (the
// great toe is the widest), and its phalanges within a few centimetres ahead of the head.
void measureLesserToes(Measurer& m, const Mesh& forefoot) {
  const glm::vec3 *foundFirst = m.found("head_1st_metatarsal"), *foundFifth = m.found("head_5th_metatarsal");
  if (!foundFirst || !foundFifth) return;
  // Copies: what found() points into grows as the toes are added.
  const glm::vec3 first = *foundFirst, fifth = *foundFifth;
  constexpr float kRayShare[4] = {0.30f, 0.53f, 0.76f, 0.97f};
  for (int k = 0; k < 4; ++k) {
    const glm::vec3 head = glm::mix(first, fifth, kRayShare[k]);
    const Filter ray = [head](const glm::vec3& p) {
      return std::abs(p.x - head.x) < kToeHalfWidth && p.z > head.z + kToeFrom && p.z < head.z + kToeTo;
    };
    const std::string toe = "toe_" + std::to_string(k + 2);
    const std::string how = " of bone/phalanges within 4 mm of the toe's ray, 1.5-3.5 cm ahead of its metatarsal head";
    m.add(toe + "_dorsum", extreme(forefoot, kUp, ray), "highest point" + how);
    m.add(toe + "_plantar", extreme(forefoot, -kUp, ray), "lowest point" + how);
  }
}

void measureFoot(Measurer& m) {
  m.extremeOf("calcaneal_tuberosity", "bone/calcaneus", kPosterior, "most posterior point");
  m.extremeOf("sustentaculum_tali", "bone/calcaneus", kMedial, "most medial point");
  m.extremeOf("talus_head", "bone/talus", kAnterior, "most anterior point");
  m.extremeOf("navicular_tuberosity", "bone/navicular", kMedial, "most medial point");
  if (const Mesh* c = m.surface("bone/medial_cuneiform")) m.add("medial_cuneiform", centroid(*c), "centroid of bone/medial_cuneiform");
  const Mesh *heel = m.surface("bone/calcaneus"), *forefoot = m.surface("bone/phalanges");
  if (!heel || !forefoot) return;
  const float back = heel->bounds().min.z, tip = forefoot->bounds().max.z;
  const float medialThird = forefoot->bounds().min.x + forefoot->bounds().size().x / 3;
  m.add("head_1st_metatarsal", extreme(*forefoot, kMedial, alongFoot(back, tip, 0.62f, 0.78f)),
        "most medial point of bone/phalanges 62-78 % along the foot");
  m.add("head_5th_metatarsal", extreme(*forefoot, kLateral, alongFoot(back, tip, 0.55f, 0.72f)),
        "most lateral point of bone/phalanges 55-72 % along the foot");
  m.add("base_5th_metatarsal", extreme(*forefoot, kLateral, alongFoot(back, tip, 0.35f, 0.55f)),
        "most lateral point of bone/phalanges 35-55 % along the foot");
  m.add("tip_great_toe", extreme(*forefoot, kAnterior, [medialThird](const glm::vec3& p) { return p.x < medialThird; }),
        "most anterior point of bone/phalanges' medial third");
  measureLesserToes(m, *forefoot);
  const float sole = std::min(heel->bounds().min.y, forefoot->bounds().min.y) - kHeelPad;
  if (const glm::vec3* ankle = m.found("ankle_joint_centre"))
    m.add("floor", glm::vec3(ankle->x, sole, 0.0f), "12 mm of heel pad below the lowest point of bone/calcaneus and bone/phalanges");
}

void measurePelvis(Measurer& m) {
  if (const Mesh* c = m.surface("bone/coccyx")) m.add("coccyx", centroid(*c), "centroid of bone/coccyx");
  // The auricular surface, where the ilium meets the sacrum, is the sacrum's widest part.
  m.extremeOf("sacroiliac_joint", "bone/sacrum", kLateral, "most lateral point of the upper half",
              [](const Mesh& s) { return belowTop(s, 0, 0.5f * s.bounds().size().y); });
}

}  // namespace

std::vector<MeasuredLandmark> measureLandmarks(const MeasuredSurfaces& surfaces, const Description& described) {
  Measurer m(surfaces, described);
  measureHipAndKnee(m);
  measureShank(m);
  measureFoot(m);
  measurePelvis(m);
  return m.take();
}

}  // namespace legatlas::anatomy
