/* json.h - NDJSON: a strict, fast parser for one JSON object per line, and
 * the writer of JSON strings and records.
 *
 * The parser keeps the top level of an object as fields: each field's
 * decoded key, its type, its raw JSON text, and for strings (and arrays of
 * strings) the decoded text.  Decoded strings point into the line itself
 * when they hold no escapes, so nothing is copied that is only compared.
 * Deeper values are checked and kept as raw text only.
 *
 * The writer escapes what JSON requires (quote, backslash, control
 * characters), writes other characters as themselves, and replaces bytes
 * that are not UTF-8 with U+FFFD so its output is always valid JSON.
 */
#ifndef ART_JSON_H
#define ART_JSON_H

#include <stdbool.h>

#include "buf.h"
#include "record.h"

#define ART_JSON_MAX_DEPTH 64

enum art_jtype {
	ART_J_NULL,
	ART_J_FALSE,
	ART_J_TRUE,
	ART_J_NUMBER,
	ART_J_STRING,
	ART_J_ARRAY,
	ART_J_OBJECT
};

struct art_jfield {
	art_str key;
	const char *at; /* where the member begins: the key's opening quote */
	enum art_jtype type;
	art_str raw;  /* the value exactly as written */
	art_str str;  /* ART_J_STRING: the decoded string */
	bool strings; /* ART_J_ARRAY: every element is a string ... */
	size_t item0; /* ... decoded in items[item0 .. item0 + nitems) */
	size_t nitems;
};

struct art_jobject {
	struct art_jfield *fields;
	size_t nfields, fcap;
	art_str *items;
	size_t nitems, icap;
	struct art_buf arena; /* decoded strings that had escapes */
	art_str text;         /* the object, '{' to '}', as read */
	bool plain;           /* text is valid UTF-8 on one line, without lone surrogates:
	                         copied as it is */
	size_t in_order;      /* fields from the first that are the record's keys in order */
	size_t *slots;        /* large objects: a hash table of field index + 1 */
	size_t nslots, nhashed;
};

/* Parse LINE, which must hold exactly one JSON object.  Returns 0, or -1
 * with a message ("column 7: expected ':'") in ERR.  The object's strings
 * are valid while LINE is and until the next parse into O. */
ART_MUST_CHECK int art_json_parse(struct art_jobject *o, art_str line, struct art_error *err);
const struct art_jfield *art_jobject_get(const struct art_jobject *o, const char *key);
void art_jobject_free(struct art_jobject *o);

/* Fill R from a parsed object holding the record keys (others are
 * ignored).  Returns 0, or -1 with ERR naming the key that is wrong. */
ART_MUST_CHECK int art_record_from_json(struct art_record *r, const struct art_jobject *o,
                                        struct art_error *err);

/* A number's raw text as a whole number from 0 to 2^53 (what every JSON
 * reader holds exactly).  0, or -1 when it is not one. */
ART_MUST_CHECK int art_json_whole_number(art_str raw, int64_t *v);

/* JSON text as read (RAW, a part of a parsed object's text) on one line:
 * copied when PLAIN (the object's plain), else with its line breaks, which
 * can only be white space between tokens, left out, bytes that are not
 * UTF-8 replaced by U+FFFD and a lone surrogate's escape by \ufffd, so that
 * the output is valid JSON that every reader takes.  This is how
 * records pass through a command whole: their key order, keys art does not
 * know and nested values kept.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_json_put_raw(struct art_buf *b, art_str raw, bool plain);
/* The object last parsed into O as one line of NDJSON, newline included. */
ART_MUST_CHECK int art_json_put_object(struct art_buf *b, const struct art_jobject *o);

ART_MUST_CHECK int art_json_put_string(struct art_buf *b, art_str s);
/* V in decimal, as the writer writes numbers, at OUT (no NUL); returns
 * the length. */
#define ART_JSON_INT_MAX 20
size_t art_json_int(char out[ART_JSON_INT_MAX], int64_t v);
/* One record as one line of NDJSON, newline included. */
ART_MUST_CHECK int art_json_put_record(struct art_buf *b, const struct art_record *r);
/* The same in parts, for lines that show the tags otherwise: the keys
 * before "tags" ('{' to the comma after "summary"), then what the caller
 * writes in the place of "tags", then the keys after it (from the comma
 * before "likes" to the newline). */
ART_MUST_CHECK int art_json_put_record_head(struct art_buf *b, const struct art_record *r);
ART_MUST_CHECK int art_json_put_record_tail(struct art_buf *b, const struct art_record *r);

#endif
