/* SPDX-License-Identifier: MIT */
/* event_text.c: events as text: Event Viewer's "Copy details", Get-WinEvent | Format-List,
 * wevtutil qe /f:text, and an event's description pasted alone (its message, "Info:" and the
 * values). Labels and message openings are data (two tables); an event's values come from the
 * lines after "Info:" in its message, joined, since pastes wrap them anywhere, even inside a GUID.
 * A KMS event's value list and 1003's licence status list, the same in every language, name the
 * event when its message is in a language the table lacks (a third table, of field kinds). */
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "event.h"
#include "hex.h"

enum label_kind { L_ID, L_PROVIDER, L_TIME, L_COMPUTER, L_MESSAGE, L_START, L_OTHER, L_CODE };

/* English labels of the three writers; other languages are added here from real outputs. This
 * file's tables hold their texts in arrays, not pointers: no relocation at load (labels.h). */
static const struct label {
    char text[24];
    enum label_kind kind;
} labels[] = {
    { "Event ID", L_ID },           /* Event Viewer, wevtutil */
    { "Id", L_ID },                 /* Format-List */
    { "EventID", L_ID },
    { "Source", L_PROVIDER },       /* Event Viewer, wevtutil */
    { "ProviderName", L_PROVIDER }, /* Format-List */
    { "Date", L_TIME },
    { "TimeCreated", L_TIME },
    { "Computer", L_COMPUTER },
    { "MachineName", L_COMPUTER },
    { "Description", L_MESSAGE },
    { "Message", L_MESSAGE },
    { "Log Name", L_START },
    { "LogName", L_OTHER }, /* Format-List * prints it after Message and Id */
    { "Task Category", L_OTHER }, { "Task", L_OTHER }, { "Level", L_OTHER },
    { "Opcode", L_OTHER }, { "Keywords", L_OTHER }, { "Keyword", L_OTHER },
    { "User", L_OTHER }, { "User Name", L_OTHER }, { "Version", L_OTHER },
    { "Qualifiers", L_OTHER }, { "RecordId", L_OTHER }, { "ProviderId", L_OTHER },
    { "ProcessId", L_OTHER }, { "ThreadId", L_OTHER }, { "UserId", L_OTHER },
    { "ActivityId", L_OTHER }, { "RelatedActivityId", L_OTHER }, { "ContainerLog", L_OTHER },
    { "MatchedQueryIds", L_OTHER }, { "Bookmark", L_OTHER }, { "LevelDisplayName", L_OTHER },
    { "OpcodeDisplayName", L_OTHER }, { "TaskDisplayName", L_OTHER },
    { "KeywordsDisplayNames", L_OTHER }, { "Properties", L_OTHER },
    /* the code of an event whose message gives it so (16385's "Error Code: %2"), written as a
     * field of its own by a writer who lists Source, Event ID and Error Code
     * (en-blog-alunj-16385-0x80041316) */
    { "Error Code", L_CODE },
    /* Japanese, as the Japanese copy of support article KB2958281 quotes an Event Viewer copy
     * (tests/explain/corpus/ja-event-text-kb2958281-8200-8208) */
    { "\xE3\x83\xAD\xE3\x82\xB0\xE5\x90\x8D", L_START },          /* ログ名 */
    { "\xE3\x82\xBD\xE3\x83\xBC\xE3\x82\xB9", L_PROVIDER },       /* ソース */
    { "\xE3\x82\xA4\xE3\x83\x99\xE3\x83\xB3\xE3\x83\x88 ID", L_ID }, /* イベント ID */
    { "\xE3\x82\xBF\xE3\x82\xB9\xE3\x82\xAF \xE3\x82\xAB\xE3\x83\x86\xE3\x82\xB4\xE3\x83\xAA",
      L_OTHER },                                                      /* タスク カテゴリ */
    { "\xE3\x83\xAC\xE3\x83\x99\xE3\x83\xAB", L_OTHER },          /* レベル */
    { "\xE3\x82\xAD\xE3\x83\xBC\xE3\x83\xAF\xE3\x83\xBC\xE3\x83\x89", L_OTHER }, /* キーワード */
    { "\xE3\x83\xA6\xE3\x83\xBC\xE3\x82\xB6\xE3\x83\xBC", L_OTHER }, /* ユーザー */
    { "\xE3\x82\xB3\xE3\x83\xB3\xE3\x83\x94\xE3\x83\xA5\xE3\x83\xBC\xE3\x82\xBF\xE3\x83\xBC",
      L_COMPUTER },                                                   /* コンピューター */
    { "\xE8\xAA\xAC\xE6\x98\x8E", L_MESSAGE },                     /* 説明 */
};

/* How each message of the licensing service opens, as Windows prints it in English (the
 * operations guide's message texts, their %n as line breaks). A description pasted without any
 * label starts with one of these, and the opening says which event it is. */
