/* SPDX-License-Identifier: MIT */
/* kms_report.c: a KMS host's exported 12290 events (and clients' 12288/12289) summed up per
 * client machine ID: products, clones, clock-skew rejections, licence states, expiry, silence,
 * requests per day and the count each product group reaches. One fixed-size slot per
 * (CMID, product) in an open-addressing table: memory follows clients, not events. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <sys/random.h> /* getrandom: glibc 2.25, every Debian release slerr supports */

#include "code.h"
#include "event.h"
#include "hex.h"

#define TIME_SKEW 0xC004F06Cu
#define LOW_COUNT 0xC004F038u
#define DAY INT64_C(86400)
#define RENEWAL_DAYS 7      /* an activated client renews every 7 days */
#define COUNT_WINDOW_DAYS 30 /* the host counts the CMIDs of the last 30 days ... */
#define COUNT_KEPT 50        /* ... and keeps the 50 most recent */
#define EXPIRY_SOON_MIN (INT64_C(30) * 1440)
#define MAX_PRODUCTS 32
#define MAX_RESULTS 8
#define DAY_SLOTS 32
#define NAME_MAX_LEN 28 /* a name for examples; slots stay at 96 bytes */
#define NAME_HASHES 3
#define EXAMPLES 3

struct client {
    uint8_t cmid[16];
    uint8_t used, product, state, nnames; /* product: index + 1; state: 0-6, 0xFF unknown */
    uint8_t vm, required;
    uint32_t last_result;
    int32_t minutes;      /* minutes left at last_seen, -1 unknown */
    int64_t last_seen;
    uint64_t names[NAME_HASHES]; /* distinct names seen (hashes) */
    char name[NAME_MAX_LEN];     /* the first name, for examples */
    uint32_t order;              /* clients before this one: examples are the first seen */
};
_Static_assert(sizeof(struct client) == 96, "a slot stays at 96 bytes: 2 slots per 3 lines");

struct product {
    char actid[40];
    uint8_t required;
    uint64_t requests;
};

struct tally {
    uint32_t code;
    uint64_t count;
};

#define PENDING 8

struct pending {
    uint8_t key[16];
    uint8_t product, vm, state, required;
    uint32_t result;
    int32_t minutes;
    int64_t when;
    uint64_t name_hash;
    char name[NAME_MAX_LEN];
};

struct ex_kms_report {
    uint64_t seed[2]; /* keys the slot hash: a log cannot be made to collide in advance */
    uint64_t extra_probes; /* slots looked at past a request's first: how well keys spread */
    struct pending pending[PENDING]; /* requests read but not yet counted, oldest first */
    size_t npending, next_pending;
    struct client *slots;
    size_t cap, used;
    struct product products[MAX_PRODUCTS];
    size_t nproducts;
    uint64_t other_products; /* requests for products past MAX_PRODUCTS */
    struct tally results[MAX_RESULTS];
    uint64_t host_events, client_events, requests_timed;
    uint64_t adba_events; /* 12308: clients that activated through Active Directory */
    int64_t oldest, newest;
    struct { int64_t day; uint64_t count; } days[DAY_SLOTS];
    long host_count_max; /* the count 12289 events reported, -1 none */
    char host[EX_EVENT_NAME_MAX]; /* the computer that logged the first 12290 */
    size_t first_line;            /* and the line it starts on */
    char clone_ex[EX_VALUE_MAX]; /* the first clones, "first = second name", as found */
    size_t clone_n;
    size_t last_product; /* the product of the previous request: logs repeat one a lot */
    uint64_t client_failures; /* 12288 events with a failed request */
};

/* A seed per report from the system's random source; where it fails (no entropy yet), from the
 * clock and addresses, which a file written in advance cannot know either. */
