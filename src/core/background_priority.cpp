#include "core/background_priority.h"

#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(__APPLE__)
#include <pthread.h>
#include <sys/qos.h>
#endif

namespace legatlas {

bool runBehindOtherWork() {
#if defined(__linux__)
  // On Linux the niceness belongs to the thread (its task id), not the whole process.
  constexpr int kLowestPriority = 19;
  return setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kLowestPriority) == 0;
#elif defined(__APPLE__)
  return pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0) == 0;
#else
  return false;
#endif
}

}  // namespace legatlas
