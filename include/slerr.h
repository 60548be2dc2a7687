/* SPDX-License-Identifier: MIT */
/* slerr.h: public API of libslerr, the catalog of Windows volume-activation error codes.
 * No I/O, no network, no allocation on lookups; every function is thread-safe.
 * The structures the library writes into can grow without breaking callers: they are either
 * opaque (entries, the scanner) or carry a size the caller sets (struct slerr_decoded, the hit
 * array). The ABI rules are in libslerr(3). */
#ifndef SLERR_H
#define SLERR_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "slerr_version.h" /* SLERR_VERSION_MAJOR, _MINOR, _PATCH, _STRING, _NUMBER */

/* What a function that can fail returns: SLERR_OK, or the reason, which slerr_strerror()
 * puts in words. Values may be added: treat an unknown one as a failure. */
enum slerr_status {
    SLERR_OK = 0,
    SLERR_E_ARGUMENT,        /* a required pointer is NULL, or a size is too small */
    SLERR_E_NOT_A_CODE,      /* slerr_parse: the text is no form of a code */
    SLERR_E_UNKNOWN_SYMBOL,  /* slerr_parse: shaped like a symbol, but not in the catalog */
    SLERR_E_UNKNOWN_KIND,    /* slerr_kind_parse: the name names no kind */
    SLERR_E_QUERY_EMPTY,     /* slerr_search: the query has no word */
    SLERR_E_QUERY_TOO_MANY_WORDS, /* slerr_search: more than SLERR_SEARCH_MAX_WORDS words */
    SLERR_E_QUERY_WORD_TOO_LONG,  /* slerr_search: a word longer than SLERR_SEARCH_MAX_WORD */
};

/* A sentence for a status ("the query has no word"); never NULL, also for unknown values. */
const char *slerr_strerror(enum slerr_status status);

/* Which activation type an entry concerns (bits of slerr_entry_applies()). */
enum slerr_applies {
    SLERR_KMS_CLIENT = 1u << 0,
    SLERR_KMS_HOST = 1u << 1,
    SLERR_MAK = 1u << 2,
    SLERR_RETAIL = 1u << 3,
    SLERR_OEM = 1u << 4,
};

/* What an entry describes. Only SLERR_KIND_CODE entries are reachable by code. */
enum slerr_kind {
    SLERR_KIND_CODE = 0, /* an HRESULT: code, symbol, official message */
    SLERR_KIND_EVENT,    /* an event ID (code holds it): what the event log records */
    SLERR_KIND_SYMPTOM,  /* a problem without a code: title, explanation, steps */
    SLERR_KIND_SETTING,  /* a registry value that governs activation */
};
#define SLERR_KIND_COUNT 4

/* How a code's value is read: a number can be an HRESULT, a Win32 error written as
 * HRESULT_FROM_WIN32 (0x8007xxxx; 0 for ERROR_SUCCESS) and an NTSTATUS at the same time. */
enum slerr_reading {
    SLERR_READING_HRESULT = 0,
    SLERR_READING_WIN32,
    SLERR_READING_NTSTATUS,
};

/* An entry of the catalog: opaque, read through the accessors below (the library's tables
 * hold offsets, not pointers, so the struct a caller could read does not exist). A field added
 * later is a new accessor: callers built against this header keep working with later
 * libraries. Every accessor accepts NULL (and returns 0, NULL or 0 items). Strings and entries
 * returned live as long as the library is loaded. */
struct slerr_entry;

