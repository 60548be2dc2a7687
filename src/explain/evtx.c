/* SPDX-License-Identifier: MIT */
/* evtx.c: .evtx files through libevtx, streaming. A file is a 4 KiB header and 64 KiB chunks,
 * each chunk self-contained (its own string and template tables): libevtx is given the header
 * and one chunk at a time from memory, so a pipe works as well as a file and memory stays flat
 * whatever the log's size. Each record is first offered as an event read from libevtx's
 * record fields; its XML, which costs libevtx more to render than the record costs to read, is
 * rendered only when the receiver asks for it. libevtx is loaded (dlopen, by its soname) when
 * an input turns out to be an .evtx file, not linked: binding it and libbfio cost the loader
 * some 2,800 symbol lookups, half of a short text explain run that never needs them. */
/* Debian 13's libevtx (20240504) declares its libbfio entry points only for includers that
 * say they have libbfio; Debian 12's declares them always. */
#define HAVE_LIBBFIO 1
#include <dlfcn.h>
#include <libbfio.h>
#include <libevtx.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dl_table.h"
#include "event.h"
#include "evtx.h"
#include "record.h"

#define HEADER_SIZE 4096
#define CHUNK_SIZE 65536
/* Room for any one value of a record: a record lies within its 64 KiB chunk, and libevtx
 * writes a value at most twice as long as it is stored (binary data in hex). */
#define VALUE_ROOM (2 * CHUNK_SIZE + 1)

/* The library's ABI is its soname (Debian 12 and 13 ship libevtx1); libbfio comes with it as
 * its dependency, and its functions are found through the same handle. */
#define LIBEVTX_SONAME "libevtx.so.1"

static const char file_signature[EX_EVTX_SIGNATURE_LEN] = "ElfFile";
static const char chunk_signature[8] = "ElfChnk";

/* The functions of libevtx and libbfio this file calls, typed from their headers. */
#define EVTX_FUNCTIONS(X)                                                                      \
    X(libevtx_error_sprint) X(libevtx_error_free) X(libevtx_file_initialize)                    \
    X(libevtx_file_open_file_io_handle) X(libevtx_file_close) X(libevtx_file_free)              \
    X(libevtx_file_get_number_of_records) X(libevtx_file_get_record_by_index)                   \
    X(libevtx_record_free) X(libevtx_record_get_identifier)                                     \
    X(libevtx_record_get_utf8_xml_string) X(libevtx_record_get_utf8_xml_string_size)            \
    X(libevtx_record_get_event_identifier) X(libevtx_record_get_written_time)                   \
    X(libevtx_record_get_utf8_source_name) X(libevtx_record_get_utf8_computer_name)             \
    X(libevtx_record_get_number_of_strings) X(libevtx_record_get_utf8_string)                   \
    X(libbfio_memory_range_initialize) X(libbfio_memory_range_set) X(libbfio_handle_free)
#define EVTX_MEMBER(name) __typeof__(name) *(name);

/* TimeCreated, in libevtx since 20190618 (Debian 13's has it, Debian 12's 20181227 not): named
 * here, as older headers do not declare it. */
typedef int creation_time_fn(libevtx_record_t *record, uint64_t *filetime, libevtx_error_t **error);

struct evtx_api {
    void *handle;
    EVTX_FUNCTIONS(EVTX_MEMBER)
    creation_time_fn *creation_time; /* NULL: the time the record was written stands in */
};

struct ex_evtx {
    ex_evtx_record_fn fn;
    ex_evtx_event_fn event_fn; /* NULL: every record as XML */
    void *ctx;
    size_t have;          /* bytes of buf filled: the header, then the header and a chunk */
    bool header_checked;
    size_t chunks;        /* chunks seen */
    size_t records;       /* records handed on */
    int status;           /* what fn asked for */
    bool damaged;
    char error[256];
    char *xml;            /* one record's XML, reused */
    size_t xml_size;
    char *value;          /* one value of a record (VALUE_ROOM bytes), when events are read */
    struct ex_event event; /* the record being offered, refilled each time */
    struct evtx_api api;  /* api.handle NULL: libevtx could not be loaded (error says why) */
    unsigned char buf[HEADER_SIZE + CHUNK_SIZE];
};

