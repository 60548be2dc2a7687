/* srv.c: SRV answer handling on top of c-ares' parser: status mapping and client ordering. */
#include <sys/select.h> /* c-ares needs fd_set */
#include <ares.h>
#include <stdlib.h>
#include <string.h>

#include "srv.h"

enum diag_finding srv_status_finding(int ares_status)
{
    switch (ares_status) {
    case ARES_SUCCESS:
        return DIAG_DNS_OK;
    case ARES_ENOTFOUND:
        return DIAG_DNS_NXDOMAIN;
    case ARES_ENODATA:
        return DIAG_DNS_NODATA;
    case ARES_ESERVFAIL:
    case ARES_EREFUSED:
        return DIAG_DNS_SERVFAIL;
    case ARES_ETIMEOUT:
    case ARES_ECONNREFUSED:
    case ARES_ECANCELLED:
    case ARES_EDESTRUCTION:
        return DIAG_DNS_NO_ANSWER;
    default:
        return DIAG_DNS_ERROR;
    }
}

static int client_order(const void *a, const void *b)
{
    const struct srv_record *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return strcmp(x->target, y->target);
}

enum diag_finding srv_result(int ares_status, const unsigned char *answer, int length,
                             struct srv_list *list)
{
    struct ares_srv_reply *replies = NULL;
    memset(list, 0, sizeof *list);
    if (ares_status != ARES_SUCCESS)
        return srv_status_finding(ares_status);
    if (!answer || length <= 0)
        return DIAG_DNS_ERROR;
    int parsed = ares_parse_srv_reply(answer, length, &replies);
    if (parsed != ARES_SUCCESS)
        return parsed == ARES_ENODATA ? DIAG_DNS_NODATA : DIAG_DNS_ERROR;
    for (struct ares_srv_reply *r = replies; r; r = r->next) {
        /* RFC 2782: a lone "." target means the service is decidedly not offered */
        if (r->host[0] == '\0' || strcmp(r->host, ".") == 0)
            continue;
        size_t name_length = strlen(r->host);
        if (list->count == SRV_MAX_RECORDS || name_length >= SRV_NAME_MAX) {
            list->ignored++;
            continue;
        }
        struct srv_record *rec = &list->records[list->count++];
        rec->priority = r->priority;
        rec->weight = r->weight;
        rec->port = r->port;
        memcpy(rec->target, r->host, name_length + 1);
    }
    ares_free_data(replies);
    qsort(list->records, list->count, sizeof list->records[0], client_order);
    return list->count ? DIAG_DNS_OK : DIAG_DNS_NODATA;
}