static const struct message_start {
    unsigned id;
    char text[96];    /* the opening, compared without case */
    char also[16];    /* a word the same line must hold as well, or "" */
    bool info;        /* its fields follow an "Info:" line */
    unsigned fields;  /* comma-separated fields of a whole Info list; 0: not a list */
} messages[] = {
    { 12288, "The client has sent an activation request to the key management service", "",
      true, 10 },
    { 12289, "The client has processed an activation response from the key management service",
      "", true, 8 },
    { 12290, "An activation request has been processed", "", true, 9 },
    { 12291, "Volume-licensed client was unable to initialize the Key Management Service renewal",
      "", true, 1 },
    { 12292, "Key Management Service (KMS) failed to initialize renewal timer", "", true, 1 },
    { 12293, "Publishing the Key Management Service (KMS) to DNS in the", "failed", true, 1 },
    { 12294, "Publishing the Key Management Service (KMS) to DNS in the", "successful", false, 0 },
    { 12308, "Active Directory Activation has succeeded", "", false, 0 },
    { 1003, "The Software Protection service has completed licensing status check", "", false,
      0 },
    { 8198, "License Activation (slui.exe) failed with the following error code", "", false, 0 },
    /* as support article KB2958281 quotes them (8200's code on the next line, "hr=0x...") */
    { 8200, "License acquisition failure details", "", false, 0 },
    { 8208, "Acquisition of genuine ticket failed", "", false, 0 },
    /* as forum posts quote them ("... at 2125-01-24T09:08:26Z. Reason: RulesEngine.", and
     * 16385's "Error Code: 0x80070005") */
    { 16384, "Successfully scheduled Software Protection service for re-start", "", false, 0 },
    { 16385, "Failed to schedule Software Protection service for re-start", "", false, 0 },
    /* as support article KB2020644 says its description reads ("Token Based Activation
     * failed.", its code on the next line as "HR=0x...") */
    { 12321, "Token Based Activation failed", "", false, 0 },
    /* the service starting, started and stopped, as Windows writes them (KB2958281's copy) */
    { 900, "The Software Protection service is starting", "", false, 0 },
    { 902, "The Software Protection service has started", "", false, 0 },
    { 903, "The Software Protection service has stopped", "", false, 0 },
};

/* The KMS events' Info lists are the same in every display language, while the message above
 * them is not (and neither, perhaps, is the "Info:" above them): a list of one of these shapes
 * is that event even when its message is in a language no row holds. Fields, one letter each:
 * h 0x and hex digits, d decimal digits, g a GUID (36 characters, dashes where a GUID has them,
 * '.' for digits a poster elided), t a date and time (digits and separators), * anything. */
static const struct info_shape {
    unsigned id;
    char fields[12];
} info_shapes[] = {
    { 12288, "hh*gtdddgd" }, /* result, flags, host:port, CMID, time, VM, state, minutes, ActID, N */
    { 12289, "hhdddddt" },   /* result, flags, activated, unused, count, intervals, time */
    { 12290, "hd*gtdddg" },  /* result, N, client, CMID, time, VM, state, minutes, ActID */
};

/* 12308 writes its fields as "Sku Id = ...", "AO name = ...", "AO DN = ..." lines. */
#define NAMED_SEPARATOR " = "

#define INFO_MAX 1024

struct ex_event_text {
    ex_event_fn fn;
    void *ctx;
    bool open;          /* a record has begun */
    bool in_message;    /* lines belong to the message */
    bool in_info;       /* ... after its "Info:" line */
    bool have_id;
    bool id_from_message; /* the ID is the one its (known) message names */
    bool bare;          /* the record began at its message: a description pasted alone */
    bool gap;           /* a blank line came while more of its fields were awaited */
    const struct message_start *start; /* the message, when it is a known one */
    size_t pending_len;   /* a KMS value list begun on a line no record holds, cut by a forum */
    size_t pending_line;  /* ... its first line */
    unsigned pending_more; /* ... the lines joined to it so far */
    size_t info_len;
    size_t msg_len;
    size_t body_len;
    /* From here on, written before read: ex_event_text_new zeroes what comes before. */
    struct ex_event ev;
    char info[INFO_MAX];
    char body[EX_EVENT_LONG_MAX]; /* message lines after the first, joined: 8198's hr=, 1003's
                                     licence status list */
    char pending[INFO_MAX];
};

static void reset(struct ex_event_text *t);

struct ex_event_text *ex_event_text_new(ex_event_fn fn, void *ctx)
{
    /* Not calloc: the event is cleared by reset() and the buffers are written before they are
     * read; zeroing their 37 KiB touched pages that a paste without events never needs. */
    struct ex_event_text *t = malloc(sizeof *t);
    if (t) {
        memset(t, 0, offsetof(struct ex_event_text, ev));
        t->fn = fn;
        t->ctx = ctx;
        reset(t);
    }
    return t;
}

void ex_event_text_free(struct ex_event_text *t)
{
    free(t);
}