bool ex_evtx_signature(const void *bytes, size_t n)
{
    return n >= EX_EVTX_SIGNATURE_LEN && memcmp(bytes, file_signature, sizeof file_signature) == 0;
}

#define EVTX_SYMBOL(name) EX_DL_SYMBOL(struct evtx_api, name)
static const struct ex_dl_symbol evtx_symbols[] = {EVTX_FUNCTIONS(EVTX_SYMBOL)};

/* Loads libevtx and finds every function; false (and why in v->error) when it cannot. Kept
 * loaded until the process ends (RTLD_NODELETE): the next file finds it mapped and bound. */
static bool load_libevtx(struct ex_evtx *v)
{
    struct evtx_api *api = &v->api;
    api->handle = ex_dl_table(LIBEVTX_SONAME, RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE, evtx_symbols,
                              sizeof evtx_symbols / sizeof *evtx_symbols, api, v->error,
                              sizeof v->error);
    if (!api->handle)
        return false;
    /* memcpy: ISO C has no conversion from dlsym's object pointer to a function pointer. */
    void *symbol = dlsym(api->handle, "libevtx_record_get_creation_time");
    if (symbol)
        memcpy(&api->creation_time, &symbol, sizeof symbol);
    return true;
}

struct ex_evtx *ex_evtx_new(ex_evtx_record_fn fn, ex_evtx_event_fn event_fn, void *ctx)
{
    struct ex_evtx *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->fn = fn;
    v->event_fn = event_fn;
    v->ctx = ctx;
    if (event_fn && !(v->value = malloc(VALUE_ROOM))) {
        free(v);
        return NULL;
    }
    if (!load_libevtx(v))
        v->status = EX_STATUS_UNAVAILABLE;
    return v;
}

void ex_evtx_free(struct ex_evtx *v)
{
    if (!v)
        return;
    if (v->api.handle)
        dlclose(v->api.handle);
    free(v->xml);
    free(v->value);
    free(v);
}

/* Remembers the first damage; later ones add nothing the user can act on. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void damage(struct ex_evtx *v, const char *fmt, ...)
{
    if (v->damaged)
        return;
    v->damaged = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->error, sizeof v->error, fmt, ap);
    va_end(ap);
}

/* libevtx's own words for an error, first line only, then frees it. */
static const char *evtx_reason(struct ex_evtx *v, libevtx_error_t **error, char *buf,
                               size_t size)
{
    buf[0] = '\0';
    if (*error) {
        if (v->api.libevtx_error_sprint(*error, buf, size) < 0)
            buf[0] = '\0';
        v->api.libevtx_error_free(error);
    }
    buf[strcspn(buf, "\r\n")] = '\0';
    return buf[0] ? buf : "libevtx gave no reason";
}

static size_t chunk_offset(const struct ex_evtx *v)
{
    return HEADER_SIZE + (v->chunks - 1) * (size_t)CHUNK_SIZE;
}

/* Renders the record's XML into v->xml. libevtx renders the whole document to tell its size:
 * the buffer is tried first, and only a record that does not fit costs a second rendering. */
static int render(struct ex_evtx *v, libevtx_record_t *record, libevtx_error_t **error)
{
    size_t size = 0;
    const struct evtx_api *api = &v->api;
    if (v->xml_size &&
        api->libevtx_record_get_utf8_xml_string(record, (uint8_t *)v->xml, v->xml_size, error) == 1)
        return 1;
    api->libevtx_error_free(error);
    if (api->libevtx_record_get_utf8_xml_string_size(record, &size, error) != 1 || size == 0)
        return -1;
    if (size > v->xml_size) {
        size_t want = size < 65536 ? 65536 : size;
        char *grown = realloc(v->xml, want);
        if (!grown)
            return 0;
        v->xml = grown;
        v->xml_size = want;
    }
    return api->libevtx_record_get_utf8_xml_string(record, (uint8_t *)v->xml, v->xml_size, error);
}

