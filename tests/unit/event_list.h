/* SPDX-License-Identifier: MIT */
/* event_list.h: an event built from its data as one comma-separated list, as the text reader
 * delivers a 12288/12289/12290 description, for the unit tests of the event rows and the KMS
 * host report. */
#ifndef SLERR_TEST_EVENT_LIST_H
#define SLERR_TEST_EVENT_LIST_H

#include <stdint.h>
#include <string.h>

#include "event.h"

/* *ev becomes event `id` logged at `when` (Unix seconds) with `list` as its data, split. */
static inline void event_from_list(struct ex_event *ev, unsigned id, int64_t when, const char *list)
{
    ex_event_clear(ev);
    ev->id = id;
    ev->when = when;
    (void)ex_event_add_value(ev, list, strlen(list));
    ex_event_split_list(ev);
}

#endif
