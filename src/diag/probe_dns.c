/* SPDX-License-Identifier: MIT */
/* probe_dns.c: the SRV query for _vlmcs._tcp.DOMAIN and the A/AAAA lookups of each KMS host (and
 * of the --ntp host), all through the run's c-ares channel. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "run.h"

static const char *srv_detail(enum diag_finding finding, const struct run *run)
{
    switch (finding) {
    case DIAG_DNS_NXDOMAIN:
        return "NXDOMAIN: the name does not exist";
    case DIAG_DNS_NODATA:
        return "the name exists but has no SRV record";
    case DIAG_DNS_NOT_OFFERED:
        return "the SRV record's target is \".\": the service is explicitly not offered here";
    case DIAG_DNS_SERVFAIL:
        return "the server answered SERVFAIL or REFUSED";
    case DIAG_DNS_NO_ANSWER:
        return run->expired ? "no answer before the deadline" : "no answer from the DNS server";
    default:
        return "malformed answer or resolver failure";
    }
}

/* The records in client order; what did not fit the line or the probe limit is counted. */
static void list_records(char *out, size_t size, const struct srv_list *list)
{
    size_t used = 0, shown = 0;
    char more[96];
    for (; shown < list->count; shown++) {
        const struct srv_record *r = &list->records[shown];
        int n = snprintf(out + used, size - used, "%s%s:%u (priority %u, weight %u)", shown ? ", " : "",
                         r->target, r->port, r->priority, r->weight);
        /* leave room for the counts below */
        if (n < 0 || used + (size_t)n + sizeof more >= size)
            break;
        used += (size_t)n;
    }
    out[used] = '\0';
    size_t hidden = list->count - shown, skipped = list->skipped + list->unusable;
    int n = snprintf(more, sizeof more, "; TTL %lu s%s", (unsigned long)list->ttl,
                     list->truncated ? ", answer truncated" : "");
    if (hidden)
        n += snprintf(more + n, sizeof more - (size_t)n, "; %zu more not listed", hidden);
    if (skipped)
        snprintf(more + n, sizeof more - (size_t)n, "; %zu more record%s not probed", skipped,
                 skipped == 1 ? "" : "s");
    snprintf(out + used, size - used, "%s", more);
}

static void record_srv(struct run *run, const struct srv_query *q, size_t chosen, size_t index)
{
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_DNS, q->finding, -1, q->started);
    p->seconds = q->finished - q->started; /* told late, with the other suffixes */
    snprintf(p->target_text, sizeof p->target_text, "%s", q->name);
    if (q->local_error)
        snprintf(p->detail, sizeof p->detail, "cannot send the query: %s (a limit of this machine, "
                 "not the network)", strerror(q->local_error));
    else if (q->finding == DIAG_DNS_OK)
        list_records(p->detail, sizeof p->detail, &q->list);
    else
        snprintf(p->detail, sizeof p->detail, "%s", srv_detail(q->finding, run));
    if (run->search && chosen != SIZE_MAX && index > chosen) {
        size_t used = strlen(p->detail);
        snprintf(p->detail + used, sizeof p->detail - used, " (a client stops at %.120s first)",
                 run->suffixes.items[chosen].name);
    }
}

static void ordinal(char *out, size_t size, size_t n)
{
    static const char *const words[] = { "first", "second", "third", "fourth",
                                         "fifth", "sixth", "seventh", "eighth" };
    snprintf(out, size, "%s", n < sizeof words / sizeof words[0] ? words[n] : "a later");
}

/* Where a client that tries the run's suffixes in order finds the record, or that it does not. */
static void record_search(struct run *run, size_t chosen)
{
    const struct suffix_list *s = &run->suffixes;
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_SEARCH, chosen == SIZE_MAX ? DIAG_SEARCH_MISSED
                                         : DIAG_SEARCH_FOUND, -1, run->srv[0].started);
    size_t used = 0;
    for (size_t i = 0; i < s->count && used < sizeof p->target_text; i++) {
        int n = snprintf(p->target_text + used, sizeof p->target_text - used, "%s%s", i ? ", " : "",
                         s->items[i].name);
        used += n > 0 ? (size_t)n : 0;
    }
    char nth[16];
    if (chosen == SIZE_MAX) {
        snprintf(p->detail, sizeof p->detail, "a client with these suffixes finds no _vlmcs._tcp record "
                 "under any of them%s: publish it under %.120s, the first suffix it tries",
                 s->dropped ? " (more suffixes were not tried)" : "", s->count ? s->items[0].name : "");
        return;
    }
    ordinal(nth, sizeof nth, chosen);
    snprintf(p->detail, sizeof p->detail, "a client with these suffixes finds the record under %.120s, "
             "the %s suffix it tries (%s)%s", s->items[chosen].name, nth,
             suffix_origin_text(s->items[chosen].origin),
             chosen ? "; the suffixes before it cost a query each" : "");
}

