/* SPDX-License-Identifier: MIT */
/* evtx.c: .evtx files through libevtx, streaming. A file is a 4 KiB header and 64 KiB chunks,
 * each chunk self-contained (its own string and template tables): libevtx is given the header
 * and one chunk at a time from memory, so a pipe works as well as a file and memory stays flat
 * whatever the log's size. libevtx is loaded (dlopen, by its soname) when an input turns out
 * to be an .evtx file, not linked: binding it and libbfio cost the loader some 2,800 symbol
 * lookups, half of a short text explain run that never needs them. */
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

#include "evtx.h"
#include "record.h"

#define HEADER_SIZE 4096
#define CHUNK_SIZE 65536

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
    X(libbfio_memory_range_initialize) X(libbfio_memory_range_set) X(libbfio_handle_free)
#define EVTX_MEMBER(name) __typeof__(name) *(name);

struct evtx_api {
    void *handle;
    EVTX_FUNCTIONS(EVTX_MEMBER)
};

struct ex_evtx {
    ex_evtx_record_fn fn;
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
    struct evtx_api api;  /* api.handle NULL: libevtx could not be loaded (error says why) */
    unsigned char buf[HEADER_SIZE + CHUNK_SIZE];
};

bool ex_evtx_signature(const void *bytes, size_t n)
{
    return n >= EX_EVTX_SIGNATURE_LEN && memcmp(bytes, file_signature, sizeof file_signature) == 0;
}

/* Loads libevtx and finds every function; false (and why in v->error) when it cannot. Kept
 * loaded until the process ends (RTLD_NODELETE): the next file finds it mapped and bound. */
static bool load_libevtx(struct ex_evtx *v)
{
    struct evtx_api *api = &v->api;
    void *symbol;
    const char *missing = NULL;
    api->handle = dlopen(LIBEVTX_SONAME, RTLD_LAZY | RTLD_LOCAL | RTLD_NODELETE);
    if (!api->handle) {
        const char *why = dlerror();
        snprintf(v->error, sizeof v->error, "%s", why ? why : LIBEVTX_SONAME " not found");
        return false;
    }
    /* memcpy: ISO C has no conversion from dlsym's object pointer to a function pointer. */
#define EVTX_RESOLVE(name)                                                                      \
    if (!missing && !(symbol = dlsym(api->handle, #name)))                                     \
        missing = #name;                                                                       \
    else if (!missing)                                                                         \
        memcpy(&api->name, &symbol, sizeof symbol);
    EVTX_FUNCTIONS(EVTX_RESOLVE)
#undef EVTX_RESOLVE
    if (missing) {
        snprintf(v->error, sizeof v->error, "%s has no %s", LIBEVTX_SONAME, missing);
        dlclose(api->handle);
        api->handle = NULL;
        return false;
    }
    return true;
}

struct ex_evtx *ex_evtx_new(ex_evtx_record_fn fn, void *ctx)
{
    struct ex_evtx *v = calloc(1, sizeof *v);
    if (v) {
        v->fn = fn;
        v->ctx = ctx;
        if (!load_libevtx(v))
            v->status = EX_STATUS_UNAVAILABLE;
    }
    return v;
}

void ex_evtx_free(struct ex_evtx *v)
{
    if (!v)
        return;
    if (v->api.handle)
        dlclose(v->api.handle);
    free(v->xml);
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

/* One record's XML to fn. */
static int hand_on(struct ex_evtx *v, libevtx_record_t *record, int index)
{
    libevtx_error_t *error = NULL;
    uint64_t id = 0;
    int rendered = render(v, record, &error);
    if (rendered == 0)
        return EX_STATUS_NOMEM;
    if (rendered != 1) {
        char reason[200];
        damage(v, "record %d of the chunk at byte %zu cannot be decoded: %s", index + 1,
               chunk_offset(v), evtx_reason(v, &error, reason, sizeof reason));
        return 0;
    }
    if (v->api.libevtx_record_get_identifier(record, &id, &error) != 1)
        v->api.libevtx_error_free(&error);
    v->records++;
    if (id == 0 || id > SIZE_MAX)
        id = v->records; /* the record's place, so that every record has a line */
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