static void new_seed(uint64_t seed[2], const void *where)
{
    if (getrandom(seed, 2 * sizeof *seed, GRND_NONBLOCK) == (ssize_t)(2 * sizeof *seed))
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    seed[0] = (uint64_t)now.tv_nsec * 0x9E3779B97F4A7C15ULL ^ (uint64_t)now.tv_sec;
    seed[1] = (uint64_t)(uintptr_t)where * 0xC2B2AE3D27D4EB4FULL ^ (uint64_t)(uintptr_t)&now;
}

struct ex_kms_report *ex_kms_report_new(void)
{
    struct ex_kms_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    /* The client table (96 KiB to start) is made at the first 12290: most inputs have none. */
    r->oldest = INT64_MAX;
    r->newest = INT64_MIN;
    r->host_count_max = -1;
    new_seed(r->seed, r);
    return r;
}

size_t ex_kms_report_extra_probes(const struct ex_kms_report *r)
{
    return (size_t)r->extra_probes;
}

void ex_kms_report_free(struct ex_kms_report *r)
{
    if (r) {
        free(r->slots);
        free(r);
    }
}

const char *ex_kms_report_host(const struct ex_kms_report *r)
{
    return r->host;
}

size_t ex_kms_report_line(const struct ex_kms_report *r)
{
    return r->first_line;
}

size_t ex_kms_report_events(const struct ex_kms_report *r)
{
    return (size_t)r->host_events;
}

static uint64_t fnv1a(const char *s, uint64_t h)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        h = (h ^ (c >= 'A' && c <= 'Z' ? c | 0x20 : c)) * 0x100000001b3ULL;
    }
    return h;
}

/* The form events write a CMID in, 8-4-4-4-12 hex digits (and the brace after it, if any),
 * read at fixed places; false for any other form. */
static bool canonical_guid(const char *p, uint8_t key[16])
{
    static const unsigned char at[16] = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };
    if (strnlen(p, 36) < 36 || p[8] != '-' || p[13] != '-' || p[18] != '-' || p[23] != '-' ||
        (p[36] != '\0' && p[36] != '}'))
        return false;
    int bad = 0;
    for (size_t i = 0; i < 16; i++) {
        int high = ex_hex_value(p[at[i]]), low = ex_hex_value(p[at[i] + 1]);
        bad |= high | low; /* -1 for a byte that is no hex digit */
        key[i] = (uint8_t)((unsigned)high << 4 | (unsigned)low);
    }
    return bad >= 0;
}

/* A CMID is a GUID: its 16 bytes are the key. Anything else is hashed into 16 bytes. */
static void cmid_key(const char *text, uint8_t key[16])
{
    size_t n = 0;
    const char *p = text;
    if (*p == '{')
        p++;
    if (canonical_guid(p, key))
        return;
    for (; *p && n < 32; p++) {
        if (*p == '-')
            continue;
        int v = ex_hex_value(*p);
        if (v < 0)
            break;
        if (n % 2 == 0)
            key[n / 2] = (uint8_t)(v << 4);
        else
            key[n / 2] |= (uint8_t)v;
        n++;
    }
    if (n == 32 && (*p == '\0' || *p == '}'))
        return;
    uint64_t a = fnv1a(text, 0xcbf29ce484222325ULL), b = fnv1a(text, 0x84222325cbf29ce4ULL);
    memcpy(key, &a, 8);
    memcpy(key + 8, &b, 8);
}

static uint64_t mix(uint64_t h)
{
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 31);
}

/* All 16 bytes of the CMID count, keyed by the report's seed: CMIDs that share a prefix, or a
 * log crafted against a fixed hash, still spread over the table. */
static size_t slot_of(const uint64_t seed[2], const uint8_t key[16], uint8_t product, size_t cap)
{
    uint64_t a, b;
    memcpy(&a, key, 8);
    memcpy(&b, key + 8, 8);
    uint64_t h = mix(a ^ seed[0]);
    h = mix(h ^ b ^ seed[1] ^ (uint64_t)product * 0x9E3779B97F4A7C15ULL);
    return (size_t)h & (cap - 1);
}

