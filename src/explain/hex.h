/* SPDX-License-Identifier: MIT */
/* hex.h: the value of one hexadecimal digit, for the readers that take text apart by hand
 * (JSON \u escapes, CMIDs, licence lists); codes themselves are read by code.h. */
#ifndef SLERR_EXPLAIN_HEX_H
#define SLERR_EXPLAIN_HEX_H

/* 0-15, or -1 when c is no hex digit. */
static inline int ex_hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

#endif