/* The record's EventRecordID, or its place when it has none, so that every record has a line. */
static uint64_t record_id(struct ex_evtx *v, libevtx_record_t *record)
{
    libevtx_error_t *error = NULL;
    uint64_t id = 0;
    if (v->api.libevtx_record_get_identifier(record, &id, &error) != 1)
        v->api.libevtx_error_free(&error);
    return id == 0 || id > SIZE_MAX ? v->records + 1 : id;
}

/* A line end in a value as XML hands it on (CR LF and CR become LF), in place; the new length. */
static size_t xml_line_ends(char *s, size_t len)
{
    char *cr = memchr(s, '\r', len);
    if (!cr)
        return len;
    size_t out = (size_t)(cr - s);
    for (size_t i = out; i < len; i++) {
        if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
            continue;
        s[out++] = s[i] == '\r' ? '\n' : s[i];
    }
    return out;
}

/* TimeCreated (or, in an older libevtx, the time the record was written) as libevtx writes
 * SystemTime in XML: ISO 8601, nine fractional digits, Z. */
static void put_time(struct ex_event *ev, uint64_t filetime)
{
    const uint64_t unix_epoch = 11644473600ULL; /* seconds from 1601 to 1970 */
    time_t secs = (time_t)(filetime / 10000000U) - (time_t)unix_epoch;
    struct tm tm;
    if (filetime == 0 || !gmtime_r(&secs, &tm))
        return;
    ex_format(ev->time, sizeof ev->time, "%04d-%02d-%02dT%02d:%02d:%02d.%09uZ", tm.tm_year + 1900,
              tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
              (unsigned)(filetime % 10000000U) * 100U);
    ev->when = ex_event_parse_time(ev->time);
}

/* The record's event ID and line into v->event; false when the ID cannot be read. libevtx is
 * given no error to fill, here and in read_fields: a field that fails is not reported, only
 * read another way (from the XML, which says what it can). */
static bool read_id(struct ex_evtx *v, libevtx_record_t *record, uint64_t id)
{
    struct ex_event *ev = &v->event;
    uint32_t event_id = 0;
    ex_event_clear(ev);
    ev->line = (size_t)id;
    if (v->api.libevtx_record_get_event_identifier(record, &event_id, NULL) != 1)
        return false;
    ev->id = event_id <= 65535 ? (unsigned)event_id : 0;
    return true;
}

/* The rest of the event from libevtx's record fields; false when a value cannot be read. */
static bool read_fields(struct ex_evtx *v, libevtx_record_t *record)
{
    const struct evtx_api *api = &v->api;
    struct ex_event *ev = &v->event;
    uint64_t filetime = 0;
    int nstrings = 0;
    if (api->libevtx_record_get_number_of_strings(record, &nstrings, NULL) != 1)
        return false;
    if (api->libevtx_record_get_utf8_source_name(record, (uint8_t *)v->value, VALUE_ROOM, NULL) == 1)
        ex_format(ev->source, sizeof ev->source, "%s", v->value);
    if (api->libevtx_record_get_utf8_computer_name(record, (uint8_t *)v->value, VALUE_ROOM,
                                                   NULL) == 1)
        ex_format(ev->computer, sizeof ev->computer, "%s", v->value);
    if ((api->creation_time ? api->creation_time(record, &filetime, NULL)
                            : api->libevtx_record_get_written_time(record, &filetime, NULL)) == 1)
        put_time(ev, filetime);
    for (int i = 0; i < nstrings && ev->nvalues < EX_EVENT_MAX_VALUES; i++) {
        if (api->libevtx_record_get_utf8_string(record, i, (uint8_t *)v->value, VALUE_ROOM,
                                                NULL) != 1)
            return false;
        size_t len = xml_line_ends(v->value, strnlen(v->value, VALUE_ROOM));
        (void)ex_event_add_value(ev, v->value, len);
    }
    return true;
}