static struct client *probe(struct ex_kms_report *r, struct client *slots, size_t cap,
                            const uint8_t key[16], uint8_t product)
{
    for (size_t i = slot_of(r->seed, key, product, cap);; i = (i + 1) & (cap - 1)) {
        struct client *c = &slots[i];
        if (!c->used || (c->product == product && memcmp(c->cmid, key, 16) == 0))
            return c;
        r->extra_probes++;
    }
}

static bool grow(struct ex_kms_report *r)
{
    size_t cap = r->cap ? r->cap * 2 : 1024;
    struct client *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < r->cap; i++)
        if (r->slots[i].used)
            *probe(r, slots, cap, r->slots[i].cmid, r->slots[i].product) = r->slots[i];
    free(r->slots);
    r->slots = slots;
    r->cap = cap;
    return true;
}

static uint8_t product_index(struct ex_kms_report *r, const char *actid, long required)
{
    if (r->last_product && strcmp(r->products[r->last_product - 1].actid, actid) == 0)
        return (uint8_t)r->last_product;
    for (size_t i = 0; i < r->nproducts; i++)
        if (strcasecmp(r->products[i].actid, actid) == 0)
            return (uint8_t)(r->last_product = i + 1);
    if (r->nproducts == MAX_PRODUCTS)
        return 0;
    struct product *p = &r->products[r->nproducts++];
    ex_format(p->actid, sizeof p->actid, "%s", actid);
    p->required = required > 0 && required < 256 ? (uint8_t)required : 0;
    return (uint8_t)(r->last_product = r->nproducts);
}

static void tally_result(struct ex_kms_report *r, uint32_t code)
{
    for (size_t i = 0; i < MAX_RESULTS; i++) {
        if (r->results[i].count && r->results[i].code != code)
            continue;
        r->results[i].code = code;
        r->results[i].count++;
        return;
    }
}

static void count_day(struct ex_kms_report *r, int64_t when)
{
    int64_t day = when >= 0 ? when / DAY : (when - DAY + 1) / DAY;
    size_t i = (size_t)(day & (DAY_SLOTS - 1));
    if (r->days[i].count && r->days[i].day > day)
        return; /* older than what the ring keeps */
    if (r->days[i].day != day)
        r->days[i].day = day, r->days[i].count = 0;
    r->days[i].count++;
}

static const char *field(const struct ex_event *ev, size_t n)
{
    return n <= ev->nvalues ? ev->values[n - 1] : "";
}

static long number(const char *s)
{
    unsigned long u;
    /* Plain decimal, as events write it, read directly; hex, octal, signs and spaces by strtol. */
    if ((s[0] != '0' || s[1] == '\0') && ex_event_decimal(s, LONG_MAX, &u))
        return (long)u;
    char *end;
    long v = strtol(s, &end, 0);
    return end != s && *end == '\0' ? v : -1;
}

/* Forward declaration: examples are collected as clones are found. */
static void example(char *buf, size_t size, size_t *shown, const char *name);

static void note_name(struct ex_kms_report *r, struct client *c, uint64_t h, const char *name)
{
    for (size_t i = 0; i < c->nnames && i < NAME_HASHES; i++)
        if (c->names[i] == h)
            return;
    if (c->nnames < NAME_HASHES)
        c->names[c->nnames] = h;
    if (c->nnames == 0) {
        ex_format(c->name, sizeof c->name, "%s", name);
    } else if (c->nnames == 1) {
        char pair[2 * NAME_MAX_LEN + 4];
        ex_format(pair, sizeof pair, "%s = %s", c->name, name);
        example(r->clone_ex, sizeof r->clone_ex, &r->clone_n, pair);
    }
    if (c->nnames < 255)
        c->nnames++;
}

