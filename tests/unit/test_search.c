/* SPDX-License-Identifier: MIT */
/* test_search.c: slerr_search finds what a helpdesk worker means, ranks symbol and title hits
 * above body hits, needs every word, and keeps within the caller's array. */
#define _GNU_SOURCE /* strcasestr */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "slerr.h"

#define TOP 3

/* How many entries match, or -1 when the query is refused. */
static int search(const char *query, struct slerr_hit *hits, size_t max, size_t hit_size)
{
    size_t matches = 99;
    enum slerr_status status = slerr_search(query, hits, max, hit_size, &matches);
    if (status != SLERR_OK) {
        cr_assert_eq(matches, 0, "a refused search reports matches");
        return -1;
    }
    return (int)matches;
}

static int rank_of(const char *query, const struct slerr_entry *wanted)
{
    struct slerr_hit hits[TOP];
    int n = search(query, hits, TOP, sizeof hits[0]);
    cr_assert_geq(n, 0, "'%s' refused", query);
    for (int i = 0; i < n && i < TOP; i++)
        if (hits[i].entry == wanted)
            return i + 1;
    return 0;
}

static void assert_top3(const char *query, const struct slerr_entry *wanted)
{
    cr_assert_not_null(wanted);
    cr_assert_gt(rank_of(query, wanted), 0, "'%s' does not put the wanted entry in the top three",
                 query);
}

Test(search, helpdesk_queries_find_the_wanted_entry)
{
    assert_top3("count insufficient", slerr_lookup(0xC004F038));
    assert_top3("timestamp", slerr_lookup(0xC004F06C));
    assert_top3("srv dns", slerr_lookup_name(SLERR_KIND_SYMPTOM, "srv-records-on-non-microsoft-dns"));
    assert_top3("rearm", slerr_lookup(0xC004D307));
    assert_top3("CMID", slerr_lookup_name(SLERR_KIND_SYMPTOM, "kms-count-not-increasing"));
    assert_top3("dns suffix", slerr_lookup(0x8007007B));
    assert_top3("firewall 1688", slerr_lookup(0x800706BA));
    assert_top3("no kms could be contacted", slerr_lookup(0xC004F074));
    assert_top3("renewal interval", slerr_lookup_name(SLERR_KIND_SETTING, "VLRenewalInterval"));
    assert_top3("12290", slerr_lookup_event(12290));
    assert_top3("ACPI_SLIC", slerr_lookup_name(SLERR_KIND_SYMPTOM, "oem-acpi-slic-without-marker"));
}

Test(search, code_and_symbol_hits_come_first)
{
    struct slerr_hit hits[1];
    cr_assert_geq(search("0xC004F074", hits, 1, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0xC004F074));
    cr_assert_geq(search("c004f074", hits, 1, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0xC004F074));
    cr_assert_geq(search("sl_e_vl_invalid_timestamp", hits, 1, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0xC004F06C));
    /* "timestamp" is a word of one symbol and only body text elsewhere. */
    struct slerr_hit two[2];
    cr_assert_geq(search("TimeStamp", two, 2, sizeof two[0]), 2);
    cr_assert_eq(two[0].entry, slerr_lookup(0xC004F06C));
    cr_assert_gt(two[0].score, two[1].score);
}

Test(search, every_word_must_match)
{
    struct slerr_hit hits[8];
    int both = search("count insufficient", hits, 8, sizeof hits[0]);
    int one = search("count", hits, 8, sizeof hits[0]);
    cr_assert_gt(one, both);
    cr_assert_eq(search("count zzzqqq", hits, 8, sizeof hits[0]), 0);
    cr_assert_eq(search("zzzqqq", hits, 8, sizeof hits[0]), 0);
}

Test(search, results_are_sorted_and_bounded)
{
    struct slerr_hit hits[50];
    memset(hits, 0, sizeof hits);
    int n = search("kms", hits, 5, sizeof hits[0]);
    cr_assert_gt(n, 5, "many entries mention KMS");
    for (int i = 1; i < 5; i++)
        cr_assert_geq(hits[i - 1].score, hits[i].score);
    cr_assert_null(hits[5].entry, "wrote past max");
    struct slerr_hit all[600];
    int total = search("kms", all, 600, sizeof all[0]);
    cr_assert_eq(total, n);
    for (int i = 0; i < 5; i++)
        cr_assert_eq(all[i].score, hits[i].score);
    cr_assert_eq(search("kms", NULL, 0, 0), n, "counting without an array");
}