/* Every suffix has answered: report them in the client's order, then probe the hosts of the
 * first suffix that has a record, as the client would. */
static void srv_all_answered(struct run *run)
{
    size_t chosen = SIZE_MAX, first = run->report->count;
    for (size_t i = 0; i < run->suffixes.count && chosen == SIZE_MAX; i++)
        if (run->srv[i].finding == DIAG_DNS_OK)
            chosen = i;
    for (size_t i = 0; i < run->suffixes.count; i++)
        record_srv(run, &run->srv[i], chosen, i);
    if (run->search)
        record_search(run, chosen);
    /* told only now that all are in the report, so each carries its final weight */
    for (size_t i = first; i < run->report->count; i++)
        run_publish(run, &run->report->probes[i]);
    if (run->expired || chosen == SIZE_MAX)
        return;
    const struct srv_list *list = &run->srv[chosen].list;
    size_t start = run->target_count; /* after a --kms target, when both were asked for */
    for (size_t i = 0; i < list->count && run->target_count < MAX_TARGETS; i++) {
        struct target *t = &run->targets[run->target_count++];
        snprintf(t->host, sizeof t->host, "%s", list->records[i].target);
        t->port = list->records[i].port;
    }
    for (size_t i = start; i < run->target_count; i++)
        dns_resolve(run, (int)i);
}

static void srv_answer(struct srv_query *q, int status, const unsigned char *answer, size_t length)
{
    struct run *run = q->run;
    run->queries--;
    if (run->cancelled)
        return;
    q->finding = srv_result(status, answer, length, &q->list);
    int local_error = status == ARES_ECONNREFUSED || status == ARES_ENOMEM ? run_descriptors_left() : 0;
    if (status == ARES_ENOMEM || local_error) {
        q->finding = DIAG_LOCAL_ERROR;
        q->local_error = local_error ? local_error : ENOMEM;
    }
    q->finished = run_now();
    q->done = true;
    if (++run->srv_done == run->suffixes.count)
        srv_all_answered(run);
}

static void srv_bytes(void *arg, int status, const unsigned char *answer, size_t length)
{
    srv_answer(arg, status, answer, length);
}

int dns_start(struct run *run)
{
    /* all at once: the run's one deadline covers them together */
    for (size_t i = 0; i < run->suffixes.count; i++) {
        struct srv_query *q = &run->srv[i];
        q->run = run;
        q->started = run_now();
        snprintf(q->name, sizeof q->name, "_vlmcs._tcp.%s", run->suffixes.items[i].name);
        q->query = (struct run_query){ srv_bytes, q };
        run->queries++;
    }
    for (size_t i = 0; i < run->suffixes.count; i++)
        run_query(run, run->srv[i].name, DNS_TYPE_SRV, &run->srv[i].query);
    return 0;
}

static bool is_numeric(const char *host)
{
    unsigned char raw[sizeof(struct in6_addr)];
    return inet_pton(AF_INET, host, raw) == 1 || inet_pton(AF_INET6, host, raw) == 1;
}

static bool same_address(const struct ares_addrinfo_node *a, const struct ares_addrinfo_node *b)
{
    return a->ai_addrlen == b->ai_addrlen && memcmp(a->ai_addr, b->ai_addr, a->ai_addrlen) == 0;
}