/* Counts a queued request into its client's slot. */
static bool apply(struct ex_kms_report *r, const struct pending *p)
{
    if (r->used + 1 > r->cap / 5 * 4 && !grow(r))
        return false;
    struct client *c = probe(r, r->slots, r->cap, p->key, p->product);
    if (!c->used) {
        memset(c, 0, sizeof *c);
        memcpy(c->cmid, p->key, 16);
        c->used = 1;
        c->product = p->product;
        c->last_seen = INT64_MIN;
        c->order = r->used < UINT32_MAX ? (uint32_t)r->used : UINT32_MAX;
        r->used++;
    }
    note_name(r, c, p->name_hash, p->name);
    if (p->when >= c->last_seen || p->when == EX_EVENT_TIME_NONE) {
        c->last_seen = p->when;
        c->last_result = p->result;
        c->vm = p->vm;
        c->state = p->state;
        c->minutes = p->minutes;
        c->required = p->required;
    }
    return true;
}

static bool drain(struct ex_kms_report *r)
{
    for (; r->npending; r->npending--)
        if (!apply(r, &r->pending[(r->next_pending - r->npending) % PENDING]))
            return false;
    return true;
}

/* Reads a 12290 into a queue entry and prefetches its slot; the slot is updated PENDING requests
 * later, when the cache line has arrived: in a log of many clients each request's slot is a
 * cache miss, and this hides it behind the parsing of the next requests. */
static bool add_request(struct ex_kms_report *r, const struct ex_event *ev, int64_t when)
{
    if (r->npending == PENDING && !apply(r, &r->pending[r->next_pending]))
        return false;
    else if (r->npending < PENDING)
        r->npending++;
    struct pending *p = &r->pending[r->next_pending];
    r->next_pending = (r->next_pending + 1) % PENDING;
    if (!ex_event_code(field(ev, 1), &p->result))
        p->result = 0;
    long required = number(field(ev, 2));
    p->product = product_index(r, field(ev, 9), required);
    if (p->product)
        r->products[p->product - 1].requests++;
    else
        r->other_products++;
    tally_result(r, p->result);
    cmid_key(field(ev, 4), p->key);
#if defined(__GNUC__)
    if (r->slots)
        __builtin_prefetch(&r->slots[slot_of(r->seed, p->key, p->product, r->cap)]);
#endif
    const char *name = field(ev, 3);
    p->name_hash = fnv1a(name, 0xcbf29ce484222325ULL);
    size_t len = ex_utf8_cut(name, strnlen(name, sizeof p->name - 1));
    memcpy(p->name, name, len);
    p->name[len] = '\0';
    long state = number(field(ev, 7)), minutes = number(field(ev, 8));
    p->when = when;
    p->vm = number(field(ev, 6)) > 0;
    p->state = state >= 0 && state <= 6 ? (uint8_t)state : 0xFF;
    p->minutes = minutes >= 0 && minutes <= INT32_MAX ? (int32_t)minutes : -1;
    p->required = required > 0 && required < 256 ? (uint8_t)required : 0;
    return true;
}

bool ex_kms_report_add(struct ex_kms_report *r, const struct ex_event *ev)
{
    if (ev->id == 12308)
        r->adba_events++;
    if (ev->id < 12288 || ev->id > 12290)
        return true;
    int64_t when = ev->when;
    if (when == EX_EVENT_TIME_NONE && ev->id == 12290)
        when = ex_event_parse_time(field(ev, 5)); /* the client's time of the request */
    if (when != EX_EVENT_TIME_NONE) {
        r->oldest = when < r->oldest ? when : r->oldest;
        r->newest = when > r->newest ? when : r->newest;
        r->requests_timed++;
        count_day(r, when);
    }
    if (ev->id == 12288) {
        r->client_events++;
        uint32_t result;
        if (ex_event_code(field(ev, 1), &result) && result != 0)
            r->client_failures++;
        return true;
    }
    if (ev->id == 12289) {
        r->client_events++;
        long count = number(field(ev, 5));
        if (count > r->host_count_max)
            r->host_count_max = count;
        return true;
    }
    if (r->host_events++ == 0) {
        ex_format(r->host, sizeof r->host, "%s", ev->computer[0] ? ev->computer : "(unnamed)");
        r->first_line = ev->line;
    }
    return add_request(r, ev, when);
}

