#include "core/background_priority.h"

#include <gtest/gtest.h>

#include <thread>

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

int threadNiceness() { return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid))); }

// The thread that asks runs behind the others; the thread that started it keeps its own.
TEST(BackgroundPriority, LowersOnlyTheCallingThread) {
  const int before = threadNiceness();
  int worker = before;
  bool lowered = false;
  std::thread background([&] {
    lowered = legatlas::runBehindOtherWork();
    worker = threadNiceness();
  });
  background.join();
  EXPECT_TRUE(lowered);
  EXPECT_EQ(worker, 19);
  EXPECT_EQ(threadNiceness(), before);
}

}  // namespace
#endif
