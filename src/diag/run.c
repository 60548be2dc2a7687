/* SPDX-License-Identifier: MIT */
/* run.c: diag_run: sets up the resolver, starts the probes the configuration asks for, and drives
 * them all from one poll loop until they finish, the deadline passes or the caller cancels. */
#include <arpa/inet.h>
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "resolvconf.h"
#include "run.h"

#define TICK_SECONDS 0.1
#define MAX_POLL (1 + MAX_ARES_SOCKETS + MAX_CONNS + 2)

const char *diag_strerror(enum diag_status status)
{
    static const char *const text[] = {
        [DIAG_OK] = "no error",
        [DIAG_E_CONFIG] = "malformed configuration",
        [DIAG_E_RESOLV_CONF] = "resolv.conf cannot be used",
        [DIAG_E_RESOLVER] = "the resolver library could not start",
        [DIAG_E_NOMEM] = "out of memory",
        [DIAG_E_SYSTEM] = "a system call failed",
    };
    return (unsigned)status < sizeof text / sizeof text[0] ? text[status] : "unknown status";
}

/* Room for "_vlmcs._tcp." in front of the domain. */
#define DOMAIN_MAX (DIAG_NAME_MAX - 12)

static int check_suffixes(const struct diag_config *config, char *error, size_t size)
{
    struct suffix_list list;
    if (config->domain) {
        snprintf(error, size, "DOMAIN and --suffixes exclude each other: DOMAIN asks one domain, "
                 "--suffixes the ones a client searches");
        return -1;
    }
    bool valid = suffix_list_parse(config->suffixes, &list) == 0;
    for (size_t i = 0; valid && i < list.count; i++)
        valid = diag_valid_name(list.items[i].name) && strlen(list.items[i].name) <= DOMAIN_MAX;
    if (!valid || list.dropped) {
        snprintf(error, size, "--suffixes takes up to %d DNS names separated by commas, the primary "
                 "suffix first, not '%.80s'", SUFFIX_MAX, config->suffixes);
        return -1;
    }
    return 0;
}

int diag_check_config(const struct diag_config *config, char *error, size_t size)
{
    char host[SRV_NAME_MAX];
    uint16_t port;
    unsigned char raw[sizeof(struct in6_addr)];
    const char *domain = config->domain;
    size_t length = domain ? strlen(domain) : 0;
    length -= length > 0 && domain[length - 1] == '.';
    if (domain && (!diag_valid_name(domain) || length > DOMAIN_MAX)) {
        snprintf(error, size, "DOMAIN takes a DNS name of at most %d characters (letters, digits, "
                 "'-', '_', labels of 1 to 63), not '%.80s%s'", (int)DOMAIN_MAX, domain,
                 length > 80 ? "..." : "");
        return -1;
    }
    if (config->suffixes && check_suffixes(config, error, size) != 0)
        return -1;
    if ((config->clock == DIAG_CLOCK_SMB && config->ntp) ||
        (config->clock == DIAG_CLOCK_NTP && config->smb_port)) {
        snprintf(error, size, "%s has no use with --clock %s", config->ntp ? "--ntp" : "--smb-port",
                 config->ntp ? "smb" : "ntp");
        return -1;
    }
    if (config->kms && diag_parse_hostport(config->kms, DIAG_KMS_PORT, host, sizeof host, &port)) {
        snprintf(error, size, "--kms takes HOST[:PORT] or [IPV6]:PORT, not '%.80s'", config->kms);
        return -1;
    }
    if (config->ntp && diag_parse_hostport(config->ntp, DIAG_NTP_PORT, host, sizeof host, &port)) {
        snprintf(error, size, "--ntp takes HOST[:PORT] or [IPV6]:PORT, not '%.80s'", config->ntp);
        return -1;
    }
    if (config->dns_server &&
        (diag_parse_hostport(config->dns_server, 53, host, sizeof host, &port) ||
         (inet_pton(AF_INET, host, raw) != 1 && inet_pton(AF_INET6, host, raw) != 1))) {
        snprintf(error, size, "--dns-server takes an IPv4 or IPv6 address with an optional port "
                 "(192.0.2.1:53, [2001:db8::1]:53), not '%.80s'", config->dns_server);
        return -1;
    }
    return 0;
}

