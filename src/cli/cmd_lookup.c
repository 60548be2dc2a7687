/* SPDX-License-Identifier: MIT */
/* cmd_lookup.c: `slerr CODE...`: the entry for each code, in any accepted input form. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "render.h"
#include "slerr.h"

#define ACCEPTED_FORMS                                                                           \
    "Accepted forms: 0xC004F038, C004F038, 3221549112, -1073418184, SL_E_VL_NOT_ENOUGH_COUNT " \
    "(any case), a Win32 error such as 1722 or 0x6BA"

const char lookup_usage[] =
    "Usage: slerr [--brief] [--json] [--color=WHEN] CODE...\n"
    "       slerr 0x2a CODE          (slui's syntax)\n"
    "\n"
    "Shows the official Windows message for each code, the activation types it concerns,\n"
    "the likely cause and the remedy. A code not in the catalog is still decoded.\n"
    "\n"
    "CODE is 0xC004F038, C004F038, 3221549112, -1073418184 (as PowerShell prints it),\n"
    "a symbol such as SL_E_VL_NOT_ENOUGH_COUNT (any case), or a Win32 error below 0x10000\n"
    "such as 1722 or 0x6BA, which becomes HRESULT_FROM_WIN32 (0x800706BA). A code copied\n"
    "with what surrounds it, such as (0xC004F074), 0xC004F074. or hr=0xc004f074, is that code.\n"
    "\n"
    "Options:\n"
    "  -b, --brief        the message only, one line per code (named when several)\n"
    "  -j, --json         JSON Lines: one object per code\n"
    "      --color=WHEN   auto (default; honours NO_COLOR), always or never\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 all codes known, 1 a code is not in the catalog, 2 usage error,\n"
    "3 output not written (every status: slerr --help).\n";

enum { OPT_BRIEF = 1 };

static const struct cli_option lookup_options[] = {
    { "brief", 'b', false, OPT_BRIEF },
    COMMON_OPTIONS,
    { NULL, 0, false, 0 },
};

static bool looks_like_symbol(const char *text)
{
    if (!isalpha((unsigned char)text[0]))
        return false;
    for (const char *p = text; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return false;
    return true;
}

/* The code a word meant when its first run of letters and digits is a code with a digit too
 * many or too few ("0x800070002", "(0x803F701)"); NULL otherwise. */
static const struct slerr_entry *meant_code(const char *text)
{
    while (*text && !isalnum((unsigned char)*text))
        text++;
    size_t n = 0;
    while (isalnum((unsigned char)text[n]))
        n++;
    return slerr_suggest_code(text, n);
}

static void suggest_code(const struct slerr_entry *meant)
{
    const char *name = slerr_entry_symbol(meant);
    fprintf(stderr, "Did you mean 0x%08X (%s)?\n", slerr_entry_code(meant),
            name ? name : slerr_entry_message(meant));
}

static void report_bad_code(const char *text)
{
    if (!text) /* never for an operand; the one caller that could pass NULL is a library's */
        text = "";
    const struct slerr_entry *guess = looks_like_symbol(text) ? slerr_suggest_symbol(text) : NULL;
    const struct slerr_entry *meant = guess ? NULL : meant_code(text);
    if (strlen(text) > 64)
        cli_error("'%.64s...' is not an error code", text);
    else
        cli_error("'%s' is not an error code", text);
    if (guess)
        fprintf(stderr, "Did you mean %s (0x%08X)?\n", slerr_entry_symbol(guess), slerr_entry_code(guess));
    if (meant)
        suggest_code(meant);
    fprintf(stderr, "%s.\n", ACCEPTED_FORMS);
}

const char *cli_code_in_word(const char *word, uint32_t *code, char shown[CLI_CODE_WORD_MAX])
{
    /* As pasted from a ticket or a log: "(0xC004F074)", "0xC004F074.", "hr=0xc004f074,", a
     * line end: libslerr's one parser for a code with what surrounds it. */
    size_t start, length, size = strlen(word);
    if (slerr_parse_word(word, size, 0, code, &start, &length) != SLERR_OK)
        return NULL;
    if (start == 0 && length == size)
        return word;
    memcpy(shown, word + start, length); /* shorter than the parser's longest word */
    shown[length] = '\0';
    return shown;
}

/* slui.exe takes "0x2a CODE"; the 0x2a only selects its error dialog. */
static bool is_slui_prefix(const char *text)
{
    return strcasecmp(text, "0x2a") == 0;
}

static bool lookup_option(void *state, int id, const char *value)
{
    (void)value;
    if (id != OPT_BRIEF)
        return false;
    *(enum render_detail *)state = RENDER_BRIEF;
    return true;
}

int cmd_lookup(int argc, char **argv)
{
    struct common_options common = { FORMAT_TEXT, COLOR_AUTO, false };
    enum render_detail detail = RENDER_FULL;
    const struct command_line spec = { "lookup", lookup_usage, lookup_options, lookup_option,
                                       &detail, -1 };
    int count;
    int status = command_line_read(&spec, argc, argv, &common, &count);
    char **codes = argv + 1;
    if (status != COMMAND_LINE_CONTINUE)
        return status;
    if (count == 0)
        return cli_usage_error("lookup", "no code given");

    struct output out;
    output_init(&out, stdout, common.format, common.color);
    int first = count > 1 && is_slui_prefix(codes[0]) ? 1 : 0;
    if (detail == RENDER_BRIEF && count - first > 1)
        detail = RENDER_BRIEF_NAMED; /* several messages: each says which code it is */
    status = EXIT_OK;
    for (int i = first; i < count; i++) {
        uint32_t code;
        char shown[CLI_CODE_WORD_MAX];
        const char *text = cli_code_in_word(codes[i], &code, shown);
        if (!text) {
            report_bad_code(codes[i]);
            status = EXIT_USAGE;
            continue;
        }
        if (i > first && out.format == FORMAT_TEXT && detail == RENDER_FULL)
            output_text(&out, "\n");
        render_code(&out, text, code, detail);
        if (slerr_lookup(code) || slerr_win32_reading(code))
            continue;
        if (status == EXIT_OK)
            status = EXIT_NOT_FOUND;
        const struct slerr_entry *meant = meant_code(text); /* "0x803F701": seven digits */
        if (meant) {
            fflush(out.stream); /* the hint follows the block it is about */
            suggest_code(meant);
        }
    }
    return cli_finish(&out, status);
}
