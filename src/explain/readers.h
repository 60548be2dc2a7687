/* SPDX-License-Identifier: MIT */
/* readers.h: every reader of evidence the driver runs, as ex_reader_ops values. A new reader
 * declares its ops here and adds itself to ex_readers[] in readers.c. */
#ifndef SLERR_EXPLAIN_READERS_H
#define SLERR_EXPLAIN_READERS_H

#include "record.h"

/* slmgr.vbs /dli /dlv /xpr and the "Error: 0x..." lines of /ato /ipk /skms. */
extern const struct ex_reader_ops ex_reader_slmgr;
/* ospp.vbs /dstatus licence blocks and /dhistorykms. */
extern const struct ex_reader_ops ex_reader_ospp;
/* PowerShell Format-List of SoftwareLicensingProduct and SoftwareLicensingService. */
extern const struct ex_reader_ops ex_reader_cim;
/* The OSLicense module's objects as ConvertTo-Json / Format-Table, and its cmdlets' results. */
extern const struct ex_reader_ops ex_reader_oslicense;
/* Microsoft 365 Apps (vNext) licences: vNextDiag.ps1 -action list. */
extern const struct ex_reader_ops ex_reader_vnext;

/* Activation events as text (Event Viewer, Get-WinEvent | Format-List, wevtutil) or XML,
 * and the KMS host report over many of them (event.h). */
extern const struct ex_reader_ops ex_reader_events;

/* All of them, NULL-terminated, in the order they see each line. */
extern const struct ex_reader_ops *const ex_readers[];

/* What the readers recognise, for messages such as "nothing recognisable": one short phrase
 * per kind of evidence, NULL-terminated. */
extern const char *const ex_reader_kinds[];

#endif
