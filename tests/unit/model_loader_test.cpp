#include <gtest/gtest.h>

#include <assimp/scene.h>

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "layered_limb.h"
#include "scene/model_loader.h"

namespace fs = std::filesystem;
using legatlas::InputError;
using legatlas::anatomy::Layer;
using legatlas::anatomy::TissueMap;
using legatlas::scene::loadModel;

namespace {

class ModelLoader : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("legatlas_loader_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    glb_ = (dir_ / "limb.glb").string();
    legatlas::testing::writeLayeredLimb(legatlas::testing::makeLayeredLimb(1), glb_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  InputError loadError(const std::string& path) {
    try {
      loadModel(path, nullptr);
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "expected an InputError for " << path;
    return InputError(path, "", "", "");
  }

  fs::path dir_;
  std::string glb_;
};

}  // namespace

TEST_F(ModelLoader, GlbWithTissueMapAssignsEveryMesh) {
  const TissueMap map = TissueMap::load((dir_ / "limb.tissues.json").string());
  const auto scene = loadModel(glb_, &map);
  EXPECT_EQ(scene.meshes.size(), 8u);
  ASSERT_GE(scene.findTissue("skin"), 0);
  EXPECT_EQ(scene.tissues[scene.findTissue("skin")].layer, Layer::Skin);
  // Two meshes share one tissue through a pattern list.
  const int side = scene.findTissue("side_muscles");
  ASSERT_GE(side, 0);
  int sideMeshes = 0;
  for (const auto& m : scene.meshes) sideMeshes += m.tissueIndex == side;
  EXPECT_EQ(sideMeshes, 2);
  EXPECT_TRUE(scene.warnings.empty());
  // Sizes in metres are kept: the skin is 13 cm wide and 44 cm tall.
  EXPECT_NEAR(scene.bounds().size().x, 0.13f, 1e-3f);
  EXPECT_NEAR(scene.bounds().size().y, 0.44f, 1e-3f);
}

TEST_F(ModelLoader, UnmatchedMeshesGoToUnassignedNotDropped) {
  const TissueMap map = TissueMap::parse(R"({"tissues": [{"match": "Skin", "id": "skin", "layer": "skin"}]})", "partial.json");
  const auto scene = loadModel(glb_, &map);
  EXPECT_EQ(scene.meshes.size(), 8u);
  int unassigned = 0;
  for (const auto& m : scene.meshes) unassigned += scene.tissues[m.tissueIndex].layer == Layer::Unassigned;
  EXPECT_EQ(unassigned, 7);
  ASSERT_FALSE(scene.warnings.empty());
  EXPECT_NE(scene.warnings[0].find("partial.json"), std::string::npos);
}

TEST_F(ModelLoader, ObjWithoutNormalsGetsThem) {
  const std::string obj = write("quad.obj",
                                "o Patch\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\n");
  const auto scene = loadModel(obj, nullptr);
  ASSERT_EQ(scene.meshes.size(), 1u);
  const auto& mesh = scene.meshes[0].mesh;
  EXPECT_EQ(mesh.triangleCount(), 2u);  // the quad is triangulated
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  EXPECT_NEAR(std::abs(mesh.normals[0].z), 1.0f, 1e-4f);
  EXPECT_EQ(scene.tissues[0].layer, Layer::Unassigned);
}

TEST_F(ModelLoader, TissueMapUnitsAndAxesNormaliseTheFrame) {
  // A Z-up model in centimetres: its "up" edge must end up along +Y, in metres.
  const std::string obj = write("zup.obj", "o Shin\nv 0 0 0\nv 10 0 0\nv 0 0 50\nf 1 2 3\n");
  const TissueMap map = TissueMap::parse(
      R"({"model": {"units": "cm", "up": "+Z", "front": "-Y"}, "tissues": [{"match": "*", "id": "shin", "layer": "bones"}]})",
      "zup.json");
  const auto scene = loadModel(obj, &map);
  const auto size = scene.bounds().size();
  EXPECT_NEAR(size.y, 0.5f, 1e-5f);
  EXPECT_NEAR(size.x, 0.1f, 1e-5f);
  EXPECT_NEAR(size.z, 0.0f, 1e-5f);
}

TEST_F(ModelLoader, FbxLoadsThroughAssimp) {
  Assimp::Importer importer;
  const aiScene* source = importer.ReadFile(glb_, 0);
  ASSERT_NE(source, nullptr);
  const std::string fbx = (dir_ / "limb.fbx").string();
  // Assimp 5.2 cannot re-read its own binary FBX export (block offsets), so use ASCII FBX.
  Assimp::Exporter exporter;
  ASSERT_EQ(exporter.Export(source, "fbxa", fbx), AI_SUCCESS) << exporter.GetErrorString();
  const auto scene = loadModel(fbx, nullptr);
  EXPECT_EQ(scene.meshes.size(), 8u);
  EXPECT_GT(scene.triangleCount(), 1000u);
  // Assimp's exporter declares centimetres whatever the numbers meant, so the 0.44 units
  // tall limb is read as 0.44 cm: the file's own declaration wins.
  EXPECT_NEAR(scene.bounds().size().y, 0.0044f, 1e-4f) << "the file's UnitScaleFactor was not applied";
}

TEST_F(ModelLoader, MissingFileIsNamed) {
  const InputError e = loadError((dir_ / "absent.glb").string());
  EXPECT_NE(e.file().find("absent.glb"), std::string::npos);
  EXPECT_EQ(e.reason(), "file not found");
}

TEST_F(ModelLoader, EmptyFileIsNamed) {
  const InputError e = loadError(write("empty.glb", ""));
  EXPECT_EQ(e.reason(), "file is empty");
}

TEST_F(ModelLoader, CorruptGlbIsNamedWithAssimpsReason) {
  std::ifstream in(glb_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const InputError e = loadError(write("truncated.glb", bytes.substr(0, bytes.size() / 3)));
  EXPECT_NE(e.file().find("truncated.glb"), std::string::npos);
  EXPECT_NE(e.reason().find("cannot be read as a model"), std::string::npos) << e.what();
}

TEST_F(ModelLoader, SceneWithoutTrianglesIsRefused) {
  const InputError e = loadError(write("points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\n"));
  EXPECT_NE(std::string(e.what()).find("points.obj"), std::string::npos);
}

TEST_F(ModelLoader, FolderIsRefused) {
  const InputError e = loadError(dir_.string());
  EXPECT_EQ(e.reason(), "is a folder");
}

// Model files as users have them on disk (tests/data/models): each loads what it can and
// leaves the rest out, or is refused with a reason naming the file.
class ModelsFromTheWild : public ::testing::Test {
 protected:
  static std::string file(const std::string& name) { return LEGATLAS_SOURCE_DIR "/tests/data/models/" + name; }
};

TEST_F(ModelsFromTheWild, SkinnedAnimatedGltfLoadsInItsBindPose) {
  const auto scene = loadModel(file("skinned_animated.gltf"), nullptr);
  ASSERT_EQ(scene.meshes.size(), 1u);
  EXPECT_EQ(scene.triangleCount(), 12u);
  // The animation bends the ankle joint; the loader shows the mesh as modelled.
  EXPECT_NEAR(scene.bounds().size().y, 0.40f, 1e-4f);
  EXPECT_NEAR(scene.bounds().min.y, -0.45f, 1e-4f);
}

TEST_F(ModelsFromTheWild, FbxInCentimetresWithCameraAndLightGivesOnlyItsMeshInMetres) {
  const auto scene = loadModel(file("cameras_lights_cm.fbx"), nullptr);
  ASSERT_EQ(scene.meshes.size(), 1u) << "the camera and the light are not meshes";
  EXPECT_EQ(scene.tissues.size(), 1u);
  EXPECT_EQ(scene.tissues[0].name, "Shin_Skin");
  const auto size = scene.bounds().size();
  EXPECT_NEAR(size.x, 0.08f, 1e-4f);
  EXPECT_NEAR(size.y, 0.40f, 1e-4f);
  EXPECT_NEAR(size.z, 0.09f, 1e-4f);
  EXPECT_NEAR(scene.bounds().max.y, -0.05f, 1e-4f) << "the node's translation is in centimetres too";
}

TEST_F(ModelsFromTheWild, ObjWithWindowsTexturePathsLoadsItsMesh) {
  const auto scene = loadModel(file("windows_texture_paths.obj"), nullptr);
  ASSERT_FALSE(scene.meshes.empty());
  EXPECT_EQ(scene.triangleCount(), 12u);
  EXPECT_NEAR(scene.bounds().size().y, 0.40f, 1e-4f);
}

TEST_F(ModelsFromTheWild, NonLatinAndDuplicateNamesAreKeptAndMatchable) {
  const TissueMap map = TissueMap::parse(
      R"({"tissues": [{"match": "腓腹筋", "id": "gastrocnemius", "layer": "superficial_muscles"},
                      {"match": "Κνήμη*", "id": "shin", "layer": "skin"}]})",
      "names.tissues.json");
  const auto scene = loadModel(file("names_non_latin_duplicate.obj"), &map);
  const int gastrocnemius = scene.findTissue("gastrocnemius");
  ASSERT_GE(gastrocnemius, 0);
  EXPECT_EQ(scene.tissues[gastrocnemius].layer, Layer::SuperficialMuscle);
  const int russian = scene.findTissue("unassigned:Икроножная_мышца");
  ASSERT_GE(russian, 0) << "a name in Cyrillic is kept as written";
  // Two objects share the name "Κνήμη": both are kept, in one tissue.
  const int shin = scene.findTissue("shin");
  ASSERT_GE(shin, 0);
  size_t shinTriangles = 0;
  for (const auto& m : scene.meshes) shinTriangles += m.tissueIndex == shin ? m.mesh.triangleCount() : 0;
  EXPECT_GE(shinTriangles, 2u);
  EXPECT_EQ(scene.triangleCount(), 5u) << "no triangle is lost to a duplicate or missing name";
}

