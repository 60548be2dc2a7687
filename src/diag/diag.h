/* SPDX-License-Identifier: MIT */
/* diag.h: the network probes behind `slerr diagnose` (DNS SRV, TCP, KMS RPC bind, SNTP), run
 * together under one deadline, and the table that turns their findings into catalog entries. */
#ifndef SLERR_DIAG_H
#define SLERR_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DIAG_MAX_PROBES 176
#define DIAG_TEXT_MAX 320
#define DIAG_KMS_PORT 1688
#define DIAG_NTP_PORT 123

/* SEARCH: where a client with the run's DNS suffixes finds the SRV record (one per run). */
enum diag_probe_kind { DIAG_PROBE_DNS, DIAG_PROBE_RESOLVE, DIAG_PROBE_TCP, DIAG_PROBE_RPC, DIAG_PROBE_NTP,
                      DIAG_PROBE_SMB, DIAG_PROBE_SEARCH, DIAG_PROBE_KIND_COUNT };

/* What one probe found. Every value has a row in the verdict table (verdict.c). */
enum diag_finding {
    DIAG_DNS_OK,
    DIAG_DNS_NO_SERVER,   /* resolv.conf names no name server */
    DIAG_DNS_NO_DOMAIN,   /* no DOMAIN argument, no domain or search line */
    DIAG_DNS_SERVFAIL,    /* SERVFAIL or REFUSED */
    DIAG_DNS_NO_ANSWER,   /* timeout, or the server port is closed */
    DIAG_DNS_NXDOMAIN,
    DIAG_DNS_NODATA,      /* the name exists but holds no SRV record */
    DIAG_DNS_NOT_OFFERED, /* the SRV record's target is ".": the service is explicitly absent */
    DIAG_DNS_ERROR,       /* a malformed answer or a local failure */
    DIAG_HOST_OK,
    DIAG_HOST_NOT_FOUND,  /* NXDOMAIN for a KMS host name */
    DIAG_HOST_NO_ADDRESS, /* no A or AAAA record (also a CNAME chain that ends in none) */
    DIAG_HOST_SERVFAIL,   /* SERVFAIL or REFUSED for the host name */
    DIAG_HOST_NO_ANSWER,  /* the DNS server did not answer the host lookup (a timeout) */
    DIAG_HOST_CNAME_LOOP, /* a CNAME chain that comes back to itself or is too long */
    DIAG_HOST_ERROR,      /* a malformed answer */
    DIAG_LOCAL_ERROR,     /* this machine failed (out of file descriptors, memory): no verdict */
    DIAG_TCP_OK,
    DIAG_TCP_REFUSED,
    DIAG_TCP_TIMEOUT,
    DIAG_TCP_UNREACHABLE,
    DIAG_RPC_KMS,          /* bind_ack with the KMS interface accepted */
    DIAG_RPC_NO_INTERFACE, /* an RPC server without the KMS interface */
    DIAG_RPC_REJECTED,     /* bind_nak, or every context rejected for another reason */
    DIAG_RPC_NOT_RPC,      /* bytes that are not a bind reply */
    DIAG_RPC_CLOSED,       /* the peer closed without a reply */
    DIAG_RPC_SILENT,       /* no complete reply before the deadline */
    DIAG_NTP_OK,
    DIAG_NTP_SKEW,         /* offset above 4 hours */
    DIAG_NTP_NO_REPLY,
    DIAG_NTP_BAD_REPLY,
    DIAG_NTP_NO_HOST,      /* no address to ask */
    DIAG_SMB_OK,           /* the KMS host's SMB2 SystemTime, within 4 hours */
    DIAG_SMB_SKEW,         /* ... more than 4 hours off */
    DIAG_SMB_NO_REPLY,     /* refused, silent or closed */
    DIAG_SMB_BAD_REPLY,    /* an answer without a usable time */
    DIAG_SEARCH_FOUND,     /* the suffix search reaches an SRV record */
    DIAG_SEARCH_MISSED,    /* no suffix in the client's order holds one */
    DIAG_FINDING_COUNT
};

/* UNKNOWN: the run could not tell (interrupted, or a failure of this machine such as running out
 * of file descriptors): worse than any verdict, because nothing was proven. */
enum diag_severity { DIAG_SEV_OK, DIAG_SEV_NOTE, DIAG_SEV_WARNING, DIAG_SEV_CRITICAL, DIAG_SEV_UNKNOWN };

struct diag_probe {
    enum diag_probe_kind kind;
    enum diag_finding finding;
    int target;                 /* index of the KMS target (client order), -1 for none */
    char target_text[DIAG_TEXT_MAX]; /* what was probed: a name, "host:port (address)" */
    char detail[DIAG_TEXT_MAX];      /* what came back, in words */
    double seconds;             /* how long the probe took */
    double offset, delay;       /* clock probes: server clock minus ours, round trip (seconds) */
    double at;                  /* when it finished, in seconds since the run started */
    enum diag_severity severity; /* its weight in the run, as diag_probe_severity gives it */
    bool from_srv;              /* its target came from the SRV record (not from --kms) */
};

