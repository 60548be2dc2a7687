/* resolvconf.c: resolv.conf's `domain`, `search` and `nameserver` lines. Like glibc, the last of
 * `domain` and `search` wins; anything after # or ; is a comment. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "resolvconf.h"

#define BLANKS " \t\r\f\v"

/* Copies the first word of [p, end) into out (truncating words that do not fit to nothing). */
static void first_word(const char *p, const char *end, char *out, size_t size)
{
    while (p < end && strchr(BLANKS, *p) && *p)
        p++;
    size_t n = 0;
    while (p + n < end && p[n] && !strchr(BLANKS, p[n]))
        n++;
    if (n >= size)
        n = 0;
    memcpy(out, p, n);
    out[n] = '\0';
}

static bool keyword(const char **p, const char *end, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(end - *p) <= n || strncmp(*p, word, n) != 0 || !strchr(BLANKS, (*p)[n]) || !(*p)[n])
        return false;
    *p += n;
    return true;
}

static void parse_line(const char *p, const char *end, struct resolv_facts *facts)
{
    const char *comment = p;
    while (comment < end && *comment != '#' && *comment != ';')
        comment++;
    end = comment;
    if (keyword(&p, end, "nameserver")) {
        char address[64];
        first_word(p, end, address, sizeof address);
        facts->nameservers += address[0] != '\0';
    } else if (keyword(&p, end, "domain") || keyword(&p, end, "search")) {
        first_word(p, end, facts->domain, sizeof facts->domain);
    }
}

void resolvconf_parse(const char *text, size_t length, struct resolv_facts *facts)
{
    const char *p = text, *end = text + length;
    memset(facts, 0, sizeof *facts);
    while (p < end) {
        const char *newline = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = newline ? newline : end;
        parse_line(p, line_end, facts);
        p = line_end + 1;
    }
    size_t n = strlen(facts->domain); /* "example.com." and "example.com" are the same domain */
    if (n > 1 && facts->domain[n - 1] == '.')
        facts->domain[n - 1] = '\0';
}

int resolvconf_read(const char *path, struct resolv_facts *facts)
{
    char text[16384];
    memset(facts, 0, sizeof *facts);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t length = fread(text, 1, sizeof text, f);
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        errno = EIO;
        return -1;
    }
    resolvconf_parse(text, length, facts);
    return 0;
}
