/* SPDX-License-Identifier: MIT */
/* test_diag_srv.c: SRV answers (status mapping, parsing, client order), resolv.conf facts and
 * HOST[:PORT] arguments (src/diag/srv.c, resolvconf.c, hostport.c). */
#include <sys/select.h> /* c-ares needs fd_set */
#include <ares.h>
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include "resolvconf.h"
#include "srv.h"

struct answer {
    unsigned char bytes[4096];
    size_t length;
};

static void add(struct answer *a, const void *data, size_t n)
{
    memcpy(a->bytes + a->length, data, n);
    a->length += (int)n;
}

static void add16(struct answer *a, unsigned v) { add(a, (unsigned char[]){ (unsigned char)(v >> 8), (unsigned char)v }, 2); }

static void add_name(struct answer *a, const char *name)
{
    while (*name) {
        size_t n = strcspn(name, ".");
        unsigned char length = (unsigned char)n;
        add(a, &length, 1);
        add(a, name, n);
        name += n + (name[n] == '.');
    }
    add(a, "", 1);
}

/* A NOERROR response to "_vlmcs._tcp.x.test SRV" with `count` records (header flags `flags`). */
static struct answer srv_answer_flags(const unsigned (*records)[3], const char *const *targets,
                                      unsigned count, unsigned flags)
{
    struct answer a = { .length = 0 };
    add16(&a, 0x1234);
    add16(&a, flags);
    add16(&a, 1);
    add16(&a, count);
    add16(&a, 0);
    add16(&a, 0);
    add_name(&a, "_vlmcs._tcp.x.test");
    add16(&a, 33);
    add16(&a, 1);
    for (unsigned i = 0; i < count; i++) {
        add16(&a, 0xC00C); /* pointer to the question's name */
        add16(&a, 33);
        add16(&a, 1);
        add16(&a, 0);
        add16(&a, 300 + i);
        add16(&a, (unsigned)(6 + (targets[i][0] ? strlen(targets[i]) + 2 : 1)));
        add16(&a, records[i][0]);
        add16(&a, records[i][1]);
        add16(&a, records[i][2]);
        add_name(&a, targets[i]);
    }
    return a;
}

static struct answer srv_answer(const unsigned (*records)[3], const char *const *targets, unsigned count)
{
    return srv_answer_flags(records, targets, count, 0x8180);
}

Test(srv, status_mapping)
{
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_ENOTFOUND, NULL, 0, &list), DIAG_DNS_NXDOMAIN);
    cr_assert_eq(srv_result(ARES_ENODATA, NULL, 0, &list), DIAG_DNS_NODATA);
    cr_assert_eq(srv_result(ARES_ESERVFAIL, NULL, 0, &list), DIAG_DNS_SERVFAIL);
    cr_assert_eq(srv_result(ARES_EREFUSED, NULL, 0, &list), DIAG_DNS_SERVFAIL);
    cr_assert_eq(srv_result(ARES_ETIMEOUT, NULL, 0, &list), DIAG_DNS_NO_ANSWER);
    cr_assert_eq(srv_result(ARES_ECONNREFUSED, NULL, 0, &list), DIAG_DNS_NO_ANSWER);
    cr_assert_eq(srv_result(ARES_ECANCELLED, NULL, 0, &list), DIAG_DNS_NO_ANSWER);
    cr_assert_eq(srv_result(ARES_EBADRESP, NULL, 0, &list), DIAG_DNS_ERROR);
    cr_assert_eq(srv_result(ARES_SUCCESS, NULL, 0, &list), DIAG_DNS_ERROR);
}

