/* SPDX-License-Identifier: MIT */
/* srv.h: what an SRV answer for _vlmcs._tcp means: the finding, and the records in the order a
 * KMS client tries them. A pure parser of the DNS message bytes (no c-ares parser), so it reads
 * the same on every c-ares version and fuzzers can call it. */
#ifndef SLERR_DIAG_SRV_H
#define SLERR_DIAG_SRV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"

#define SRV_MAX_RECORDS 16
#define SRV_NAME_MAX 256

struct srv_record {
    uint16_t priority, weight, port;
    char target[SRV_NAME_MAX]; /* printable ASCII: other bytes and dots in labels as \DDD */
};

struct srv_list {
    struct srv_record records[SRV_MAX_RECORDS]; /* the first in client order among all records */
    size_t count;
    size_t skipped;    /* further usable records, beyond SRV_MAX_RECORDS */
    size_t unusable;   /* records whose target name is too long to use */
    bool not_offered;  /* a record with the target "." (RFC 2782: service decidedly absent) */
    bool truncated;    /* the TC bit: the server could not send the whole answer */
    uint32_t ttl;      /* the lowest TTL of the SRV records, seconds */
};

/* Classifies a c-ares query status (ARES_*) and, on success, parses the DNS message `answer`;
 * keeps the SRV_MAX_RECORDS first records by priority (lowest first), then weight (highest
 * first), then name and port, over ALL records, whatever order the server sent them in. */
enum diag_finding srv_result(int ares_status, const unsigned char *answer, size_t length,
                             struct srv_list *list);

/* What the CNAME records of an answer do from the question's name on. */
enum dns_chain { DNS_CHAIN_NONE, DNS_CHAIN_ENDS, DNS_CHAIN_LOOP, DNS_CHAIN_TOO_LONG, DNS_CHAIN_MALFORMED };
#define DNS_CHAIN_MAX_LINKS 16

/* Follows the CNAME records of the DNS message `answer` from its question's name; *links counts
 * the links followed (at most DNS_CHAIN_MAX_LINKS + 1). */
enum dns_chain dns_cname_chain(const unsigned char *answer, size_t length, size_t *links);

/* The finding for a c-ares status alone (used for failures before any answer). */
enum diag_finding srv_status_finding(int ares_status);

#endif
