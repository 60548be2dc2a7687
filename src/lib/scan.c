/* SPDX-License-Identifier: MIT */
/* scan.c: finds codes in a stream of text fed a buffer at a time (slerr_scan).
 * Fast path: 64-byte blocks become bit masks of hex bytes; only where eight of them end in a
 * row is a candidate examined. Most candidates are ids that no catalog holds: a filter of the
 * catalog's codes (a generated table) turns them away before any parsing or lookup. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "catalog-index.h"
#include "catalog-params.h"
#include "scan-internal.h"
#include "slerr.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define RUN_MIN 8  /* every form contains a run of at least eight hex digits... */
#define RUN_MAX 10 /* ...and at most ten (a signed 10-digit decimal) */
#define NO_BYTE (-1) /* before the start or after the end of the stream */

#define KEEP 16    /* bytes of the stream a scanner remembers between buffers */

enum byte_class { HEX = 1, DIGIT = 2, WORD = 4 };

/* How 64-byte blocks become bit masks: chosen for the CPU when the scanner is made, or by the
 * tests (slerr__scanner_use_path) so that every path is tested on any machine. */
enum block_path { PATH_TABLE, PATH_SSE2, PATH_AVX2 };

struct slerr_scanner {
    uint64_t offset; /* bytes fed so far */
    unsigned flags;
    unsigned kept; /* valid bytes at the end of tail[] */
    unsigned char tail[KEEP];
    enum block_path path;
};

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define IS_HEX_LETTER(c) (((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))
#define IS_LETTER(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z'))
#define CLASS(c)                                                                                 \
    (IS_DIGIT(c) ? HEX | DIGIT | WORD                                                           \
                 : IS_HEX_LETTER(c) ? HEX | WORD : IS_LETTER(c) || (c) == '_' ? WORD : 0)
#define ROW(r) CLASS((r)), CLASS((r) + 1), CLASS((r) + 2), CLASS((r) + 3), CLASS((r) + 4),      \
               CLASS((r) + 5), CLASS((r) + 6), CLASS((r) + 7), CLASS((r) + 8), CLASS((r) + 9),  \
               CLASS((r) + 10), CLASS((r) + 11), CLASS((r) + 12), CLASS((r) + 13),             \
               CLASS((r) + 14), CLASS((r) + 15)

static const unsigned char byte_class[256] = {
    ROW(0), ROW(16), ROW(32), ROW(48), ROW(64), ROW(80), ROW(96), ROW(112),
    ROW(128), ROW(144), ROW(160), ROW(176), ROW(192), ROW(208), ROW(224), ROW(240),
};

static bool has_class(int byte, unsigned cls)
{
    return byte != NO_BYTE && (byte_class[byte] & cls);
}

/* Eight hex digits, in either case, to the filter's bit: letters are lower-cased by setting
 * bit 5 (digits already have it), so 0xC004F074 and 0xc004f074 give one value. The digits are
 * read as a little-endian word on every machine: data/gen-catalog.py made the filter so. */
static unsigned filter_hash(const unsigned char digits[8])
{
    uint64_t word = 0;
    for (int i = 7; i >= 0; i--)
        word = word << 8 | digits[i];
    word |= UINT64_C(0x2020202020202020);
    return (unsigned)((word * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - CODE_FILTER_BITS));
}

/* catalog_code_filter (generated): bit h is set when some catalog code or alias, written as
 * eight hex digits, hashes to h. A clear bit proves an eight-digit word is not a catalog code;
 * a set bit proves nothing. */
static bool may_be_known(const unsigned char digits[8])
{
    unsigned h = filter_hash(digits);
    return (catalog_code_filter[h / 64] >> (h % 64)) & 1u;
}

/* The buffer being scanned, seen together with the bytes kept from earlier buffers. */
struct view {
    const struct slerr_scanner *scanner;
    const unsigned char *buf;
    int64_t size;
    slerr_match_fn on_match;
    void *context;
};

/* Byte at index i of the stream relative to buf (negative: kept from earlier buffers). */
static int byte_at(const struct view *v, int64_t i)
{
    if (i >= 0)
        return i < v->size ? v->buf[i] : NO_BYTE;
    if (-i > (int64_t)v->scanner->kept)
        return NO_BYTE;
    return v->scanner->tail[(int64_t)v->scanner->kept + i];
}

/* How the run of hex bytes run[0..length) is written, and how many bytes before it belong to
 * the code (*from: 0, 1 for a sign, 2 for "0x"); false when it is not a code. run[-3..-1]
 * are the bytes before it. */
static bool classify(const int *run, int length, int after, int64_t *from,
                     enum slerr_scan_form *form)
{
    int b1 = run[-1], b2 = run[-2], b3 = run[-3];
    bool digits = true;
    for (int i = 0; i < length; i++)
        digits = digits && has_class(run[i], DIGIT);

    if (length == 8 && (b1 == 'x' || b1 == 'X') && b2 == '0' && !has_class(b3, WORD)) {
        *from = -2, *form = SLERR_FORM_HEX;
        return true;
    }
    if (after == '-') /* the first group of a GUID, or a range */
        return false;
    if (length == 8 && !has_class(b1, WORD) && b1 != '-') {
        *from = 0, *form = SLERR_FORM_BARE;
        return true;
    }
    if (!digits)
        return false;
    if (b1 == '-' && !has_class(b2, WORD) && b2 != '.' && b2 != '-') {
        *from = -1, *form = SLERR_FORM_DECIMAL;
        return true;
    }
    if (length >= 9 && !has_class(b1, WORD) && b1 != '-' && b1 != '.') {
        *from = 0, *form = SLERR_FORM_DECIMAL;
        return true;
    }
    return false;
}

/* The bytes around a candidate: w[WINDOW - 1] is the byte after the run, NO_BYTE outside the
 * stream. Copied once, so that the checks below need no bounds tests. */
#define WINDOW (RUN_MAX + 5)

static void load_window(const struct view *v, int64_t end, int w[WINDOW])
{
    int64_t first = end - (WINDOW - 1);
    if (first >= 0 && end < v->size) {
        for (int i = 0; i < WINDOW; i++)
            w[i] = v->buf[first + i];
    } else {
        for (int i = 0; i < WINDOW; i++)
            w[i] = byte_at(v, first + i);
    }
}

/* Whether the run of hex bytes that ends just before index `end` of the buffer is surely
 * not a code: the cheap tests that turn away the candidates most logs are full of (a GUID's
 * first group, ids of eight hex digits). False when the full test below must decide. */
static inline bool surely_not_code(const struct view *v, int64_t end)
{
    if (end < RUN_MIN + 2 || end >= v->size)
        return false; /* context outside the buffer: the full test handles it */
    const unsigned char *run = v->buf + end - RUN_MIN, before = run[-1];
    if (v->buf[end] == '-' && (before | 0x20) != 'x')
        return true; /* a GUID's first group or a range; 0x... followed by '-' is a code */
    if (byte_class[before] & HEX)
        return false; /* nine or ten digits: a decimal, rare */
    /* Eight digits read as hex (0x form or a bare word) unless a '-' makes them a signed
     * decimal; unknown 0x codes count only with SLERR_SCAN_UNKNOWN. */
    if (before == '-' || ((before | 0x20) == 'x' && (v->scanner->flags & SLERR_SCAN_UNKNOWN)))
        return false;
    return !may_be_known(run);
}

/* Examines the run of hex bytes that ends just before index `end` (the byte there is not hex).
 * Kept out of line: most candidates never get here (surely_not_code). */
static __attribute__((noinline)) int examine_fully(const struct view *v, int64_t end)
{
    int w[WINDOW];
    load_window(v, end, w);
    int after = w[WINDOW - 1];
    int length = 0;
    while (length <= RUN_MAX && has_class(w[WINDOW - 2 - length], HEX))
        length++;
    int64_t from;
    struct slerr_match m;
    if (length < RUN_MIN || length > RUN_MAX || has_class(after, WORD) ||
        !classify(w + (WINDOW - 1 - length), length, after, &from, &m.form))
        return 0;

    m.length = (size_t)(length - from);
    for (size_t i = 0; i < m.length; i++)
        m.text[i] = (char)w[WINDOW - 1 - (int)m.length + (int)i];
    m.text[m.length] = '\0';
    if (slerr_parse(m.text, &m.code) != 0)
        return 0; /* a decimal out of range */
    m.entry = slerr_lookup(m.code);
    if (!m.entry && !(m.form == SLERR_FORM_HEX && (v->scanner->flags & SLERR_SCAN_UNKNOWN)))
        return 0;
    m.offset = v->scanner->offset + (uint64_t)end - m.length;
    return v->on_match ? v->on_match(&m, v->context) : 0;
}

static inline int examine(const struct view *v, int64_t end)
{
    return surely_not_code(v, end) ? 0 : examine_fully(v, end);
}

/* Bit i set when p[i] is a hex digit, for n <= 64 bytes. */
static uint64_t hex_mask_bytes(const unsigned char *p, size_t n)
{
    uint64_t mask = 0;
    for (size_t i = 0; i < n; i++)
        mask |= (uint64_t)(byte_class[p[i]] & HEX) << i;
    return mask;
}

/* The portable path: one table read per byte. */
static inline uint64_t hex_mask_table(const unsigned char *p)
{
    return hex_mask_bytes(p, 64);
}

#if defined(__SSE2__)
static inline uint64_t hex_mask16(const unsigned char *p)
{
    const __m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)p);
    /* Moving each range to the bottom of the signed range makes "in range" one compare. */
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(bytes, _mm_set1_epi8(0x80 - '0')),
                                         _mm_set1_epi8(-128 + 10));
    const __m128i lower = _mm_or_si128(bytes, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8(0x80 - 'a')),
                                          _mm_set1_epi8(-128 + 6));
    return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_or_si128(digit, letter));
}