static void reset(struct ex_event_text *t)
{
    t->open = t->in_message = t->in_info = t->have_id = t->bare = t->gap = false;
    t->id_from_message = false;
    t->start = NULL;
    t->info_len = t->msg_len = t->body_len = 0;
    ex_event_clear(&t->ev);
}

static void append(char *buf, size_t size, size_t *len, const char *s, size_t n, const char *sep)
{
    size_t seplen = *len && sep ? strlen(sep) : 0;
    if (*len + seplen >= size)
        return;
    if (seplen)
        memcpy(buf + *len, sep, seplen);
    *len += seplen;
    if (n > size - 1 - *len)
        n = size - 1 - *len;
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = '\0';
}

/* 'contoso.com' in "... to DNS in the 'contoso.com' domain ...": 12293's and 12294's domain. */
static void quoted_value(struct ex_event *ev)
{
    const char *a = strchr(ev->message, '\'');
    const char *b = a ? strchr(a + 1, '\'') : NULL;
    if (b && b > a + 1)
        (void)ex_event_add_value(ev, a + 1, (size_t)(b - a - 1));
}

static int flush(struct ex_event_text *t)
{
    int rc = 0;
    if (t->open && (t->have_id || t->id_from_message)) {
        struct ex_event *ev = &t->ev;
        if (t->info_len)
            (void)ex_event_add_value(ev, t->info, t->info_len);
        else if (t->body_len && ev->nvalues == 0) /* 12308 has its named values already */
            (void)ex_event_add_value(ev, t->body, t->body_len);
        if (ev->id == 12293 || ev->id == 12294)
            quoted_value(ev);
        ex_event_split_list(ev);
        rc = t->fn(t->ctx, ev);
    }
    reset(t);
    return rc;
}

static size_t trim(const char **s, size_t len)
{
    while (len && isspace((unsigned char)**s))
        (*s)++, len--;
    while (len && isspace((unsigned char)(*s)[len - 1]))
        len--;
    return len;
}

/* "Label:  value" or Format-List's "Label   : value": the label's entry, and the value. */
static const struct label *find_label(const char *s, size_t len, const char **value,
                                      size_t *vlen, bool *padded)
{
    const char *colon = memchr(s, ':', len < 40 ? len : 40);
    if (!colon || colon == s)
        return NULL;
    size_t llen = (size_t)(colon - s);
    *padded = s[llen - 1] == ' ';
    while (llen && s[llen - 1] == ' ')
        llen--;
    *value = colon + 1;
    *vlen = trim(value, len - (size_t)(colon + 1 - s));
    /* The first byte (ASCII case folded by setting bit 5, as strncasecmp would match) rules out
     * most labels before a length is taken: every line of every paste comes here. */
    unsigned char first = (unsigned char)s[0] | 0x20;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++)
        if (((unsigned char)labels[i].text[0] | 0x20) == first &&
            strlen(labels[i].text) == llen && strncasecmp(labels[i].text, s, llen) == 0)
            return &labels[i];
    return NULL;
}

static void copy_cut(char *dst, size_t size, const char *src, size_t len)
{
    if (len >= size)
        len = size - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static bool starts_with_nocase(const char *s, size_t len, const char *prefix)
{
    /* The first byte rules out most openings, as in find_label. */
    if (prefix[0] &&
        (len == 0 || ((unsigned char)s[0] | 0x20) != ((unsigned char)prefix[0] | 0x20)))
        return false;
    size_t n = strlen(prefix);
    return len >= n && strncasecmp(s, prefix, n) == 0;
}

static bool line_holds(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    unsigned char first = (unsigned char)word[0] | 0x20;
    for (size_t i = 0; i + n <= len; i++) /* most bytes differ from the word's first */
        if (((unsigned char)s[i] | 0x20) == first && strncasecmp(s + i, word, n) == 0)
            return true;
    return false;
}

/* The event ID a description opens with, as forum posts list events ("16384: Successfully
 * scheduled ..."): the ID, and in *skip the bytes up to the message; 0 when none. */
static unsigned id_before_message(const char *s, size_t len, size_t *skip)
{
    size_t i = 0;
    unsigned id = 0;
    while (i < len && i < 5 && s[i] >= '0' && s[i] <= '9')
        id = id * 10 + (unsigned)(s[i++] - '0');
    if (i == 0 || i >= len || s[i] != ':')
        return 0;
    i++;
    while (i < len && s[i] == ' ')
        i++;
    *skip = i;
    return id;
}

/* How far after "Event <id>" its message may begin: a source's name between ("Event 16384,
 * Security-SPP Successfully scheduled ..."). */
#define NAMED_EVENT_GAP 48

/* The event ID a forum post names before the event's message ("Event 16384, Security-SSP
 * Successfully scheduled ...", "Event 8198 - License Activation ...", "Event ID 902 — The
 * Software Protection service has started."): the ID, and in *skip the bytes after it; 0 when
 * the line does not open so. */
static unsigned named_event(const char *s, size_t len, size_t *skip)
{
    if (len < 12 || strncasecmp(s, "Event ", 6) != 0)
        return 0;
    size_t i = strncasecmp(s, "Event ID ", 9) == 0 ? 9 : 6, first = i;
    unsigned id = 0;
    while (i < len && i < first + 5 && s[i] >= '0' && s[i] <= '9')
        id = id * 10 + (unsigned)(s[i++] - '0');
    if (i == first || (i < len && s[i] != ',' && s[i] != ' ' && s[i] != ':' && s[i] != '-'))
        return 0;
    *skip = i;
    return id;
}

static const struct message_start *message_start(const char *s, size_t len)
{
    size_t skip = 0;
    unsigned id = len && s[0] >= '0' && s[0] <= '9' ? id_before_message(s, len, &skip) : 0;
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
        if ((!id || messages[i].id == id) &&
            starts_with_nocase(s + skip, len - skip, messages[i].text) &&
            (!messages[i].also[0] || line_holds(s, len, messages[i].also)))
            return &messages[i];
    if (id || (id = named_event(s, len, &skip)) == 0)
        return NULL;
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++) {
        if (messages[i].id != id)
            continue;
        for (size_t at = skip; at < len && at <= skip + NAMED_EVENT_GAP; at++)
            if (starts_with_nocase(s + at, len - at, messages[i].text) &&
                (!messages[i].also[0] || line_holds(s, len, messages[i].also)))
                return &messages[i];
    }
    return NULL;
}

