/* render.c: the text and JSON views of a code: message, activation types, cause, remedy,
 * related entries and the HRESULT fields. */
#include <stdio.h>

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

static const char *severity_word(const struct slerr_decoded *d)
{
    if (d->failure)
        return "error";
    return d->reserved ? "information" : "success";
}

static void text_fields(struct output *o, const struct slerr_decoded *d)
{
    char line[200];
    int32_t as_signed = (int32_t)d->code;
    snprintf(line, sizeof line, "%s (S=%d R=%d C=%d N=%d); facility %u%s%s%s; code 0x%04X (%u)",
             severity_word(d), d->failure, d->reserved, d->customer, d->ntstatus, d->facility,
             d->facility_name ? " (" : "", d->facility_name ? d->facility_name : "",
             d->facility_name ? ")" : "", d->code_field, d->code_field);
    output_field(o, INDENT, "Fields:   ", line);
    snprintf(line, sizeof line, "%u unsigned, %d signed", d->code, as_signed);
    output_field(o, INDENT, "Decimal:  ", line);
    if (d->is_win32) {
        snprintf(line, sizeof line, "%u%s%s", d->code_field, d->win32_name ? " " : "",
                 d->win32_name ? d->win32_name : "");
        output_field(o, INDENT, "Win32:    ", line);
    }
}

static void text_see(struct output *o, const struct slerr_entry *e)
{
    char line[512];
    size_t used = 0;
    for (size_t i = 0; i < e->see_count && used < sizeof line; i++) {
        const struct slerr_entry *other = slerr_lookup(e->see[i]);
        int n = snprintf(line + used, sizeof line - used, "%s0x%08X%s%s", i ? ", " : "", e->see[i],
                         other && other->symbol ? " " : "", other && other->symbol ? other->symbol : "");
        used += n > 0 ? (size_t)n : 0;
    }
    output_field(o, INDENT, "See also: ", line);
}

static void render_text(struct output *o, uint32_t code, const struct slerr_entry *e,
                        const struct slerr_decoded *d)
{
    output_styled(o, STYLE_CODE, "0x%08X", code);
    if (e && e->symbol) {
        output_text(o, "  ");
        output_styled(o, STYLE_SYMBOL, "%s", e->symbol);
    } else if (!e) {
        output_text(o, "  ");
        output_styled(o, STYLE_WARN, "(not in the catalog)");
    }
    output_text(o, "\n");
    output_field(o, INDENT, NULL, e ? e->message : slerr_message(code));
    if (e && e->applies) {
        char applies[80];
        applies_text(e->applies, applies, sizeof applies);
        output_field(o, INDENT, "Applies:  ", applies);
    }
    if (e && e->cause)
        output_field(o, INDENT, "Cause:    ", e->cause);
    if (e && e->remedy)
        output_field(o, INDENT, "Remedy:   ", e->remedy);
    if (e && e->see_count)
        text_see(o, e);
    text_fields(o, d);
}

static void render_brief(struct output *o, uint32_t code, const struct slerr_entry *e)
{
    char line[1024];
    if (e) {
        output_printf(o, "%s\n", e->message);
        return;
    }
    slerr_describe(code, line, sizeof line);
    output_printf(o, "%s\n", line);
}

static void render_json(struct output *o, const char *input, uint32_t code,
                        const struct slerr_entry *e, const struct slerr_decoded *d)
{
    char hex[11];
    snprintf(hex, sizeof hex, "0x%08X", code);
    json_object_begin(o, NULL);
    if (input)
        json_string(o, "input", input);
    json_string(o, "code", hex);
    json_bool(o, "known", e != NULL);
    json_string(o, "symbol", e ? e->symbol : NULL);
    json_string(o, "message", e ? e->message : slerr_message(code));
    json_array_begin(o, "applies");
    for (unsigned bit = 1; e && bit && bit <= SLERR_OEM; bit <<= 1)
        if (e->applies & bit)
            json_string(o, NULL, slerr_applies_name(bit));
    json_array_end(o);
    json_string(o, "cause", e ? e->cause : NULL);
    json_string(o, "remedy", e ? e->remedy : NULL);
    json_array_begin(o, "see");
    for (size_t i = 0; e && i < e->see_count; i++) {
        snprintf(hex, sizeof hex, "0x%08X", e->see[i]);
        json_string(o, NULL, hex);
    }
    json_array_end(o);
    json_uint(o, "unsigned", code);
    json_int(o, "signed", (int32_t)code);
    json_string(o, "severity", severity_word(d));
    json_bool(o, "customer", d->customer);
    json_bool(o, "ntstatus", d->ntstatus);
    json_uint(o, "facility", d->facility);
    json_string(o, "facility_name", d->facility_name);
    json_uint(o, "code_field", d->code_field);
    if (d->is_win32) {
        json_uint(o, "win32", d->code_field);
        json_string(o, "win32_name", d->win32_name);
    }
    json_object_end(o);
    json_line_end(o);
}

void render_code(struct output *o, const char *input, uint32_t code, enum render_detail detail)
{
    const struct slerr_entry *entry = slerr_lookup(code);
    struct slerr_decoded decoded;
    slerr_decode(code, &decoded);
    if (o->format == FORMAT_JSON)
        render_json(o, input, code, entry, &decoded);
    else if (detail == RENDER_BRIEF)
        render_brief(o, code, entry);
    else
        render_text(o, code, entry, &decoded);
}