TEST_F(ModelsFromTheWild, EmptySceneIsRefusedByName) {
  try {
    loadModel(file("empty_scene.gltf"), nullptr);
    FAIL() << "an empty scene was accepted";
  } catch (const InputError& e) {
    EXPECT_NE(e.file().find("empty_scene.gltf"), std::string::npos);
    EXPECT_EQ(e.reason(), "holds no triangle meshes");
  }
}

TEST_F(ModelsFromTheWild, NanVerticesAndStrayIndicesAreLeftOutAndTheBoundsStayTrue) {
  const auto scene = loadModel(file("nan_and_bad_indices.glb"), nullptr);
  ASSERT_EQ(scene.meshes.size(), 1u);
  EXPECT_EQ(scene.triangleCount(), 6u);
  ASSERT_EQ(scene.warnings.size(), 1u);
  EXPECT_NE(scene.warnings[0].find("4 triangles with invalid vertices were left out"), std::string::npos);
  // The NaN vertex is dropped, not moved to the origin where it would stretch the bounds.
  EXPECT_NEAR(scene.bounds().max.y, -0.05f, 1e-4f);
  for (const auto& p : scene.meshes[0].mesh.positions) EXPECT_TRUE(std::isfinite(p.x + p.y + p.z));
}

TEST_F(ModelsFromTheWild, ObjFacesPointingNowhereAreRefusedWithAssimpsReason) {
  try {
    loadModel(file("nan_and_bad_indices.obj"), nullptr);
    FAIL() << "faces pointing past the vertices were accepted";
  } catch (const InputError& e) {
    EXPECT_NE(e.file().find("nan_and_bad_indices.obj"), std::string::npos);
    EXPECT_NE(e.reason().find("Invalid face index"), std::string::npos) << e.what();
  }
}