struct diag_report {
    struct diag_probe probes[DIAG_MAX_PROBES];
    size_t count;
    size_t dropped;             /* probes not recorded for lack of room */
    bool cancelled;             /* stopped through cancel_fd */
    double elapsed;             /* wall time of the run */
    char domain[256];           /* the domain asked for, "" when none */
    char error[DIAG_TEXT_MAX];  /* when diag_run fails: what failed, e.g. the file and its errno */
};

/* Where the KMS host's clock is read: NTP, SMB2 (the host's own clock, TCP 445), or auto: both at
 * once, the SMB answer preferred. */
enum diag_clock { DIAG_CLOCK_AUTO, DIAG_CLOCK_NTP, DIAG_CLOCK_SMB };

/* Once the KMS probes are done, the clock probes get this long before they count as unanswered. */
#define DIAG_CLOCK_GRACE_SECONDS 0.1

struct diag_config {
    const char *domain;      /* the one domain asked; NULL: the suffix search below */
    const char *suffixes;    /* PRIMARY,CONNECTION,...; NULL: resolv.conf's domain and search list */
    const char *kms;         /* HOST[:PORT] probed; without a domain the SRV lookup is skipped */
    const char *dns_server;  /* ADDR[:PORT] (IPv6 as [ADDR]:PORT) instead of resolv.conf's */
    const char *ntp;         /* HOST[:PORT]; NULL: the first KMS host, port 123 */
    const char *resolv_conf; /* NULL: /etc/resolv.conf */
    enum diag_clock clock;
    uint16_t smb_port;       /* 0: 445 */
    unsigned timeout_ms;     /* the one deadline of the whole run */
    int cancel_fd;           /* -1, or a descriptor that turns readable to stop the run */
    /* Called as each probe finishes, and (when set) every ~100 ms while probes run. */
    void (*on_probe)(const struct diag_probe *probe, void *user);
    void (*on_tick)(size_t pending, double elapsed, void *user);
    void *user;
};

/* Why a run could not start or go on (as c-ares' and curl's status codes); the report's `error`
 * holds the particulars. Probe failures are findings, not statuses. */
enum diag_status {
    DIAG_OK,
    DIAG_E_CONFIG,      /* a malformed domain, host, port or server (diag_check_config) */
    DIAG_E_RESOLV_CONF, /* resolv.conf missing, unreadable, not a regular file or too large */
    DIAG_E_RESOLVER,    /* c-ares refused to start (its own status in the error text) */
    DIAG_E_NOMEM,
    DIAG_E_SYSTEM,      /* poll() failed */
};

/* A sentence for a status; never NULL. */
const char *diag_strerror(enum diag_status status);

/* Runs every probe; checks the configuration first (diag_check_config). The report is always
 * filled in: with DIAG_OK its probes, otherwise `error` says what went wrong. */
enum diag_status diag_run(const struct diag_config *config, struct diag_report *report);

/* Checks the syntax of domain, kms, ntp and dns_server; 0, or -1 with a sentence in error. */
int diag_check_config(const struct diag_config *config, char *error, size_t size);

/* "HOST", "HOST:PORT", "[IPV6]", "[IPV6]:PORT" or a bare IPv6 address that cannot be read as
 * ADDRESS:PORT. HOST is an IPv4 address or a DNS name. 0, or -1 when malformed or ambiguous. */
int diag_parse_hostport(const char *text, uint16_t default_port, char *host, size_t size,
                        uint16_t *port);

#define DIAG_NAME_MAX 253 /* characters of a DNS name, without the final dot */

/* A DNS name of letters, digits, '-' and '_' in labels of 1 to 63, at most DIAG_NAME_MAX. */
bool diag_valid_name(const char *name);

/* ---- verdicts ---- */

#define DIAG_MAX_CODES 2
#define DIAG_MAX_SUGGESTIONS 16

struct diag_verdict {
    enum diag_finding finding;
    enum diag_severity severity;
    const char *name;        /* short machine-readable name, e.g. "nxdomain" */
    uint32_t codes[DIAG_MAX_CODES];
    size_t code_count;
};

/* The row for a finding; never NULL for a finding below DIAG_FINDING_COUNT. */
const struct diag_verdict *diag_verdict(enum diag_finding finding);

/* A probe's weight in the run: a failed address of a target that another address of the same
 * target reached as a KMS host is only a note. */
enum diag_severity diag_probe_severity(const struct diag_report *report, size_t index);

/* The worst severity of the run; KMS failures drop to a warning when some target answers; an
 * interrupted run is DIAG_SEV_UNKNOWN. */
enum diag_severity diag_overall(const struct diag_report *report);

/* True when a host of the SRV record fails while another host answers: most often the record
 * of a retired KMS host that is still published. */
bool diag_stale_srv_record(const struct diag_report *report);

/* The suggested entries, each once, in the order the findings appeared. With no problem found
 * these are the host-side entries (0xC004F038, 0xC004F041). Returns how many were written. */
size_t diag_suggest(const struct diag_report *report, uint32_t *codes, size_t max);

#define DIAG_MAX_OFFSET_SECONDS (4.0 * 3600.0)

/* "dns", "resolve", "tcp", "rpc", "ntp", "smb", "search". */
const char *diag_kind_name(enum diag_probe_kind kind);

/* True for a probe that measured a clock offset (NTP or SMB). */
bool diag_has_offset(const struct diag_probe *probe);

#endif
