// Process-control calls Swift cannot import directly: prctl(2) is variadic, and
// posix_spawn_file_actions_addchdir_np is a GNU extension some C library headers hide.
#ifndef ORGHEALTH_PROCESS_CONTROL_H
#define ORGHEALTH_PROCESS_CONTROL_H

#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <spawn.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// Makes the calling process a child subreaper (Linux): orphaned descendants of its children
/// are re-parented to it instead of to init, so it can find, kill and reap them.
/// Returns 0 on success, -1 where the system has no such thing.
static inline int orghealth_become_child_subreaper(void) {
#if defined(__linux__) && defined(PR_SET_CHILD_SUBREAPER)
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
    return -1;
#endif
}

/// Fixes glibc's mmap threshold at `bytes`, so that it no longer climbs once a large block is
/// freed (mallopt(3): M_MMAP_THRESHOLD; a negative macro, which Swift does not import).
/// Returns 1 on success, 0 when refused or on a C library without it.
static inline int orghealth_fix_mmap_threshold(int bytes) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    return mallopt(M_MMAP_THRESHOLD, bytes);
#else
    (void)bytes;
    return 0;
#endif
}

/// Adds "change to this folder" to a spawn's file actions (glibc >= 2.29, macOS >= 10.15).
/// Returns 0 on success, an errno value otherwise (ENOSYS where unavailable).
static inline int orghealth_spawn_add_chdir(posix_spawn_file_actions_t *actions, const char *path) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 29))
    return posix_spawn_file_actions_addchdir_np(actions, path);
#elif defined(__APPLE__)
    return posix_spawn_file_actions_addchdir_np(actions, path);
#else
    (void)actions; (void)path;
    return 38; /* ENOSYS */
#endif
}

#endif
