#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "anatomy/description.h"
#include "anatomy/description_files.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/text.h"

namespace legatlas::anatomy {

namespace {

constexpr float kLegReach = 2.0f;  // metres: no point of a leg lies farther from the hip

// Reads one file of the description; knows the landmarks already read so that points
// written as landmark ids resolve.
class FileReader {
 public:
  FileReader(const DescriptionFiles& files, const std::string& name,
             const std::map<std::string, glm::vec3>* landmarks)
      : path_((std::filesystem::path(files.directory) / name).string()),
        document_(files.document(name, path_)),
        landmarks_(landmarks) {}

  JsonField root() const { return JsonField(document_, "", path_); }

  // Calls `read` on every entry of the top-level list `key`.
  template <typename Read>
  void forEach(const std::string& key, Read read) const {
    const JsonField list = root().at(key);
    for (size_t i = 0; i < list.arraySize(); ++i) read(list.at(i));
  }

  std::string text(const JsonField& field, const std::string& key) const {
    return field.has(key) && !field.value()[key].is_null() ? field.at(key).asString() : "";
  }

  std::string requiredText(const JsonField& field, const std::string& key) const {
    const std::string value = field.at(key).asString();
    if (value.empty()) field.at(key).fail("is empty", "write a value");
    return value;
  }

  float number(const JsonField& field, float low, float high) const {
    // Compared as float, the type the limits come in: 0.9 in the file is then 0.9f.
    const float value = static_cast<float>(field.asNumber());
    if (value < low || value > high) {
      field.fail("out of range (" + std::to_string(value) + ")",
                 "use a value from " + std::to_string(low) + " to " + std::to_string(high));
    }
    return value;
  }

  float positive(const JsonField& field, float high) const {
    const float value = number(field, 0.0f, high);
    if (value <= 0.0f) field.fail("must be greater than zero", "give a size in metres");
    return value;
  }

  glm::vec3 vector(const JsonField& field, float limit) const {
    if (field.arraySize() != 3) field.fail("expected three numbers", "write [x, y, z] in metres");
    return {number(field.at(0), -limit, limit), number(field.at(1), -limit, limit),
            number(field.at(2), -limit, limit)};
  }

  // Semi-axes of an ellipsoid, each positive and at most `limit` metres.
  glm::vec3 radii(const JsonField& field, float limit) const {
    if (field.arraySize() != 3) field.fail("expected three numbers", "write [rx, ry, rz] in metres");
    return {positive(field.at(0), limit), positive(field.at(1), limit), positive(field.at(2), limit)};
  }

  // Two numbers in metres: a position, or (when `sizes`) two positive half-axes.
  glm::vec2 pair(const JsonField& field, bool sizes) const {
    if (field.arraySize() != 2) field.fail("expected two numbers", "write [x, z] in metres");
    if (sizes) return {positive(field.at(0), 0.5f), positive(field.at(1), 0.5f)};
    return {number(field.at(0), -0.5f, 0.5f), number(field.at(1), -0.5f, 0.5f)};
  }

  glm::vec2 range(const JsonField& field, float limit) const {
    if (field.arraySize() != 2) field.fail("expected two numbers", "write [low, high]");
    const glm::vec2 r(number(field.at(0), -limit, limit), number(field.at(1), -limit, limit));
    if (r.x > r.y) field.fail("low end above high end", "write [low, high]");
    return r;
  }

  // A point: a landmark id, {"landmark": id, "offset": [dx, dy, dz]}, or [x, y, z].
  Point point(const JsonField& field) const {
    Point p;
    if (field.value().is_array()) {
      p.position = vector(field, kLegReach);
      return p;
    }
    const JsonField id = field.value().is_object() ? field.at("landmark") : field;
    p.landmark = id.asString();
    if (!landmarks_) id.fail("landmarks cannot refer to other landmarks", "write [x, y, z]");
    const auto it = landmarks_->find(p.landmark);
    if (it == landmarks_->end()) {
      id.fail("unknown landmark \"" + p.landmark + "\"", "add it to landmarks.json or correct the spelling");
    }
    p.position = it->second;
    if (field.value().is_object() && field.has("offset")) p.position += vector(field.at("offset"), 0.5f);
    return p;
  }