uint32_t slerr_entry_code(const struct slerr_entry *e);      /* the code, or an event's ID */
enum slerr_kind slerr_entry_kind(const struct slerr_entry *e);
const char *slerr_entry_symbol(const struct slerr_entry *e); /* NULL when the code has none */
/* The official Windows text for codes; for other kinds this project's summary. */
const char *slerr_entry_message(const struct slerr_entry *e);
const char *slerr_entry_cause(const struct slerr_entry *e);  /* NULL when not curated */
const char *slerr_entry_remedy(const struct slerr_entry *e); /* NULL when not curated */
unsigned slerr_entry_applies(const struct slerr_entry *e);   /* SLERR_KMS_CLIENT | ... */
/* Events, symptoms and settings (NULL for codes): */
const char *slerr_entry_name(const struct slerr_entry *e);     /* "12290", a symptom's name */
const char *slerr_entry_title(const struct slerr_entry *e);    /* a short heading */
const char *slerr_entry_location(const struct slerr_entry *e); /* event log; registry key */
const char *slerr_entry_details(const struct slerr_entry *e);  /* event: its fields */
const char *slerr_entry_value_type(const struct slerr_entry *e);    /* REG_SZ, REG_DWORD ... */
const char *slerr_entry_default_value(const struct slerr_entry *e); /* setting's default */
/* Codes: the header the message comes from ("slerror.h", "winerror.h", "ntstatus.h",
 * "wuerror.h", "WbemCli.h"), NULL when not imported from one; how it reads the value. */
const char *slerr_entry_source(const struct slerr_entry *e);
enum slerr_reading slerr_entry_reading(const struct slerr_entry *e);
/* Lists: a count and the item at an index (0 or NULL past the end). */
size_t slerr_entry_see_count(const struct slerr_entry *e);     /* related codes */
uint32_t slerr_entry_see(const struct slerr_entry *e, size_t index);
size_t slerr_entry_related_count(const struct slerr_entry *e); /* events, symptoms, settings */
const struct slerr_entry *slerr_entry_related(const struct slerr_entry *e, size_t index);
size_t slerr_entry_alias_count(const struct slerr_entry *e);   /* the symbol's value in other SDKs */
uint32_t slerr_entry_alias(const struct slerr_entry *e, size_t index);
size_t slerr_entry_variant_count(const struct slerr_entry *e); /* "WHERE: text": other wordings */
const char *slerr_entry_variant(const struct slerr_entry *e, size_t index);

/* The parts of an HRESULT, for codes the catalog does not hold. Versioned: set `size` to
 * sizeof(struct slerr_decoded) before the call (SLERR_DECODED_INIT does); fields may be added
 * at the end, and a library only fills the fields that fit in `size`. */
struct slerr_decoded {
    size_t size;               /* set by the caller */
    uint32_t code;
    int failure;               /* S bit (31): the code reports a failure */
    int reserved;              /* R bit (30); with S clear it marks an informational code */
    int customer;              /* C bit (29): defined by a third party, not Microsoft */
    int ntstatus;              /* N bit (28): a mapped NTSTATUS value */
    unsigned facility;         /* bits 16..26 */
    const char *facility_name; /* e.g. "WIN32", "ITF"; NULL when unknown */
    unsigned code_field;       /* bits 0..15 */
    int is_win32;              /* FACILITY_WIN32 with S set: code_field is a Win32 error */
    const char *win32_name;    /* e.g. "ERROR_ACCESS_DENIED"; NULL when unknown */
    const char *severity;      /* "error" (S set), "information" (R set, S clear), "success" */
};

/* Parses every accepted input form into an HRESULT: 0xC004F038, C004F038 (eight hex digits),
 * 3221549112, -1073418184, a symbol in any case, and a Win32 error below 0x10000
 * (1722, 0x6BA) which becomes HRESULT_FROM_WIN32. SLERR_OK; SLERR_E_NOT_A_CODE or
 * SLERR_E_UNKNOWN_SYMBOL when text is not a code (*code is then untouched); SLERR_E_ARGUMENT.
 * The rules for digits:
 *   - eight hex digits are hex, with or without 0x, even when all are decimal digits
 *     (80070005 is 0x80070005): an HRESULT as written (0x00000005 stays 0x00000005);
 *   - 0x with fewer than eight digits is a number as a person or a tool writes a Win32 error
 *     (0x6BA, 0x5, as certutil -error prints them): below 0x10000 it becomes
 *     HRESULT_FROM_WIN32 (0x4 is 0x80070004; 0x0 is 0, ERROR_SUCCESS and S_OK alike); from
 *     0x10000 on it is the value as written (0x4F040 is 0x0004F040), an HRESULT whose leading
 *     zeros were dropped. Where a field holds an HRESULT as written (an event's hr=0x0),
 *     slerr_parse_word with SLERR_PARSE_HRESULT reads every short form as written;
 *   - decimals (other than eight digits) are decimal, a Win32 error below 65536. */
