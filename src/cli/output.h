/* SPDX-License-Identifier: MIT */
/* output.h: the one output layer of the slerr program: text with optional colour and
 * wrapping, and JSON Lines. Commands describe what to print; this decides how. */
#ifndef SLERR_CLI_OUTPUT_H
#define SLERR_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum output_format { FORMAT_TEXT, FORMAT_JSON };
enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };
enum style { STYLE_CODE, STYLE_SYMBOL, STYLE_LABEL, STYLE_GOOD, STYLE_WARN, STYLE_BAD, STYLE_DIM };

#define JSON_MAX_DEPTH 16

struct output {
    FILE *stream;
    enum output_format format;
    bool color;
    unsigned width;
    unsigned depth;
    bool need_comma[JSON_MAX_DEPTH];
};

/* "auto", "always", "never" (and their usual synonyms); -1 for anything else. */
int output_parse_color(const char *text, enum color_mode *mode);
/* Colour for `stream` under `mode`: auto means a terminal, no NO_COLOR, and TERM not "dumb". */
bool output_color_enabled(FILE *stream, enum color_mode mode);
void output_init(struct output *o, FILE *stream, enum output_format format, enum color_mode mode);

/* Text. */
void output_text(struct output *o, const char *text);
void output_printf(struct output *o, const char *format, ...) __attribute__((format(printf, 2, 3)));
void output_styled(struct output *o, enum style style, const char *format, ...)
    __attribute__((format(printf, 3, 4)));
/* Text that came from the network, a file, a paste or the command line, made harmless for a
 * terminal by the program's one escaping: control bytes, DEL, C1 controls, bidirectional and
 * line/paragraph separator controls (U+202A-202E, U+2066-2069, U+200E/F, U+2028/9, U+061C)
 * and invalid UTF-8 are written as \xNN, one per byte. With OUTPUT_PLUGIN also '|', which
 * would end a monitoring plugin's status text and start perfdata. */
#define OUTPUT_PLUGIN 1u
void output_untrusted(struct output *o, const char *text, unsigned flags);
/* A labelled paragraph, wrapped at the output width, continuation lines indented under the text. */
void output_field(struct output *o, unsigned indent, const char *label, const char *text);
/* The rest of a line already `column` wide, wrapped like output_field, continuation lines
 * after `margin` spaces; ends the line. */
void output_wrapped(struct output *o, unsigned column, unsigned margin, const char *text);

/* The same escaping as output_untrusted, into a buffer (for text that is formatted or wrapped
 * further). Cuts between characters to fit `size`; returns out. */
char *output_escape(const char *text, char *out, size_t size);

/* JSON: objects and arrays nest; keys are NULL inside arrays. */
void json_object_begin(struct output *o, const char *key);
void json_object_end(struct output *o);
void json_array_begin(struct output *o, const char *key);
void json_array_end(struct output *o);
void json_string(struct output *o, const char *key, const char *value); /* NULL gives null */
/* The escaped inside of a JSON string, without its quotes (to write into one being copied). */
void json_text(struct output *o, const char *value);
void json_uint(struct output *o, const char *key, uint64_t value);
void json_int(struct output *o, const char *key, int64_t value);
void json_bool(struct output *o, const char *key, bool value);
void json_double(struct output *o, const char *key, double value);
/* Ends one JSON Lines record. */
void json_line_end(struct output *o);

/* Flushes; 0, or -1 with errno set when anything could not be written. */
int output_finish(struct output *o);

#endif