Test(search, bad_queries_are_refused_with_their_reason)
{
    struct slerr_hit hits[4];
    size_t matches;
    char long_word[SLERR_SEARCH_MAX_WORD + 2];
    memset(long_word, 'a', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = '\0';
    cr_assert_eq(slerr_search("", hits, 4, sizeof hits[0], &matches), SLERR_E_QUERY_EMPTY);
    cr_assert_eq(slerr_search("   \t ", hits, 4, sizeof hits[0], &matches), SLERR_E_QUERY_EMPTY);
    cr_assert_eq(slerr_search(NULL, hits, 4, sizeof hits[0], &matches), SLERR_E_QUERY_EMPTY);
    cr_assert_eq(slerr_search(long_word, hits, 4, sizeof hits[0], &matches),
                 SLERR_E_QUERY_WORD_TOO_LONG);
    long_word[SLERR_SEARCH_MAX_WORD] = '\0';
    cr_assert_eq(slerr_search(long_word, hits, 4, sizeof hits[0], &matches), SLERR_OK);
    cr_assert_eq(slerr_search("a b c d e f g h i j k l m n o p q", hits, 4, sizeof hits[0],
                              &matches), SLERR_E_QUERY_TOO_MANY_WORDS);
    cr_assert_eq(slerr_search("a b c d e f g h i j k l m n o p", hits, 4, sizeof hits[0],
                              &matches), SLERR_OK);
    cr_assert_eq(slerr_search("kms", hits, 4, sizeof(unsigned), &matches), SLERR_E_ARGUMENT,
                 "a hit smaller than 1.0's struct slerr_hit");
    cr_assert_eq(slerr_search("kms", NULL, 4, sizeof hits[0], &matches), SLERR_E_ARGUMENT);
    cr_assert_eq(slerr_search("kms", NULL, 0, 0, NULL), SLERR_OK, "matches may be NULL");
    cr_assert_str_eq(slerr_strerror(SLERR_E_QUERY_TOO_MANY_WORDS),
                     "the query has more than 16 words");
    cr_assert_str_neq(slerr_strerror(SLERR_E_QUERY_EMPTY),
                      slerr_strerror(SLERR_E_QUERY_WORD_TOO_LONG));
    cr_assert_str_eq(slerr_strerror((enum slerr_status)1000), "unknown status");
}

static void *search_many(void *arg)
{
    (void)arg;
    for (int i = 0; i < 50; i++) {
        struct slerr_hit hits[3];
        size_t matches;
        if (slerr_search(i % 2 ? "count insufficient" : "srv dns", hits, 3, sizeof hits[0],
                         &matches) != SLERR_OK || matches < 1)
            return (void *)1;
        if (i % 2 && hits[0].entry != slerr_lookup(0xC004F038))
            return (void *)1;
    }
    return NULL;
}

Test(search, concurrent_searches_agree)
{
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&threads[i], NULL, search_many, NULL), 0);
    for (int i = 0; i < 4; i++) {
        void *result;
        pthread_join(threads[i], &result);
        cr_assert_null(result);
    }
}

/* Windows messages write Win32 errors in decimal: "error 1722", "ERROR 577". */
Test(search, win32_error_by_its_decimal_number)
{
    struct slerr_hit hits[TOP];
    cr_assert_geq(search("error 1722", hits, TOP, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0x800706BA), "error 1722 is RPC_S_SERVER_UNAVAILABLE");
    cr_assert_geq(search("ERROR 577", hits, TOP, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0x80070241), "ERROR 577 is ERROR_INVALID_IMAGE_HASH");
    cr_assert_geq(search("1722", hits, TOP, sizeof hits[0]), 1);
    cr_assert_eq(hits[0].entry, slerr_lookup(0x800706BA));
}

/* The index narrows the entries before scoring (rarest key first, then the others); it must
 * never drop one: the count equals a plain case-insensitive substring scan of the same texts. */
static bool holds(const char *text, const char *word)
{
    return text && strcasestr(text, word) != NULL;
}

static int scan_count(const char *const *words, size_t n)
{
    int count = 0;
    for (unsigned kind = 0; kind < SLERR_KIND_COUNT; kind++) {
        for (size_t i = 0; i < slerr_kind_count((enum slerr_kind)kind); i++) {
            const struct slerr_entry *e = slerr_kind_at((enum slerr_kind)kind, i);
            size_t found = 0;
            for (size_t w = 0; w < n; w++) {
                const char *fields[] = { slerr_entry_symbol(e),     slerr_entry_name(e),
                                         slerr_entry_title(e),      slerr_entry_message(e),
                                         slerr_entry_cause(e),      slerr_entry_remedy(e),
                                         slerr_entry_details(e),    slerr_entry_location(e),
                                         slerr_entry_default_value(e), slerr_entry_value_type(e) };
                bool any = false;
                for (size_t f = 0; !any && f < sizeof fields / sizeof fields[0]; f++)
                    any = holds(fields[f], words[w]);
                for (size_t v = 0; !any && v < slerr_entry_variant_count(e); v++)
                    any = holds(slerr_entry_variant(e, v), words[w]);
                found += any;
            }
            count += found == n;
        }
    }
    return count;
}