/* Up to `max` distinct addresses of the answer, in the resolver's order. */
static size_t distinct(const struct ares_addrinfo *info, const struct ares_addrinfo_node **out,
                       size_t max)
{
    size_t n = 0;
    for (const struct ares_addrinfo_node *node = info ? info->nodes : NULL; node && n < max;
         node = node->ai_next) {
        bool seen = false;
        for (size_t i = 0; i < n; i++)
            seen |= same_address(out[i], node);
        if (!seen && (node->ai_family == AF_INET || node->ai_family == AF_INET6))
            out[n++] = node;
    }
    return n;
}

/* A failed host lookup, told apart: a timeout or a server failure is no "name does not exist". */
static enum diag_finding host_finding(int status, int *local_error)
{
    *local_error = 0;
    switch (status) {
    case ARES_SUCCESS: /* an answer with no usable address */
    case ARES_ENODATA:
        return DIAG_HOST_NO_ADDRESS;
    case ARES_ENOTFOUND:
        return DIAG_HOST_NOT_FOUND;
    case ARES_ESERVFAIL:
    case ARES_EREFUSED:
        return DIAG_HOST_SERVFAIL;
    case ARES_ECONNREFUSED: /* also what c-ares says when it could not open a socket */
        if ((*local_error = run_descriptors_left()) != 0)
            return DIAG_LOCAL_ERROR;
        return DIAG_HOST_NO_ANSWER;
    case ARES_ETIMEOUT:
    case ARES_ECANCELLED:
    case ARES_EDESTRUCTION:
        return DIAG_HOST_NO_ANSWER;
    case ARES_ENOMEM:
        *local_error = ENOMEM;
        return DIAG_LOCAL_ERROR;
    default:
        return DIAG_HOST_ERROR;
    }
}

static void host_failure_detail(struct run *run, struct diag_probe *p, int status, int local_error)
{
    switch (p->finding) {
    case DIAG_HOST_NOT_FOUND:
        snprintf(p->detail, sizeof p->detail, "NXDOMAIN: the name does not exist");
        break;
    case DIAG_HOST_NO_ADDRESS:
        snprintf(p->detail, sizeof p->detail, "no A or AAAA record (nor a CNAME chain ending in one)");
        break;
    case DIAG_HOST_SERVFAIL:
        snprintf(p->detail, sizeof p->detail, "the server answered SERVFAIL or REFUSED");
        break;
    case DIAG_HOST_NO_ANSWER:
        snprintf(p->detail, sizeof p->detail, "%s", run->expired ? "no address before the deadline"
                                                                 : "no answer from the DNS server");
        break;
    case DIAG_LOCAL_ERROR:
        snprintf(p->detail, sizeof p->detail, "cannot look the name up: %s (a limit of this machine, "
                 "not the network)", strerror(local_error));
        break;
    default:
        snprintf(p->detail, sizeof p->detail, "lookup failed: %s", ares_strerror(status));
    }
}

static void record_host(struct run *run, int target, int status, size_t count,
                        const struct ares_addrinfo_node **nodes)
{
    const struct target *t = &run->targets[target];
    int local_error = 0;
    enum diag_finding finding = count ? DIAG_HOST_OK : host_finding(status, &local_error);
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_RESOLVE, finding, target, t->started);
    snprintf(p->target_text, sizeof p->target_text, "%s", t->host);
    size_t used = 0;
    for (size_t i = 0; i < count && used < sizeof p->detail; i++) {
        char text[INET6_ADDRSTRLEN];
        run_address_text(nodes[i]->ai_addr, text, sizeof text);
        int n = snprintf(p->detail + used, sizeof p->detail - used, "%s%s", i ? ", " : "", text);
        used += n > 0 ? (size_t)n : 0;
    }
    if (!count)
        host_failure_detail(run, p, status, local_error);
    run_publish(run, p);
}

/* The answer to the A query of a name that has no address: is it a CNAME chain that cannot end? */
static void cname_answer(void *arg, int status, const unsigned char *answer, size_t length)
{
    struct lookup *lookup = arg;
    struct run *run = lookup->run;
    size_t links = 0;
    run->queries--;
    if (run->cancelled)
        return;
    enum dns_chain chain = status == ARES_SUCCESS && answer ? dns_cname_chain(answer, length, &links)
                                                            : DNS_CHAIN_NONE;
    if (chain != DNS_CHAIN_LOOP && chain != DNS_CHAIN_TOO_LONG) {
        record_host(run, lookup->target, ARES_ENODATA, 0, NULL);
        return;
    }
    const struct target *t = &run->targets[lookup->target];
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_RESOLVE, DIAG_HOST_CNAME_LOOP, lookup->target,
                                         t->started);
    snprintf(p->target_text, sizeof p->target_text, "%s", t->host);
    if (chain == DNS_CHAIN_LOOP)
        snprintf(p->detail, sizeof p->detail, "a CNAME chain that comes back to a name it named "
                 "before: it never reaches an address");
    else
        snprintf(p->detail, sizeof p->detail, "a CNAME chain of more than %d links: resolvers give "
                 "up before its end", DNS_CHAIN_MAX_LINKS);
    run_publish(run, p);
}