/* The record as an event, its ID first: 0 or an ex_status when the receiver took it (or
 * stops), EX_WANT_XML when its XML is wanted or a field could not be read. */
static int offer(struct ex_evtx *v, libevtx_record_t *record, uint64_t id)
{
    if (!v->event_fn || !read_id(v, record, id))
        return EX_WANT_XML;
    int rc = v->event_fn(v->ctx, &v->event, false);
    if (rc)
        return rc;
    return read_fields(v, record) ? v->event_fn(v->ctx, &v->event, true) : EX_WANT_XML;
}

/* One record to the receiver: as an event when it takes it so, else its XML to fn. */
static int hand_on(struct ex_evtx *v, libevtx_record_t *record, int index)
{
    libevtx_error_t *error = NULL;
    uint64_t id = record_id(v, record);
    int offered = offer(v, record, id);
    if (offered != EX_WANT_XML) {
        v->records++;
        return offered;
    }
    int rendered = render(v, record, &error);
    if (rendered == 0)
        return EX_STATUS_NOMEM;
    if (rendered != 1) {
        char reason[200];
        damage(v, "record %d of the chunk at byte %zu cannot be decoded: %s", index + 1,
               chunk_offset(v), evtx_reason(v, &error, reason, sizeof reason));
        return 0;
    }
    v->records++;
    return v->fn(v->ctx, v->xml, strnlen(v->xml, v->xml_size), id);
}

static int each_record(struct ex_evtx *v, libevtx_file_t *file)
{
    libevtx_error_t *error = NULL;
    char reason[200];
    int count = 0;
    if (v->api.libevtx_file_get_number_of_records(file, &count, &error) != 1) {
        damage(v, "the chunk at byte %zu cannot be read: %s", chunk_offset(v),
               evtx_reason(v, &error, reason, sizeof reason));
        return 0;
    }
    for (int i = 0; i < count; i++) {
        libevtx_record_t *record = NULL;
        if (v->api.libevtx_file_get_record_by_index(file, i, &record, &error) != 1) {
            damage(v, "record %d of the chunk at byte %zu cannot be read: %s", i + 1,
                   chunk_offset(v), evtx_reason(v, &error, reason, sizeof reason));
            continue;
        }
        int rc = hand_on(v, record, i);
        v->api.libevtx_record_free(&record, NULL);
        if (rc)
            return rc;
    }
    return 0;
}

/* The header and the chunk in buf, as a file of one chunk, through libevtx. */
static int read_chunk(struct ex_evtx *v)
{
    const struct evtx_api *api = &v->api;
    libbfio_handle_t *handle = NULL;
    libevtx_file_t *file = NULL;
    libevtx_error_t *error = NULL;
    char reason[200];
    int rc = 0;
    if (api->libbfio_memory_range_initialize(&handle, NULL) != 1 ||
        api->libbfio_memory_range_set(handle, v->buf, sizeof v->buf, NULL) != 1 ||
        api->libevtx_file_initialize(&file, NULL) != 1) {
        rc = EX_STATUS_NOMEM;
    } else if (api->libevtx_file_open_file_io_handle(file, handle, LIBEVTX_OPEN_READ, &error) !=
               1) {
        damage(v, "the chunk at byte %zu cannot be read: %s", chunk_offset(v),
               evtx_reason(v, &error, reason, sizeof reason));
    } else {
        rc = each_record(v, file);
        api->libevtx_file_close(file, NULL);
    }
    api->libevtx_file_free(&file, NULL);
    api->libbfio_handle_free(&handle, NULL);
    return rc;
}

static bool all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return false;
    return true;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The chunk header's sizes that libevtx refuses when wrong (and then leaks memory): its own
 * size, 128, and the end of its records, within the chunk. */