static inline uint64_t hex_mask64_sse2(const unsigned char *p)
{
    return hex_mask16(p) | hex_mask16(p + 16) << 16 | hex_mask16(p + 32) << 32 |
           hex_mask16(p + 48) << 48;
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_PATH 1
#include <cpuid.h>
#include <stdatomic.h>
#include <immintrin.h>

__attribute__((target("avx2"))) static inline uint64_t hex_mask32_avx2(const unsigned char *p)
{
    const __m256i bytes = _mm256_loadu_si256((const __m256i *)(const void *)p);
    const __m256i digit = _mm256_cmpgt_epi8(_mm256_set1_epi8(-128 + 10),
                                            _mm256_add_epi8(bytes, _mm256_set1_epi8(0x80 - '0')));
    const __m256i lower = _mm256_or_si256(bytes, _mm256_set1_epi8(0x20));
    const __m256i letter = _mm256_cmpgt_epi8(_mm256_set1_epi8(-128 + 6),
                                             _mm256_add_epi8(lower, _mm256_set1_epi8(0x80 - 'a')));
    return (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(digit, letter));
}

__attribute__((target("avx2"))) static inline uint64_t hex_mask64_avx2(const unsigned char *p)
{
    return hex_mask32_avx2(p) | hex_mask32_avx2(p + 32) << 32;
}
#endif

/* Runs that began in an earlier buffer and end in the first RUN_MIN bytes of this one: the
 * block masks below only see runs that lie wholly inside the buffer. */
static int scan_head(const struct view *v)
{
    int64_t head = v->size < RUN_MIN ? v->size : RUN_MIN;
    for (int64_t i = 0; i < head; i++) {
        if (!has_class(v->buf[i], HEX) && has_class(byte_at(v, i - 1), HEX)) {
            int status = examine(v, i);
            if (status)
                return status;
        }
    }
    return 0;
}

/* Masks of the previous 64-byte block, so that runs across blocks are seen whole. */
struct runs {
    uint64_t hex, run2, run4, run8, run11;
};

/* Bit i of the result: byte i ends a run of 8 to 10 hex bytes, and the byte after it (i + 1)
 * is not hex. Runs of 11 or more are never codes and are left out here already. */
static inline __attribute__((always_inline)) uint64_t run_ends(uint64_t hex, struct runs *prev)
{
    uint64_t run2 = hex & (hex << 1 | prev->hex >> 63);          /* bytes i-1..i are hex */
    uint64_t run4 = run2 & (run2 << 2 | prev->run2 >> 62);       /* bytes i-3..i */
    uint64_t run8 = run4 & (run4 << 4 | prev->run4 >> 60);       /* bytes i-7..i */
    uint64_t run11 = run8 & (run8 << 3 | prev->run8 >> 61);      /* bytes i-10..i */
    uint64_t wanted = run8 & ~run11, prev_wanted = prev->run8 & ~prev->run11;
    uint64_t ends = (wanted << 1 | prev_wanted >> 63) & ~hex;    /* terminators */
    *prev = (struct runs){ hex, run2, run4, run8, run11 };
    return ends;
}

/* Examines the candidates whose bits are set in ends[0..count), block i starting at byte
 * base + 64 * i, in stream order. */
static int examine_ends(const struct view *v, int64_t base, const uint64_t *ends, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        for (uint64_t e = ends[i]; e; e &= e - 1) {
            int status = examine(v, base + 64 * (int64_t)i + __builtin_ctzll(e));
            if (status)
                return status;
        }
    }
    return 0;
}

