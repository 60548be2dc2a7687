/* srv.h: what an SRV answer for _vlmcs._tcp means: the finding, and the records in the order a
 * KMS client tries them. Pure functions over the answer bytes, so fuzzers can call them. */
#ifndef SLERR_DIAG_SRV_H
#define SLERR_DIAG_SRV_H

#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define SRV_MAX_RECORDS 16
#define SRV_NAME_MAX 256

struct srv_record {
    uint16_t priority, weight, port;
    char target[SRV_NAME_MAX];
};

struct srv_list {
    struct srv_record records[SRV_MAX_RECORDS];
    size_t count;
    size_t ignored; /* records beyond SRV_MAX_RECORDS */
};

/* Classifies a c-ares query status (ARES_*) and, on success, parses `answer`; sorts the records by
 * priority (lowest first), then weight (highest first), then name. */
enum diag_finding srv_result(int ares_status, const unsigned char *answer, int length,
                             struct srv_list *list);

/* The finding for a c-ares status alone (used for failures before any answer). */
enum diag_finding srv_status_finding(int ares_status);

#endif