  std::vector<Point> points(const JsonField& field) const {
    std::vector<Point> result;
    for (size_t i = 0; i < field.arraySize(); ++i) result.push_back(point(field.at(i)));
    return result;
  }

  std::vector<glm::vec3> path(const JsonField& field, size_t minimum) const {
    if (field.arraySize() < minimum) {
      field.fail("has fewer than " + std::to_string(minimum) + " points", "add points along the course");
    }
    std::vector<glm::vec3> result;
    for (const Point& p : points(field)) result.push_back(p.position);
    return result;
  }

  std::pair<glm::vec3, glm::vec3> segment(const JsonField& field) const {
    if (field.arraySize() != 2) field.fail("a segment has two points", "write [from, to] as landmarks or [x, y, z]");
    return {point(field.at(0)).position, point(field.at(1)).position};
  }

  std::vector<std::string> texts(const JsonField& field) const {
    std::vector<std::string> result;
    for (size_t i = 0; i < field.arraySize(); ++i) result.push_back(field.at(i).asString());
    return result;
  }

  // Names of a measured leg's surfaces: "bone/tibia", "muscle/soleus".
  std::vector<std::string> measuredSurfaces(const JsonField& field) const {
    std::vector<std::string> names = texts(field);
    if (names.empty()) field.fail("names no surface", "list one or more, e.g. [\"bone/tibia\"], or leave the field out");
    for (size_t i = 0; i < names.size(); ++i) {
      const size_t slash = names[i].find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == names[i].size())
        field.at(i).fail("\"" + names[i] + "\" is not a surface name", "write kind/name, e.g. \"muscle/soleus\" (assets/legs/README.md)");
    }
    return names;
  }

  std::vector<CrossSection> profile(const JsonField& field) const {
    if (field.arraySize() < 2) field.fail("needs at least two samples", "write [[0, w, t], ..., [1, w, t]]");
    std::vector<CrossSection> samples;
    for (size_t i = 0; i < field.arraySize(); ++i) {
      const JsonField sample = field.at(i);
      if (sample.arraySize() != 3) sample.fail("expected [t, width, thickness]", "");
      samples.push_back({number(sample.at(0), 0.0f, 1.0f), positive(sample.at(1), 0.5f), positive(sample.at(2), 0.5f)});
      if (i > 0 && samples[i].t <= samples[i - 1].t) sample.at(0).fail("t must increase along the profile", "");
    }
    if (samples.front().t != 0.0f || samples.back().t != 1.0f) field.fail("must run from t = 0 to t = 1", "");
    return samples;
  }

  Depth depth(const JsonField& field) const {
    const std::string name = toLower(field.asString());
    if (name == "superficial") return Depth::Superficial;
    if (name == "intermediate") return Depth::Intermediate;
    if (name == "deep") return Depth::Deep;
    field.fail("unknown layer \"" + name + "\"", "use superficial, intermediate or deep");
  }