enum slerr_status slerr_parse(const char *text, uint32_t *code);

/* How slerr_parse_word reads the code (flags, OR-ed): */
#define SLERR_PARSE_HRESULT 1u    /* the field holds an HRESULT as written: a short 0x value or
                                   * a small decimal is that number, never a Win32 error */
#define SLERR_PARSE_DECIMAL 2u    /* the field is written in decimal (LicenseStatusReason,
                                   * ErrorCode): digits are a decimal number, eight too, read as
                                   * written (implies SLERR_PARSE_HRESULT); 0x forms stay hex */
#define SLERR_PARSE_FIRST_WORD 4u /* the code is the text's first word and anything may follow
                                   * (a value and its message); without it only closing
                                   * punctuation, a sentence's end and blanks may follow */

/* The code in a word as copied with what surrounds it: "(0xC004F074)", "0xC004F074.",
 * "hr=0xc004f074,", "'1722'", "0xC004F074\r". Reads len bytes of text: skips blanks, opening
 * brackets and quotes and one "name=" (ASCII letters and '='), takes the word up to a blank,
 * bracket, quote, ',', ';' or a character outside ASCII ("0xC004F069在运行": Chinese runs on
 * without a blank), drops a final '.', ':', '!' or '?', and reads it by slerr_parse's
 * rules as `flags` adjust them. The one parser for a code inside text that the program's lookup
 * words, its REPL and slerr explain's fields share. Stores the code, and where its text starts
 * in `text` and how long it is in *start and *length (either may be NULL). Returns SLERR_OK,
 * SLERR_E_NOT_A_CODE (also when more than one word is there: "0xC004F074,0xC004F038"),
 * SLERR_E_UNKNOWN_SYMBOL, or SLERR_E_ARGUMENT (a NULL pointer or an unknown flag); the outputs
 * are untouched unless SLERR_OK. */
enum slerr_status slerr_parse_word(const char *text, size_t len, unsigned flags, uint32_t *code,
                                   size_t *start, size_t *length);

const struct slerr_entry *slerr_lookup(uint32_t code);               /* NULL when unknown */

/* Every reading of a value, as err.exe lists its matches: index 0 is what slerr_lookup
 * returns (the activation-relevant one), then the other headers' names for the same number
 * (winerror.h's E_ACCESSDENIED beside ERROR_ACCESS_DENIED, an NTSTATUS of the same value).
 * NULL past the last one, or when the catalog does not hold the value. */
const struct slerr_entry *slerr_reading_at(uint32_t code, size_t index);

/* What a value wraps, when it is built from a code of another kind: */
enum slerr_wrap {
    SLERR_WRAP_NONE = 0,
    SLERR_WRAP_HRESULT_FROM_WIN32,   /* 0x8007xxxx: *inner is the Win32 error */
    SLERR_WRAP_HRESULT_FROM_NT,      /* N bit set: *inner is the NTSTATUS (N bit cleared) */
    SLERR_WRAP_NTSTATUS_FROM_WIN32,  /* 0xC007xxxx: *inner is the Win32 error */
};
/* Returns the form and stores the wrapped code in *inner (when inner is not NULL). */
enum slerr_wrap slerr_unwrap(uint32_t code, uint32_t *inner);
const struct slerr_entry *slerr_lookup_symbol(const char *symbol);   /* any case; NULL when unknown */

/* The closest catalog symbol to a misspelt one, or NULL when nothing is close. */
const struct slerr_entry *slerr_suggest_symbol(const char *text);