bool ex_event_message_line(const char *text, size_t len)
{
    while (len > 0 && (*text == ' ' || *text == '\t'))
        text++, len--;
    return message_start(text, len) != NULL;
}

static bool all_of(const char *s, size_t len, int (*is)(int))
{
    for (size_t i = 0; i < len; i++)
        if (!is((unsigned char)s[i]))
            return false;
    return len > 0;
}

static int is_hex(int c)
{
    return ex_hex_value((char)c) >= 0;
}

static bool guid_like(const char *s, size_t len)
{
    if (len != 36)
        return false;
    for (size_t i = 0; i < len; i++) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? s[i] != '-' : !(is_hex(s[i]) || s[i] == '.'))
            return false;
    }
    return true;
}

/* A date and time in any locale's order and words ("2024/3/14 9:12", "14.03.2024 09:12",
 * "3/14/2024 9:12:00 AM"): enough digits and a date separator. */
static bool time_like(const char *s, size_t len)
{
    size_t digits = 0;
    bool separator = false;
    for (size_t i = 0; i < len; i++) {
        digits += isdigit((unsigned char)s[i]) != 0;
        separator |= s[i] == '/' || s[i] == '-' || s[i] == '.';
    }
    return digits >= 6 && separator;
}

static bool field_fits(char kind, const char *s, size_t len)
{
    switch (kind) {
    case 'h': return len > 2 && s[0] == '0' && (s[1] | 0x20) == 'x' && all_of(s + 2, len - 2, is_hex);
    case 'd': return all_of(s, len, isdigit);
    case 'g': return guid_like(s, len);
    case 't': return time_like(s, len);
    default: return true;
    }
}

static const struct message_start *message_of(unsigned id)
{
    for (size_t i = 0; i < sizeof messages / sizeof *messages; i++)
        if (messages[i].id == id)
            return &messages[i];
    return NULL;
}

/* Where the list starts: at the line's start, or after a label that ends in a colon ("Info: 0x0,
 * ...", "情報: 0x0, ..." in whatever language the label is). NULL when the line opens otherwise. */
static const char *list_start(const char *s, size_t n)
{
    const char *colon = NULL;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] == '0' && (s[i + 1] | 0x20) == 'x') {
            if (i == 0)
                return s;
            if (!colon)
                return NULL;
            for (const char *q = colon + 1; q < s + i; q++)
                if (*q != ' ' && *q != '\t')
                    return NULL;
            return s + i;
        }
        if (s[i] == ':')
            colon = s + i;
    }
    return NULL;
}

/* The known message of the event whose Info list this line holds, whole, from *list on; NULL
 * when it holds none. */
static const struct message_start *info_list_event(const char *line, size_t len, const char **list)
{
    size_t commas = 0;
    for (size_t i = 0; i < len; i++)
        commas += line[i] == ',';
    if (commas < 7)
        return NULL; /* most lines end here */
    const char *s = list_start(line, len);
    if (!s)
        return NULL;
    size_t n = len - (size_t)(s - line);
    commas = 0;
    for (size_t i = 0; i < n; i++)
        commas += s[i] == ',';
    const struct info_shape *shape = NULL;
    for (size_t k = 0; k < sizeof info_shapes / sizeof *info_shapes && !shape; k++)
        if (strlen(info_shapes[k].fields) == commas + 1)
            shape = &info_shapes[k];
    if (!shape)
        return NULL;
    const char *field = s;
    for (size_t f = 0; f <= commas; f++) {
        const char *end = memchr(field, ',', (size_t)(s + n - field));
        if (!end)
            end = s + n;
        const char *v = field;
        size_t vlen = trim(&v, (size_t)(end - field));
        if (!field_fits(shape->fields[f], v, vlen))
            return NULL;
        field = end + 1;
    }
    *list = s;
    return message_of(shape->id);
}