  Attachment attachment(const JsonField& field) const {
    Attachment a;
    a.point = point(field.at("point"));
    a.bone = text(field, "bone");
    a.area = text(field, "area");
    a.into = text(field, "into");
    if (field.has("slips")) {
      if (!field.has("divides_before")) field.fail("gives slips but not where the tendon divides", "add \"divides_before\": metres before the slips' ends");
      a.slips = points(field.at("slips"));
      if (a.slips.size() < 2) field.at("slips").fail("needs at least two slips", "name one landmark per slip");
      a.dividesBefore = positive(field.at("divides_before"), 0.3f);
    }
    return a;
  }

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  const OrderedJson& document_;
  const std::map<std::string, glm::vec3>* landmarks_;
};

void readLandmarks(const DescriptionFiles& files, Description& d, std::map<std::string, glm::vec3>& byId) {
  const FileReader file(files, "landmarks.json", nullptr);
  file.forEach("landmarks", [&](const JsonField& f) {
    Landmark l{file.requiredText(f, "id"), file.requiredText(f, "name"), file.text(f, "note"),
               file.vector(f.at("position"), kLegReach)};
    if (!byId.emplace(l.id, l.position).second) f.at("id").fail("duplicate landmark \"" + l.id + "\"", "give each landmark its own id");
    d.landmarks.push_back(std::move(l));
  });
}

BonePart readBonePart(const FileReader& file, const JsonField& f) {
  BonePart part;
  part.name = file.text(f, "name");
  const std::string kind = file.requiredText(f, "kind");
  if (kind == "capsule") {
    part.kind = BonePart::Kind::Capsule;
    part.from = file.point(f.at("from"));
    part.to = file.point(f.at("to"));
    const bool tapered = f.has("radius_from");
    part.radiusFrom = file.positive(tapered ? f.at("radius_from") : f.at("radius"), 0.2f);
    part.radiusTo = file.positive(tapered ? f.at("radius_to") : f.at("radius"), 0.2f);
  } else if (kind == "ellipsoid") {
    part.kind = BonePart::Kind::Ellipsoid;
    part.center = file.point(f.at("center"));
    part.radii = file.radii(f.at("radii"), 0.3f);
    if (f.has("rotation_deg")) part.rotationDegrees = file.vector(f.at("rotation_deg"), 360.0f);
  } else if (kind == "sheet") {
    part.kind = BonePart::Kind::Sheet;
    part.sheet = file.points(f.at("points"));
    if (part.sheet.size() < 3) f.at("points").fail("a sheet needs at least three points", "give its centre, then its rim in order");
    part.thickness = file.positive(f.at("thickness"), 0.05f);
  } else {
    f.at("kind").fail("unknown kind \"" + kind + "\"", "use capsule, ellipsoid or sheet");
  }
  return part;
}

void readBones(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "bones.json", &landmarks);
  file.forEach("bones", [&](const JsonField& f) {
    Bone bone{file.requiredText(f, "id"), file.requiredText(f, "name"), file.text(f, "note"), {}, {}, {}, {}, false};
    const JsonField parts = f.at("parts");
    if (parts.arraySize() == 0) parts.fail("a bone needs at least one part", "add a capsule or an ellipsoid");
    for (size_t p = 0; p < parts.arraySize(); ++p) bone.parts.push_back(readBonePart(file, parts.at(p)));
    if (f.has("measured")) bone.measured = file.measuredSurfaces(f.at("measured"));
    if (f.has("caps")) {
      const JsonField caps = f.at("caps");
      for (size_t c = 0; c < caps.arraySize(); ++c) bone.caps.push_back(file.measuredSurfaces(caps.at(c)));
    }
    if (f.has("halved")) bone.halved = f.at("halved").asBool();
    if (f.has("between")) {
      const JsonField between = f.at("between");
      for (size_t b = 0; b < between.arraySize(); ++b) {
        const JsonField g = between.at(b);
        BetweenMuscles spec{file.measuredSurfaces(g.at("inner")), file.measuredSurfaces(g.at("outer")), {},
                            file.positive(g.at("thickness"), 0.05f)};
        if (g.has("clear_of")) spec.clearOf = file.measuredSurfaces(g.at("clear_of"));
        if (g.has("above")) spec.above = file.point(g.at("above"));
        bone.between.push_back(std::move(spec));
      }
    }
    d.bones.push_back(std::move(bone));
  });
}

Muscle readMuscle(const FileReader& file, const JsonField& f) {
  Muscle m;
  m.id = file.requiredText(f, "id");
  m.name = file.requiredText(f, "name");
  m.origin = file.attachment(f.at("origin"));
  m.insertion = file.attachment(f.at("insertion"));
  if (f.has("via")) m.via = file.points(f.at("via"));
  const JsonField belly = f.at("belly");
  m.tendonAtOrigin = file.number(belly.at("tendon_origin"), 0.0f, 0.9f);
  m.tendonAtInsertion = file.number(belly.at("tendon_insertion"), 0.0f, 0.9f);
  if (m.tendonAtOrigin + m.tendonAtInsertion >= 0.95f) {
    belly.fail("tendons take the whole length", "leave room for the belly: the two fractions must sum below 0.95");
  }
  m.profile = file.profile(belly.at("profile"));
  if (f.has("thickness_axis")) m.thicknessAxis = file.vector(f.at("thickness_axis"), 1.0f);
  m.depth = file.depth(f.at("layer"));
  m.compartment = file.requiredText(f, "compartment");
  m.surface = file.text(f, "surface");
  m.fibres = file.text(f, "fibres");
  m.action = file.requiredText(f, "action");
  m.massageNotes = file.text(f, "massage_notes");
  m.partOf = file.text(f, "part_of");
  if (f.has("opensim")) m.opensim = file.texts(f.at("opensim"));
  if (f.has("measured")) m.measured = file.measuredSurfaces(f.at("measured"));
  return m;
}

