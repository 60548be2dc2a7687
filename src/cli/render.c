/* SPDX-License-Identifier: MIT */
/* render.c: the text and JSON views of catalog entries: for codes the message, activation
 * types, cause, remedy, related entries and the HRESULT fields; events, symptoms and settings
 * with their own fields; and the one-line form that list and search print. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "render.h"
#include "slerr.h"

#define INDENT 2

static void applies_text(unsigned applies, char *buf, size_t size)
{
    static const char *const labels[] = { "KMS client", "KMS host", "MAK", "Retail", "OEM" };
    size_t used = 0;
    buf[0] = '\0';
    for (unsigned bit = 0; bit < sizeof labels / sizeof labels[0]; bit++) {
        if (!(applies & (1u << bit)) || used >= size)
            continue;
        int n = snprintf(buf + used, size - used, "%s%s", used ? ", " : "", labels[bit]);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* How the value is read: "HRESULT", "Win32" (HRESULT_FROM_WIN32) or "NTSTATUS". */
static const char *reading_word(enum slerr_reading reading, bool json)
{
    switch (reading) {
    case SLERR_READING_WIN32: return json ? "win32" : "Win32 error";
    case SLERR_READING_NTSTATUS: return json ? "ntstatus" : "NTSTATUS";
    default: return json ? "hresult" : "HRESULT";
    }
}

/* "NTSTATUS STATUS_ACCESS_DENIED (ntstatus.h): text" */
static void reading_line(const struct slerr_entry *e, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s%s: %s", reading_word(slerr_entry_reading(e), false),
             slerr_entry_symbol(e) ? " " : "", slerr_entry_symbol(e) ? slerr_entry_symbol(e) : "", slerr_entry_source(e) ? " (" : "",
             slerr_entry_source(e) ? slerr_entry_source(e) : "", slerr_entry_source(e) ? ")" : "", slerr_entry_message(e));
}

/* Where the message comes from, the other wordings Windows shows, and the other things the
 * same number means (err.exe's "N matches"). */
static void text_readings(struct output *o, uint32_t code, const struct slerr_entry *e)
{
    char line[1024];
    if (e && slerr_entry_source(e)) {
        snprintf(line, sizeof line, "%s, text from %s", reading_word(slerr_entry_reading(e), false), slerr_entry_source(e));
        output_field(o, INDENT, "Source:   ", line);
    }
    for (size_t i = 0; e && i < slerr_entry_variant_count(e); i++)
        output_field(o, INDENT, "Variant:  ", slerr_entry_variant(e, i));
    const struct slerr_entry *other;
    for (size_t i = 1; e && slerr_entry_code(e) == code && (other = slerr_reading_at(code, i)) != NULL; i++) {
        reading_line(other, line, sizeof line);
        output_field(o, INDENT, "Also:     ", line);
    }
    if ((other = slerr_win32_reading(code)) != NULL) { /* 0x000006BA: a Win32 error in 8 digits */
        const char *symbol = slerr_entry_symbol(other), *from = slerr_entry_source(other);
        snprintf(line, sizeof line, "Win32 error %u %s (%s, as HRESULT 0x%08X): %s", code,
                 symbol ? symbol : "", from ? from : "-", slerr_entry_code(other),
                 slerr_entry_message(other));
        output_field(o, INDENT, "Also:     ", line);
    }
    uint32_t inner;
    enum slerr_wrap wrap = slerr_unwrap(code, &inner);
    if (wrap == SLERR_WRAP_HRESULT_FROM_NT || wrap == SLERR_WRAP_NTSTATUS_FROM_WIN32) {
        uint32_t source = wrap == SLERR_WRAP_HRESULT_FROM_NT ? inner : 0x80070000u | inner;
        const struct slerr_entry *wrapped = slerr_lookup(source);
        int n = wrap == SLERR_WRAP_HRESULT_FROM_NT
                    ? snprintf(line, sizeof line, "HRESULT_FROM_NT of NTSTATUS 0x%08X", inner)
                    : snprintf(line, sizeof line, "NTSTATUS_FROM_WIN32 of Win32 error %u", inner);
        if (wrapped && n > 0 && (size_t)n < sizeof line)
            snprintf(line + n, sizeof line - (size_t)n, " %s: %s", slerr_entry_symbol(wrapped) ? slerr_entry_symbol(wrapped) : "",
                     slerr_entry_message(wrapped));
        output_field(o, INDENT, "Wraps:    ", line);
    }
}