/* The opening of a KMS value list that a forum cut across lines: an HRESULT, a comma, and fewer
 * fields than any list has. */
static bool list_opening(const char *line, size_t len)
{
    if (!memchr(line, ',', len))
        return false; /* most lines end here */
    const char *s = list_start(line, len);
    if (!s)
        return false;
    size_t n = len - (size_t)(s - line);
    const char *comma = memchr(s, ',', n);
    if (!comma)
        return false;
    const char *v = s;
    size_t vlen = trim(&v, (size_t)(comma - s));
    size_t commas = 0;
    for (size_t i = 0; i < n; i++)
        commas += s[i] == ',';
    return commas < 7 && field_fits('h', v, vlen);
}

/* An entry of event 1003's licence status list opens the line ("1: <SKU ID>, 1, 1 [(0
 * [0x00000000, 1, 0], ..."): the list is written alike in every display language. */
static bool licence_entry_line(const char *s, size_t n)
{
    if (n == 0 || !isdigit((unsigned char)s[0]))
        return false;
    struct ex_licence lic;
    size_t total;
    return ex_licence_list_read(s, n, &lic, 1, &total) == 1;
}

/* Where "Info:" opens the line or follows the message on it ("... machine. Info: 0x0, ..."). */
static const char *info_marker(const struct ex_event_text *t, const char *s, size_t len)
{
    if (len >= 5 && strncmp(s, "Info:", 5) == 0)
        return s;
    if (!t->start || !t->start->info)
        return NULL;
    for (size_t i = 1; i + 5 <= len; i++)
        if (s[i - 1] == ' ' && strncmp(s + i, "Info:", 5) == 0)
            return s + i;
    return NULL;
}

/* A whole Info list: as many fields as the event writes, the last one not empty. */
static bool info_complete(const struct ex_event_text *t)
{
    if (!t->start || !t->start->fields || t->info_len == 0)
        return false;
    unsigned commas = 0;
    for (size_t i = 0; i < t->info_len; i++)
        commas += t->info[i] == ',';
    return commas + 1 >= t->start->fields && t->info[t->info_len - 1] != ',';
}

/* More of the event's fields are still to come: blank lines do not end it yet. A 1003 pasted
 * alone may have blank lines before its licence list and between its entries: the line after
 * them says whether it goes on. */
static bool awaiting_fields(const struct ex_event_text *t)
{
    if (!t->start)
        return false;
    if (t->start->id == 1003)
        return t->bare;
    if (t->start->info)
        return t->info_len == 0;
    return t->start->id == 12308 && t->ev.nvalues < 3;
}

static void named_value(struct ex_event_text *t, const char *s, size_t len)
{
    for (size_t i = 0; i + strlen(NAMED_SEPARATOR) <= len; i++)
        if (strncmp(s + i, NAMED_SEPARATOR, strlen(NAMED_SEPARATOR)) == 0) {
            size_t skip = i + strlen(NAMED_SEPARATOR);
            (void)ex_event_add_value(&t->ev, s + skip, len - skip);
            return;
        }
}

/* A line of the message that holds no "Info:". */
static void message_text(struct ex_event_text *t, const char *s, size_t len)
{
    if (t->in_info) {
        append(t->info, sizeof t->info, &t->info_len, s, len, NULL);
    } else if (t->msg_len == 0) {
        copy_cut(t->ev.message, sizeof t->ev.message, s, len);
        t->msg_len = len;
    } else {
        if (t->start && t->start->id == 12308)
            named_value(t, s, len);
        append(t->body, sizeof t->body, &t->body_len, s, len, " ");
        /* A first line wrapped by Format-List goes on here; keep the message whole. */
        size_t mlen = strlen(t->ev.message);
        append(t->ev.message, sizeof t->ev.message, &mlen, s, len, " ");
    }
}

static bool kms_list_event(unsigned id)
{
    return id == 12288 || id == 12289 || id == 12290;
}

/* The message of a KMS event in a language no row holds, its "Info:" in that language too: the
 * first line that holds (or opens) its value list is where the values begin. */
static const char *list_in_message(const struct ex_event_text *t, const char *s, size_t len)
{
    if (t->in_info || t->info_len || !(t->start ? t->start->info : kms_list_event(t->ev.id)))
        return NULL;
    const char *list;
    if (info_list_event(s, len, &list) || list_opening(s, len))
        return list_start(s, len);
    return NULL;
}

