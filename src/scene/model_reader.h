#pragma once
// Reading a model file with Assimp into meshes in the model frame. This runs in its own
// program, legatlas-model-reader, which hands the meshes back as bytes (its answer):
// some of Assimp's importers crash on files they should refuse, and a crash there must
// not take LegAtlas down (see loadModel).
#include <string>
#include <vector>

#include "anatomy/tissue_map.h"
#include "scene/scene.h"

namespace legatlas::scene {

inline constexpr const char* kModelFileFix = "give a glTF 2.0 (.gltf/.glb), FBX or OBJ file that holds triangle meshes";

// What reading a file gives: its triangle meshes in the model frame, before tissues.
struct ReadMeshes {
  std::vector<SceneMesh> meshes;
  size_t droppedTriangles = 0;
};

// Reads the file in this process. Throws InputError naming the file.
ReadMeshes readMeshes(const std::string& path, const anatomy::ModelFrameHint& hint);

// The reader's answer: the meshes of readMeshes as bytes, or the error it threw.
std::string readModelAnswer(const std::string& path, const anatomy::ModelFrameHint& hint);
// The meshes of an answer; throws the InputError it carries, or std::length_error when
// the answer is cut short.
ReadMeshes decodeModelAnswer(const std::string& answer);

// The reader's command-line arguments that carry a frame hint ("--up +Z" ...).
std::vector<std::string> hintArguments(const anatomy::ModelFrameHint& hint);

}  // namespace legatlas::scene
