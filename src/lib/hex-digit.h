/* SPDX-License-Identifier: MIT */
/* hex-digit.h: the value of one hex digit, for libslerr's parser and its "did you mean" of a
 * mistyped code (internal, not installed). */
#ifndef SLERR_HEX_DIGIT_H
#define SLERR_HEX_DIGIT_H

/* 0-15, or -1 when c is no hex digit. */
static inline int slerr__hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif
