/* SPDX-License-Identifier: MIT */
/* probe_kms.c: per address of a KMS target, a non-blocking TCP connect, then the RPC bind and the
 * reading of its reply; closes right after, without ever sending a request. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

enum diag_finding tcp_errno_finding(int error)
{
    if (run_local_failure(error))
        return DIAG_LOCAL_ERROR; /* EMFILE after a low ulimit -n is no network fault */
    switch (error) {
    case ECONNREFUSED:
        return DIAG_TCP_REFUSED;
    case ETIMEDOUT:
        return DIAG_TCP_TIMEOUT;
    default: /* ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, EACCES (a firewall)... */
        return DIAG_TCP_UNREACHABLE;
    }
}

static void finish(struct conn *conn)
{
    if (conn->fd >= 0)
        close(conn->fd);
    conn->fd = -1;
    conn->state = CONN_DONE;
}

static void record_tcp(struct run *run, struct conn *conn, enum diag_finding finding, int error)
{
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_TCP, finding, conn->target, conn->started);
    snprintf(p->target_text, sizeof p->target_text, "%s", conn->text);
    if (finding == DIAG_TCP_OK)
        snprintf(p->detail, sizeof p->detail, "connected");
    else if (finding == DIAG_TCP_TIMEOUT && error == 0)
        snprintf(p->detail, sizeof p->detail, "no answer to the connection attempt before the deadline");
    else if (finding == DIAG_LOCAL_ERROR)
        snprintf(p->detail, sizeof p->detail, "cannot open a socket: %s (a limit of this machine, "
                 "not the network)", strerror(error));
    else
        snprintf(p->detail, sizeof p->detail, "%s", strerror(error));
    run_publish(run, p);
    if (finding != DIAG_TCP_OK)
        finish(conn);
}

static void begin_bind(struct run *run, struct conn *conn)
{
    conn->connected = run_now();
    record_tcp(run, conn, DIAG_TCP_OK, 0);
    rpc_build_bind(conn->out);
    conn->state = CONN_BINDING;
}

void kms_start(struct run *run, int target, const struct sockaddr *address, socklen_t length)
{
    if (run->conn_count == MAX_CONNS || length > sizeof run->conns[0].address)
        return;
    struct conn *conn = &run->conns[run->conn_count++];
    const struct target *t = &run->targets[target];
    memset(conn, 0, offsetof(struct conn, in));
    conn->target = target;
    memcpy(&conn->address, address, length);
    conn->address_length = length;
    run_set_port(&conn->address, t->port);
    run_describe(conn->text, sizeof conn->text, t->host, t->port, address);
    conn->started = run_now();
    conn->fd = socket(address->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (conn->fd < 0) {
        record_tcp(run, conn, tcp_errno_finding(errno), errno);
        return;
    }
    conn->state = CONN_CONNECTING;
    if (connect(conn->fd, (struct sockaddr *)&conn->address, length) == 0)
        begin_bind(run, conn);
    else if (errno != EINPROGRESS)
        record_tcp(run, conn, tcp_errno_finding(errno), errno);
}

short kms_events(const struct conn *conn)
{
    if (conn->state == CONN_CONNECTING || conn->sent < RPC_BIND_SIZE)
        return POLLOUT;
    return POLLIN;
}

/* The first bytes of a reply that is not RPC, printable, so the user can recognise the service. */
static void quote_start(const struct conn *conn, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < conn->received && i < 24 && n + 5 < size; i++) {
        unsigned char c = conn->in[i];
        if (c == '\r' || c == '\n')
            break;
        n += (size_t)snprintf(out + n, size - n, isprint(c) ? "%c" : "\\x%02x", c);
    }
    out[n] = '\0';
}

static void record_rpc(struct run *run, struct conn *conn, enum diag_finding finding, const char *detail)
{
    struct diag_probe *p = run_add_probe(run, DIAG_PROBE_RPC, finding, conn->target, conn->connected);
    snprintf(p->target_text, sizeof p->target_text, "%s", conn->text);
    snprintf(p->detail, sizeof p->detail, "%s", detail);
    run_publish(run, p);
    finish(conn);
}

/* A context's rejection reason (C706 p_provider_reason_t), in words. */
static const char *reason_text(uint16_t reason)
{
    static const char *const text[] = {
        "no reason given", "interface not supported", "transfer syntax not supported",
        "local limit exceeded",
    };
    return reason < sizeof text / sizeof text[0] ? text[reason] : "unknown reason";
}