/* ---- the findings ---- */

struct out {
    struct ex_finding *f;
    size_t n, max;
};

/* The report's rows: one per finding it can give (its value is filled in by the code). */
static const struct ex_row row_requests = { "report-requests", "requests", EX_OK,
    "What the host's Key Management Service log holds.", { 0 }, { "event:12290" }, NULL };
static const struct ex_row row_product = { "report-product", "product", EX_OK,
    "Requests for this activation ID (product).", { 0 }, { NULL }, NULL };
static const struct ex_row row_count_enough = { "report-count-enough", "kms-count", EX_OK,
    "Distinct CMIDs of the last 30 days that need {need}: the host activates them.", { 0 },
    { NULL }, NULL };
static const struct ex_row row_count_low = { "report-count-low", "kms-count", EX_WARNING,
    "Distinct CMIDs of the last 30 days that need {need}: below it the host activates none of "
    "them.", { LOW_COUNT }, { "symptom:kms-count-not-increasing" }, NULL };
static const struct ex_row row_count_short_log = { "report-count-short-log", "kms-count",
    EX_NOTE, "Distinct CMIDs in this log that need {need}; the log covers less than the 7 days "
    "in which every client renews, so the host may count more.", { 0 },
    /* no code: the log is too short to say the count is low (0xC004F038's cause) */
    { "symptom:kms-count-not-increasing" }, NULL };
static const struct ex_row row_count_adba = { "report-count-adba", "kms-count", EX_NOTE,
    "Distinct CMIDs of the last 30 days that need {need}: low, but clients here activate through "
    "Active Directory (event 12308), never ask a KMS host and are not counted, so a low count is "
    "no fault while they stay activated.", { 0 }, { "event:12308" }, NULL };
static const struct ex_row row_adba = { "report-adba", "adba", EX_OK,
    "Activations through Active Directory in the log (event 12308): these clients do not use the "
    "KMS host and are not in its count.", { 0 }, { "event:12308" }, NULL };
static const struct ex_row row_clones = { "report-clones", "clones", EX_WARNING,
    "One CMID under several names: these machines were cloned from an image that was not "
    "generalised, and the host counts them once.", { 0 },
    { "symptom:kms-count-not-increasing" }, NULL };
static const struct ex_row row_clock_skew = { "report-clock-skew", "clock-skew", EX_CRITICAL,
    "The host refused these clients because their clocks differ from its own by more than 4 "
    "hours.", { TIME_SKEW }, { "event:12290" }, NULL };
static const struct ex_row row_expiring = { "report-expiring", "expiring", EX_WARNING,
    "Their activation runs out within 30 days: they have not renewed for months.", { 0 },
    { "setting:VLRenewalInterval" }, NULL };
static const struct ex_row row_not_seen = { "report-not-seen", "not-seen", EX_NOTE,
    "Not seen for more than the 7-day renewal interval before the newest event: retired, or no "
    "longer reaching this host.", { 0 }, { "setting:VLRenewalInterval" }, NULL };
static const struct ex_row row_virtual = { "report-virtual", "virtual", EX_NOTE,
    "Clients by the virtual-machine flag of their last request.", { 0 }, { NULL }, NULL };
static const struct ex_row row_states_bad = { "report-states-need-action", "license-states",
    EX_WARNING, "Some clients are unlicensed, in notification or in a grace period that needs "
    "action.", { 0 }, { NULL }, NULL };
static const struct ex_row row_states = { "report-states", "license-states", EX_OK,
    "Clients by the licence state of their last request.", { 0 }, { NULL }, NULL };
