// make_layered_limb DETAIL OUT.glb: writes the synthetic layered limb and its tissue map.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "layered_limb.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_layered_limb DETAIL OUT.glb\n");
    return 2;
  }
  try {
    const auto limb = legatlas::testing::makeLayeredLimb(std::atoi(argv[1]));
    legatlas::testing::writeLayeredLimb(limb, argv[2]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_layered_limb: %s\n", e.what());
    return 1;
  }
  return 0;
}