static int set_dns_server(struct run *run)
{
    char host[SRV_NAME_MAX], csv[SRV_NAME_MAX + 16];
    uint16_t port;
    diag_parse_hostport(run->config->dns_server, 53, host, sizeof host, &port);
    snprintf(csv, sizeof csv, strchr(host, ':') ? "[%s]:%u" : "%s:%u", host, port);
    return ares_set_servers_ports_csv(run->channel, csv);
}

/* c-ares says which sockets to watch for what; readable and writable both false: forget it. */
static void socket_state(void *data, ares_socket_t fd, int readable, int writable)
{
    struct run *run = data;
    size_t i = 0;
    while (i < run->ares_socket_count && run->ares_sockets[i].fd != fd)
        i++;
    if (!readable && !writable) {
        if (i < run->ares_socket_count)
            run->ares_sockets[i] = run->ares_sockets[--run->ares_socket_count];
        return;
    }
    if (i == run->ares_socket_count) {
        if (i == MAX_ARES_SOCKETS)
            return; /* left unwatched: its query ends at c-ares' timeout or our deadline */
        run->ares_socket_count++;
    }
    run->ares_sockets[i] = (struct ares_socket){ fd, readable != 0, writable != 0 };
}

/* c-ares' status, kept in the report's words; ENOMEM is the one cause with its own status. */
static enum diag_status resolver_failed(struct run *run, const char *step, int ares_status)
{
    snprintf(run->report->error, sizeof run->report->error, "%s: %s", step, ares_strerror(ares_status));
    return ares_status == ARES_ENOMEM ? DIAG_E_NOMEM : DIAG_E_RESOLVER;
}

static enum diag_status open_channel(struct run *run, const char *resolv_conf)
{
    struct ares_options options;
    int mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_RESOLVCONF |
               ARES_OPT_SOCK_STATE_CB;
    unsigned timeout = run->config->timeout_ms / 4;
    memset(&options, 0, sizeof options);
    /* without NOCHECKRESP, SERVFAIL and REFUSED both look like a closed port */
    options.flags = ARES_FLAG_NOCHECKRESP;
    options.timeout = (int)(timeout < 50 ? 50 : timeout); /* c-ares doubles it on each retry */
    options.tries = 3;
    options.resolvconf_path = (char *)resolv_conf;
    options.sock_state_cb = socket_state;
    options.sock_state_cb_data = run;
    int status = ares_init_options(&run->channel, &options, mask);
    if (status != ARES_SUCCESS)
        return resolver_failed(run, "starting the resolver", status);
    run->have_channel = true;
    if (run->config->dns_server && (status = set_dns_server(run)) != ARES_SUCCESS)
        return resolver_failed(run, "setting the DNS server", status);
    return DIAG_OK;
}

static void record_dns_problem(struct run *run, enum diag_finding finding, const char *detail)
{
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_DNS, finding, -1, run->start);
    snprintf(p->target_text, sizeof p->target_text, "%s", run->report->domain[0]
             ? run->report->domain : "(no domain)");
    snprintf(p->detail, sizeof p->detail, "%s", detail);
    run_publish(run, p);
}

/* The suffixes to query: the DOMAIN asked for alone, else --suffixes or resolv.conf's domain
 * and search list in the order a Windows client tries them. */
static void choose_suffixes(struct run *run, const struct resolv_facts *facts)
{
    const struct diag_config *config = run->config;
    const char *search[RESOLV_SEARCH_MAX];
    if (config->domain) {
        suffix_list_build(NULL, &config->domain, 1, &run->suffixes);
        return;
    }
    run->search = true;
    if (config->suffixes && suffix_list_parse(config->suffixes, &run->suffixes) == 0)
        return;
    /* an entry that is no DNS name ("a..b") is skipped, as the system's resolver skips it; the
     * first one left is then the domain, as the first of the list is without a domain line */
    size_t count = 0;
    for (size_t i = 0; i < facts->search_count; i++)
        if (diag_valid_name(facts->search[i]))
            search[count++] = facts->search[i];
    const char *primary = diag_valid_name(facts->domain) ? facts->domain : count ? search[0] : NULL;
    suffix_list_build(primary, search, count, &run->suffixes);
}

