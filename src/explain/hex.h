/* SPDX-License-Identifier: MIT */
/* hex.h: the value of one hexadecimal digit, for the readers that take text apart by hand
 * (JSON \u escapes, CMIDs, licence lists); codes themselves are read by code.h. */
#ifndef SLERR_EXPLAIN_HEX_H
#define SLERR_EXPLAIN_HEX_H

#include <stdbool.h>

/* 0-15, or -1 when c is no hex digit. Written as two range checks the compiler turns into
 * conditional moves: CMIDs are random hex, and a branch on digit or letter mispredicts. */
static inline int ex_hex_value(char c)
{
    unsigned digit = (unsigned)(unsigned char)c - '0';
    unsigned letter = ((unsigned)(unsigned char)c | 0x20) - 'a';
    return digit < 10 ? (int)digit : letter < 6 ? (int)letter + 10 : -1;
}

/* The n hex digits at s as a number; false when one of them is no hex digit (JSON's \u escapes,
 * four digits). */
static inline bool ex_hex_digits(const char *s, int n, unsigned long *out)
{
    unsigned long v = 0;
    for (int k = 0; k < n; k++) {
        int d = ex_hex_value(s[k]);
        if (d < 0)
            return false;
        v = v * 16 + (unsigned long)d;
    }
    *out = v;
    return true;
}

#endif
