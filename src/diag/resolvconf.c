/* SPDX-License-Identifier: MIT */
/* resolvconf.c: resolv.conf's `domain`, `search` and `nameserver` lines. Like glibc, the last of
 * `domain` and `search` wins; anything after # or ; is a comment. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* The search list's words (the first becomes the domain); glibc keeps six. */
static void read_search(const char *p, const char *end, struct resolv_facts *facts)
{
    facts->search_count = 0;
    while (p < end && facts->search_count < RESOLV_SEARCH_MAX) {
        while (p < end && *p && strchr(BLANKS, *p))
            p++;
        if (p >= end || !*p)
            break;
        char *word = facts->search[facts->search_count];
        first_word(p, end, word, sizeof facts->search[0]);
        while (p < end && *p && !strchr(BLANKS, *p))
            p++;
        facts->search_count += word[0] != '\0';
    }
    memcpy(facts->domain, facts->search[0], sizeof facts->domain);
    if (facts->search_count == 0)
        facts->domain[0] = '\0';
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
    } else if (keyword(&p, end, "domain")) {
        first_word(p, end, facts->domain, sizeof facts->domain);
        memcpy(facts->search[0], facts->domain, sizeof facts->domain);
        facts->search_count = facts->domain[0] != '\0';
    } else if (keyword(&p, end, "search")) {
        read_search(p, end, facts);
    }
}

static void strip_dot(char *name)
{
    size_t n = strlen(name);
    if (n > 1 && name[n - 1] == '.')
        name[n - 1] = '\0';
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
    strip_dot(facts->domain); /* "example.com." and "example.com" are the same domain */
    for (size_t i = 0; i < facts->search_count; i++)
        strip_dot(facts->search[i]);
}

/* Opened without blocking (a FIFO would wait for a writer), then read only if it is a regular
 * file: a device such as /dev/zero never ends. c-ares reads the same file after us. */
int resolvconf_read(const char *path, struct resolv_facts *facts, char *error, size_t size)
{
    struct stat st;
    size_t length = 0;
    memset(facts, 0, sizeof *facts);
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 || fstat(fd, &st) != 0) {
        int saved = errno;
        snprintf(error, size, "cannot read %.200s: %s", path, strerror(saved));
        if (fd >= 0)
            close(fd);
        errno = saved;
        return -1;
    }
    char *text = malloc(RESOLV_CONF_MAX + 1);
    if (!text) {
        close(fd);
        snprintf(error, size, "cannot read %.200s: %s", path, strerror(ENOMEM));
        errno = ENOMEM;
        return -1;
    }
    const char *problem = S_ISREG(st.st_mode) ? NULL : "is not a regular file";
    while (!problem && length < RESOLV_CONF_MAX + 1) {
        ssize_t n = read(fd, text + length, RESOLV_CONF_MAX + 1 - length);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            problem = strerror(errno);
        else if (n == 0)
            break;
        else
            length += (size_t)n;
    }
    close(fd);
    if (!problem && length > RESOLV_CONF_MAX)
        problem = "is larger than 64 KiB";
    else if (!problem && memchr(text, '\0', length))
        problem = "contains NUL bytes"; /* older c-ares misreads them */
    if (!problem)
        resolvconf_parse(text, length, facts);
    free(text);
    if (problem) {
        snprintf(error, size, "cannot use %.200s: %s", path, problem);
        errno = EINVAL;
        return -1;
    }
    return 0;
}
