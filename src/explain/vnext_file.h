/* SPDX-License-Identifier: MIT */
/* vnext_file.h: Microsoft 365 Apps' licence files (%LOCALAPPDATA%\Microsoft\Office\Licenses\,
 * %PROGRAMDATA% for device licences): JSON whose "License" member is base64 of the licence's
 * own JSON. Recognised by content wherever it appears in the input, decoded as it streams by
 * (bounded), its fields picked out of the decoded JSON. */
#ifndef SLERR_EXPLAIN_VNEXT_FILE_H
#define SLERR_EXPLAIN_VNEXT_FILE_H

#include <stddef.h>

#include "record.h"

/* The decoded licence: names as vNextDiag.ps1 reads them. "" when absent. */
struct ex_vnext_licence {
    char type[EX_VALUE_MAX];        /* LicenseType: "Subscription", "Perpetual" ... */
    char product[EX_VALUE_MAX];     /* ProductReleaseId (or ProductReleaseIds, joined) */
    char status[EX_VALUE_MAX];      /* Status: the entitlement ("Provisioned" ...) */
    char expires[EX_VALUE_MAX];     /* ExpiresOn: the subscription's end */
    char not_after[EX_VALUE_MAX];   /* Metadata.NotAfter: the licence's own validity */
    char renew_after[EX_VALUE_MAX]; /* Metadata.RenewAfter */
    char licence_id[EX_VALUE_MAX];  /* LicenseId */
    char device_id[EX_VALUE_MAX];   /* Metadata.DeviceId: a device licence */
};

#define EX_VNEXT_DECODED_MAX ((size_t)64 * 1024) /* a licence decodes to a few KiB */

enum ex_vnext_file_event {
    EX_VF_NONE,      /* nothing complete yet */
    EX_VF_LICENCE,   /* a licence was read: ex_vnext_file_licence() */
    EX_VF_MALFORMED, /* a licence's base64 or JSON is broken: ex_vnext_file_error() */
    EX_VF_NOMEM,
};

struct ex_vnext_file;
struct ex_vnext_file *ex_vnext_file_new(void);
void ex_vnext_file_free(struct ex_vnext_file *f);

/* Reads a piece of a line (pieces of one line in order; `ends_line` on its last) up to the
 * end of a licence or of the piece: *used says how much was read; call again with the rest. */
enum ex_vnext_file_event ex_vnext_file_piece(struct ex_vnext_file *f, const char *text,
                                             size_t len, size_t lineno, int ends_line,
                                             size_t *used);
/* The input has ended. */
enum ex_vnext_file_event ex_vnext_file_finish(struct ex_vnext_file *f);

/* After EX_VF_LICENCE: the licence and the line its "License" member starts on. */
const struct ex_vnext_licence *ex_vnext_file_licence(const struct ex_vnext_file *f,
                                                     size_t *lineno);
/* After EX_VF_MALFORMED: one sentence, and the line where the licence starts. */
const char *ex_vnext_file_error(const struct ex_vnext_file *f, size_t *lineno);

#endif
