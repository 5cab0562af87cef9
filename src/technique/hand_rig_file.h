#pragma once
// The hand file (assets/hands/hand.rig): the right hand and forearm, skinned, in the hand
// frame (technique/hand_rig.h). Little-endian:
//   "LAHAND01"   8 bytes
//   uint32       bone count, vertex count, triangle count
//   per bone     uint8 name length, the name (ASCII), uint8 parent (255: none, the root
//                only, first), float32 head x, y, z, float32 tail x, y, z
//   per vertex   float32 x, y, z; uint8 four bone indices; uint16 four weights out of
//                65535, summing to exactly 65535 (unused: weight 0, index 0)
//   per triangle uint16 three vertex indices, counter-clockwise from outside
// Normals are not stored: the reader computes them from the triangles.
#include <string>

#include "technique/hand_rig.h"

namespace legatlas::technique {

// The most a hand file may hold; the committed one is a small fraction of it.
inline constexpr size_t kMostHandRigBytes = size_t(4) << 20;

// The hand in the file, or its mirror for HandSide::Left (HandRig::mirrored). Throws
// InputError naming the file, the place and the fix when it is missing, of another kind,
// cut short or too long, or holds a bone, index, weight or coordinate that cannot be.
HandRig loadHandRig(const std::string& path, HandSide side = HandSide::Right);

// The bytes of a hand file for a right-hand rig. Weights are rounded to sixteen bits
// keeping their sum; throws std::invalid_argument for a rig the format cannot hold (more
// than 255 bones or 65535 vertices, a bone after its child).
std::string encodeHandRig(const HandRig& rig);

}  // namespace legatlas::technique
