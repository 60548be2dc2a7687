/* scan.c: finds codes in a stream of text fed a buffer at a time (slerr_scan).
 * Fast path: 64-byte blocks become bit masks of hex bytes; only where eight of them end in a
 * row is a candidate examined, byte by byte, with the few bytes of context it needs. */
#include <stdbool.h>
#include <string.h>

#include "slerr.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define RUN_MIN 8  /* every form contains a run of at least eight hex digits... */
#define RUN_MAX 10 /* ...and at most ten (a signed 10-digit decimal) */
#define NO_BYTE (-1) /* before the start or after the end of the stream */

enum byte_class { HEX = 1, DIGIT = 2, WORD = 4 };

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

/* Examines the run of hex bytes that ends just before index `end` (the byte there is not hex). */
static int examine(const struct view *v, int64_t end)
{
    /* Most runs the masks let through are a GUID's first group: turn them away cheaply. */
    if (end >= RUN_MIN + 1 && end < v->size && v->buf[end] == '-' &&
        (v->buf[end - RUN_MIN - 1] | 0x20) != 'x')
        return 0;
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
    return v->on_match(&m, v->context);
}

/* Bit i set when p[i] is a hex digit, for n <= 64 bytes. */
static uint64_t hex_mask_bytes(const unsigned char *p, size_t n)
{
    uint64_t mask = 0;
    for (size_t i = 0; i < n; i++)
        mask |= (uint64_t)(byte_class[p[i]] & HEX) << i;
    return mask;
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

static inline uint64_t hex_mask64(const unsigned char *p)
{
    return hex_mask16(p) | hex_mask16(p + 16) << 16 | hex_mask16(p + 32) << 32 |
           hex_mask16(p + 48) << 48;
}
#else
static inline uint64_t hex_mask64(const unsigned char *p)
{
    return hex_mask_bytes(p, 64);
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define HAVE_AVX2_PATH 1
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

/* Every non-hex byte preceded by a run of 8 to 10 hex bytes inside this buffer: 64 bytes at a
 * time, each block turned into a bit mask by `mask64`. */
static inline __attribute__((always_inline)) int
scan_blocks_with(const struct view *v, uint64_t (*mask64)(const unsigned char *))
{
    struct runs prev = { 0, 0, 0, 0, 0 };
    int64_t base = 0;
    for (; base + 64 <= v->size; base += 64) {
        __builtin_prefetch(v->buf + base + 4096);
        uint64_t ends = run_ends(mask64(v->buf + base), &prev);
        for (; ends; ends &= ends - 1) {
            int status = examine(v, base + __builtin_ctzll(ends));
            if (status)
                return status;
        }
    }
    if (base < v->size) {
        size_t n = (size_t)(v->size - base);
        uint64_t ends = run_ends(hex_mask_bytes(v->buf + base, n), &prev);
        for (ends &= (UINT64_C(1) << n) - 1; ends; ends &= ends - 1) {
            int status = examine(v, base + __builtin_ctzll(ends));
            if (status)
                return status;
        }
    }
    return 0;
}

static int scan_blocks_default(const struct view *v)
{
    return scan_blocks_with(v, hex_mask64);
}

#ifdef HAVE_AVX2_PATH
__attribute__((target("avx2"))) static int scan_blocks_avx2(const struct view *v)
{
    return scan_blocks_with(v, hex_mask64_avx2);
}
#endif

static int scan_blocks(const struct view *v)
{
#ifdef HAVE_AVX2_PATH
    if (__builtin_cpu_supports("avx2"))
        return scan_blocks_avx2(v);
#endif
    return scan_blocks_default(v);
}

/* Keeps the last SLERR_SCAN_KEEP bytes of the stream for the next buffer. */
static void keep_tail(struct slerr_scanner *s, const unsigned char *buf, size_t size)
{
    if (size >= SLERR_SCAN_KEEP) {
        memcpy(s->tail, buf + size - SLERR_SCAN_KEEP, SLERR_SCAN_KEEP);
        s->kept = SLERR_SCAN_KEEP;
    } else {
        size_t old = s->kept + size > SLERR_SCAN_KEEP ? SLERR_SCAN_KEEP - size : s->kept;
        memmove(s->tail, s->tail + s->kept - old, old);
        memcpy(s->tail + old, buf, size);
        s->kept = (unsigned)(old + size);
    }
    s->offset += size;
}

void slerr_scan_init(struct slerr_scanner *scanner, unsigned flags)
{
    memset(scanner, 0, sizeof *scanner);
    scanner->flags = flags;
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
    slerr_scan_init(scanner, scanner->flags);
    return status;
}