void render_facility(const struct slerr_decoded *d, char *buf, size_t size)
{
    if (d->facility_name)
        snprintf(buf, size, "%u (%s)", d->facility, d->facility_name);
    else
        snprintf(buf, size, "%u", d->facility);
}

static void text_fields(struct output *o, const struct slerr_decoded *d)
{
    char line[200], facility[48];
    int32_t as_signed = (int32_t)d->code;
    render_facility(d, facility, sizeof facility);
    snprintf(line, sizeof line, "%s (S=%d R=%d C=%d N=%d); facility %s; code 0x%04X (%u)",
             d->severity, d->failure, d->reserved, d->customer, d->ntstatus, facility,
             d->code_field, d->code_field);
    output_field(o, INDENT, "Fields:   ", line);
    snprintf(line, sizeof line, "%u unsigned, %d signed", d->code, as_signed);
    output_field(o, INDENT, "Decimal:  ", line);
    if (d->is_win32) {
        snprintf(line, sizeof line, "%u%s%s", d->code_field, d->win32_name ? " " : "",
                 d->win32_name ? d->win32_name : "");
        output_field(o, INDENT, "Win32:    ", line);
    }
}

/* "0xC004F038" or "event<sep>12290", "symptom<sep>NAME", "setting<sep>NAME". */
static void reference(const struct slerr_entry *e, char sep, char *buf, size_t size)
{
    if (slerr_entry_kind(e) == SLERR_KIND_CODE)
        snprintf(buf, size, "0x%08X", slerr_entry_code(e));
    else
        snprintf(buf, size, "%s%c%s", slerr_kind_name(slerr_entry_kind(e)), sep, slerr_entry_name(e));
}

void render_label(const struct slerr_entry *e, char *buf, size_t size)
{
    reference(e, ' ', buf, size);
}

/* Adds ", item" (or "item" first) to a line, as far as it fits. */
static void append_item(char *line, size_t size, size_t *used, const char *item)
{
    if (*used >= size)
        return;
    int n = snprintf(line + *used, size - *used, "%s%s", *used ? ", " : "", item);
    *used += n > 0 ? (size_t)n : 0;
}

static void text_see(struct output *o, const struct slerr_entry *e)
{
    char line[1024], item[128];
    size_t used = 0;
    if (!slerr_entry_see_count(e) && !slerr_entry_related_count(e))
        return;
    for (size_t i = 0; i < slerr_entry_see_count(e); i++) {
        const struct slerr_entry *other = slerr_lookup(slerr_entry_see(e, i));
        snprintf(item, sizeof item, "0x%08X%s%s", slerr_entry_see(e, i), other && slerr_entry_symbol(other) ? " " : "",
                 other && slerr_entry_symbol(other) ? slerr_entry_symbol(other) : "");
        append_item(line, sizeof line, &used, item);
    }
    for (size_t i = 0; i < slerr_entry_related_count(e); i++) {
        render_label(slerr_entry_related(e, i), item, sizeof item);
        append_item(line, sizeof line, &used, item);
    }
    output_field(o, INDENT, "See also: ", line);
}

static void render_text(struct output *o, uint32_t code, const struct slerr_entry *e,
                        const struct slerr_decoded *d)
{
    output_styled(o, STYLE_CODE, "0x%08X", code);
    if (e && slerr_entry_symbol(e)) {
        output_text(o, "  ");
        output_styled(o, STYLE_SYMBOL, "%s", slerr_entry_symbol(e));
    } else if (!e) {
        output_text(o, "  ");
        output_styled(o, STYLE_WARN, "(not in the catalog)");
    }
    output_text(o, "\n");
    output_field(o, INDENT, NULL, e ? slerr_entry_message(e) : slerr_message(code));
    if (e && slerr_entry_applies(e)) {
        char applies[80];
        applies_text(slerr_entry_applies(e), applies, sizeof applies);
        output_field(o, INDENT, "Applies:  ", applies);
    }
    if (e && slerr_entry_cause(e))
        output_field(o, INDENT, "Cause:    ", slerr_entry_cause(e));
    if (e && slerr_entry_remedy(e))
        output_field(o, INDENT, "Remedy:   ", slerr_entry_remedy(e));
    if (e)
        text_see(o, e);
    if (e && slerr_entry_code(e) != code) {
        char note[64];
        snprintf(note, sizeof note, "this symbol's value in another SDK is 0x%08X", slerr_entry_code(e));
        output_field(o, INDENT, "Alias:    ", note);
    }
    text_readings(o, code, e);
    text_fields(o, d);
}