#define BATCH 64 /* blocks whose masks are made before any candidate among them is examined */

/* Every non-hex byte preceded by a run of 8 to 10 hex bytes inside this buffer: 64 bytes at a
 * time, each block turned into a bit mask by `mask64`. The masks of a batch of blocks are made
 * in a loop with no call in it (the vector registers stay live, no vzeroupper), and the few
 * candidates are examined afterwards. */
static inline __attribute__((always_inline)) int
scan_blocks_with(const struct view *v, uint64_t (*mask64)(const unsigned char *))
{
    struct runs prev = { 0, 0, 0, 0, 0 };
    uint64_t ends[BATCH];
    int64_t base = 0;
    while (base + 64 <= v->size) {
        int64_t blocks = (v->size - base) / 64; /* at least 1 */
        size_t count = blocks < BATCH ? (size_t)blocks : BATCH;
        uint64_t any = 0;
        for (size_t i = 0; i < count; i++) {
            ends[i] = run_ends(mask64(v->buf + base + 64 * (int64_t)i), &prev);
            any |= ends[i];
        }
        int status = any ? examine_ends(v, base, ends, count) : 0;
        if (status)
            return status;
        base += 64 * (int64_t)count;
    }
    if (base < v->size) {
        size_t n = (size_t)(v->size - base);
        ends[0] = run_ends(hex_mask_bytes(v->buf + base, n), &prev) & ((UINT64_C(1) << n) - 1);
        return examine_ends(v, base, ends, 1);
    }
    return 0;
}