static void kms_addresses(struct run *run, int target, int status, const struct ares_addrinfo *info)
{
    const struct ares_addrinfo_node *nodes[MAX_ADDRESSES];
    size_t count = status == ARES_SUCCESS ? distinct(info, nodes, MAX_ADDRESSES) : 0;
    if (count == 0 && status == ARES_ENODATA && !run->expired) {
        struct lookup *lookup = &run->lookups[target];
        lookup->cname = (struct run_query){ cname_answer, lookup };
        run->queries++;
        run_query(run, run->targets[target].host, DNS_TYPE_A, &lookup->cname);
    } else if (count == 0 || !is_numeric(run->targets[target].host)) {
        record_host(run, target, status, count, nodes);
    }
    if (run->expired)
        return;
    for (size_t i = 0; i < count; i++)
        kms_start(run, target, nodes[i]->ai_addr, nodes[i]->ai_addrlen);
    if (target == 0)
        run_news(&run->kms_address, count ? nodes[0]->ai_addr : NULL,
                 count ? nodes[0]->ai_addrlen : 0, "the KMS host has no address");
}

static void use_addresses(struct lookup *lookup, int status, const struct ares_addrinfo *info)
{
    struct run *run = lookup->run;
    if (run->cancelled)
        return;
    if (lookup->target != NTP_LOOKUP) {
        kms_addresses(run, lookup->target, status, info);
        return;
    }
    const struct ares_addrinfo_node *node = NULL;
    if (status == ARES_SUCCESS && distinct(info, &node, 1) == 1 && !run->expired)
        run_news(&run->ntp_address, node->ai_addr, node->ai_addrlen, NULL);
    else
        run_news(&run->ntp_address, NULL, 0, run->expired ? "no address before the deadline"
                                                          : "the NTP server name does not resolve");
}

static void addresses(void *arg, int status, int timeouts, struct ares_addrinfo *info)
{
    struct lookup *lookup = arg;
    (void)timeouts;
    lookup->run->queries--;
    use_addresses(lookup, status, info);
    if (info)
        ares_freeaddrinfo(info);
}

/* An address literal needs no resolver (and c-ares 1.18 would send it to the DNS server). */
static bool literal_address(const char *host, struct sockaddr_storage *address, socklen_t *length)
{
    struct sockaddr_in *v4 = (struct sockaddr_in *)address;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)address;
    memset(address, 0, sizeof *address);
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        *length = sizeof *v4;
        return true;
    }
    if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        *length = sizeof *v6;
        return true;
    }
    return false;
}

void dns_resolve(struct run *run, int target)
{
    struct ares_addrinfo_hints hints = { 0, AF_UNSPEC, SOCK_STREAM, 0 };
    struct lookup *lookup = &run->lookups[target];
    const char *host = target == NTP_LOOKUP ? run->ntp.c.host : run->targets[target].host;
    lookup->run = run;
    lookup->target = target;
    if (target != NTP_LOOKUP)
        run->targets[target].started = run_now();
    else
        hints.ai_socktype = SOCK_DGRAM;
    struct sockaddr_storage address;
    socklen_t length;
    if (literal_address(host, &address, &length)) {
        struct ares_addrinfo_node node = { .ai_family = address.ss_family, .ai_addrlen = length,
                                           .ai_addr = (struct sockaddr *)&address };
        struct ares_addrinfo info = { .nodes = &node };
        use_addresses(lookup, ARES_SUCCESS, &info);
        return;
    }
    run->queries++;
    ares_getaddrinfo(run->channel, host, NULL, &hints, addresses, lookup);
}
