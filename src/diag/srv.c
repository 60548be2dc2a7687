/* SPDX-License-Identifier: MIT */
/* srv.c: SRV answers: c-ares status mapping, and a bounded parser of the DNS message (RFC 1035
 * section 4, RFC 2782) that keeps the records a client would try first. */
#include <sys/select.h> /* c-ares needs fd_set */
#include <ares.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "srv.h"

#define HEADER_SIZE 12
#define TYPE_SRV 33
#define CLASS_IN 1
#define FLAG_TC 0x0200
#define NAME_WIRE_MAX 255
#define MAX_POINTERS 64 /* more compression hops than a 255-byte name can need: a loop */

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

struct reader {
    const unsigned char *msg;
    size_t length, pos;
};

static int get16(struct reader *r, uint16_t *v)
{
    if (r->length - r->pos < 2)
        return -1;
    *v = (uint16_t)(r->msg[r->pos] << 8 | r->msg[r->pos + 1]);
    r->pos += 2;
    return 0;
}

static int get32(struct reader *r, uint32_t *v)
{
    uint16_t hi, lo;
    if (get16(r, &hi) || get16(r, &lo))
        return -1;
    *v = (uint32_t)hi << 16 | lo;
    return 0;
}

/* Appends one label byte, escaped unless it is a plain printable that cannot be misread. */
static void put_label_byte(char *out, size_t size, size_t *used, unsigned char c)
{
    char text[5] = { (char)c, 0 };
    if (c <= ' ' || c >= 0x7F || c == '.' || c == '\\')
        snprintf(text, sizeof text, "\\%03u", c);
    size_t n = strlen(text);
    for (size_t i = 0; i < n && *used + n < size; i++)
        out[*used + i] = text[i]; /* the caller ends the string */
    *used += n;
}

/* Reads a possibly compressed name at r->pos into `out` as text ("." for the root). Leaves
 * r->pos after the name's bytes at its original place. 0; -1 when malformed; 1 when the text
 * does not fit `size` (out is then ""). */
static int read_name(struct reader *r, char *out, size_t size)
{
    size_t pos = r->pos, used = 0, wire = 0, hops = 0;
    bool jumped = false;
    for (;;) {
        if (pos >= r->length)
            return -1;
        unsigned char n = r->msg[pos];
        if ((n & 0xC0) == 0xC0) {
            if (pos + 1 >= r->length || ++hops > MAX_POINTERS)
                return -1;
            if (!jumped)
                r->pos = pos + 2;
            jumped = true;
            pos = (size_t)(n & 0x3F) << 8 | r->msg[pos + 1];
            continue;
        }
        if (n & 0xC0)
            return -1; /* the extended label types are not used in answers */
        if (n == 0)
            break;
        wire += 1u + n;
        if (wire > NAME_WIRE_MAX || pos + 1 + n > r->length)
            return -1;
        if (used && used < size)
            out[used] = '.';
        used += used != 0;
        for (size_t i = 0; i < n; i++)
            put_label_byte(out, size, &used, r->msg[pos + 1 + i]);
        pos += 1u + n;
    }
    if (!jumped)
        r->pos = pos + 1;
    if (used == 0)
        used = 1, out[0] = '.';
    if (used >= size) {
        out[0] = '\0';
        return 1;
    }
    out[used] = '\0';
    return 0;
}

static int client_order(const struct srv_record *x, const struct srv_record *y)
{
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    int by_name = strcmp(x->target, y->target);
    if (by_name)
        return by_name;
    return x->port < y->port ? -1 : x->port > y->port;
}

/* Keeps the SRV_MAX_RECORDS first records in client order: an insertion into a sorted array. */
static void keep(struct srv_list *list, const struct srv_record *rec)
{
    size_t at = list->count;
    while (at > 0 && client_order(rec, &list->records[at - 1]) < 0)
        at--;
    if (at == SRV_MAX_RECORDS) {
        list->skipped++;
        return;
    }
    if (list->count == SRV_MAX_RECORDS)
        list->skipped++; /* the last one falls off */
    else
        list->count++;
    memmove(&list->records[at + 1], &list->records[at],
            (list->count - 1 - at) * sizeof list->records[0]);
    list->records[at] = *rec;
}

static int read_srv(struct reader *r, size_t end, struct srv_list *list, uint32_t ttl)
{
    struct srv_record rec;
    if (get16(r, &rec.priority) || get16(r, &rec.weight) || get16(r, &rec.port))
        return -1;
    int named = read_name(r, rec.target, sizeof rec.target);
    if (named < 0 || r->pos != end)
        return -1;
    list->ttl = ttl < list->ttl ? ttl : list->ttl;
    if (named > 0)
        list->unusable++;
    else if (strcmp(rec.target, ".") == 0)
        list->not_offered = true;
    else
        keep(list, &rec);
    return 0;
}

