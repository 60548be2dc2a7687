/* SPDX-License-Identifier: MIT */
/* cmd_search.c: `slerr search WORDS...`: ranked full-text search over the whole catalog
 * (codes, events, symptoms, settings), best match first. The ranking is libslerr's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"
#include "slerr.h"

#define DEFAULT_LIMIT 10
#define MAX_LIMIT 1000
#define QUERY_SIZE (SLERR_SEARCH_MAX_WORDS * (SLERR_SEARCH_MAX_WORD + 1) + 1)

const char search_usage[] =
    "Usage: slerr search [--limit=N] [--full] [--json] [--color=WHEN] WORDS...\n"
    "\n"
    "Finds the entries (codes, events, symptoms, settings) whose text holds every word, in\n"
    "any case, best first: a word in a code, symbol, name or title counts more than one in\n"
    "the message, and that more than one in the cause or remedy.\n"
    "  slerr search count insufficient      slerr search srv dns\n"
    "\n"
    "Options:\n"
    "  -n, --limit=N      show at most N results (default 10; 0 for all)\n"
    "  -f, --full         show each result in full instead of one line\n"
    "  -j, --json         JSON Lines: one object per result (rank, score, kind, code or name)\n"
    "      --color=WHEN   auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 something matched, 1 nothing matched, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

enum { OPT_LIMIT = 1, OPT_FULL };

static const struct cli_option search_options[] = {
    { "limit", 'n', true, OPT_LIMIT },
    { "full", 'f', false, OPT_FULL },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

static bool parse_limit(const char *text, size_t *limit)
{
    char *end;
    long value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || value < 0 || value > MAX_LIMIT)
        return false;
    *limit = value == 0 ? MAX_LIMIT : (size_t)value;
    return true;
}

/* The words joined by spaces; false when they do not fit what libslerr accepts. */
static bool join_words(char *query, size_t size, const char *const *words, int count)
{
    size_t used = 0;
    for (int i = 0; i < count; i++) {
        size_t n = strlen(words[i]);
        if (used + n + 2 > size)
            return false;
        if (used)
            query[used++] = ' ';
        memcpy(query + used, words[i], n);
        used += n;
    }
    query[used] = '\0';
    return true;
}

static void show_hit(struct output *out, const struct slerr_hit *hit, size_t rank, bool full)
{
    if (out->format == FORMAT_JSON) {
        json_object_begin(out, NULL);
        json_uint(out, "rank", rank);
        json_uint(out, "score", hit->score);
        render_json_identity(out, hit->entry);
        json_string(out, "message", slerr_entry_message(hit->entry));
        json_object_end(out);
        json_line_end(out);
        return;
    }
    if (full) {
        if (rank > 1)
            output_text(out, "\n");
        render_entry(out, hit->entry, RENDER_FULL);
        return;
    }
    output_styled(out, STYLE_DIM, "%2zu. ", rank);
    render_entry(out, hit->entry, RENDER_LINE);
}

static int run_search(struct output *out, const char *query, size_t limit, bool full)
{
    struct slerr_hit hits[MAX_LIMIT];
    size_t matches;
    enum slerr_status status = slerr_search(query, hits, limit, sizeof hits[0], &matches);
    if (status != SLERR_OK)
        return cli_usage_error("search", slerr_strerror(status));
    size_t shown = matches < limit ? matches : limit;
    for (size_t i = 0; i < shown; i++)
        show_hit(out, &hits[i], i + 1, full);
    if (out->format == FORMAT_TEXT && matches > limit)
        output_styled(out, STYLE_DIM, "(%zu of %zu matches; --limit=0 shows all)\n", shown, matches);
    if (matches == 0)
        cli_error("nothing matches '%s'", query);
    return cli_finish(out, matches ? EXIT_OK : EXIT_NOT_FOUND);
}

struct search_settings {
    size_t limit;
    bool full;
};

static bool search_option(void *state, int id, const char *value)
{
    struct search_settings *settings = state;
    if (id == OPT_FULL) {
        settings->full = true;
        return true;
    }
    if (id == OPT_LIMIT && parse_limit(value, &settings->limit))
        return true;
    cli_usage_error("search", "--limit takes a number from 0 to 1000");
    return false;
}

int cmd_search(int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    struct search_settings settings = { DEFAULT_LIMIT, false };
    const struct command_line spec = { "search", search_usage, search_options, search_option,
                                       &settings, -1 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    const char *const *words = (const char *const *)(argv + 1);
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    char query[QUERY_SIZE];
    if (count == 0)
        return cli_usage_error("search", "no words given");
    if (!join_words(query, sizeof query, words, count))
        return cli_usage_error("search", "give 1 to 16 words, each at most 64 characters long");
    struct output out;
    output_init(&out, stdout, common.format, common.color);
    return run_search(&out, query, settings.limit, settings.full);
}
