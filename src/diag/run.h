/* SPDX-License-Identifier: MIT */
/* run.h: the state of one diagnose run shared by the poll loop and the probes (internal to
 * src/diag). Every probe is a small state machine driven by the loop in run.c. */
#ifndef SLERR_DIAG_RUN_H
#define SLERR_DIAG_RUN_H

#include <sys/select.h> /* c-ares needs fd_set */
#include <ares.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <sys/socket.h>

#include "diag.h"
#include "rpc_pdu.h"
#include "smb2.h"
#include "srv.h"
#include "suffixes.h"

#define MAX_ADDRESSES 4                  /* per target */
#define MAX_TARGETS (SRV_MAX_RECORDS + 1) /* the SRV records and a --kms host */
#define MAX_CONNS ((size_t)MAX_TARGETS * MAX_ADDRESSES)
#define NTP_LOOKUP MAX_TARGETS           /* lookups[] slot of the --ntp name */
#define MAX_ARES_SOCKETS 32              /* c-ares' sockets: one UDP, maybe one TCP per server */

/* Every probe a run can make has room in the report: an SRV lookup per suffix and the search's
 * summary (or one problem), one lookup per target, a TCP and an RPC result per connection, the
 * two clock probes. */
_Static_assert(DIAG_MAX_PROBES >= SUFFIX_MAX + 1 + MAX_TARGETS + 2 * MAX_CONNS + 2,
               "the report can overflow");

struct target {
    char host[SRV_NAME_MAX];
    uint16_t port;
    double started; /* of its address lookup */
};

struct run;

/* A DNS query in flight (query.c): its answer's bytes go to answer(arg, ares status, ...). */
struct run_query {
    void (*answer)(void *arg, int status, const unsigned char *answer, size_t length);
    void *arg;
};

#define DNS_TYPE_A 1
#define DNS_TYPE_SRV 33

/* Sends a query of class IN; `query` must live until its answer comes. */
void run_query(struct run *run, const char *name, int type, struct run_query *query);

/* An address lookup in flight: c-ares hands this back to the callback. */
struct lookup {
    struct run *run;
    int target; /* index in targets[], or NTP_LOOKUP */
    struct run_query cname; /* the follow-up query of a name without addresses */
};

enum conn_state { CONN_CONNECTING, CONN_BINDING, CONN_DONE };

/* The TCP connect, then the RPC bind, to one address of one target. */
struct conn {
    enum conn_state state;
    int fd;
    int target;
    struct sockaddr_storage address;
    socklen_t address_length;
    char text[DIAG_TEXT_MAX]; /* "host:port (address)" */
    double started, connected;
    uint8_t out[RPC_BIND_SIZE];
    size_t sent;
    uint8_t in[RPC_REPLY_MAX];
    size_t received;
};

/* What a clock probe is doing. NTP goes OFF or RESOLVING (--ntp NAME) or WAITING_FOR_KMS, then
 * TALKING, DONE; SMB goes WAITING_FOR_KMS, CONNECTING, TALKING, DONE. */
enum clock_state { CLOCK_OFF, CLOCK_WAITING_FOR_KMS, CLOCK_RESOLVING, CLOCK_CONNECTING,
                   CLOCK_TALKING, CLOCK_DONE };

/* How one kind of clock probe reports: its probe kind, the host text when it has none, and
 * the finding of each outcome. */
struct clock_kind {
    enum diag_probe_kind probe;
    const char *nobody;
    enum diag_finding ok, skew, no_reply, bad_reply, no_host;
};

/* The part NTP and SMB share (clock_probe.c): one exchange with one host, ending in one
 * probe result that gives the offset of that host's clock from ours. */
struct clock_probe {
    const struct clock_kind *kind;
    enum clock_state state;
    bool measured; /* ended with an offset */
    int fd;
    char host[SRV_NAME_MAX];
    uint16_t port;
    struct sockaddr_storage address;
    socklen_t address_length;
    char text[DIAG_TEXT_MAX]; /* "host:port (address)" */
    double started;
};

struct ntp {
    struct clock_probe c;
    uint64_t sent; /* T1 as sent */
};

/* A socket c-ares wants watched (ARES_OPT_SOCK_STATE_CB tells us). */
struct ares_socket {
    ares_socket_t fd;
    bool read, write;
};

/* The SMB2 NEGOTIATE exchange that reads the KMS host's clock. */
struct smb {
    struct clock_probe c;
    double sent_at; /* our clock (Unix seconds) when the request went out */
    uint8_t out[SMB2_REQUEST_SIZE];
    size_t sent;
    uint8_t in[SMB2_REPLY_MIN];
    size_t received;
};

/* An address one probe found for another (the first KMS host's, for the clock probes; the
 * --ntp server's): set by probe_dns.c, handed on by run.c, so that probes never call each
 * other. No address: length 0 and why says so. */
struct address_news {
    bool ready;
    struct sockaddr_storage address;
    socklen_t length;
    const char *why;
};

/* The SRV query under one suffix; its result is kept until every suffix has answered, then
 * all are reported in the client's order. */