static void render_brief(struct output *o, uint32_t code, const struct slerr_entry *e, bool named)
{
    char line[1024];
    if (named) {
        output_styled(o, STYLE_CODE, "0x%08X", code);
        output_text(o, ": ");
    }
    if (e) {
        output_printf(o, "%s\n", slerr_entry_message(e));
        return;
    }
    slerr_describe(code, line, sizeof line);
    output_printf(o, "%s\n", line);
}

/* "related": events, symptoms and settings an entry points at, as event:12290 and so on. */
static void json_related(struct output *o, const struct slerr_entry *e)
{
    char item[128];
    json_array_begin(o, "related");
    for (size_t i = 0; e && i < slerr_entry_related_count(e); i++) {
        reference(slerr_entry_related(e, i), ':', item, sizeof item);
        json_string(o, NULL, item);
    }
    json_array_end(o);
}

static void json_applies(struct output *o, const struct slerr_entry *e)
{
    json_array_begin(o, "applies");
    for (unsigned bit = 1; e && bit && bit <= SLERR_OEM; bit <<= 1)
        if (slerr_entry_applies(e) & bit)
            json_string(o, NULL, slerr_applies_name(bit));
    json_array_end(o);
}

static void json_see(struct output *o, const struct slerr_entry *e)
{
    char hex[11];
    json_array_begin(o, "see");
    for (size_t i = 0; e && i < slerr_entry_see_count(e); i++) {
        snprintf(hex, sizeof hex, "0x%08X", slerr_entry_see(e, i));
        json_string(o, NULL, hex);
    }
    json_array_end(o);
}

/* "reading", "source", "variants", the other "readings" and what the value "wraps". */
static void json_readings(struct output *o, uint32_t code, const struct slerr_entry *e)
{
    char hex[11];
    json_string(o, "reading", e ? reading_word(slerr_entry_reading(e), true) : NULL);
    json_string(o, "source", e ? slerr_entry_source(e) : NULL);
    json_array_begin(o, "variants");
    for (size_t i = 0; e && i < slerr_entry_variant_count(e); i++)
        json_string(o, NULL, slerr_entry_variant(e, i));
    json_array_end(o);
    json_array_begin(o, "readings");
    const struct slerr_entry *other;
    for (size_t i = 1; e && slerr_entry_code(e) == code && (other = slerr_reading_at(code, i)) != NULL; i++) {
        json_object_begin(o, NULL);
        json_string(o, "reading", reading_word(slerr_entry_reading(other), true));
        json_string(o, "symbol", slerr_entry_symbol(other));
        json_string(o, "message", slerr_entry_message(other));
        json_string(o, "source", slerr_entry_source(other));
        json_object_end(o);
    }
    if ((other = slerr_win32_reading(code)) != NULL) { /* the only reading of another value */
        json_object_begin(o, NULL);
        json_string(o, "reading", "win32");
        snprintf(hex, sizeof hex, "0x%08X", slerr_entry_code(other));
        json_string(o, "code", hex);
        json_uint(o, "win32", code);
        json_string(o, "symbol", slerr_entry_symbol(other));
        json_string(o, "message", slerr_entry_message(other));
        json_string(o, "source", slerr_entry_source(other));
        json_object_end(o);
    }
    json_array_end(o);
    uint32_t inner;
    enum slerr_wrap wrap = slerr_unwrap(code, &inner);
    if (wrap != SLERR_WRAP_HRESULT_FROM_NT && wrap != SLERR_WRAP_NTSTATUS_FROM_WIN32) {
        json_string(o, "wraps", NULL);
        return;
    }
    uint32_t source = wrap == SLERR_WRAP_HRESULT_FROM_NT ? inner : 0x80070000u | inner;
    const struct slerr_entry *wrapped = slerr_lookup(source);
    json_object_begin(o, "wraps");
    json_string(o, "reading", wrap == SLERR_WRAP_HRESULT_FROM_NT ? "ntstatus" : "win32");
    snprintf(hex, sizeof hex, "0x%08X", wrap == SLERR_WRAP_HRESULT_FROM_NT ? inner : source);
    json_string(o, "code", hex);
    json_string(o, "symbol", wrapped ? slerr_entry_symbol(wrapped) : NULL);
    json_string(o, "message", wrapped ? slerr_entry_message(wrapped) : NULL);
    json_object_end(o);
}

