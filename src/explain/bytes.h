/* SPDX-License-Identifier: MIT */
/* bytes.h: byte classes the text layers share: whether 16 bytes are plain ASCII free of up to
 * three given bytes (the input layer and the normalizer pass over an export's long ASCII runs a
 * block at a time), where 16 bytes hold either of two (the prose words' index), and what makes
 * a word in prose and names. */
#ifndef SLERR_EXPLAIN_BYTES_H
#define SLERR_EXPLAIN_BYTES_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ASCII letters and digits make a word; any other byte (a blank, punctuation, the bytes of a
 * CJK character) ends one. */
static inline bool ex_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* True when none of p[0..15] is >= 0x80 or equal to a, b or c (repeat one to test fewer). */
static inline bool ex_bytes16_plain(const unsigned char *p, unsigned char a, unsigned char b,
                                    unsigned char c)
{
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)a)),
                               _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b)));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)));
    return _mm_movemask_epi8(_mm_or_si128(hit, v)) == 0; /* v's sign bits: bytes >= 0x80 */
#else
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    for (int half = 0; half < 2; half++) {
        uint64_t w, xa, xb, xc;
        memcpy(&w, p + 8 * half, sizeof w);
        xa = w ^ (ones * a), xb = w ^ (ones * b), xc = w ^ (ones * c);
        /* (x - ones) & ~x & highs is non-zero exactly when x has a zero byte */
        if ((w | ((xa - ones) & ~xa) | ((xb - ones) & ~xb) | ((xc - ones) & ~xc)) & highs)
            return false;
    }
    return true;
#endif
}

/* The places among p[0..15] that hold a or b, as a mask (bit i: p[i]). */
static inline unsigned ex_bytes16_either(const unsigned char *p, unsigned char a, unsigned char b)
{
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)a)),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b))));
#else
    unsigned mask = 0;
    for (unsigned i = 0; i < 16; i++)
        mask |= (unsigned)(p[i] == a || p[i] == b) << i;
    return mask;
#endif
}

#endif