void readMuscles(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "muscles.json", &landmarks);
  file.forEach("muscles", [&](const JsonField& f) { d.muscles.push_back(readMuscle(file, f)); });
}

void readTendons(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "tendons.json", &landmarks);
  file.forEach("tendons", [&](const JsonField& f) {
    Tendon t;
    t.id = file.requiredText(f, "id");
    t.name = file.requiredText(f, "name");
    t.notes = file.text(f, "notes");
    t.origin = file.attachment(f.at("origin"));
    t.insertion = file.attachment(f.at("insertion"));
    if (f.has("via")) t.via = file.points(f.at("via"));
    t.profile = file.profile(f.at("profile"));
    t.depth = file.depth(f.at("layer"));
    if (f.at("origin").has("muscles")) t.muscles = file.texts(f.at("origin").at("muscles"));
    d.tendons.push_back(std::move(t));
  });
}

void readLymphatics(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "lymphatics.json", &landmarks);
  file.forEach("nodes", [&](const JsonField& f) {
    LymphNode n{file.requiredText(f, "id"), file.requiredText(f, "name"), file.requiredText(f, "group"),
                file.text(f, "depth"),      file.text(f, "drains"),        file.requiredText(f, "drains_to"),
                file.point(f.at("position")).position, file.radii(f.at("radii"), 0.03f)};
    d.nodes.push_back(std::move(n));
  });
  file.forEach("vessels", [&](const JsonField& f) {
    d.vessels.push_back({file.requiredText(f, "id"), file.requiredText(f, "name"), file.requiredText(f, "bundle"),
                         file.requiredText(f, "ends_at"), file.text(f, "drains"), file.path(f.at("path"), 2)});
  });
}

void readVeins(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "veins.json", &landmarks);
  file.forEach("veins", [&](const JsonField& f) {
    d.veins.push_back({file.requiredText(f, "id"), file.requiredText(f, "name"), file.text(f, "ends_at"),
                       file.positive(f.at("radius"), 0.02f), file.path(f.at("path"), 2)});
  });
}

// Which way a region faces, the client's position for it, and what an endangerment site bars.
void readRegionUse(const FileReader& file, const JsonField& f, Region& r) {
  static const std::vector<std::string> kFacings{"superior", "posterior", "inferior"};
  static const std::vector<std::string> kPositions{"supine", "prone", "side_lying"};
  static const std::vector<std::string> kPressures{"very_light", "light", "moderate", "firm", "deep"};
  const auto oneOf = [&](const std::string& key, const std::vector<std::string>& words) {
    const std::string value = file.text(f, key);
    if (!value.empty() && std::find(words.begin(), words.end(), value) == words.end())
      f.at(key).fail("unknown value \"" + value + "\"", "use " + joinAsChoices(words));
    return value;
  };
  if (r.depthRange && f.has("around")) {
    const std::string around = file.text(f, "around");
    r.facing = around.substr(0, around.find(' '));
    if (std::find(kFacings.begin(), kFacings.end(), r.facing) == kFacings.end())
      f.at("around").fail("a region bounded by depth faces one way", "begin with " + joinAsChoices(kFacings));
  }
  r.position = oneOf("position", kPositions);
  r.highestPressure = oneOf("highest_pressure", kPressures);
  if (f.has("bars")) r.barredTechniques = file.texts(f.at("bars"));
  if (r.kind == "endangerment" && r.highestPressure.empty())
    f.fail("an endangerment site must say the firmest pressure allowed over it",
           "add \"highest_pressure\": one of " + joinAsChoices(kPressures));
  if (r.kind == "region" && (!r.highestPressure.empty() || !r.barredTechniques.empty()))
    f.fail("only an endangerment site bars pressures and techniques", "set \"kind\": \"endangerment\" or remove them");
}