static void judge_reply(struct run *run, struct conn *conn, size_t length)
{
    static const char *const syntax_names[] = { "?", "NDR", "NDR64" };
    static const enum diag_finding findings[] = {
        [RPC_ACCEPTED] = DIAG_RPC_KMS, [RPC_NO_INTERFACE] = DIAG_RPC_NO_INTERFACE,
        [RPC_NO_SYNTAX] = DIAG_RPC_REJECTED, [RPC_NAK] = DIAG_RPC_REJECTED,
        [RPC_MALFORMED] = DIAG_RPC_NOT_RPC,
    };
    struct rpc_bind_reply reply;
    char detail[DIAG_TEXT_MAX];
    rpc_parse_bind_reply(conn->in, length, &reply);
    switch (reply.outcome) {
    case RPC_ACCEPTED:
        snprintf(detail, sizeof detail, "KMS interface accepted (%s), secondary address \"%s\"",
                 syntax_names[reply.accepted], reply.secondary_address);
        break;
    case RPC_NO_INTERFACE:
        snprintf(detail, sizeof detail, "an RPC server without the KMS interface");
        break;
    case RPC_NO_SYNTAX:
        snprintf(detail, sizeof detail, "an RPC server that rejected both offers: %s; %s",
                 reason_text(reply.reasons[0]), reason_text(reply.reasons[1]));
        break;
    case RPC_NAK:
        snprintf(detail, sizeof detail, "bind_nak, reject reason %u", reply.nak_reason);
        break;
    default:
        snprintf(detail, sizeof detail, "not a valid bind reply: %s", reply.problem);
    }
    record_rpc(run, conn, findings[reply.outcome], detail);
}

static void read_reply(struct run *run, struct conn *conn)
{
    char detail[DIAG_TEXT_MAX], start[128];
    ssize_t n = read(conn->fd, conn->in + conn->received, sizeof conn->in - conn->received);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        bool reset = n < 0;
        if (conn->received == 0) {
            record_rpc(run, conn, DIAG_RPC_CLOSED, reset ? "connection reset without a reply"
                                                         : "closed without a reply");
            return;
        }
        quote_start(conn, start, sizeof start);
        snprintf(detail, sizeof detail, "closed after %zu bytes that are no bind reply: \"%s\"",
                 conn->received, start);
        record_rpc(run, conn, DIAG_RPC_NOT_RPC, detail);
        return;
    }
    conn->received += (size_t)n;
    size_t needed = rpc_reply_needed(conn->in, conn->received);
    if (needed == SIZE_MAX) {
        quote_start(conn, start, sizeof start);
        snprintf(detail, sizeof detail, "something that is not RPC: \"%s\"", start);
        record_rpc(run, conn, DIAG_RPC_NOT_RPC, detail);
    } else if (needed && conn->received >= needed) {
        judge_reply(run, conn, needed);
    }
}

void kms_ready(struct run *run, struct conn *conn, short revents)
{
    if (conn->state == CONN_CONNECTING) {
        int error = 0;
        socklen_t size = sizeof error;
        if (getsockopt(conn->fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
            error = errno;
        if (error == 0 && !(revents & POLLOUT))
            return;
        if (error)
            record_tcp(run, conn, tcp_errno_finding(error), error);
        else
            begin_bind(run, conn);
        return;
    }
    if (conn->sent < RPC_BIND_SIZE && (revents & POLLOUT)) {
        ssize_t n = send(conn->fd, conn->out + conn->sent, RPC_BIND_SIZE - conn->sent, MSG_NOSIGNAL);
        if (n > 0)
            conn->sent += (size_t)n;
        else if (errno != EAGAIN && errno != EINTR)
            record_rpc(run, conn, DIAG_RPC_CLOSED, "connection lost while sending the bind");
        return;
    }
    if (revents & (POLLIN | POLLHUP | POLLERR))
        read_reply(run, conn);
}

void kms_expire(struct run *run, struct conn *conn)
{
    if (conn->state == CONN_CONNECTING) {
        record_tcp(run, conn, DIAG_TCP_TIMEOUT, 0);
        return;
    }
    char detail[DIAG_TEXT_MAX];
    if (conn->received == 0)
        snprintf(detail, sizeof detail, "no reply to the bind before the deadline");
    else
        snprintf(detail, sizeof detail, "only %zu bytes of a reply before the deadline", conn->received);
    record_rpc(run, conn, DIAG_RPC_SILENT, detail);
}
