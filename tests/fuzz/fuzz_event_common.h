/* SPDX-License-Identifier: MIT */
/* fuzz_event_common.h: what both event harnesses check of every event and record: strings end
 * inside their fields, counts stay in bounds. Input is split into lines as the driver does. */
#ifndef SLERR_FUZZ_EVENT_COMMON_H
#define SLERR_FUZZ_EVENT_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

static inline void check_string(const char *s, size_t size)
{
    if (memchr(s, '\0', size) == NULL)
        abort();
}

static inline void check_findings(const struct ex_finding *f, size_t n, size_t max)
{
    if (n > max)
        abort();
    for (size_t i = 0; i < n; i++) {
        check_string(f[i].value, sizeof f[i].value);
        check_string(f[i].text, sizeof f[i].text);
        if (!f[i].field || f[i].ncodes > EX_MAX_CODES || f[i].nsee > EX_MAX_SEE ||
            f[i].severity > EX_CRITICAL)
            abort();
        for (size_t s = 0; s < f[i].nsee; s++)
            if (!f[i].see[s])
                abort();
    }
}

static inline void check_event(const struct ex_event *ev)
{
    check_string(ev->provider, sizeof ev->provider);
    check_string(ev->source, sizeof ev->source);
    check_string(ev->computer, sizeof ev->computer);
    check_string(ev->time, sizeof ev->time);
    check_string(ev->message, sizeof ev->message);
    if (ev->nvalues > EX_EVENT_MAX_VALUES)
        abort();
    for (size_t i = 0; i < ev->nvalues; i++)
        check_string(ev->values[i], sizeof ev->values[i]);
    struct ex_finding f[EX_EVENT_MAX_FINDINGS];
    check_findings(f, ex_event_findings(ev, f, EX_EVENT_MAX_FINDINGS), EX_EVENT_MAX_FINDINGS);
}

typedef int (*fuzz_line_fn)(void *state, const char *text, size_t len, size_t lineno);

/* Feeds data line by line (without the '\n'); returns the first non-zero status. */
static inline int feed_lines(const uint8_t *data, size_t size, fuzz_line_fn fn, void *state)
{
    size_t lineno = 0, start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i < size && data[i] != '\n')
            continue;
        int rc = fn(state, (const char *)data + start, i - start, ++lineno);
        if (rc)
            return rc;
        start = i + 1;
    }
    return 0;
}

#endif
