/* SPDX-License-Identifier: MIT */
/* test_scan.c: the stream scanner: every form it recognises, the look-alikes it must refuse,
 * codes split across buffers at every offset, and agreement between its fast and slow paths. */
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scan-internal.h"
#include "slerr.h"

#define MAX_FOUND 4096

struct found {
    size_t count;
    struct slerr_match matches[MAX_FOUND];
};

static int collect(const struct slerr_match *match, void *context)
{
    struct found *f = context;
    cr_assert_lt(f->count, MAX_FOUND);
    f->matches[f->count++] = *match;
    return 0;
}

/* A scanner on the block path SLERR_TEST_SCAN_PATH names (avx2, sse2, table; meson runs this
 * file once per path), so that every test covers every path whatever the CPU would pick. */
static struct slerr_scanner *new_scanner(unsigned flags)
{
    struct slerr_scanner *scanner = slerr_scanner_new(flags);
    cr_assert_not_null(scanner);
    const char *path = getenv("SLERR_TEST_SCAN_PATH");
#if defined(__x86_64__) || defined(__i386__)
    /* A CPU without AVX2 cannot run that path: the test skips, saying so (CI has AVX2). */
    if (path && strcmp(path, "avx2") == 0 && !__builtin_cpu_supports("avx2"))
        cr_skip_test("this CPU has no AVX2, so the avx2 block path cannot run here");
#endif
    if (path)
        cr_assert_eq(slerr__scanner_use_path(scanner, path), 0, "no %s path here", path);
    return scanner;
}

/* One scanner per flag value for the many short scans below: slerr_scan_finish readies it for
 * the next stream anyway. */
static struct slerr_scanner *reused[2];

static void free_reused(void)
{
    for (size_t i = 0; i < 2; i++) {
        slerr_scanner_free(reused[i]);
        reused[i] = NULL;
    }
}

TestSuite(scan, .fini = free_reused);

/* Scans `text` fed in pieces of `piece` bytes (0: all at once). */
static void scan_pieces(const char *text, size_t size, size_t piece, unsigned flags,
                        struct found *f)
{
    struct slerr_scanner **scanner_of_flags = &reused[flags & SLERR_SCAN_UNKNOWN];
    if (!*scanner_of_flags)
        *scanner_of_flags = new_scanner(flags);
    struct slerr_scanner *scanner = *scanner_of_flags;
    
    f->count = 0;
    if (piece == 0)
        piece = size ? size : 1;
    for (size_t at = 0; at < size; at += piece)
        cr_assert_eq(slerr_scan(scanner, text + at, size - at < piece ? size - at : piece,
                                collect, f), 0);
    cr_assert_eq(slerr_scan_finish(scanner, collect, f), 0);
}

static void scan_text(const char *text, unsigned flags, struct found *f)
{
    scan_pieces(text, strlen(text), 0, flags, f);
}

static void assert_same(const struct found *a, const struct found *b, const char *what)
{
    cr_assert_eq(a->count, b->count, "%s: %zu matches instead of %zu", what, b->count, a->count);
    for (size_t i = 0; i < a->count; i++) {
        const struct slerr_match *x = &a->matches[i], *y = &b->matches[i];
        cr_assert(x->offset == y->offset && x->length == y->length && x->code == y->code &&
                      x->form == y->form && x->entry == y->entry && !strcmp(x->text, y->text),
                  "%s: match %zu differs (%s at %llu vs %s at %llu)", what, i, x->text,
                  (unsigned long long)x->offset, y->text, (unsigned long long)y->offset);
    }
}

struct accepted {
    char text[64];
    char token[16];
    uint32_t code;
    enum slerr_scan_form form;
};