static bool chunk_header_sound(const unsigned char *chunk)
{
    uint32_t header_size = le32(chunk + 40), free_space = le32(chunk + 48);
    return header_size == 128 && free_space >= 512 && free_space <= CHUNK_SIZE;
}

/* A whole chunk is in buf: read it, skip it when unused (zeros), or note the damage. */
static int chunk_complete(struct ex_evtx *v)
{
    const unsigned char *chunk = v->buf + HEADER_SIZE;
    v->chunks++;
    v->have = HEADER_SIZE;
    if (memcmp(chunk, chunk_signature, sizeof chunk_signature) == 0) {
        if (chunk_header_sound(chunk))
            return read_chunk(v);
        damage(v, "the chunk at byte %zu is damaged: its header is not consistent",
               chunk_offset(v));
        return 0;
    }
    if (!all_zero(chunk, CHUNK_SIZE))
        damage(v, "the chunk at byte %zu is damaged: it does not start with \"ElfChnk\"",
               chunk_offset(v));
    return 0;
}

/* What libevtx is given as the file header: a file of one chunk. Nothing of the file's own
 * header but its signature is needed to read a chunk, and libevtx leaks memory when it refuses
 * a header, so a damaged header costs nothing (its checksum is not checked: libevtx only notes
 * a wrong one). */
static void one_chunk_header(unsigned char *header)
{
    static const unsigned char fields[] = {
        'E', 'l', 'f', 'F', 'i', 'l', 'e', 0, /* signature */
        0, 0, 0, 0, 0, 0, 0, 0,               /* first chunk number */
        0, 0, 0, 0, 0, 0, 0, 0,               /* last chunk number */
        0, 0, 0, 0, 0, 0, 0, 0,               /* next record identifier (unused) */
        128, 0, 0, 0,                         /* header size */
        1, 0, 3, 0,                           /* version 3.1 */
        0, 16,                                /* header block size: 4096 */
        1, 0,                                 /* number of chunks */
    };
    memset(header, 0, HEADER_SIZE);
    memcpy(header, fields, sizeof fields);
}

int ex_evtx_feed(struct ex_evtx *v, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    while (n > 0 && !v->status) {
        size_t want = (v->have < HEADER_SIZE ? HEADER_SIZE : sizeof v->buf) - v->have;
        size_t take = n < want ? n : want;
        memcpy(v->buf + v->have, p, take);
        v->have += take, p += take, n -= take;
        if (v->have == HEADER_SIZE && !v->header_checked) {
            v->header_checked = true;
            if (!ex_evtx_signature(v->buf, HEADER_SIZE)) {
                damage(v, "not an .evtx file: it does not start with \"ElfFile\"");
                return v->status = EX_STATUS_MALFORMED;
            }
            one_chunk_header(v->buf);
        }
        if (v->have == sizeof v->buf)
            v->status = chunk_complete(v);
    }
    return v->status;
}

int ex_evtx_finish(struct ex_evtx *v)
{
    if (v->status)
        return v->status;
    if (v->have < HEADER_SIZE) {
        damage(v, "the file ends inside its header, after %zu of %d bytes", v->have, HEADER_SIZE);
    } else if (v->have > HEADER_SIZE) {
        /* A cut chunk: what was written before the cut can still be read. */
        size_t got = v->have - HEADER_SIZE;
        memset(v->buf + v->have, 0, sizeof v->buf - v->have);
        v->have = sizeof v->buf;
        bool damaged_before = v->damaged;
        int rc = chunk_complete(v);
        if (rc)
            return rc;
        v->damaged = damaged_before; /* the cut says more than what libevtx made of the rest */
        damage(v, "the file is cut short: it ends %zu bytes into the chunk at byte %zu", got,
               chunk_offset(v));
    }
    return v->damaged ? EX_STATUS_MALFORMED : 0;
}

const char *ex_evtx_error(const struct ex_evtx *v, size_t *records)
{
    if (records)
        *records = v->records;
    return v->damaged || v->status == EX_STATUS_UNAVAILABLE ? v->error : NULL;
}