static int scan_blocks_table(const struct view *v)
{
    return scan_blocks_with(v, hex_mask_table);
}

#if defined(__SSE2__)
static int scan_blocks_sse2(const struct view *v)
{
    return scan_blocks_with(v, hex_mask64_sse2);
}
#endif

#ifdef HAVE_AVX2_PATH
__attribute__((target("avx2"))) static int scan_blocks_avx2(const struct view *v)
{
    return scan_blocks_with(v, hex_mask64_avx2);
}
#endif

static int scan_blocks(const struct view *v)
{
    switch (v->scanner->path) {
#ifdef HAVE_AVX2_PATH
    case PATH_AVX2: return scan_blocks_avx2(v);
#endif
#if defined(__SSE2__)
    case PATH_SSE2: return scan_blocks_sse2(v);
#endif
    default: return scan_blocks_table(v);
    }
}

#ifdef HAVE_AVX2_PATH
/* Whether the CPU has AVX2 and the kernel saves the YMM registers. Asked with CPUID when the
 * first scanner is made, not by __builtin_cpu_supports: that links libgcc's constructor, which
 * runs CPUID in every process that loads the library, scanning or not. */
static bool cpu_has_avx2(void)
{
    static atomic_int known; /* 0: not asked yet; 1: no; 2: yes */
    int answer = atomic_load_explicit(&known, memory_order_relaxed);
    if (answer)
        return answer == 2;
    unsigned eax, ebx, ecx, edx;
    bool avx2 = false;
    if (__get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_OSXSAVE) && (ecx & bit_AVX)) {
        unsigned xcr0_low = 0, xcr0_high = 0;
        __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
        bool ymm_saved = (xcr0_low & 6u) == 6u; /* SSE and AVX state */
        avx2 = ymm_saved && __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_AVX2);
    }
    atomic_store_explicit(&known, avx2 ? 2 : 1, memory_order_relaxed);
    return avx2;
}
#endif