static void start_kms_probes(struct run *run, const struct resolv_facts *facts)
{
    const struct diag_config *config = run->config;
    choose_suffixes(run, facts);
    snprintf(run->report->domain, sizeof run->report->domain, "%s",
             run->suffixes.count ? run->suffixes.items[0].name : "");
    if (config->kms) {
        struct target *t = &run->targets[run->target_count++];
        diag_parse_hostport(config->kms, DIAG_KMS_PORT, t->host, sizeof t->host, &t->port);
        dns_resolve(run, 0);
        if (!config->domain && !config->suffixes)
            return; /* a client with a KMS name set never asks DNS for the SRV record */
    }
    if (!config->dns_server && facts->nameservers == 0)
        record_dns_problem(run, DIAG_DNS_NO_SERVER, "no nameserver line in resolv.conf");
    else if (run->suffixes.count == 0 && (facts->domain[0] || facts->search_count))
        record_dns_problem(run, DIAG_DNS_NO_DOMAIN,
                           "no DOMAIN given, and resolv.conf's domain and search entries are no "
                           "DNS names: the resolver skips them");
    else if (run->suffixes.count == 0)
        record_dns_problem(run, DIAG_DNS_NO_DOMAIN,
                           "no DOMAIN given and resolv.conf has neither domain nor search");
    else
        dns_start(run);
}

static size_t pending(const struct run *run)
{
    size_t n = run->queries;
    for (size_t i = 0; i < run->conn_count; i++)
        n += run->conns[i].state != CONN_DONE;
    return n + clock_pending(run);
}

enum slot_kind { SLOT_CANCEL, SLOT_ARES, SLOT_CONN, SLOT_NTP, SLOT_SMB };
struct slot {
    enum slot_kind kind;
    size_t index;
};

static size_t watch_fds(struct run *run, struct pollfd *fds, struct slot *slots)
{
    size_t n = 0;
    if (run->config->cancel_fd >= 0) {
        fds[n] = (struct pollfd){ run->config->cancel_fd, POLLIN, 0 };
        slots[n++] = (struct slot){ SLOT_CANCEL, 0 };
    }
    for (size_t i = 0; i < run->ares_socket_count; i++) {
        const struct ares_socket *s = &run->ares_sockets[i];
        fds[n] = (struct pollfd){ s->fd, (short)((s->read ? POLLIN : 0) | (s->write ? POLLOUT : 0)), 0 };
        slots[n++] = (struct slot){ SLOT_ARES, i };
    }
    for (size_t i = 0; i < run->conn_count; i++) {
        if (run->conns[i].state != CONN_DONE) {
            fds[n] = (struct pollfd){ run->conns[i].fd, kms_events(&run->conns[i]), 0 };
            slots[n++] = (struct slot){ SLOT_CONN, i };
        }
    }
    if (run->ntp.c.state == CLOCK_TALKING) {
        fds[n] = (struct pollfd){ run->ntp.c.fd, POLLIN, 0 };
        slots[n++] = (struct slot){ SLOT_NTP, 0 };
    }
    if (run->smb.c.state == CLOCK_CONNECTING || run->smb.c.state == CLOCK_TALKING) {
        fds[n] = (struct pollfd){ run->smb.c.fd, smb_events(&run->smb), 0 };
        slots[n++] = (struct slot){ SLOT_SMB, 0 };
    }
    return n;
}

static int wait_ms(struct run *run, double now)
{
    double end = run->grace_until > 0 && run->grace_until < run->deadline ? run->grace_until
                                                                           : run->deadline;
    double wait = end - now;
    struct timeval max = { (time_t)wait, (suseconds_t)((wait - (double)(time_t)wait) * 1e6) }, tv;
    struct timeval *next = ares_timeout(run->channel, &max, &tv);
    if (next)
        wait = (double)next->tv_sec + (double)next->tv_usec / 1e6;
    if (run->config->on_tick && wait > TICK_SECONDS)
        wait = TICK_SECONDS;
    /* at least 1 ms: c-ares reports a timer that is due within the millisecond as 0 */
    return wait <= 0.001 ? 1 : (int)ceil(wait * 1000);
}