void readRegions(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "regions.json", &landmarks);
  file.forEach("regions", [&](const JsonField& f) {
    Region r;
    r.id = file.requiredText(f, "id"), r.name = file.requiredText(f, "name"), r.kind = file.requiredText(f, "kind");
    r.drainsTo = file.text(f, "drains_to"), r.why = file.text(f, "why");
    if (r.kind != "region" && r.kind != "endangerment") f.at("kind").fail("unknown kind \"" + r.kind + "\"", "use region or endangerment");
    if (f.has("bounds") && f.at("bounds").has("y")) r.heightRange = file.range(f.at("bounds").at("y"), kLegReach);
    if (f.has("angle_deg")) r.angleDegrees = file.range(f.at("angle_deg"), 360.0f);
    if (f.has("centre")) r.centre = file.point(f.at("centre")).position;
    if (f.has("radius")) r.radius = file.positive(f.at("radius"), 0.5f);
    if (f.has("bounds") && f.at("bounds").has("z")) r.depthRange = file.range(f.at("bounds").at("z"), kLegReach);
    if (f.has("segment")) r.segment = file.segment(f.at("segment"));
    if ((r.centre || r.segment) && r.radius <= 0)
      f.fail("a region with a centre or a segment needs a radius", "add \"radius\" in metres");
    readRegionUse(file, f, r);
    d.regions.push_back(std::move(r));
  });
}

void readSkinProfile(const DescriptionFiles& files, const std::map<std::string, glm::vec3>& landmarks, Description& d) {
  const FileReader file(files, "skin_profile.json", &landmarks);
  file.forEach("sections", [&](const JsonField& f) {
    SkinSection section{file.number(f.at("y"), -kLegReach, kLegReach), file.pair(f.at("centre_xz"), false),
                        file.pair(f.at("radii_xz"), true)};
    if (!d.skinSections.empty() && section.y >= d.skinSections.back().y) {
      f.at("y").fail("not below the section before it", "list the sections from the top of the leg down");
    }
    d.skinSections.push_back(section);
  });
  if (d.skinSections.size() < 2) file.root().at("sections").fail("has fewer than two sections", "give at least two outlines");
  file.forEach("foot", [&](const JsonField& f) { d.footOutline.push_back(readBonePart(file, f)); });
  d.soleHeight = file.number(file.root().at("sole_y"), -kLegReach, kLegReach);
  file.forEach("lean_over", [&](const JsonField& f) {
    d.leanSpots.push_back({file.requiredText(f, "name"), file.point(f.at("from")).position,
                           file.point(f.at("to")).position, file.positive(f.at("radius"), 0.1f)});
  });
}

}  // namespace

void checkReferences(const Description& d);  // description_checks.cpp

Description parseDescription(const DescriptionFiles& files) {
  Description d;
  d.directory = files.directory;
  std::map<std::string, glm::vec3> landmarks;
  readLandmarks(files, d, landmarks);
  readBones(files, landmarks, d);
  readMuscles(files, landmarks, d);
  readTendons(files, landmarks, d);
  readLymphatics(files, landmarks, d);
  readVeins(files, landmarks, d);
  readRegions(files, landmarks, d);
  readSkinProfile(files, landmarks, d);
  checkReferences(d);
  return d;
}

Description loadDescription(const std::string& directory) {
  if (std::error_code ec; !std::filesystem::is_directory(directory, ec))
    throw InputError(directory, "", std::filesystem::exists(directory, ec) ? "is not a folder" : "no such folder",
                     "give the anatomy folder, the one that holds landmarks.json, bones.json and muscles.json");
  OrderedJson document;  // each file is read while it is checked, then the next replaces it
  const auto fromDisk = [&document](const std::string&, const std::string& path) -> const OrderedJson& {
    document = parseJsonDocument(readFile(path), path);
    return document;
  };
  return parseDescription({directory, fromDisk});
}

}  // namespace legatlas::anatomy
