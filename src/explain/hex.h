/* SPDX-License-Identifier: MIT */
/* hex.h: the value of one hexadecimal digit, for the readers that take text apart by hand
 * (JSON \u escapes, CMIDs, licence lists); codes themselves are read by code.h. */
#ifndef SLERR_EXPLAIN_HEX_H
#define SLERR_EXPLAIN_HEX_H

/* 0-15, or -1 when c is no hex digit. Written as two range checks the compiler turns into
 * conditional moves: CMIDs are random hex, and a branch on digit or letter mispredicts. */
static inline int ex_hex_value(char c)
{
    unsigned digit = (unsigned)(unsigned char)c - '0';
    unsigned letter = ((unsigned)(unsigned char)c | 0x20) - 'a';
    return digit < 10 ? (int)digit : letter < 6 ? (int)letter + 10 : -1;
}

#endif