/* The code meant by one written with a digit too many or too few ("0x800070002", "0x803F701";
 * "0x" optional, len bytes of text, nothing around them): the one catalog code that dropping
 * or adding one digit gives, or when several do, the one a repeated or missed key explains (a
 * digit typed twice, a double digit typed once). NULL otherwise, and for eight digits: those
 * are a code as written. Since 1.2. */
const struct slerr_entry *slerr_suggest_code(const char *text, size_t len);

/* The official message, or a generic sentence for unknown codes: never NULL. */
const char *slerr_message(uint32_t code);

/* The Win32 reading of a value the catalog does not hold: many tools print a Win32 error with
 * eight digits (0x000006BA for RPC_S_SERVER_UNAVAILABLE, 1722). Such a value stays the HRESULT
 * it is, but when it is below 0x10000 and not in the catalog itself, this returns the entry of
 * the Win32 error it would be (HRESULT_FROM_WIN32, 0x800706BA), or NULL. */
const struct slerr_entry *slerr_win32_reading(uint32_t code);

/* One line ("0xC004F038 SL_E_...: message") for other tools' error output.
 * snprintf semantics: returns the length the full line needs; writes at most size bytes. */
int slerr_describe(uint32_t code, char *buf, size_t size);

#define SLERR_DECODED_INIT { .size = sizeof(struct slerr_decoded) }

/* Splits a code into its HRESULT fields: SLERR_OK, or SLERR_E_ARGUMENT when out is NULL or
 * out->size is smaller than the structure of version 1.0 (nothing is written then). */
enum slerr_status slerr_decode(uint32_t code, struct slerr_decoded *out);

/* The name of an activation-type bit ("kms-client"), or NULL for a value that is not one bit. */
const char *slerr_applies_name(unsigned bit);

/* Iteration over the codes of the catalog, in code order. */
size_t slerr_count(void);
const struct slerr_entry *slerr_at(size_t index); /* NULL past the end */

/* Iteration over the entries of one kind: codes and events in numeric order, symptoms and
 * settings by name. */
size_t slerr_kind_count(enum slerr_kind kind);
const struct slerr_entry *slerr_kind_at(enum slerr_kind kind, size_t index); /* NULL past the end */

/* "code", "event", "symptom", "setting"; NULL for a value that is not a kind. */
const char *slerr_kind_name(enum slerr_kind kind);
/* The kind named by `name` (as slerr_kind_name spells it): SLERR_OK, SLERR_E_UNKNOWN_KIND, or
 * SLERR_E_ARGUMENT when a pointer is NULL. */
enum slerr_status slerr_kind_parse(const char *name, enum slerr_kind *kind);

/* An event by ID (12290); NULL when the catalog does not describe it. */
const struct slerr_entry *slerr_lookup_event(unsigned id);
/* An entry of `kind` by its name, in any case: a symbol for codes, the decimal ID for events,
 * the name for symptoms and settings. NULL when there is none. */
const struct slerr_entry *slerr_lookup_name(enum slerr_kind kind, const char *name);

/* Ranked full-text search over every kind: symbols, names, titles, messages, causes,
 * remedies, event fields and settings. Case-insensitive; every word of `query` must match
 * somewhere in an entry. Hits in a code, symbol, name or title rank above hits in the text.
 * Fills hits[0..min(*matches, max)) best first and stores in *matches (when not NULL) how many
 * entries match, which may be more than max. Returns SLERR_OK, SLERR_E_QUERY_EMPTY,
 * SLERR_E_QUERY_TOO_MANY_WORDS (more than SLERR_SEARCH_MAX_WORDS), SLERR_E_QUERY_WORD_TOO_LONG
 * (a word longer than SLERR_SEARCH_MAX_WORD bytes), or SLERR_E_ARGUMENT (hit_size too small,
 * or hits NULL with max not 0); *matches is 0 then. Versioned: pass
 * sizeof hits[0] as hit_size; fields may be added to struct slerr_hit at the end, and a
 * library fills only the fields that fit in hit_size (and zeroes the rest).
 * No allocation; thread-safe. */
