/* SPDX-License-Identifier: MIT */
/* query.c: a DNS query through the run's c-ares channel whose answer comes back as the message's
 * bytes, for our own parsers (srv.c). The one place that knows two c-ares APIs: 1.28 brought
 * ares_query_dnsrec and deprecated ares_query; Debian 12 has 1.18, Debian 13 1.34. */
#include "run.h"

#define CLASS_IN 1

#if ARES_VERSION >= 0x011c00
static void record_answer(void *arg, ares_status_t status, size_t timeouts,
                          const ares_dns_record_t *record)
{
    struct run_query *query = arg;
    unsigned char *bytes = NULL;
    size_t length = 0;
    (void)timeouts;
    if (status == ARES_SUCCESS && (!record || ares_dns_write(record, &bytes, &length) != ARES_SUCCESS))
        status = ARES_EBADRESP;
    query->answer(query->arg, (int)status, bytes, length);
    ares_free_string(bytes);
}

void run_query(struct run *run, const char *name, int type, struct run_query *query)
{
    ares_query_dnsrec(run->channel, name, (ares_dns_class_t)CLASS_IN, (ares_dns_rec_type_t)type,
                      record_answer, query, NULL);
}
#else
static void bytes_answer(void *arg, int status, int timeouts, unsigned char *answer, int length)
{
    struct run_query *query = arg;
    (void)timeouts;
    query->answer(query->arg, status, answer, length > 0 ? (size_t)length : 0);
}

void run_query(struct run *run, const char *name, int type, struct run_query *query)
{
    ares_query(run->channel, name, CLASS_IN, type, bytes_answer, query);
}
#endif
