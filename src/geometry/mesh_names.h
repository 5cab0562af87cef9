#pragma once
// How a model file names the pieces of one tissue, shared by the program that writes the
// built-in legs and the reader that loads any model.
#include <string_view>

namespace legatlas::geometry {

// A node named "<name>.lod1" is the coarse level of detail of node "<name>", for
// distant views.
inline constexpr std::string_view kCoarseSuffix = ".lod1";
// A node named "<tissue>.tendon" (then, coarse, "<tissue>.tendon.lod1") is the tendinous
// part of that tissue: the tendon of a muscle, drawn pale.
inline constexpr std::string_view kTendonSuffix = ".tendon";

}  // namespace legatlas::geometry
