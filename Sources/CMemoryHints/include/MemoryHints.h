#ifndef ORGHEALTH_MEMORY_HINTS_H
#define ORGHEALTH_MEMORY_HINTS_H

/// Asks the processor to start loading the cache line holding `address`, for a read soon.
/// Only a hint: it never faults and changes nothing, whatever the address.
///
/// C because Swift has no prefetch of its own. Tables far larger than the caches (the
/// roster's id index, the privacy gate's figure index at 10^6 people) are probed once per row;
/// asking for the next row's slot while this row is worked on hides the memory's latency.
static inline void orghealth_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