static void message_line(struct ex_event_text *t, const char *s, size_t len)
{
    const char *info = t->in_info ? NULL : info_marker(t, s, len);
    const char *list = info ? NULL : list_in_message(t, s, len);
    if (list) {
        t->in_info = true;
        append(t->info, sizeof t->info, &t->info_len, list, len - (size_t)(list - s), NULL);
        return;
    }
    if (!info) {
        message_text(t, s, len);
        return;
    }
    const char *before = s;
    size_t blen = trim(&before, (size_t)(info - s));
    if (blen)
        message_text(t, before, blen);
    t->in_info = true;
    const char *rest = info + 5;
    size_t rlen = trim(&rest, len - (size_t)(rest - s));
    if (rlen)
        append(t->info, sizeof t->info, &t->info_len, rest, rlen, NULL);
}

/* The message is a known one: the event it names, unless a label named another. */
static void note_start(struct ex_event_text *t, const struct message_start *m)
{
    if (t->have_id && t->ev.id != m->id)
        return;
    t->start = m;
    t->ev.message_known = true;
    if (!t->have_id) { /* an "Id" label may still follow (Format-List * puts Message first) */
        t->ev.id = m->id;
        t->id_from_message = true;
    }
}

static void set_field(struct ex_event_text *t, const struct label *l, const char *v, size_t n)
{
    struct ex_event *ev = &t->ev;
    switch (l->kind) {
    case L_ID: {
        char digits[8];
        copy_cut(digits, sizeof digits, v, n);
        char *end;
        unsigned long id = strtoul(digits, &end, 10);
        if (end != digits && *end == '\0' && id <= 65535) {
            ev->id = (unsigned)id;
            t->have_id = true;
        }
        break;
    }
    case L_PROVIDER:
        copy_cut(ev->provider, sizeof ev->provider, v, n);
        break;
    case L_TIME:
        copy_cut(ev->time, sizeof ev->time, v, n);
        ev->when = ex_event_parse_time(ev->time);
        break;
    case L_COMPUTER:
        copy_cut(ev->computer, sizeof ev->computer, v, n);
        break;
    case L_MESSAGE: {
        t->in_message = true;
        const struct message_start *m = n ? message_start(v, n) : NULL;
        if (m)
            note_start(t, m);
        if (n)
            message_line(t, v, n);
        break;
    }
    case L_CODE:
        (void)ex_event_add_value(ev, v, n);
        break;
    case L_START:
    case L_OTHER:
        break;
    }
}

/* The event whose message gives its code after "Error Code:" (16385), still without it: as
 * fields of their own, or its message wrapped before the code. */
static bool awaits_error_code(const struct ex_event_text *t)
{
    return t->open && t->have_id && t->ev.id == 16385 && t->ev.nvalues == 0 && t->msg_len == 0;
}

static bool message_awaits_error_code(const struct ex_event_text *t)
{
    return t->open && t->in_message && !t->in_info && t->ev.id == 16385 && t->msg_len > 0;
}

bool ex_event_text_claims(const struct ex_event_text *t, const char *text, size_t len)
{
    if (!awaits_error_code(t) && !message_awaits_error_code(t))
        return false;
    const char *s = text, *v;
    size_t vlen;
    bool padded;
    const struct label *l = find_label(s, trim(&s, len), &v, &vlen, &padded);
    return l && l->kind == L_CODE && vlen > 0;
}

/* Whether a label of this kind, already filled, starts the next record. */
static bool seen(const struct ex_event_text *t, enum label_kind kind)
{
    switch (kind) {
    case L_ID: return t->have_id;
    case L_PROVIDER: return t->ev.provider[0] != '\0';
    case L_TIME: return t->ev.time[0] != '\0';
    case L_COMPUTER: return t->ev.computer[0] != '\0';
    case L_MESSAGE: return t->msg_len || t->info_len;
    case L_START: return t->have_id || t->ev.provider[0] != '\0';
    case L_OTHER:
    case L_CODE: return false;
    }
    return false;
}

/* Ends the record being read unless the line joins it, and opens one of its own (a description
 * pasted alone) when none is open; `id`, when not 0, is the event the line names. */
static int open_bare(struct ex_event_text *t, bool joins, size_t lineno, unsigned id)
{
    if (t->open && !joins) {
        int rc = flush(t);
        if (rc)
            return rc;
    }
    if (!t->open) {
        t->open = t->bare = true;
        t->ev.line = lineno;
        if (id) {
            t->ev.id = id;
            t->id_from_message = true;
        }
    }
    return 0;
}

/* A line that opens a known message: the message of the record being read when that has none
 * yet ("Event ID: 1003" and then the text), else a record of its own. */
static int begin_message(struct ex_event_text *t, const struct message_start *m, const char *s,
                         size_t n, size_t lineno)
{
    bool joins = t->open && t->msg_len == 0 && t->info_len == 0 &&
                 (!t->have_id || t->ev.id == m->id);
    int rc = open_bare(t, joins, lineno, 0);
    if (rc)
        return rc;
    note_start(t, m);
    t->in_message = true;
    message_line(t, s, n);
    return 0;
}

/* A KMS event's Info list on a line of its own, its message and "Info:" above it in a language
 * no row holds (and so not read): the list is the event, a description pasted alone whose
 * message is unknown. A record that has the same event's ID and no values yet takes it. */