Test(srv, ordered_by_priority_then_weight)
{
    static const unsigned records[][3] = { { 10, 100, 1688 }, { 0, 5, 1688 }, { 0, 50, 1700 }, { 5, 0, 1688 } };
    static const char *const targets[] = { "backup.x.test", "light.x.test", "heavy.x.test", "mid.x.test" };
    struct answer a = srv_answer(records, targets, 4);
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_SUCCESS, a.bytes, a.length, &list), DIAG_DNS_OK);
    cr_assert_eq(list.count, 4);
    cr_assert_str_eq(list.records[0].target, "heavy.x.test");
    cr_assert_eq(list.records[0].port, 1700);
    cr_assert_str_eq(list.records[1].target, "light.x.test");
    cr_assert_str_eq(list.records[2].target, "mid.x.test");
    cr_assert_str_eq(list.records[3].target, "backup.x.test");
}

Test(srv, dot_target_means_no_service)
{
    static const unsigned records[][3] = { { 0, 0, 0 } };
    static const char *const targets[] = { "" };
    struct answer a = srv_answer(records, targets, 1);
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_SUCCESS, a.bytes, a.length, &list), DIAG_DNS_NOT_OFFERED);
    cr_assert(list.not_offered);
}

/* 20 records, the best (priority 0) sent last: it is kept whatever the order, the rest counted. */
Test(srv, selection_over_all_records)
{
    unsigned records[20][3];
    char names[20][32];
    const char *targets[20];
    for (unsigned i = 0; i < 20; i++) {
        records[i][0] = i == 19 ? 0 : 10 + i;
        records[i][1] = 100;
        records[i][2] = 1688;
        snprintf(names[i], sizeof names[i], "host%02u.x.test", i);
        targets[i] = names[i];
    }
    struct answer a = srv_answer((const unsigned (*)[3])records, targets, 20);
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_SUCCESS, a.bytes, a.length, &list), DIAG_DNS_OK);
    cr_assert_eq(list.count, SRV_MAX_RECORDS);
    cr_assert_eq(list.skipped, 20 - SRV_MAX_RECORDS);
    cr_assert_str_eq(list.records[0].target, "host19.x.test");
    cr_assert_str_eq(list.records[SRV_MAX_RECORDS - 1].target, "host14.x.test");
    cr_assert_eq(list.ttl, 300, "the lowest TTL");
}

Test(srv, truncation_bit)
{
    static const unsigned records[][3] = { { 0, 100, 1688 } };
    static const char *const targets[] = { "kms.x.test" };
    struct answer a = srv_answer_flags(records, targets, 1, 0x8380);
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_SUCCESS, a.bytes, a.length, &list), DIAG_DNS_OK);
    cr_assert(list.truncated);
}

Test(srv, control_bytes_in_names_are_escaped)
{
    struct srv_list list; /* a target label holding ESC, a dot and BEL */
    unsigned char wire[] = { 0x12, 0x34, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0,
                             0, 0, 33, 0, 1, 0, 0, 0, 60, 0, 17, 0, 0, 0, 100, 0x06, 0x90,
                             4, 'k', 0x1B, '.', 0x07, 4, 't', 'e', 's', 't', 0 };
    cr_assert_eq(srv_result(ARES_SUCCESS, wire, sizeof wire, &list), DIAG_DNS_OK);
    cr_assert_str_eq(list.records[0].target, "k\\027\\046\\007.test");
}

Test(srv, compression_loop_is_an_error)
{
    unsigned char wire[] = { 0x12, 0x34, 0x81, 0x80, 0, 0, 0, 1, 0, 0, 0, 0,
                             0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, 0, 8, 0, 0, 0, 100, 0x06, 0x90, 0xC0, 28 };
    struct srv_list list;
    cr_assert_eq(srv_result(ARES_SUCCESS, wire, sizeof wire, &list), DIAG_DNS_ERROR);
}

Test(srv, garbage_and_truncations_are_errors)
{
    static const unsigned records[][3] = { { 0, 100, 1688 } };
    static const char *const targets[] = { "kms.x.test" };
    struct answer a = srv_answer(records, targets, 1);
    struct srv_list list;
    for (size_t n = 1; n < a.length; n++) {
        enum diag_finding f = srv_result(ARES_SUCCESS, a.bytes, n, &list);
        cr_assert(f == DIAG_DNS_ERROR || f == DIAG_DNS_NODATA, "length %zu gave %d", n, f);
    }
}

