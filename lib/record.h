/* record.h - the article record every command reads and writes.
 *
 * A record is the eight keys of art(7), in their fixed order.  Its strings
 * are views into memory owned by whoever filled it (a reader keeps them
 * valid until its next call); art_record_copy makes a record that owns its
 * bytes, for commands that hold records back (sorting, paging).
 *
 * Errors found while reading travel as struct art_error (status.h): where
 * (file and line) and what, for the command to print.
 */
#ifndef ART_RECORD_H
#define ART_RECORD_H

#include <stdint.h>

#include "buf.h"
#include "status.h"

enum art_field {
	ART_F_SOURCE,
	ART_F_DATE,
	ART_F_CATEGORY,
	ART_F_TITLE,
	ART_F_SUMMARY,
	ART_F_TAGS,
	ART_F_LIKES,
	ART_F_READ_MINUTES,
	ART_NFIELDS
};

struct art_record {
	art_str source, date, category, title, summary;
	art_str *tags;
	size_t ntags;
	int64_t likes;
	int64_t read_minutes;
};

/* Input text made fit to quote in a message: its first 60 bytes or so, cut
 * at a character boundary and then followed by "...", with control
 * characters and bytes that are not UTF-8 shown as \xHH, so that a message
 * is one line of valid text whatever the input held.  Returns OUT. */
#define ART_EXCERPT_SIZE 128
const char *art_excerpt(char out[ART_EXCERPT_SIZE], art_str s);

/* The record's fields, in record order: the one list of them, from which
 * the JSON reader and writer, jq's objects, the columns and the sort keys
 * take theirs.  NAME.p is a C string. */
enum art_field_type { ART_FT_STRING, ART_FT_STRINGS, ART_FT_NUMBER };
struct art_field_info {
	art_str name;
	enum art_field_type type;
	const char *type_words; /* what a message says the value must be */
	art_str lead;           /* what the JSON writer puts before the value */
};
#define ART_FIELD(name, type, words, lead)                                                         \
	{                                                                                          \
		ART_STR(name), type, words, ART_STR(lead)                                          \
	}
/* In the header, not record.c, so that the writer's copies of the leads
 * are of lengths known when compiling. */
static const struct art_field_info art_fields[ART_NFIELDS] = {
    ART_FIELD("source", ART_FT_STRING, "a string", "{\"source\":"),
    ART_FIELD("date", ART_FT_STRING, "a string", ",\"date\":"),
    ART_FIELD("category", ART_FT_STRING, "a string", ",\"category\":"),
    ART_FIELD("title", ART_FT_STRING, "a string", ",\"title\":"),
    ART_FIELD("summary", ART_FT_STRING, "a string", ",\"summary\":"),
    ART_FIELD("tags", ART_FT_STRINGS, "an array of strings", ",\"tags\":"),
    ART_FIELD("likes", ART_FT_NUMBER, "a number", ",\"likes\":"),
    ART_FIELD("read_minutes", ART_FT_NUMBER, "a number", ",\"read_minutes\":"),
};
#undef ART_FIELD
/* The field a name denotes, or -1. */
int art_field_lookup(art_str name);

/* A top-level key named at run time (art-filter --unique-by): its name,
 * and the record's field of that name, or -1 for any other key. */
struct art_key {
	art_str name;
	int field;
};
struct art_key art_key_named(art_str name);

enum art_value_type { ART_V_MISSING, ART_V_STRING, ART_V_NUMBER, ART_V_STRINGS };
struct art_value {
	enum art_value_type type;
	art_str str;          /* ART_V_STRING */
	int64_t num;          /* ART_V_NUMBER */
	const art_str *items; /* ART_V_STRINGS: the tags */
	size_t nitems;
};
/* The value of the key K in R: the one way to reach a key by its name, so
 * that every user of it sees the same keys.  A record holds the eight keys
 * of art(7); any other key is missing. */
struct art_value art_record_value(const struct art_record *r, const struct art_key *k);

/* A record that owns its bytes: one allocation holds strings and tags. */
struct art_record_copy {
	struct art_record rec;
	char *mem;
};
ART_MUST_CHECK int art_record_copy(struct art_record_copy *dst, const struct art_record *src);
void art_record_copy_free(struct art_record_copy *c);

#endif