struct srv_query {
    struct run *run;
    char name[SRV_NAME_MAX + 16]; /* _vlmcs._tcp.SUFFIX */
    double started, finished;
    bool done;
    enum diag_finding finding;
    int local_error;              /* errno of a failure of this machine, 0 for none */
    struct srv_list list;
    struct run_query query;
};

struct run {
    const struct diag_config *config;
    struct diag_report *report;
    ares_channel channel;
    bool have_channel;
    struct ares_socket ares_sockets[MAX_ARES_SOCKETS];
    size_t ares_socket_count;
    double start, deadline;
    bool expired, cancelled;
    unsigned queries; /* c-ares queries in flight */
    struct suffix_list suffixes;
    bool search;                  /* the suffixes came from --suffixes or resolv.conf */
    struct srv_query srv[SUFFIX_MAX];
    size_t srv_done;
    struct target targets[MAX_TARGETS];
    size_t target_count;
    struct lookup lookups[MAX_TARGETS + 1];
    struct conn conns[MAX_CONNS];
    size_t conn_count;
    struct ntp ntp;
    struct smb smb;
    struct address_news kms_address; /* of the first KMS host */
    struct address_news ntp_address; /* of the --ntp server */
    double grace_until; /* when the clock probes must end, once the KMS probes are done; 0 before */
    bool grace_over;
    struct diag_probe overflow; /* where probes go when the report is full */
    size_t deferred[DIAG_MAX_PROBES]; /* report indices of failures told once their host is done */
    size_t deferred_count;
};

/* Seconds on the monotonic clock. */
double run_now(void);

/* A new probe result of the run (in the report when it has room); publish it once filled in. */
struct diag_probe *run_add_probe(struct run *run, enum diag_probe_kind kind,
                                 enum diag_finding finding, int target, double started);
void run_publish(struct run *run, struct diag_probe *probe);
/* Tells the caller about deferred failures whose host has no probe left running (all: every
 * one, at the end of the run). */
void run_tell_deferred(struct run *run, bool all);

/* "host:port (address)" for a socket address. */
void run_describe(char *out, size_t size, const char *host, uint16_t port,
                  const struct sockaddr *address);

/* The address of an IPv4 or IPv6 socket address as text ("?" when it has none). */
void run_address_text(const struct sockaddr *address, char *out, size_t size);

/* True for an errno that is this machine's failure, not the network's (EMFILE, ENOMEM...). */
bool run_local_failure(int error);
/* 0 when a socket can still be opened, else the errno that stops it. */
int run_descriptors_left(void);

/* Sets the port of an IPv4 or IPv6 socket address. */
void run_set_port(struct sockaddr_storage *address, uint16_t port);

/* Leaves an address (NULL: none, for the reason `why`) for run.c to hand on. */
void run_news(struct address_news *news, const struct sockaddr *address, socklen_t length,
              const char *why);

/* The clock probes' skeleton (clock_probe.c). Each ends the probe with one published result
 * and closes its socket. */
void clock_probe_no_host(struct run *run, struct clock_probe *c, const char *why);
void clock_probe_no_reply(struct run *run, struct clock_probe *c, const char *why);
void clock_probe_bad_reply(struct run *run, struct clock_probe *c, const char *detail);
/* The host's clock is `offset` seconds from ours: judged against the 4 hours KMS tolerates.
 * `source` follows the offset ("" or " (SMB 3.1.1 SystemTime)"), `extra` the delay. */
void clock_probe_measured(struct run *run, struct clock_probe *c, double offset, double delay,
                          const char *source, const char *extra);
/* Takes the host's address and connects a non-blocking socket of `type` to it: 1 connected,
 * 0 in progress (CLOCK_CONNECTING), -1 failed (reported). */
int clock_probe_connect(struct run *run, struct clock_probe *c, const struct sockaddr *address,
                        socklen_t length, int type);

/* Probes. */
/* SRV queries under each of run->suffixes; then dns_resolve per record of the first that has one. */
int dns_start(struct run *run);
void dns_resolve(struct run *run, int target);        /* A/AAAA of targets[target] */
void kms_start(struct run *run, int target, const struct sockaddr *address, socklen_t length);
void kms_ready(struct run *run, struct conn *conn, short revents);
void kms_expire(struct run *run, struct conn *conn);
short kms_events(const struct conn *conn);
void ntp_start(struct run *run, const struct sockaddr *address, socklen_t length);
void ntp_ready(struct run *run, short revents);
void smb_start(struct run *run, const struct sockaddr *address, socklen_t length);
short smb_events(const struct smb *smb);
void smb_ready(struct run *run, short revents);
void smb_expire(struct run *run, const char *why);

/* The clock probes (probe_clock.c): which ones a run makes and when. clock_start with the run
 * (an --ntp name is then CLOCK_RESOLVING: run.c asks DNS); clock_relay after every step of
 * the loop hands them the addresses the DNS probe found and ends NTP once SMB read the time. */
void clock_start(struct run *run);
void clock_relay(struct run *run);
size_t clock_pending(const struct run *run);
size_t kms_pending(const struct run *run);
/* True once the KMS probes are done and the clock probes' grace has passed. */
bool clock_grace_over(struct run *run, double now);
void clock_expire(struct run *run);
void clock_close(struct run *run);

/* The finding for a failed connect()'s errno. */
enum diag_finding tcp_errno_finding(int error);

#endif