static void render_json(struct output *o, const char *input, uint32_t code,
                        const struct slerr_entry *e, const struct slerr_decoded *d)
{
    char hex[11];
    bool nested = o->depth > 0; /* inside a caller's object: the caller ends the line */
    snprintf(hex, sizeof hex, "0x%08X", code);
    json_object_begin(o, NULL);
    if (input)
        json_string(o, "input", input);
    json_string(o, "kind", "code");
    json_string(o, "code", hex);
    json_bool(o, "known", e != NULL);
    json_string(o, "symbol", e ? slerr_entry_symbol(e) : NULL);
    json_string(o, "message", e ? slerr_entry_message(e) : slerr_message(code));
    json_applies(o, e);
    json_string(o, "cause", e ? slerr_entry_cause(e) : NULL);
    json_string(o, "remedy", e ? slerr_entry_remedy(e) : NULL);
    json_see(o, e);
    json_related(o, e);
    json_array_begin(o, "aliases");
    for (size_t i = 0; e && i < slerr_entry_alias_count(e); i++) {
        snprintf(hex, sizeof hex, "0x%08X", slerr_entry_alias(e, i));
        json_string(o, NULL, hex);
    }
    json_array_end(o);
    json_uint(o, "unsigned", code);
    json_int(o, "signed", (int32_t)code);
    json_string(o, "severity", d->severity);
    json_bool(o, "customer", d->customer);
    json_bool(o, "ntstatus", d->ntstatus);
    json_uint(o, "facility", d->facility);
    json_string(o, "facility_name", d->facility_name);
    json_uint(o, "code_field", d->code_field);
    if (d->is_win32) {
        json_uint(o, "win32", d->code_field);
        json_string(o, "win32_name", d->win32_name);
    }
    json_readings(o, code, e);
    json_object_end(o);
    if (!nested)
        json_line_end(o);
}

/* One line that names the entry: "0xC004F038  SL_E_VL_NOT_ENOUGH_COUNT", "event 12290  title". */
static void render_line(struct output *o, uint32_t code, const struct slerr_entry *e)
{
    char label[96];
    if (e && slerr_entry_kind(e) != SLERR_KIND_CODE)
        render_label(e, label, sizeof label);
    else
        snprintf(label, sizeof label, "0x%08X", code);
    output_styled(o, STYLE_CODE, "%s", label);
    output_text(o, "  ");
    if (!e)
        output_styled(o, STYLE_WARN, "(not in the catalog)");
    else if (slerr_entry_symbol(e))
        output_styled(o, STYLE_SYMBOL, "%s", slerr_entry_symbol(e));
    else
        output_text(o, slerr_entry_title(e) ? slerr_entry_title(e) : slerr_entry_message(e));
    output_text(o, "\n");
}

static void optional_field(struct output *o, const char *label, const char *text)
{
    if (text)
        output_field(o, INDENT, label, text);
}

/* The labels of each kind's own fields; NULL where the kind has none. */
struct kind_labels {
    const char *location, *details, *remedy;
};

static const struct kind_labels kind_labels[SLERR_KIND_COUNT] = {
    [SLERR_KIND_EVENT] = { "Log:      ", "Fields:   ", "Remedy:   " },
    [SLERR_KIND_SYMPTOM] = { NULL, NULL, "Steps:    " },
    [SLERR_KIND_SETTING] = { "Key:      ", NULL, "How:      " },
};

