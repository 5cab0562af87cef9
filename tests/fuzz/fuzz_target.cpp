// The libFuzzer entry of every target, built once per target with LEGATLAS_FUZZ_FEED set
// to its feed function (tests/fuzz/CMakeLists.txt); what each does is in harnesses.cpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harnesses.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
#if LEGATLAS_FUZZ_NEEDS_LEG
  legatlas::fuzz::loadBuiltInLeg();  // seconds, so not inside the first input's time
#endif
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  legatlas::fuzz::LEGATLAS_FUZZ_FEED(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
