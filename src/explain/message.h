/* SPDX-License-Identifier: MIT */
/* message.h: codes named only by their official message text in a line (a ticket quoting the
 * dialog: "... reported that the product SKU is not found."): the activation codes of the
 * catalog whose message is long enough to say something; a message several codes share names
 * them all. */
#ifndef SLERR_EXPLAIN_MESSAGE_H
#define SLERR_EXPLAIN_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define EX_MESSAGE_CODES 4 /* codes named for one message at most */

struct ex_messages;

/* NULL when out of memory; the index is built at the first line long enough to hold one. */
struct ex_messages *ex_messages_new(void);
void ex_messages_free(struct ex_messages *m);
/* The first message standing in text (case aside, its final '.' optional): how many codes it
 * is the message of (0: none stands there), those codes (when several share it, the ones the
 * catalog explains) and the offset where it starts. Linear in len. */
size_t ex_messages_find(struct ex_messages *m, const char *text, size_t len,
                        uint32_t codes[EX_MESSAGE_CODES], size_t *at);

/* For tests: whether an entry's message belongs in the index (an activation code, a message
 * long enough), and the codes data/gen-catalog.py chose for it, in search order. */
struct slerr_entry;
bool ex_messages_selects(const struct slerr_entry *e);
size_t ex_messages_catalog(const uint32_t **codes);

#endif