static const struct ex_row row_per_day = { "report-requests-per-day", "requests-per-day",
    EX_NOTE, "Requests on each of the last 7 days of the log.", { 0 }, { NULL }, NULL };
static const struct ex_row row_result = { "report-result", "result", EX_WARNING,
    "Requests the host could not serve, with this code.", { 0 }, { NULL }, NULL };
static const struct ex_row row_reported_count = { "report-reported-count", "reported-count",
    EX_NOTE, "The highest count the host reported to clients (their events 12289).", { 0 },
    { "event:12289" }, NULL };
static const struct ex_row row_client_failures = { "report-client-failures", "client-failures",
    EX_WARNING, "Requests that clients could not deliver (their events 12288): these never "
    "reached the host.", { 0 }, { "event:12288" }, NULL };

/* {need}: the count a group of clients needs. */
static const char *fill_need(const void *subject, const char *key, size_t len, bool command,
                             char *buf, size_t size)
{
    if (command || len != 4 || memcmp(key, "need", 4) != 0)
        return NULL;
    ex_format(buf, size, "%u", *(const unsigned *)subject);
    return buf;
}

/* The next finding, from its row; the caller writes its value. NULL when the output is full. */
static struct ex_finding *next(struct out *o, const struct ex_row *row)
{
    if (o->n == o->max)
        return NULL;
    struct ex_finding *f = &o->f[o->n++];
    ex_finding_from_row(f, row, NULL, NULL, NULL);
    return f;
}

static void date_of(int64_t t, char *buf, size_t size)
{
    /* Civil date from days (H. Hinnant), so that no locale or time zone is involved. */
    int64_t z = (t >= 0 ? t / DAY : (t - DAY + 1) / DAY) + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    int64_t y = (int64_t)yoe + era * 400 + (m <= 2);
    ex_format(buf, size, "%04" PRId64 "-%02u-%02u", y, m, d);
}

/* Adds a client's name to a list of examples, at most EXAMPLES of them. */
static void example(char *buf, size_t size, size_t *shown, const char *name)
{
    if (*shown >= EXAMPLES)
        return;
    size_t len = strlen(buf);
    ex_format(buf + len, size - len, "%s%s", *shown ? ", " : ": ", name);
    (*shown)++;
}

/* The first clients (in the order the log names them) of a kind, whatever the table order. */
struct picks {
    const struct client *c[EXAMPLES];
    size_t n;
};

static void pick(struct picks *p, const struct client *c)
{
    size_t i = p->n < EXAMPLES ? p->n++ : EXAMPLES;
    if (i == EXAMPLES && c->order > p->c[EXAMPLES - 1]->order)
        return;
    if (i == EXAMPLES)
        i--;
    for (; i > 0 && p->c[i - 1]->order > c->order; i--)
        p->c[i] = p->c[i - 1];
    p->c[i] = c;
}

/* ": first, second, third" */
static const char *picks_text(const struct picks *p, char *buf, size_t size)
{
    size_t shown = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < p->n; i++)
        example(buf, size, &shown, p->c[i]->name);
    return buf;
}

struct sums {
    uint64_t clones, skewed, vm, physical, expiring, stale, states[8];
    struct picks skew_ex, expiring_ex, stale_ex;
    uint64_t group_count[2]; /* CMIDs counted in the window: [0] needing 25, [1] needing 5 */
    bool group_seen[2];
    uint64_t cmids[MAX_PRODUCTS + 1], names[MAX_PRODUCTS + 1];
};

