#pragma once
// Loads glTF 2.0 / GLB, FBX and OBJ (anything Assimp reads) into a Scene in the model
// frame (metres, +Y superior, +Z anterior), assigning tissues through a tissue map.
#include <optional>
#include <string>

#include "anatomy/tissue_map.h"
#include "scene/scene.h"

namespace legatlas::scene {

// Throws InputError naming the file when it is missing, unreadable or holds no
// triangle mesh. `tissueMap` may be null: every mesh then goes to "unassigned".
Scene loadModel(const std::string& path, const anatomy::TissueMap* tissueMap);

// The tissue map that belongs to a model when none is given: "<model>.tissues.json"
// beside it, if that exists.
std::optional<std::string> siblingTissueMapPath(const std::string& modelPath);

}  // namespace legatlas::scene