ParameterizedTestParameters(scan, recognised_forms)
{
    static struct accepted cases[] = {
        { "slmgr failed: 0xC004F074\r\n", "0xC004F074", 0xC004F074u, SLERR_FORM_HEX },
        { "0XC004f074", "0XC004f074", 0xC004F074u, SLERR_FORM_HEX },
        { "hr=0xC004F038;", "0xC004F038", 0xC004F038u, SLERR_FORM_HEX },
        { "failed (0xC004F074)", "0xC004F074", 0xC004F074u, SLERR_FORM_HEX },
        { "error 0x8007232B: DNS", "0x8007232B", 0x8007232Bu, SLERR_FORM_HEX },
        { "code=0xc004f074.", "0xc004f074", 0xC004F074u, SLERR_FORM_HEX },
        { "x 0xC004F074-y", "0xC004F074", 0xC004F074u, SLERR_FORM_HEX },
        { "Error: C004F074 occurred", "C004F074", 0xC004F074u, SLERR_FORM_BARE },
        { "[c004f038]", "c004f038", 0xC004F038u, SLERR_FORM_BARE },
        { "status 80070005\n", "80070005", 0x80070005u, SLERR_FORM_BARE },
        { "LASTEXITCODE: -1073418124", "-1073418124", 0xC004F074u, SLERR_FORM_DECIMAL },
        { "exit=-1073418124\n", "-1073418124", 0xC004F074u, SLERR_FORM_DECIMAL },
        { "(-1073418184)", "-1073418184", 0xC004F038u, SLERR_FORM_DECIMAL },
        { "code 3221549172 seen", "3221549172", 0xC004F074u, SLERR_FORM_DECIMAL },
        { "\t3221549112", "3221549112", 0xC004F038u, SLERR_FORM_DECIMAL },
        { "\xc3\xa9 0xC004F074 \xff", "0xC004F074", 0xC004F074u, SLERR_FORM_HEX },
    };
    return cr_make_param_array(struct accepted, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct accepted *c, scan, recognised_forms)
{
    struct found f;
    scan_text(c->text, 0, &f);
    cr_assert_eq(f.count, 1, "'%s': %zu matches", c->text, f.count);
    const struct slerr_match *m = &f.matches[0];
    cr_assert_str_eq(m->text, c->token);
    cr_assert_eq(m->code, c->code, "'%s' gave 0x%08X", c->text, m->code);
    cr_assert_eq(m->form, c->form);
    cr_assert_eq(m->length, strlen(c->token));
    cr_assert_eq(memcmp(c->text + m->offset, c->token, m->length), 0, "offset of '%s'", c->text);
    cr_assert_not_null(m->entry);
    cr_assert_eq(slerr_entry_code(m->entry), c->code);
}

struct refused {
    char text[64];
};

ParameterizedTestParameters(scan, refused_forms)
{
    static struct refused cases[] = {
        { "0xC004F0741" },                 /* nine hex digits */
        { "0xC004F07" },                   /* seven */
        { "0x7ffd12345678" },              /* an address */
        { "at 0x00007ffdC004F074 in" },    /* a longer run ending with a code */
        { "51c82175-844e-4750-b0d8-ec255555bc06" }, /* a GUID */
        { "{C004F074-0000-0000-0000-000000000000}" },
        { "id-C004F074" },                 /* part of a hyphenated word */
        { "0xC004F074g" },                 /* followed by a letter */
        { "0xC004F074_x" },
        { "10xC004F074" },                 /* 0x inside a number */
        { "ab0xC004F074" },
        { "xC004F074" },
        { "C004F074z" },
        { "zC004F074" },
        { "20261124" },                    /* eight digits that are not a catalog code */
        { "pid 12345678 done" },
        { "1073418124" },                  /* the positive of a signed code is another number */
        { "v1.3221549172" },               /* a fraction */
        { "abc-1073418124" },              /* a hyphenated word */
        { "12-1073418124" },
        { "--1073418124" },
        { "-1073418124-" },
        { "99999999999" },                 /* eleven digits */
        { "4294967296" },                  /* above 32 bits */
        { "-2147483649" },
        { "0x0C004F074" },
        { "0xC004F999" },                  /* unknown: only with SLERR_SCAN_UNKNOWN */
        { "C004F999" },
        { "0x 0xC004F07 C004F0" },
    };
    return cr_make_param_array(struct refused, cases, sizeof cases / sizeof cases[0]);
}

ParameterizedTest(struct refused *c, scan, refused_forms)
{
    struct found f;
    scan_text(c->text, 0, &f);
    cr_assert_eq(f.count, 0, "'%s' matched %s", c->text, f.count ? f.matches[0].text : "");
}

Test(scan, fraction_after_decimal_is_still_the_code)
{
    /* Only the byte after a code decides; "3221549172." ends a sentence as often as not. */
    struct found f;
    scan_text("3221549172.5", 0, &f);
    cr_assert_eq(f.count, 1);
}

Test(scan, unknown_hex_codes_only_when_asked)
{
    struct found f;
    const char *text = "a 0xC004F999 b C004F999 c -1073418000 d 0xC004F074";
    scan_text(text, 0, &f);
    cr_assert_eq(f.count, 1);
    scan_text(text, SLERR_SCAN_UNKNOWN, &f);
    cr_assert_eq(f.count, 2, "bare words and decimals stay catalog-only");
    cr_assert_str_eq(f.matches[0].text, "0xC004F999");
    cr_assert_null(f.matches[0].entry);
    cr_assert_eq(f.matches[0].code, 0xC004F999u);
}

Test(scan, nul_bytes_and_line_ends_are_boundaries)
{
    static const char text[] = "\0000xC004F074\0C004F038\r\n-1073418124\0";
    struct found f;
    scan_pieces(text, sizeof text - 1, 0, 0, &f);
    cr_assert_eq(f.count, 3);
    cr_assert_eq(f.matches[0].offset, 1);
    cr_assert_eq(f.matches[1].offset, 12);
    cr_assert_eq(f.matches[2].offset, 22);
}

Test(scan, code_at_start_and_end_of_stream)
{
    struct found f;
    scan_text("0xC004F074", 0, &f);
    cr_assert_eq(f.count, 1);
    cr_assert_eq(f.matches[0].offset, 0);
    scan_text("C004F074", 0, &f);
    cr_assert_eq(f.count, 1);
    scan_text("-1073418124", 0, &f);
    cr_assert_eq(f.count, 1);
}

static const char mixed_log[] =
    "2026-11-24T22:43:55Z kms01 sppsvc[812]: activation failed hr=0xC004F074\r\n"
    "2026-11-24T22:43:56Z kms01 PS> $LASTEXITCODE -1073418124 (C004F038) 3221549112\n"
    "GUID 51c82175-844e-4750-b0d8-ec255555bc06 addr 0x7ffd12345678 date 20261124\n"
    "error 0x8007232B: no\0thing 0xc004f038,0XC004F074;80070005\xff\xfe end";

Test(scan, split_at_every_offset)
{
    size_t size = sizeof mixed_log - 1;
    struct found whole, split;
    scan_pieces(mixed_log, size, 0, 0, &whole);
    cr_assert_eq(whole.count, 8, "the sample log holds eight codes, found %zu", whole.count);
    for (size_t cut = 0; cut <= size; cut++) {
        struct slerr_scanner *scanner = new_scanner(0);
        
        split.count = 0;
        slerr_scan(scanner, mixed_log, cut, collect, &split);
        /* Every match reported before the cut must end at or before the cut... */
        for (size_t i = 0; i < split.count; i++)
            cr_assert_leq(split.matches[i].offset + split.matches[i].length, cut);
        size_t before = split.count;
        slerr_scan(scanner, mixed_log + cut, size - cut, collect, &split);
        /* ...and every match reported after it must end at or after it. */
        for (size_t i = before; i < split.count; i++)
            cr_assert_geq(split.matches[i].offset + split.matches[i].length, cut);
        slerr_scan_finish(scanner, collect, &split);
        slerr_scanner_free(scanner);
        char what[32];
        snprintf(what, sizeof what, "cut at %zu", cut);
        assert_same(&whole, &split, what);
    }
}

Test(scan, every_piece_size)
{
    size_t size = sizeof mixed_log - 1;
    struct found whole, pieces;
    scan_pieces(mixed_log, size, 0, SLERR_SCAN_UNKNOWN, &whole);
    for (size_t piece = 1; piece <= 130; piece++) {
        char what[32];
        snprintf(what, sizeof what, "pieces of %zu", piece);
        scan_pieces(mixed_log, size, piece, SLERR_SCAN_UNKNOWN, &pieces);
        assert_same(&whole, &pieces, what);
    }
}

Test(scan, long_hex_run_across_many_buffers)
{
    /* A run far longer than the bytes the scanner keeps must not end in a false match. */
    struct slerr_scanner *scanner = new_scanner(SLERR_SCAN_UNKNOWN);
    struct found f = { 0 };
    
    slerr_scan(scanner, " 0x", 3, collect, &f);
    for (int i = 0; i < 1000; i++)
        slerr_scan(scanner, "C004F074", 8, collect, &f);
    slerr_scan(scanner, " ", 1, collect, &f);
    slerr_scan(scanner, "C004F074", 8, collect, &f);
    slerr_scan_finish(scanner, collect, &f);
    slerr_scanner_free(scanner);
    cr_assert_eq(f.count, 1);
    cr_assert_eq(f.matches[0].offset, 3 + 8000 + 1);
}

static int stop_at_first(const struct slerr_match *match, void *context)
{
    (void)match;
    ++*(int *)context;
    return 42;
}

Test(scan, callback_stops_the_scan)
{
    struct slerr_scanner *scanner = new_scanner(0);
    int calls = 0;
    
    const char *text = "0xC004F074 0xC004F038 0xC004F074 ";
    cr_assert_eq(slerr_scan(scanner, text, strlen(text), stop_at_first, &calls), 42);
    cr_assert_eq(calls, 1);
    /* After a stop, finish without a callback starts a new stream. */
    struct found f = { 0 };
    cr_assert_eq(slerr_scan_finish(scanner, NULL, NULL), 0);
    slerr_scan(scanner, "0xC004F038 ", 11, collect, &f);
    slerr_scan_finish(scanner, collect, &f);
    slerr_scanner_free(scanner);
    cr_assert_eq(f.count, 1);
    cr_assert_eq(f.matches[0].offset, 0);
}

Test(scan, finish_starts_a_new_stream)
{
    struct slerr_scanner *scanner = new_scanner(0);
    struct found f = { 0 };
    
    slerr_scan(scanner, "xx 0xC004", 9, collect, &f);
    slerr_scan_finish(scanner, collect, &f);
    slerr_scan(scanner, "F074 C004F074", 13, collect, &f);
    slerr_scan_finish(scanner, collect, &f);
    slerr_scanner_free(scanner);
    cr_assert_eq(f.count, 1, "a code must not be joined across two streams");
    cr_assert_eq(f.matches[0].offset, 5);
}

/* Bytes that make candidates and their edges likely. */
static char random_byte(unsigned *seed)
{
    static const char alphabet[] = "0123456789abcdefABCDEFxX-._ \n\r\t:=()[]gz\0\xff";
    return alphabet[(unsigned)rand_r(seed) % (sizeof alphabet - 1)];
}

static size_t random_text(char *buf, size_t max, unsigned *seed)
{
    static const char *const pieces[] = { "0xC004F074", "C004F038", "-1073418124", "3221549112",
                                          "0x", "0xC004F999", "80070005", "0x8007232B" };
    size_t n = 0, want = (unsigned)rand_r(seed) % max;
    while (n < want) {
        if (rand_r(seed) % 4 == 0) {
            const char *p = pieces[(unsigned)rand_r(seed) % (sizeof pieces / sizeof pieces[0])];
            size_t len = strlen(p);
            if (n + len > want)
                break;
            memcpy(buf + n, p, len);
            n += len;
        } else {
            buf[n++] = random_byte(seed);
        }
    }
    return n;
}

Test(scan, fast_and_slow_paths_agree_on_random_text)
{
    /* Whole buffers go through the 64-byte masks; one byte at a time only through the kept
     * bytes: both must see exactly the same codes. */
    static char text[700];
    unsigned seed = 20261124;
    size_t total = 0;
    for (int round = 0; round < 3000; round++) {
        size_t size = random_text(text, sizeof text, &seed);
        struct found whole, bytes, random_pieces;
        scan_pieces(text, size, 0, SLERR_SCAN_UNKNOWN, &whole);
        scan_pieces(text, size, 1, SLERR_SCAN_UNKNOWN, &bytes);
        scan_pieces(text, size, 1 + (unsigned)rand_r(&seed) % 100, SLERR_SCAN_UNKNOWN,
                    &random_pieces);
        char what[48];
        snprintf(what, sizeof what, "round %d", round);
        assert_same(&whole, &bytes, what);
        assert_same(&whole, &random_pieces, what);
        for (size_t i = 0; i < whole.count; i++)
            cr_assert_eq(memcmp(text + whole.matches[i].offset, whole.matches[i].text,
                                whole.matches[i].length), 0);
        total += whole.count;
    }
    cr_assert_gt(total, 1000, "the random texts should hold many codes (%zu)", total);
}

Test(scan, unknown_flag_is_refused)
{
    errno = 0;
    cr_assert_null(slerr_scanner_new(2u));
    cr_assert_eq(errno, EINVAL);
    slerr_scanner_free(NULL);
}

/* The filter that turns ids away before any lookup must let every catalog code through, in
 * every form and case, the other values of a moved symbol included. */
static void assert_found_bare(uint32_t code, const char *format)
{
    char text[32];
    struct found f;
    snprintf(text, sizeof text, format, code);
    scan_text(text, 0, &f);
    cr_assert_eq(f.count, 1, "'%s' was not found", text);
    cr_assert_eq(f.matches[0].code, code, "'%s'", text);
}

Test(scan, every_catalog_code_and_alias_is_found)
{
    size_t aliases = 0;
    for (size_t i = 0; i < slerr_count(); i++) {
        const struct slerr_entry *e = slerr_at(i);
        assert_found_bare(slerr_entry_code(e), "x %08X y");
        assert_found_bare(slerr_entry_code(e), "x=%08x;");
        assert_found_bare(slerr_entry_code(e), "(0x%08X)");
        for (size_t a = 0; a < slerr_entry_alias_count(e); a++, aliases++)
            assert_found_bare(slerr_entry_alias(e, a), "[%08x]");
    }
    cr_assert_gt(slerr_count(), 100);
    cr_assert_gt(aliases, 0, "the catalog should hold moved symbols");
}

Test(scan, ids_that_are_not_codes_are_refused)
{
    /* A log where every line has an eight-digit id: none is a code, the code is found. */
    static char text[64 * 1024];
    size_t n = 0;
    unsigned seed = 12290;
    while (n + 64 < sizeof text) {
        uint32_t id = (uint32_t)rand_r(&seed) * 2654435761u;
        if (slerr_lookup(id))
            continue;
        n += (size_t)snprintf(text + n, sizeof text - n, "2026-11-24 host req=%08x: ok\n", id);
    }
    memcpy(text + n, "hr=0xC004F074\n", 15);
    struct found f;
    scan_pieces(text, n + 14, 0, 0, &f);
    cr_assert_eq(f.count, 1);
    cr_assert_eq(f.matches[0].code, 0xC004F074u);
}

static int count_known(const struct slerr_match *match, void *context)
{
    size_t *count = context;
    *count += match->entry != NULL;
    return 0;
}

/* The filter of known codes is a table made by data/gen-catalog.py with its own copy of
 * filter_hash: every code of the catalog, written 0x + eight digits in either case, must
 * pass it (unknown 0x codes are dropped by that filter alone, so a wrong bit loses a code). */
Test(scan, generated_filter_passes_every_catalog_code)
{
    struct slerr_scanner *scanner = new_scanner(0);
    for (int upper = 0; upper < 2; upper++) {
        size_t found = 0;
        char word[16];
        for (size_t i = 0; i < slerr_count(); i++) {
            int n = snprintf(word, sizeof word, upper ? "0x%08X\n" : "0x%08x\n",
                             slerr_entry_code(slerr_at(i)));
            cr_assert_eq(slerr_scan(scanner, word, (size_t)n, count_known, &found), 0);
        }
        cr_assert_eq(slerr_scan_finish(scanner, count_known, &found), 0);
        cr_assert_eq(found, slerr_count(), "%s: %zu of %zu codes found", upper ? "upper" : "lower",
                     found, slerr_count());
    }
    slerr_scanner_free(scanner);
}
