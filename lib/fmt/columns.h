/* columns.h - the columns of formatted output, and each item's value in a
 * column as a cell.
 *
 * The columns come from the first item: when it is a record, the eight
 * record keys, then its other keys in their order; else the keys of the
 * first object, in order.  A user's list (-f) picks and orders them; for
 * records it may name any key (records may carry any: a record without it
 * gives an empty cell), for other objects a name that is not a column is
 * an error that names the columns there are.  A cell is a value with its kind, so the
 * JSON writer can keep the types while the text writers see text:
 * art_cell_text gives strings as they are, lists of strings joined with a
 * separator, numbers and nested JSON as written, null and missing as "".
 */
#ifndef ART_COLUMNS_H
#define ART_COLUMNS_H

#include <stdbool.h>

#include "buf.h"
#include "input.h"

enum art_cell_kind {
	ART_CELL_MISSING, /* the item lacks the key */
	ART_CELL_STRING,
	ART_CELL_STRINGS, /* an array of strings (a record's tags) */
	ART_CELL_NUMBER,
	ART_CELL_TRUE,
	ART_CELL_FALSE,
	ART_CELL_NULL,
	ART_CELL_JSON, /* any other array, or an object: raw JSON */
};

struct art_cell {
	enum art_cell_kind kind;
	art_str text;         /* the string, or the value as written */
	const art_str *items; /* ART_CELL_STRINGS */
	size_t nitems;
	char num[24]; /* a record's number, written out */
};

struct art_column {
	art_str name;
	int field;    /* the enum art_field of a record key, else -1 */
	bool numeric; /* a number in the first item: aligned right */
	size_t hint;  /* where the key was in the first object */
};

struct art_columns {
	struct art_column *col;
	size_t n;
	bool records; /* the columns are record keys */
	char *names;  /* the bytes of the names */
};

/* The columns of the first item, then (when LIST is not NULL) only those
 * LIST names, comma-separated, in its order (LIST must outlive C).  0; -1 with ERR set when a
 * name is unknown, empty or given twice, or memory ran out. */
ART_MUST_CHECK int art_columns_init(struct art_columns *c, const struct art_item *first,
                                    const char *list, struct art_error *err);
/* The eight record keys, when there was no item to take them from.  0, or
 * -1 with ERR set when out of memory. */
ART_MUST_CHECK int art_columns_of_records(struct art_columns *c, struct art_error *err);
/* The columns LIST names, when there was no item to take them from. */
ART_MUST_CHECK int art_columns_from_list(struct art_columns *c, const char *list,
                                         struct art_error *err);
void art_columns_free(struct art_columns *c);

/* The value of ITEM in column I. */
void art_cell_get(const struct art_columns *c, size_t i, const struct art_item *item,
                  struct art_cell *cell);
/* The text of CELL when it needs no joining (anything but
 * ART_CELL_STRINGS): strings as they are, the rest as written, null and
 * missing as "". */
art_str art_cell_plain(const struct art_cell *cell);
/* Append the cell's text to B, lists joined with SEP, a NUL byte as
 * U+FFFD (art_buf_append_text).  0, or -1 when out of memory. */
ART_MUST_CHECK int art_cell_text(const struct art_cell *cell, art_str sep, struct art_buf *b);

#endif