static void dispatch(struct run *run, struct pollfd *fds, struct slot *slots, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        short r = fds[i].revents;
        if (!r)
            continue;
        if (slots[i].kind == SLOT_CANCEL)
            run->cancelled = run->report->cancelled = true;
        else if (slots[i].kind == SLOT_ARES)
            ares_process_fd(run->channel, (r & (POLLIN | POLLERR | POLLHUP)) ? fds[i].fd : ARES_SOCKET_BAD,
                            (r & POLLOUT) ? fds[i].fd : ARES_SOCKET_BAD);
    }
    ares_process_fd(run->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD); /* c-ares' own timeouts */
    for (size_t i = 0; i < n && !run->cancelled; i++) {
        if (!fds[i].revents)
            continue;
        if (slots[i].kind == SLOT_CONN)
            kms_ready(run, &run->conns[slots[i].index], fds[i].revents);
        else if (slots[i].kind == SLOT_NTP)
            ntp_ready(run, fds[i].revents);
        else if (slots[i].kind == SLOT_SMB)
            smb_ready(run, fds[i].revents);
    }
}

static enum diag_status loop(struct run *run)
{
    struct pollfd fds[MAX_POLL];
    struct slot slots[MAX_POLL];
    while (!run->cancelled && pending(run) > 0) {
        double now = run_now();
        if (now >= run->deadline || clock_grace_over(run, now))
            return DIAG_OK;
        size_t n = watch_fds(run, fds, slots);
        int ready = poll(fds, (nfds_t)n, wait_ms(run, now));
        if (ready < 0 && errno != EINTR) {
            snprintf(run->report->error, sizeof run->report->error, "poll: %s", strerror(errno));
            return DIAG_E_SYSTEM;
        }
        dispatch(run, fds, slots, ready > 0 ? n : 0);
        clock_relay(run);
        run_tell_deferred(run, false);
        if (run->config->on_tick && !run->cancelled)
            run->config->on_tick(pending(run), run_now() - run->start, run->config->user);
    }
    return DIAG_OK;
}

/* The deadline: whatever is still waiting gets its timeout result. */
static void expire(struct run *run)
{
    run->expired = true;
    if (run->have_channel)
        ares_cancel(run->channel);
    for (size_t i = 0; i < run->conn_count; i++)
        if (run->conns[i].state != CONN_DONE)
            kms_expire(run, &run->conns[i]);
    clock_relay(run); /* what the cancelled lookups left */
    clock_expire(run);
}

static void close_all(struct run *run)
{
    run->expired = true; /* late c-ares callbacks must not start anything */
    if (run->have_channel)
        ares_destroy(run->channel);
    for (size_t i = 0; i < run->conn_count; i++)
        if (run->conns[i].fd >= 0)
            close(run->conns[i].fd);
    clock_close(run);
}

enum diag_status diag_run(const struct diag_config *config, struct diag_report *report)
{
    struct resolv_facts facts;
    const char *resolv_conf = config->resolv_conf ? config->resolv_conf : "/etc/resolv.conf";
    memset(report, 0, sizeof *report);
    if (diag_check_config(config, report->error, sizeof report->error) != 0)
        return DIAG_E_CONFIG;
    if (resolvconf_read(resolv_conf, &facts, report->error, sizeof report->error) != 0)
        return errno == ENOMEM ? DIAG_E_NOMEM : DIAG_E_RESOLV_CONF;
    struct run *run = calloc(1, sizeof *run); /* a few hundred KiB of buffers: not for the stack */
    if (!run) {
        snprintf(report->error, sizeof report->error, "%s", strerror(ENOMEM));
        return DIAG_E_NOMEM;
    }
    run->config = config;
    run->report = report;
    run->ntp.c.fd = run->smb.c.fd = -1;
    run->start = run_now();
    run->deadline = run->start + config->timeout_ms / 1000.0;
    enum diag_status status = open_channel(run, resolv_conf);
    if (status == DIAG_OK) {
        clock_start(run);
        if (run->ntp.c.state == CLOCK_RESOLVING)
            dns_resolve(run, NTP_LOOKUP);
        start_kms_probes(run, &facts);
        clock_relay(run);
        status = loop(run);
        if (status == DIAG_OK && !run->cancelled)
            expire(run);
        run_tell_deferred(run, true);
    }
    close_all(run);
    report->elapsed = run_now() - run->start;
    free(run);
    return status;
}
