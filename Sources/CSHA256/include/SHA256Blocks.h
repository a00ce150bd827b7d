#ifndef ORGHEALTH_SHA256_BLOCKS_H
#define ORGHEALTH_SHA256_BLOCKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// FIPS 180-4 section 4.2.2: SHA-256's sixty-four round constants, for both engines (the
/// portable rounds in Swift read them from here).
extern const uint32_t orghealth_sha256_round_constants[64];

/// Whether this processor has the SHA-256 instructions (x86-64's SHA extensions, with the
/// SSSE3 and SSE4.1 they are used with). Asked once; the answer does not change in a run.
bool orghealth_sha256_hardware_available(void);

/// Folds `count` consecutive 64-byte blocks at `blocks` (any alignment) into `state` (SHA-256's
/// eight working words, A to H, in host order), with the SHA-256 instructions.
///
/// Call it only when `orghealth_sha256_hardware_available()` said yes; elsewhere (another
/// processor, another architecture) it leaves `state` as it was.
///
/// C because Swift cannot reach these instructions: one block takes about a tenth of the time
/// of the portable rounds (the history's input fingerprints, issue 16).
void orghealth_sha256_blocks_hardware(uint32_t state[8], const void *blocks, size_t count);

#endif