static void render_other_text(struct output *o, const struct slerr_entry *e)
{
    const struct kind_labels *labels = &kind_labels[slerr_entry_kind(e)];
    char label[96];
    render_label(e, label, sizeof label);
    output_styled(o, STYLE_CODE, "%s", label);
    output_text(o, "  ");
    output_styled(o, STYLE_SYMBOL, "%s", slerr_entry_title(e));
    output_text(o, "\n");
    output_field(o, INDENT, NULL, slerr_entry_message(e));
    if (labels->location)
        optional_field(o, labels->location, slerr_entry_location(e));
    optional_field(o, "Type:     ", slerr_entry_value_type(e));
    optional_field(o, "Default:  ", slerr_entry_default_value(e));
    if (slerr_entry_applies(e)) {
        char applies[80];
        applies_text(slerr_entry_applies(e), applies, sizeof applies);
        output_field(o, INDENT, "Applies:  ", applies);
    }
    if (labels->details)
        optional_field(o, labels->details, slerr_entry_details(e));
    optional_field(o, "Cause:    ", slerr_entry_cause(e));
    optional_field(o, labels->remedy, slerr_entry_remedy(e));
    text_see(o, e);
}

void render_json_identity(struct output *o, const struct slerr_entry *e)
{
    json_string(o, "kind", slerr_kind_name(slerr_entry_kind(e)));
    if (slerr_entry_kind(e) == SLERR_KIND_CODE) {
        char hex[11];
        snprintf(hex, sizeof hex, "0x%08X", slerr_entry_code(e));
        json_string(o, "code", hex);
        json_string(o, "symbol", slerr_entry_symbol(e));
        return;
    }
    if (slerr_entry_kind(e) == SLERR_KIND_EVENT)
        json_uint(o, "id", slerr_entry_code(e));
    json_string(o, "name", slerr_entry_name(e));
    json_string(o, "title", slerr_entry_title(e));
}

static void render_other_json(struct output *o, const struct slerr_entry *e)
{
    json_object_begin(o, NULL);
    render_json_identity(o, e);
    json_string(o, "message", slerr_entry_message(e));
    if (slerr_entry_kind(e) == SLERR_KIND_EVENT) {
        json_string(o, "log", slerr_entry_location(e));
        json_string(o, "fields", slerr_entry_details(e));
    }
    if (slerr_entry_kind(e) == SLERR_KIND_SETTING) {
        json_string(o, "key", slerr_entry_location(e));
        json_string(o, "type", slerr_entry_value_type(e));
        json_string(o, "default", slerr_entry_default_value(e));
    }
    json_applies(o, e);
    json_string(o, "cause", slerr_entry_cause(e));
    json_string(o, "remedy", slerr_entry_remedy(e));
    json_see(o, e);
    json_related(o, e);
    json_object_end(o);
    json_line_end(o);
}

void render_entry(struct output *o, const struct slerr_entry *e, enum render_detail detail)
{
    if (slerr_entry_kind(e) == SLERR_KIND_CODE)
        render_code(o, NULL, slerr_entry_code(e), detail);
    else if (o->format == FORMAT_JSON)
        render_other_json(o, e);
    else if (detail == RENDER_LINE)
        render_line(o, slerr_entry_code(e), e);
    else if (detail == RENDER_BRIEF || detail == RENDER_BRIEF_NAMED)
        output_printf(o, "%s\n", slerr_entry_title(e));
    else
        render_other_text(o, e);
}

void render_code(struct output *o, const char *input, uint32_t code, enum render_detail detail)
{
    const struct slerr_entry *entry = slerr_lookup(code);
    struct slerr_decoded decoded = SLERR_DECODED_INIT;
    slerr_decode(code, &decoded);
    if (o->format == FORMAT_JSON)
        render_json(o, input, code, entry, &decoded);
    else if (detail == RENDER_LINE)
        render_line(o, code, entry);
    else if (detail == RENDER_BRIEF || detail == RENDER_BRIEF_NAMED)
        render_brief(o, code, entry, detail == RENDER_BRIEF_NAMED);
    else
        render_text(o, code, entry, &decoded);
}
