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