Test(resolvconf, domain_search_and_servers)
{
    struct resolv_facts f;
    const char *text = "# comment\nnameserver 192.0.2.1\nsearch corp.example lab.example\n"
                       "nameserver 2001:db8::1 ; second\noptions ndots:2\n";
    resolvconf_parse(text, strlen(text), &f);
    cr_assert_str_eq(f.domain, "corp.example");
    cr_assert_eq(f.nameservers, 2);
    text = "search a.example\ndomain b.example.\n";
    resolvconf_parse(text, strlen(text), &f);
    cr_assert_str_eq(f.domain, "b.example", "the last of domain/search wins, trailing dot dropped");
    cr_assert_eq(f.nameservers, 0);
    text = "nameserver\ndomainx c.example\n#domain d.example\n";
    resolvconf_parse(text, strlen(text), &f);
    cr_assert_str_eq(f.domain, "");
    cr_assert_eq(f.nameservers, 0);
}

Test(resolvconf, unusable_files_are_errors_that_say_why)
{
    struct resolv_facts f;
    char error[200];
    cr_assert_eq(resolvconf_read("/nonexistent/resolv.conf", &f, error, sizeof error), -1);
    cr_assert_str_eq(error, "cannot read /nonexistent/resolv.conf: No such file or directory");
    cr_assert_eq(f.nameservers, 0);
    char fifo[] = "/tmp/slerr-test-fifoXXXXXX";
    cr_assert_not_null(mkdtemp(fifo));
    char path[64];
    snprintf(path, sizeof path, "%s/conf", fifo);
    cr_assert_eq(mkfifo(path, 0600), 0);
    cr_assert_eq(resolvconf_read(path, &f, error, sizeof error), -1, "a FIFO must not block");
    cr_assert(strstr(error, "is not a regular file"), "%s", error);
    unlink(path);
    rmdir(fifo);
    cr_assert_eq(resolvconf_read("/dev/zero", &f, error, sizeof error), -1);
    cr_assert_str_eq(error, "cannot use /dev/zero: is not a regular file");
}

Test(hostport, forms)
{
    char host[64];
    uint16_t port;
    cr_assert_eq(diag_parse_hostport("kms.example", 1688, host, sizeof host, &port), 0);
    cr_assert_str_eq(host, "kms.example");
    cr_assert_eq(port, 1688);
    cr_assert_eq(diag_parse_hostport("kms.example:1700", 1688, host, sizeof host, &port), 0);
    cr_assert_eq(port, 1700);
    cr_assert_eq(diag_parse_hostport("[2001:db8::1]:53", 1688, host, sizeof host, &port), 0);
    cr_assert_str_eq(host, "2001:db8::1");
    cr_assert_eq(port, 53);
    cr_assert_eq(diag_parse_hostport("2001:db8::1", 123, host, sizeof host, &port), 0);
    cr_assert_str_eq(host, "2001:db8::1");
    cr_assert_eq(port, 123);
    cr_assert_eq(diag_parse_hostport("[::1]", 123, host, sizeof host, &port), 0);
    cr_assert_str_eq(host, "::1");
    cr_assert_eq(diag_parse_hostport("[::1]:1688", 123, host, sizeof host, &port), 0);
    cr_assert_eq(port, 1688);
    /* an IPv6 address with a port needs brackets; a guess is refused; no junk reaches a resolver */
    const char *bad[] = { "", ":1688", "host:", "host:0", "host:65536", "host:12x", "[::1", "[::1]x",
                          "[]:53", "a b", "host:-1", "::1:1688", "::1:16882", "2001:db8::1:53",
                          "[kms.example]:1688", "kms..example", "kms\033]0;x", "a:b:c" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert_eq(diag_parse_hostport(bad[i], 1688, host, sizeof host, &port), -1, "%s", bad[i]);
}
