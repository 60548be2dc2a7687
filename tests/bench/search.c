/* SPDX-License-Identifier: MIT */
/* search.c: benchmark of slerr_search (the generated word index) against the naive baseline,
 * a case-insensitive substring scan of every entry's searchable text for every query word, on
 * 20 queries helpdesk staff type, in the same run. The scan's texts are lower-cased into one
 * string per entry before timing, so it is one memmem per word and entry. Prints per-query times (best of ROUNDS, on
 * thread CPU time), the ratio and both match counts (search also matches codes, events and
 * "error N" by number, which the scan cannot); never fails on speed. */
#define _GNU_SOURCE /* strcasestr */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "slerr.h"

#define ROUNDS 7
#define MAX_HITS 20

static const char *const queries[] = {
    "kms count",
    "dns name does not exist",
    "product key",
    "access denied",
    "clock",
    "rearm",
    "time skew",
    "rpc server unavailable",
    "grace period",
    "not genuine",
    "invalid product key",
    "no key management service could be contacted",
    "0xC004F074",
    "activation server",
    "token store",
    "licensing service",
    "hardware change",
    "digital license",
    "windows store",
    "error 1722",
};
#define QUERY_COUNT (sizeof queries / sizeof queries[0])

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* The naive scan's data: every entry's searchable texts, lower-cased once before timing, one
 * string per entry (fields joined by newlines), so that the scan is one memmem per word. */
struct flat {
    char *text;
    size_t length;
};
static struct flat *flats;
static size_t flat_count;

static void append_lower(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = text ? strlen(text) : 0;
    if (*len + n + 2 > *cap) {
        *cap = (*len + n + 2) * 2;
        *buf = realloc(*buf, *cap);
        if (!*buf)
            exit(1);
    }
    for (size_t i = 0; i < n; i++)
        (*buf)[(*len)++] = (char)tolower((unsigned char)text[i]);
    (*buf)[(*len)++] = '\n';
    (*buf)[*len] = '\0';
}

static void flatten(void)
{
    for (unsigned kind = 0; kind < SLERR_KIND_COUNT; kind++)
        flat_count += slerr_kind_count((enum slerr_kind)kind);
    flats = calloc(flat_count, sizeof flats[0]);
    if (!flats)
        exit(1);
    size_t at = 0;
    for (unsigned kind = 0; kind < SLERR_KIND_COUNT; kind++) {
        for (size_t i = 0; i < slerr_kind_count((enum slerr_kind)kind); i++, at++) {
            const struct slerr_entry *e = slerr_kind_at((enum slerr_kind)kind, i);
            const char *fields[] = { slerr_entry_symbol(e),     slerr_entry_name(e),
                                     slerr_entry_title(e),      slerr_entry_message(e),
                                     slerr_entry_cause(e),      slerr_entry_remedy(e),
                                     slerr_entry_details(e),    slerr_entry_location(e),
                                     slerr_entry_default_value(e), slerr_entry_value_type(e) };
            size_t cap = 0;
            char code[16];
            snprintf(code, sizeof code, "0x%08x", slerr_entry_code(e));
            append_lower(&flats[at].text, &flats[at].length, &cap, code);
            for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
                append_lower(&flats[at].text, &flats[at].length, &cap, fields[f]);
            for (size_t v = 0; v < slerr_entry_variant_count(e); v++)
                append_lower(&flats[at].text, &flats[at].length, &cap, slerr_entry_variant(e, v));
        }
    }
}

static size_t split(const char *query, char words[][SLERR_SEARCH_MAX_WORD + 1])
{
    size_t n = 0;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", query);
    for (char *save = NULL, *w = strtok_r(copy, " ", &save); w && n < SLERR_SEARCH_MAX_WORDS;
         w = strtok_r(NULL, " ", &save)) {
        for (char *p = w; *p; p++)
            *p = (char)tolower((unsigned char)*p);
        snprintf(words[n++], SLERR_SEARCH_MAX_WORD + 1, "%s", w);
    }
    return n;
}

/* Every entry whose text holds every query word: one memmem per word and entry. */
static int naive_scan(const char *query)
{
    char words[SLERR_SEARCH_MAX_WORDS][SLERR_SEARCH_MAX_WORD + 1];
    size_t n = split(query, words), lengths[SLERR_SEARCH_MAX_WORDS];
    for (size_t w = 0; w < n; w++)
        lengths[w] = strlen(words[w]);
    int matches = 0;
    for (size_t i = 0; i < flat_count; i++) {
        size_t w = 0;
        while (w < n && memmem(flats[i].text, flats[i].length, words[w], lengths[w]))
            w++;
        matches += w == n;
    }
    return matches;
}

static int indexed_search(const char *query)
{
    struct slerr_hit hits[MAX_HITS];
    size_t matches = 0;
    return slerr_search(query, hits, MAX_HITS, sizeof hits[0], &matches) == SLERR_OK ? (int)matches : -1;
}

/* Best of ROUNDS, in microseconds per call; *result keeps the last count. */
static double time_query(int (*fn)(const char *), const char *query, int repeat, int *result)
{
    double best = 1e30;
    for (int round = 0; round < ROUNDS; round++) {
        double start = now_ns();
        for (int i = 0; i < repeat; i++)
            *result = fn(query);
        double per = (now_ns() - start) / repeat / 1000.0;
        best = per < best ? per : best;
    }
    return best;
}

int main(int argc, char **argv)
{
    int repeat = argc > 1 ? atoi(argv[1]) : 20;
    flatten();
    double worst = 0, total_search = 0, total_naive = 0;
    printf("search: %zu queries, best of %d rounds of %d, thread CPU time\n", QUERY_COUNT, ROUNDS, repeat);
    printf("  %-46s %10s %10s %7s %8s %8s\n", "query", "search us", "naive us", "ratio", "matches", "naive");
    for (size_t q = 0; q < QUERY_COUNT; q++) {
        int found = 0, naive = 0;
        double s = time_query(indexed_search, queries[q], repeat, &found);
        double n = time_query(naive_scan, queries[q], repeat, &naive);
        printf("  %-46s %10.1f %10.1f %6.2fx %8d %8d\n", queries[q], s, n, s / n, found, naive);
        worst = s / n > worst ? s / n : worst;
        total_search += s, total_naive += n;
    }
    printf("  total %.1f us against %.1f us naive (%.2fx); worst query %.2fx (target <= 1x each)\n",
           total_search, total_naive, total_search / total_naive, worst);
    return 0;
}
