// SHA-256's compression function on x86-64's SHA extensions (SHA256RNDS2, SHA256MSG1,
// SHA256MSG2), written from FIPS 180-4 section 6.2.2 and Intel's description of the three
// instructions (Intel SDM, volume 2: "SHA256RNDS2", "SHA256MSG1", "SHA256MSG2").
//
// The instructions keep the eight working words in two registers, ordered as they want them:
// ABEF (A in the highest lane) and CDGH. SHA256RNDS2 does two rounds, taking the two round
// inputs W[t] + K[t] from the low half of its third operand.

#include "SHA256Blocks.h"

/// FIPS 180-4 section 4.2.2: the sixty-four round constants.
const uint32_t orghealth_sha256_round_constants[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#if defined(__x86_64__)

#include <cpuid.h>
#include <immintrin.h>

bool orghealth_sha256_hardware_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return false;
    const bool ssse3 = (ecx & (1u << 9)) != 0, sse41 = (ecx & (1u << 19)) != 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return false;
    const bool sha = (ebx & (1u << 29)) != 0;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,ssse3,sse4.1")))
void orghealth_sha256_blocks_hardware(uint32_t state[8], const void *blocks, size_t count) {
    // The message's words are big-endian: reverse the bytes of each 32-bit lane.
    const __m128i bigEndianWords = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);

    // state[0..3] = A B C D and state[4..7] = E F G H, lowest lane first.
    const __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    const __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    const __m128i badc = _mm_shuffle_epi32(abcd, 0xB1);   // lanes, low to high: B A D C
    const __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);   // H G F E
    __m128i abef = _mm_alignr_epi8(badc, hgfe, 8);        // F E B A: A in the highest lane
    __m128i cdgh = _mm_blend_epi16(hgfe, badc, 0xF0);     // H G D C

    const uint8_t *block = (const uint8_t *)blocks;
    for (size_t remaining = count; remaining > 0; remaining--, block += 64) {
        const __m128i startABEF = abef, startCDGH = cdgh;
        // W[0..15], four words to a register; later words are made from the last sixteen.
        __m128i words[4];
        for (int i = 0; i < 4; i++) {
            words[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(block + 16 * i)), bigEndianWords);
        }
        for (int group = 0; group < 16; group++) {
            // Rounds 4*group to 4*group+3 take W[4g..4g+3], kept in words[g % 4].
            const __m128i current = words[group & 3];
            const __m128i input = _mm_add_epi32(current, _mm_loadu_si128((const __m128i *)&orghealth_sha256_round_constants[4 * group]));
            // Two rounds leave the new ABEF in cdgh, and the old ABEF is then the new CDGH
            // (each round moves A to B, B to C, E to F, F to G); two more put both back.
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, input);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(input, 0x0E));
            if (group < 12) {
                // W[t..t+3] for t = 4*group + 16, from W[t-16..t-1] (FIPS 180-4, 6.2.2 step 1):
                // MSG1 adds sigma0(W[t-15..t-12]) to W[t-16..t-13]; W[t-7..t-4] is added; MSG2 adds
                // sigma1 of W[t-2], W[t-1] and then of the two words it has just made.
                const __m128i t12 = words[(group + 1) & 3];
                const __m128i t8 = words[(group + 2) & 3], t4 = words[(group + 3) & 3];
                __m128i next = _mm_sha256msg1_epu32(current, t12);  // current: W[t-16..t-13]
                next = _mm_add_epi32(next, _mm_alignr_epi8(t4, t8, 4));
                words[group & 3] = _mm_sha256msg2_epu32(next, t4);
            }
        }
        abef = _mm_add_epi32(abef, startABEF);
        cdgh = _mm_add_epi32(cdgh, startCDGH);
    }

    // Back to A B C D and E F G H.
    const __m128i feba = _mm_shuffle_epi32(abef, 0x1B);   // lanes: A B E F
    const __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);   // lanes: G H C D
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0)); // A B C D
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));    // E F G H
}

#else

bool orghealth_sha256_hardware_available(void) { return false; }

void orghealth_sha256_blocks_hardware(uint32_t state[8], const void *blocks, size_t count) {
    (void)state;
    (void)blocks;
    (void)count;
}

#endif