static int begin_info_list(struct ex_event_text *t, const struct message_start *m, const char *s,
                           size_t n, size_t lineno)
{
    bool joins = t->open && t->have_id && t->ev.id == m->id && t->info_len == 0;
    int rc = open_bare(t, joins, lineno, m->id);
    if (rc)
        return rc;
    t->start = m;
    t->in_message = t->in_info = true;
    append(t->info, sizeof t->info, &t->info_len, s, n, NULL);
    return 0;
}

/* Event 1003's licence status list, its message and the "Application Id=" and "Licensing
 * Status=" lines above it in a language no row holds: the list is the event, and vouches for it
 * as the message would (no other event writes such a list). */
static int begin_licence_list(struct ex_event_text *t, const char *s, size_t n, size_t lineno)
{
    const struct message_start *m = message_of(1003);
    bool joins = t->open && t->have_id && t->ev.id == 1003 && t->body_len == 0;
    int rc = open_bare(t, joins, lineno, 1003);
    if (rc)
        return rc;
    t->start = m;
    t->ev.message_known = true;
    t->in_message = true;
    t->msg_len = 1; /* its message line is there, unread: what follows is the list */
    append(t->body, sizeof t->body, &t->body_len, s, n, " ");
    return 0;
}

/* Whether a line goes on with a description pasted alone, or ends it. */
static bool bare_goes_on(const struct ex_event_text *t, const char *s, size_t n)
{
    if (message_start(s, n))
        return false;
    if (t->gap) /* after a blank line only the fields still awaited */
        return awaiting_fields(t) && ((t->start->info && (t->in_info || info_marker(t, s, n))) ||
                                      (t->start->id == 1003 && licence_entry_line(s, n)) ||
                                      (t->start->id == 12308 && line_holds(s, n, NAMED_SEPARATOR)));
    if (t->start && t->start->info && t->in_info)
        return !info_complete(t);
    return true;
}

/* "Event ID: 1003 Source: Microsoft-Windows-Security-SPP": a one-line header; returns where the
 * text after the ID's digits starts, or NULL when the value is the ID alone. */
static const char *after_id(const char *v, size_t n, size_t *rest_len)
{
    size_t i = 0;
    while (i < n && v[i] >= '0' && v[i] <= '9')
        i++;
    if (i == 0 || i == n || v[i] != ' ')
        return NULL;
    const char *rest = v + i;
    *rest_len = trim(&rest, n - i);
    return *rest_len ? rest : NULL;
}

static int labelled_line(struct ex_event_text *t, const char *s, size_t n, size_t lineno)
{
    const char *v;
    size_t vlen;
    bool padded = false;
    const struct label *l = find_label(s, n, &v, &vlen, &padded);
    if (t->in_message && !l && !padded) {
        message_line(t, s, n);
        return 0;
    }
    if (!l) { /* another writer's label (Format-List pads it): the message has ended */
        t->in_message = t->in_info = false;
        return 0;
    }
    if (l->kind == L_CODE) { /* the event's own only where its message gives a code so */
        if (message_awaits_error_code(t)) /* 16385's message wrapped before its code */
            message_line(t, s, n);
        else if (awaits_error_code(t))
            set_field(t, l, v, vlen);
        return 0;
    }
    t->in_message = t->in_info = false;
    if (t->open && seen(t, l->kind)) {
        int rc = flush(t);
        if (rc)
            return rc;
    }
    if (!t->open) {
        t->open = true;
        t->ev.line = lineno;
    }
    size_t rest_len = 0;
    const char *rest = l->kind == L_ID ? after_id(v, vlen, &rest_len) : NULL;
    set_field(t, l, v, rest ? (size_t)(rest - v) : vlen);
    const struct label *next = rest ? find_label(rest, rest_len, &v, &vlen, &padded) : NULL;
    if (next && next->kind != L_ID)
        set_field(t, next, v, vlen);
    return 0;
}

#define WRAPPED_LINES_MAX 3

/* A line after a held list opening: the two joined (a cut falls anywhere, even inside a GUID)
 * are a KMS event's value list, or are still its opening, or were none (the opening is let go
 * and the line read as any other). Returns whether the line was taken; *rc is then the result. */
static bool wrapped_list(struct ex_event_text *t, const char *s, size_t n, int *rc)
{
    *rc = 0;
    if (!message_start(s, n) && t->pending_len + n < sizeof t->pending) {
        char joined[INFO_MAX];
        memcpy(joined, t->pending, t->pending_len);
        memcpy(joined + t->pending_len, s, n);
        size_t jlen = t->pending_len + n;
        const char *list;
        const struct message_start *m = info_list_event(joined, jlen, &list);
        if (m) {
            t->pending_len = 0;
            *rc = begin_info_list(t, m, list, jlen - (size_t)(list - joined), t->pending_line);
            return true;
        }
        if (++t->pending_more < WRAPPED_LINES_MAX && memchr(s, ',', n) &&
            list_opening(joined, jlen)) {
            memcpy(t->pending, joined, jlen);
            t->pending_len = jlen;
            return true;
        }
    }
    t->pending_len = 0;
    return false;
}

