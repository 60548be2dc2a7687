/* SPDX-License-Identifier: MIT */
/* message.h: codes named only by their official message text in a line (a ticket quoting the
 * dialog: "... reported that the product key is invalid."): the activation codes of the
 * catalog whose message is long enough to name one code and is no other code's too. */
#ifndef SLERR_EXPLAIN_MESSAGE_H
#define SLERR_EXPLAIN_MESSAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ex_messages;

/* NULL when out of memory; the index is built at the first line long enough to hold one. */
struct ex_messages *ex_messages_new(void);
void ex_messages_free(struct ex_messages *m);
/* The first message standing in text (case aside, its final '.' optional): its code and the
 * offset where it starts. Linear in len. */
bool ex_messages_find(struct ex_messages *m, const char *text, size_t len, uint32_t *code,
                      size_t *at);

#endif