/* Whether this build and this CPU can take `path`. */
static bool path_available(enum block_path path)
{
    switch (path) {
#if defined(__SSE2__)
    case PATH_SSE2:
#endif
    case PATH_TABLE: return true;
#ifdef HAVE_AVX2_PATH
    case PATH_AVX2: return cpu_has_avx2();
#endif
    default: return false;
    }
}

int slerr__scanner_use_path(struct slerr_scanner *scanner, const char *name)
{
    static const char *const names[] = { [PATH_TABLE] = "table", [PATH_SSE2] = "sse2",
                                         [PATH_AVX2] = "avx2" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(name, names[i]) == 0 && path_available((enum block_path)i)) {
            scanner->path = (enum block_path)i;
            return 0;
        }
    }
    return -1;
}

/* Keeps the last KEEP bytes of the stream for the next buffer. */
static void keep_tail(struct slerr_scanner *s, const unsigned char *buf, size_t size)
{
    if (size >= KEEP) {
        memcpy(s->tail, buf + size - KEEP, KEEP);
        s->kept = KEEP;
    } else {
        size_t old = s->kept + size > KEEP ? KEEP - size : s->kept;
        memmove(s->tail, s->tail + s->kept - old, old);
        memcpy(s->tail + old, buf, size);
        s->kept = (unsigned)(old + size);
    }
    s->offset += size;
}

static void start_stream(struct slerr_scanner *s)
{
    s->offset = 0;
    s->kept = 0;
}

struct slerr_scanner *slerr_scanner_new(unsigned flags)
{
    if (flags & ~SLERR_SCAN_UNKNOWN) {
        errno = EINVAL;
        return NULL;
    }
    struct slerr_scanner *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->flags = flags;
    s->path = path_available(PATH_AVX2) ? PATH_AVX2 : path_available(PATH_SSE2) ? PATH_SSE2
                                                                                : PATH_TABLE;
    start_stream(s);
    return s;
}

void slerr_scanner_free(struct slerr_scanner *scanner)
{
    free(scanner);
}

int slerr_scan(struct slerr_scanner *scanner, const void *buf, size_t size,
               slerr_match_fn on_match, void *context)
{
    struct view v = { scanner, buf, (int64_t)size, on_match, context };
    if (size == 0)
        return 0;
    int status = scan_head(&v);
    if (!status)
        status = scan_blocks(&v);
    keep_tail(scanner, buf, size);
    return status;
}

int slerr_scan_finish(struct slerr_scanner *scanner, slerr_match_fn on_match, void *context)
{
    struct view v = { scanner, (const unsigned char *)"", 0, on_match, context };
    int status = has_class(byte_at(&v, -1), HEX) ? examine(&v, 0) : 0;
    start_stream(scanner);
    return status;
}