static int read_answer(struct reader *r, struct srv_list *list)
{
    char owner[4 * NAME_WIRE_MAX + 2];
    uint16_t type, class, rdlength;
    uint32_t ttl;
    if (read_name(r, owner, sizeof owner) < 0 || get16(r, &type) || get16(r, &class) ||
        get32(r, &ttl) || get16(r, &rdlength) || r->length - r->pos < rdlength)
        return -1;
    size_t end = r->pos + rdlength;
    if (type == TYPE_SRV && class == CLASS_IN)
        return read_srv(r, end, list, ttl);
    r->pos = end; /* a CNAME on the way, or an unrelated record */
    return 0;
}

static enum diag_finding parse(const unsigned char *answer, size_t length, struct srv_list *list)
{
    struct reader r = { answer, length, HEADER_SIZE };
    char name[4 * NAME_WIRE_MAX + 2];
    if (length < HEADER_SIZE)
        return DIAG_DNS_ERROR;
    unsigned flags = (unsigned)answer[2] << 8 | answer[3];
    unsigned questions = (unsigned)answer[4] << 8 | answer[5];
    unsigned answers = (unsigned)answer[6] << 8 | answer[7];
    list->truncated = (flags & FLAG_TC) != 0;
    list->ttl = UINT32_MAX;
    for (unsigned i = 0; i < questions; i++) {
        uint16_t type, class;
        if (read_name(&r, name, sizeof name) < 0 || get16(&r, &type) || get16(&r, &class))
            return DIAG_DNS_ERROR;
    }
    for (unsigned i = 0; i < answers; i++)
        if (read_answer(&r, list) != 0)
            return DIAG_DNS_ERROR;
    if (list->ttl == UINT32_MAX)
        list->ttl = 0;
    if (list->count)
        return DIAG_DNS_OK;
    return list->not_offered && !list->unusable ? DIAG_DNS_NOT_OFFERED : DIAG_DNS_NODATA;
}

#define TYPE_CNAME 5
#define CHAIN_RECORDS 32

struct cname {
    char owner[SRV_NAME_MAX], target[SRV_NAME_MAX];
};

/* The CNAME records of the answer section, up to `max`; -1 when the message is malformed. */
static int read_cnames(struct reader *r, unsigned answers, struct cname *out, size_t max, size_t *count)
{
    char owner[SRV_NAME_MAX];
    for (unsigned i = 0; i < answers; i++) {
        uint16_t type, class, rdlength;
        uint32_t ttl;
        int named = read_name(r, owner, sizeof owner);
        if (named < 0 || get16(r, &type) || get16(r, &class) || get32(r, &ttl) ||
            get16(r, &rdlength) || r->length - r->pos < rdlength)
            return -1;
        size_t end = r->pos + rdlength;
        if (type == TYPE_CNAME && named == 0 && *count < max) {
            memcpy(out[*count].owner, owner, sizeof owner);
            int target = read_name(r, out[*count].target, sizeof out[*count].target);
            if (target < 0 || r->pos != end)
                return -1;
            *count += target == 0;
        }
        r->pos = end;
    }
    return 0;
}

enum dns_chain dns_cname_chain(const unsigned char *answer, size_t length, size_t *links)
{
    struct reader r = { answer, length, HEADER_SIZE };
    struct cname cnames[CHAIN_RECORDS];
    char name[SRV_NAME_MAX];
    uint16_t type, class;
    size_t count = 0;
    *links = 0;
    if (length < HEADER_SIZE || (answer[4] << 8 | answer[5]) != 1 ||
        read_name(&r, name, sizeof name) != 0 || get16(&r, &type) || get16(&r, &class) ||
        read_cnames(&r, (unsigned)answer[6] << 8 | answer[7], cnames, CHAIN_RECORDS, &count) != 0)
        return DNS_CHAIN_MALFORMED;
    const char *at = name;
    for (;;) {
        size_t i = 0;
        while (i < count && strcasecmp(cnames[i].owner, at) != 0)
            i++;
        if (i == count)
            return *links ? DNS_CHAIN_ENDS : DNS_CHAIN_NONE;
        at = cnames[i].target;
        if (++*links > count) /* more links than records: a name came back */
            return DNS_CHAIN_LOOP;
        if (*links > DNS_CHAIN_MAX_LINKS)
            return DNS_CHAIN_TOO_LONG;
    }
}

enum diag_finding srv_result(int ares_status, const unsigned char *answer, size_t length,
                             struct srv_list *list)
{
    memset(list, 0, sizeof *list);
    if (ares_status != ARES_SUCCESS)
        return srv_status_finding(ares_status);
    if (!answer)
        return DIAG_DNS_ERROR;
    enum diag_finding finding = parse(answer, length, list);
    if (finding == DIAG_DNS_ERROR)
        list->count = list->skipped = 0;
    return finding;
}