#define SLERR_SEARCH_MAX_WORDS 16
#define SLERR_SEARCH_MAX_WORD 64
struct slerr_hit {
    const struct slerr_entry *entry;
    unsigned score; /* higher is better; only the order means something */
};
enum slerr_status slerr_search(const char *query, struct slerr_hit *hits, size_t max,
                               size_t hit_size, size_t *matches);

/* "MAJOR.MINOR.PATCH" of the library. */
const char *slerr_version(void);

/* ---- Scanning text for codes ----
 * A scanner finds codes in a stream of text fed one buffer at a time, in constant memory and
 * without allocating; a code split across two buffers is still found. It recognises, each as
 * a whole word (not inside a longer run of letters, digits or '_'):
 *   0xC004F074, 0XC004f074   "0x" and exactly eight hex digits (unknown codes only with
 *                            SLERR_SCAN_UNKNOWN);
 *   C004F074                 eight hex digits, not next to '-' (a GUID's first group is not a code);
 *   3221549112, -1073418124  unsigned (9 or 10 digits) or signed (8 to 10 digits) decimals,
 *                            not after '.' nor directly after another word with '-';
 * bare words and decimals only when the code is in the catalog and not followed by '-'. So hr=0x..., (0x...) and
 * "error 0x...:" match; 0x7ffd12345678, 51c82175-844e-... and 20261124 do not. */

enum slerr_scan_form {
    SLERR_FORM_HEX = 0, /* 0x followed by eight hex digits */
    SLERR_FORM_BARE,    /* eight hex digits */
    SLERR_FORM_DECIMAL, /* unsigned or signed decimal */
};

#define SLERR_SCAN_UNKNOWN 1u /* flag: also report 0x codes that are not in the catalog */
#define SLERR_SCAN_TEXT_MAX 12

/* Written by the library and only lent to the callback: fields may be added at the end. */
struct slerr_match {
    uint64_t offset;                  /* of the code's first byte, from the start of the stream */
    size_t length;                    /* bytes the code takes in the text (at most 11) */
    uint32_t code;                    /* as slerr_parse() reads the text */
    enum slerr_scan_form form;
    const struct slerr_entry *entry;  /* NULL for an unknown code */
    char text[SLERR_SCAN_TEXT_MAX];   /* the code as written, NUL-terminated */
};

/* Opaque: made and sized by the library. */
struct slerr_scanner;

/* Called for each match, in stream order; a non-zero return stops the scan and is passed on. */
typedef int (*slerr_match_fn)(const struct slerr_match *match, void *context);

/* A scanner for one stream at a time (flags: 0 or SLERR_SCAN_UNKNOWN). Its one allocation
 * (about 32 KiB) happens here; scanning allocates nothing. NULL with errno ENOMEM when memory
 * is short, EINVAL for an unknown flag. */
struct slerr_scanner *slerr_scanner_new(unsigned flags);
void slerr_scanner_free(struct slerr_scanner *scanner); /* NULL is fine */

/* Feeds the next `size` bytes of the stream. A match is reported once the byte after it has
 * been seen, so it may be reported by the next call (or by slerr_scan_finish), but never
 * later: offset + length of every match reported here is at least the stream offset of buf.
 * Returns 0, or the first non-zero value on_match returned (then call slerr_scan_finish, or
 * make a new scanner, before feeding another stream). */
int slerr_scan(struct slerr_scanner *scanner, const void *buf, size_t size,
               slerr_match_fn on_match, void *context);

/* Ends the stream (reports a code that ends it) and makes the scanner ready for a new one.
 * With on_match NULL it only starts over (after a read error, say). */
int slerr_scan_finish(struct slerr_scanner *scanner, slerr_match_fn on_match, void *context);

/* Whether a code found in text is news to a reader: a failure the catalog knows, or an
 * informational code that concerns activation (curated, or from slerror.h); never a success.
 * What `slerr annotate` marks by default and what `slerr explain` reports from free text. */
int slerr_notable(uint32_t code);

#ifdef __cplusplus
}
#endif

#endif