TEST_F(ModelsFromTheWild, AFileThatCrashesTheImporterIsAnErrorNamingIt) {
  // Valid glTF (inverse bind matrices are optional), on which Assimp 5.2 dereferences a
  // null pointer. The importer runs in a program of its own, so this process goes on.
  try {
    loadModel(file("skin_without_inverse_bind_matrices.gltf"), nullptr);
    FAIL() << "expected an InputError";
  } catch (const InputError& e) {
    EXPECT_NE(e.file().find("skin_without_inverse_bind_matrices.gltf"), std::string::npos);
    EXPECT_NE(e.reason().find("crashed"), std::string::npos) << e.what();
    EXPECT_FALSE(e.fix().empty());
  }
  // And the next file loads as before.
  EXPECT_EQ(loadModel(file("skinned_animated.gltf"), nullptr).triangleCount(), 12u);
}

TEST(SiblingTissueMap, FoundBesideTheModel) {
  const fs::path dir = fs::temp_directory_path() / ("legatlas_sibling_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "leg.glb") << "x";
  EXPECT_FALSE(legatlas::scene::siblingTissueMapPath((dir / "leg.glb").string()).has_value());
  std::ofstream(dir / "leg.tissues.json") << "{}";
  EXPECT_EQ(legatlas::scene::siblingTissueMapPath((dir / "leg.glb").string()), (dir / "leg.tissues.json").string());
  fs::remove_all(dir);
}