Test(search, narrowing_never_drops_a_match)
{
    static const char *const queries[][4] = {
        { "invalid", "product", "key" }, { "dns", "name", "does" }, { "not", "genuine" },
        { "licensing", "service" },      { "time", "skew" },        { "the" },
        { "token", "store" },            { "kms", "count" },        { "a", "is", "e" },
    };
    for (size_t q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        char text[128] = "";
        size_t n = 0;
        while (n < 4 && queries[q][n]) {
            strcat(text, n ? " " : "");
            strcat(text, queries[q][n++]);
        }
        cr_assert_eq(search(text, NULL, 0, 0), scan_count(queries[q], n), "'%s'", text);
    }
}

/* Users paste the message in their Windows language: each wording below is a variant of the
 * catalog, taken from a real public output (the source is beside it in data/catalog). Chinese
 * and Japanese have no spaces: any part of a run is found. */
Test(search, localized_wordings_find_their_entry)
{
    static const struct {
        const char *query;
        uint32_t code;
    } cases[] = {
        { "软件授权服务报告无法激活计算机。无法联系任何密钥管理服务(KMS)。有关其他信息，请参阅应用程序事件日志。", 0xC004F074 },
        { "软件授权服务报告无法激活计算机。无法联系任何密钥管理服务 (KMS)。", 0xC004F074 }, /* as docker-kms #41 */
        { "密钥管理服务", 0xC004F074 },                                  /* part of a run */
        { "Der Softwarelizenzierungsdienst hat gemeldet, dass das Computer-BIOS eine erforderliche", 0xC004F063 },
        { "プロダクトキーが見つからなかった", 0xC004F213 },
        { "Сервер RPC недоступен", 0x800706BA },
        { "La version de Windows est expirée", 0xC004FC07 },
        { "No se pudo satisfacer un requisito previo", 0x80073CFD },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct slerr_hit hits[TOP];
        cr_assert_geq(search(cases[i].query, hits, TOP, sizeof hits[0]), 1, "'%s' finds nothing", cases[i].query);
        cr_assert_eq(slerr_entry_code(hits[0].entry), cases[i].code, "'%s' puts 0x%08X first", cases[i].query,
                     slerr_entry_code(hits[0].entry));
    }
}

/* Case folding is ASCII only and does not depend on the locale: a UTF-8 byte is never folded,
 * and upper-case ASCII inside a localized wording still matches. */
Test(search, folding_is_ascii_only)
{
    struct slerr_hit hits[TOP];
    cr_assert_geq(search("SOFTWARELIZENZIERUNGSDIENST computer-bios", hits, TOP, sizeof hits[0]), 1);
    cr_assert_eq(slerr_entry_code(hits[0].entry), 0xC004F063u);
    cr_assert_eq(search("СЕРВЕР RPC НЕДОСТУПЕН", hits, TOP, sizeof hits[0]), 0,
                 "Cyrillic capitals are other bytes: not folded");
}

/* A Chinese sentence pasted whole is longer than a word may be: it is cut into pieces at
 * character boundaries (and at its punctuation) instead of being refused; bytes that are no
 * UTF-8 are cut anywhere, and never loop. An ASCII word that long is still refused. */
Test(search, long_cjk_runs_are_cut_not_refused)
{
    struct slerr_hit hits[TOP];
    cr_assert_geq(search("软件授权服务报告无法激活计算机无法联系任何密钥管理服务有关其他信息请参阅应用程序事件日志",
                         hits, TOP, sizeof hits[0]), 0);
    char junk[200];
    memset(junk, 0x80, sizeof junk - 1); /* continuation bytes only */
    junk[sizeof junk - 1] = '\0';
    cr_assert_geq(search(junk, hits, TOP, sizeof hits[0]), 0);
    char ascii[80];
    memset(ascii, 'a', sizeof ascii - 1);
    ascii[sizeof ascii - 1] = '\0';
    cr_assert_eq(search(ascii, hits, TOP, sizeof hits[0]), -1);
}
