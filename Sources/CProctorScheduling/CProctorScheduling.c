#if defined(__linux__)
#define _GNU_SOURCE
#endif

#include "CProctorScheduling.h"

#include <errno.h>

#if defined(__linux__)
#include <sched.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/// The kernel's `struct sched_attr`, first version (48 bytes); glibc does not declare it.
struct proctor_sched_attr {
    uint32_t size;
    uint32_t sched_policy;
    uint64_t sched_flags;
    int32_t sched_nice;
    uint32_t sched_priority;
    uint64_t sched_runtime;
    uint64_t sched_deadline;
    uint64_t sched_period;
};

int proctor_request_short_slice(uint64_t nanoseconds) {
#ifdef SYS_sched_setattr
    struct proctor_sched_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.sched_policy = SCHED_OTHER;
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, 0);
    if (nice == -1 && errno != 0) return errno;
    attr.sched_nice = nice;
    attr.sched_runtime = nanoseconds;
    if (syscall(SYS_sched_setattr, 0, &attr, 0) != 0) return errno;
    return 0;
#else
    (void)nanoseconds;
    return ENOSYS;
#endif
}
#else
int proctor_request_short_slice(uint64_t nanoseconds) {
    (void)nanoseconds;
    return ENOSYS;
}
#endif