static void sum_client(const struct ex_kms_report *r, const struct client *c, struct sums *s)
{
    bool timed = c->last_seen != INT64_MIN && c->last_seen != EX_EVENT_TIME_NONE &&
                 r->newest != INT64_MIN;
    int64_t idle = timed ? r->newest - c->last_seen : 0;
    s->cmids[c->product]++;
    s->names[c->product] += c->nnames;
    if (c->nnames > 1)
        s->clones++;
    if (c->last_result == TIME_SKEW) {
        s->skewed++;
        pick(&s->skew_ex, c);
    }
    if (c->vm)
        s->vm++;
    else
        s->physical++;
    s->states[c->state <= 6 ? c->state : 7]++;
    if (c->state == 1 && c->minutes >= 0 && (int64_t)c->minutes - idle / 60 < EXPIRY_SOON_MIN) {
        s->expiring++;
        pick(&s->expiring_ex, c);
    }
    if (idle > RENEWAL_DAYS * DAY) {
        s->stale++;
        pick(&s->stale_ex, c);
    }
    if (c->required > 0) {
        size_t g = c->required >= 25 ? 0 : 1;
        s->group_seen[g] = true;
        if ((!timed || idle <= COUNT_WINDOW_DAYS * DAY) && c->last_result != TIME_SKEW)
            s->group_count[g]++;
    }
}

static void overview(const struct ex_kms_report *r, const struct sums *s, struct out *o)
{
    struct ex_finding *f = next(o, &row_requests);
    if (!f)
        return;
    uint64_t cmids = 0, names = 0;
    for (size_t i = 0; i <= MAX_PRODUCTS; i++)
        cmids += s->cmids[i], names += s->names[i];
    char from[16] = "?", to[16] = "?";
    if (r->requests_timed) {
        date_of(r->oldest, from, sizeof from);
        date_of(r->newest, to, sizeof to);
    }
    ex_format(f->value, sizeof f->value, "%" PRIu64 " requests, %" PRIu64 " CMIDs, %" PRIu64
             " machine names, %s to %s", r->host_events, cmids, names, from, to);
}

static void products(const struct ex_kms_report *r, const struct sums *s, struct out *o)
{
    for (size_t i = 0; i < r->nproducts && i < 8; i++) {
        struct ex_finding *f = next(o, &row_product);
        if (!f)
            return;
        const struct product *p = &r->products[i];
        ex_format(f->value, sizeof f->value, "%s: %" PRIu64 " requests, %" PRIu64 " CMIDs, %"
                 PRIu64 " names, needs %u", p->actid[0] ? p->actid : "(none)", p->requests,
                 s->cmids[i + 1], s->names[i + 1], p->required);
    }
}

/* A log shorter than the renewal interval need not hold every client the host counts: there a
 * low count is only a note. */
static void counts(const struct ex_kms_report *r, const struct sums *s, struct out *o)
{
    static const unsigned threshold[2] = { 25, 5 };
    static const char *const group[2] = { "client editions", "servers and Office" };
    bool long_enough = r->requests_timed && r->newest - r->oldest >= RENEWAL_DAYS * DAY;
    for (size_t g = 0; g < 2; g++) {
        uint64_t n = s->group_count[g] > COUNT_KEPT ? COUNT_KEPT : s->group_count[g];
        if (!s->group_seen[g])
            continue;
        bool low = n < threshold[g];
        const struct ex_row *row = !low ? &row_count_enough
                                   : r->adba_events ? &row_count_adba
                                   : long_enough ? &row_count_low : &row_count_short_log;
        if (o->n == o->max)
            return;
        struct ex_finding *f = &o->f[o->n++];
        ex_finding_from_row(f, row, NULL, fill_need, &threshold[g]);
        ex_format(f->value, sizeof f->value, "%" PRIu64 " of %u (%s)", n, threshold[g], group[g]);
    }
}

static void problems(const struct ex_kms_report *r, const struct sums *s, struct out *o)
{
    struct ex_finding *f;
    char ex[EX_VALUE_MAX];
    if (s->clones && (f = next(o, &row_clones))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64 " CMIDs under several names%s", s->clones,
                 r->clone_ex);
    }
    if (s->skewed && (f = next(o, &row_clock_skew))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64 " clients%s", s->skewed,
                  picks_text(&s->skew_ex, ex, sizeof ex));
    }
    if (s->expiring && (f = next(o, &row_expiring))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64 " clients%s", s->expiring,
                  picks_text(&s->expiring_ex, ex, sizeof ex));
    }
    if (s->stale && (f = next(o, &row_not_seen))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64 " clients%s", s->stale,
                  picks_text(&s->stale_ex, ex, sizeof ex));
    }
}

