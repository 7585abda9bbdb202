#ifndef C_PROCTOR_SCHEDULING_H
#define C_PROCTOR_SCHEDULING_H

#include <stdint.h>

/// Asks the kernel to give the calling thread a short time slice, so that it can preempt other
/// threads as soon as it wakes up (Linux's EEVDF scheduler, 6.12 and later, honours a custom
/// slice for ordinary threads without privileges). The thread's nice value is kept.
///
/// Returns 0 on success, or an errno value (ENOSYS where the system has no such request).
int proctor_request_short_slice(uint64_t nanoseconds);

#endif