static int one_line(struct ex_event_text *t, const char *text, size_t len, size_t lineno);

/* The length of the label of the table that stands at s[i] with its colon ("Event ID:"), at
 * the line's start or after a blank; 0 when none. `glued`: also right after the previous value
 * ("...Security-SPPDate: ...PMEvent ID: 900Task Category: None"), as a page that lost its line
 * breaks and the blanks with them gives it: a label of four letters or more, in its case. */
static size_t label_at(const char *s, size_t n, size_t i, bool glued)
{
    bool blank = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t';
    if (!blank && !glued)
        return 0;
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
        size_t l = strlen(labels[k].text);
        if (i + l < n && s[i + l] == ':' && (blank || l >= 4) &&
            memcmp(s + i, labels[k].text, l) == 0)
            return l + 1;
    }
    return 0;
}

/* Whether a line may hold whole events run together: an event ID label in a line long enough
 * for several fields. Most lines end here, so it is asked once a line. */
static bool may_run_together(const char *s, size_t n)
{
    return n >= 40 &&
           (line_holds(s, n, "Event ID:") ||
            line_holds(s, n, "\xE3\x82\xA4\xE3\x83\x99\xE3\x83\xB3\xE3\x83\x88 ID:"));
}

/* Whether a line that may hold events run together does, as a stored page or a forum that lost
 * the line breaks gives Event Viewer's copy ("Source: ... Event ID: 8200 Task Category: None ...
 * Description: License acquisition failure details. hr=0x80072EE7 Log Name: ..."): at least
 * three labels of the table after blanks (or, `glued`, after anything). */
static bool run_together(const char *s, size_t n, bool glued)
{
    size_t found = 0;
    for (size_t i = 1; i < n && found < 3; i++)
        found += label_at(s, n, i, glued) > 0;
    return found >= 3;
}

int ex_event_text_line(struct ex_event_text *t, const char *text, size_t len, size_t lineno)
{
    bool glued = false;
    if (!may_run_together(text, len) ||
        (!run_together(text, len, false) && !(glued = run_together(text, len, true))))
        return one_line(t, text, len, lineno);
    /* each label and its value as a line of its own */
    size_t from = 0;
    for (size_t i = 1; i <= len; i++) {
        if (i < len && !label_at(text, len, i, glued))
            continue;
        int rc = one_line(t, text + from, i - from, lineno);
        if (rc)
            return rc;
        from = i;
    }
    return 0;
}

static int one_line(struct ex_event_text *t, const char *text, size_t len, size_t lineno)
{
    const char *s = text;
    size_t n = trim(&s, len);
    if (n == 0) {
        if (t->pending_len)
            return 0; /* a list cut by a forum may go on after a blank line */
        if (t->open && awaiting_fields(t)) {
            t->gap = true;
            return 0;
        }
        /* A blank line ends a record, unless the message has yet to begin. */
        if (t->open && !(t->in_message && t->msg_len == 0 && !t->in_info))
            return flush(t);
        return 0;
    }
    if (s[0] == '<')
        return 0; /* XML is the other parser's */
    int taken_rc;
    if (t->pending_len && wrapped_list(t, s, n, &taken_rc))
        return taken_rc;
    if ((n >= 6 && strncmp(s, "Event[", 6) == 0 && s[n - 1] == ':') ||
        (n == 10 && strncmp(s, "Event Xml:", 10) == 0)) {
        /* Event Viewer's "Copy details" ends with the same event as XML: read it once. */
        t->ev.xml_follows = s[5] != '[';
        int rc = flush(t);
        if (!rc && s[5] == '[') {
            t->open = true;
            t->ev.line = lineno;
        }
        return rc;
    }
    if (t->open && t->bare) {
        if (bare_goes_on(t, s, n)) {
            t->gap = false;
            message_line(t, s, n);
            return 0;
        }
        int rc = flush(t);
        if (rc)
            return rc;
    }
    const struct message_start *m = message_start(s, n);
    if (m)
        return begin_message(t, m, s, n, lineno);
    if (!(t->open && (t->in_message || t->in_info))) {
        const char *list;
        if ((m = info_list_event(s, n, &list)) != NULL)
            return begin_info_list(t, m, list, n - (size_t)(list - s), lineno);
        if (licence_entry_line(s, n))
            return begin_licence_list(t, s, n, lineno);
        if (!t->open && n < sizeof t->pending && list_opening(s, n)) {
            memcpy(t->pending, s, n);
            t->pending_len = n;
            t->pending_line = lineno;
            t->pending_more = 0;
            return 0;
        }
    }
    return labelled_line(t, s, n, lineno);
}

int ex_event_text_finish(struct ex_event_text *t)
{
    return flush(t);
}
