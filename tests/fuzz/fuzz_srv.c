/* SPDX-License-Identifier: MIT */
/* fuzz_srv.c: the SRV answer parser and the CNAME chain follower on arbitrary DNS messages
 * (compression loops, truncated records, absurd counts), as either c-ares API hands the answer
 * bytes to the DNS probe. */
#include <sys/select.h> /* c-ares needs fd_set */
#include <ares.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "srv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool printable(const char *text)
{
    for (; *text; text++)
        if (*text <= ' ' || *text >= 0x7F)
            return false;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct srv_list list; /* large: keep it off the fuzzer's stack */
    if (size > 65535)
        return 0; /* a DNS message is at most 64 KiB */
    memset(&list, 0xA5, sizeof list);
    enum diag_finding finding = srv_result(ARES_SUCCESS, data, size, &list);
    if (list.count > SRV_MAX_RECORDS || (finding == DIAG_DNS_OK) != (list.count > 0))
        abort();
    if (list.skipped && list.count != SRV_MAX_RECORDS)
        abort(); /* a record is only left out when all places are taken */
    for (size_t i = 0; i < list.count; i++) {
        const struct srv_record *r = &list.records[i];
        if (memchr(r->target, '\0', sizeof r->target) == NULL || !printable(r->target))
            abort(); /* targets reach terminals and resolvers as C strings */
        if (i > 0 && (list.records[i - 1].priority > r->priority ||
                      (list.records[i - 1].priority == r->priority &&
                       list.records[i - 1].weight < r->weight)))
            abort(); /* the order a client tries them in */
    }
    size_t links;
    enum dns_chain chain = dns_cname_chain(data, size, &links);
    if (links > DNS_CHAIN_MAX_LINKS + 1 || (chain == DNS_CHAIN_NONE && links != 0))
        abort(); /* the chain is followed a bounded number of links, also around a loop */
    return 0;
}