static void population(const struct sums *s, struct out *o)
{
    static const char *const names[8] = { "unlicensed", "licensed", "initial grace",
        "out-of-tolerance grace", "non-genuine grace", "notifications", "extended grace",
        "unknown" };
    struct ex_finding *f = next(o, &row_virtual);
    if (f)
        ex_format(f->value, sizeof f->value, "%" PRIu64 " virtual, %" PRIu64 " physical", s->vm,
                 s->physical);
    bool bad = s->states[0] || s->states[3] || s->states[4] || s->states[5];
    f = next(o, bad ? &row_states_bad : &row_states);
    if (!f)
        return;
    size_t len = 0;
    for (size_t i = 0; i < 8; i++)
        if (s->states[i] && len < sizeof f->value)
            len += (size_t)snprintf(f->value + len, sizeof f->value - len, "%s%s %" PRIu64,
                                    len ? ", " : "", names[i], s->states[i]);
}

static void per_day(const struct ex_kms_report *r, struct out *o)
{
    if (!r->requests_timed)
        return;
    struct ex_finding *f = next(o, &row_per_day);
    if (!f)
        return;
    int64_t last = r->newest >= 0 ? r->newest / DAY : (r->newest - DAY + 1) / DAY;
    size_t len = 0;
    for (int64_t day = last - 6; day <= last; day++) {
        const size_t i = (size_t)(day & (DAY_SLOTS - 1));
        uint64_t n = r->days[i].day == day ? r->days[i].count : 0;
        char date[16];
        date_of(day * DAY, date, sizeof date);
        if (len < sizeof f->value)
            len += (size_t)snprintf(f->value + len, sizeof f->value - len, "%s%s %" PRIu64,
                                    len ? ", " : "", date, n);
    }
}

static void results(const struct ex_kms_report *r, struct out *o)
{
    for (size_t i = 0; i < MAX_RESULTS && r->results[i].count; i++) {
        const struct tally *t = &r->results[i];
        if (t->code == 0 || t->code == TIME_SKEW)
            continue; /* answered, or counted per client as clock skew */
        struct ex_finding *f = next(o, &row_result);
        if (!f)
            return;
        ex_format(f->value, sizeof f->value, "0x%08" PRIX32 ": %" PRIu64 " requests", t->code,
                 t->count);
        ex_finding_add_code(f, t->code);
    }
}

static void client_side(const struct ex_kms_report *r, struct out *o)
{
    struct ex_finding *f;
    if (r->host_count_max >= 0 && (f = next(o, &row_reported_count))) {
        ex_format(f->value, sizeof f->value, "%ld", r->host_count_max);
    }
    if (r->client_failures && (f = next(o, &row_client_failures))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64, r->client_failures);
    }
    if (r->adba_events && (f = next(o, &row_adba))) {
        ex_format(f->value, sizeof f->value, "%" PRIu64 " events", r->adba_events);
    }
}

size_t ex_kms_report_findings(struct ex_kms_report *r, struct ex_finding *out, size_t max)
{
    if (!drain(r))
        return 0;
    struct sums *s = calloc(1, sizeof *s);
    struct out o = { out, 0, max };
    if (!s)
        return 0;
    for (size_t i = 0; i < r->cap; i++)
        if (r->slots[i].used)
            sum_client(r, &r->slots[i], s);
    overview(r, s, &o);
    counts(r, s, &o);
    problems(r, s, &o);
    results(r, &o);
    population(s, &o);
    per_day(r, &o);
    products(r, s, &o);
    client_side(r, &o);
    free(s);
    return o.n;
}
