/* SPDX-License-Identifier: MIT */
/* facts.h: what a licence record says, whichever tool printed it: the readers fill it from
 * labelled fields, the condition table (conditions.c) judges it. */
#ifndef SLERR_EXPLAIN_FACTS_H
#define SLERR_EXPLAIN_FACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "code.h"
#include "finding.h"
#include "labels.h"
#include "record.h"

#define EX_MAX_FINDINGS 16

/* Which clock the remaining minutes belong to. */
enum ex_grace { EX_GRACE_NONE, EX_GRACE_VOLUME, EX_GRACE_PERIOD, EX_GRACE_TIMEBASED };

struct ex_facts {
    const char *text[EXL_LABEL_COUNT]; /* each field as read (in value[]); "" when absent */
    bool seen[EXL_LABEL_COUNT];
    int state;                 /* licence state 0-6 (LicenseStatus numbering); -1 unknown */
    int told;                  /* a state or failure told in prose (prose.h); -1 none */
    bool has_reason;
    uint32_t reason;           /* LicenseStatusReason / Notification Reason */
    enum ex_channel channel;
    enum ex_grace grace;
    long minutes;              /* remaining on that clock; -1 unknown */
    long rearm;                /* fewest remaining rearms; -1 unknown */
    bool no_dns_host;          /* DNS auto-discovery found no KMS host */
    bool is_host;              /* a KMS host is running on this machine */
    long count;                /* the KMS host's current count; -1 unknown */
    bool has_error;
    uint32_t error;            /* an "Error: 0x..." / "ERROR CODE:" result */
    enum ex_label unreadable;  /* the first count or number field that holds no valid number
                                  (EXL_NONE: none); it is reported, not judged */
    /* Last: the fields' storage, written only for the fields a record sets. Clearing sets the
     * pointers above, so that a reader that sees no record never touches these 30 KiB (they
     * cost every explain run some 25 page faults when each field was cleared in place). The
     * pointers make a copy of the struct wrong: it is never copied. */
    char value[EXL_LABEL_COUNT][EX_VALUE_MAX];
};

void ex_facts_clear(struct ex_facts *f);
/* Keeps a field's value (bounded, UTF-8 kept whole); later derivations read it. */
void ex_facts_set(struct ex_facts *f, enum ex_label label, const char *value, size_t len);
/* Appends a continuation of the field (a value that wrapped onto the next line). */
void ex_facts_append(struct ex_facts *f, enum ex_label label, const char *value, size_t len);
/* Works out state, channel, clocks, counts ... from the text of the fields. `cim` says numbers
 * are PowerShell's (LicenseStatus 0-6, reasons as unsigned decimals, 4294967295 = not set). */
void ex_facts_derive(struct ex_facts *f, bool cim);

/* Judges the facts through the condition table; fills at most max findings, returns how many. */
size_t ex_judge(const struct ex_facts *f, struct ex_finding *out, size_t max);

/* The condition table, row by row, for tests and documentation: a finding row (finding.h),
 * the condition on the facts, the field whose text is the finding's value, and whether the
 * record's own code (reason, error) leads the row's codes. Placeholders in the row's text:
 * {host} {dns} {contacted} (checked host names, else "HOST"), {days} {missed} {count} {code}. */
struct ex_condition {
    struct ex_row row;
    bool (*holds)(const struct ex_facts *f);
    enum ex_label value;       /* whose text becomes the finding's value (EXL_OTHER: the
                                  unreadable field's) */
    unsigned add;              /* EX_ADD_REASON / EX_ADD_ERROR: the record's own code too */
};
#define EX_ADD_REASON 1u
#define EX_ADD_ERROR 2u

size_t ex_condition_count(void);
const struct ex_condition *ex_condition_at(size_t index);


#endif
