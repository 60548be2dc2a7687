/* SPDX-License-Identifier: MIT */
/* readers.c: the list of readers the driver runs over every input. */
#include <stddef.h>

#include "readers.h"

const struct ex_reader_ops *const ex_readers[] = {
    &ex_reader_slmgr,
    &ex_reader_ospp,
    &ex_reader_cim,
    &ex_reader_oslicense,
    &ex_reader_vnext,
    &ex_reader_events,
    NULL,
};

const char *const ex_reader_kinds[] = {
    "slmgr.vbs /dli, /dlv, /xpr and its one-line results (/ato, /ipk, /upk, /rearm, /skms ...)",
    "ospp.vbs /dstatus, /act, /inpkey, /inslic, /dhistorykms and its settings",
    "PowerShell Format-List of SoftwareLicensingProduct / SoftwareLicensingService",
    "OSLicense objects (Get-OSLicenseInfo ...) as ConvertTo-Json, Format-Table; Set- results",
    "Microsoft 365 Apps licences as vNextDiag.ps1 -action list prints them, and their licence files",
    "activation events (12288-12294, 8198, 8200, 8208, 8209, 1003 ...) as text, XML or .evtx files",
    "a licence state or failure told in prose, in 23 languages (\"activation failed\", \"许可证即将过期\")",
    "activation error codes anywhere in the text (those slerr annotate marks), or their messages",
    "a text about activation none of these fits, whose words sound like a failure (as a guess)",
    NULL,
};
