/* sort.h - ordering records by keys, in bounded memory.
 *
 * A sorter takes records one at a time and keeps each compactly: one blob
 * holding its sort keys and its NDJSON line as it was read, packed into large chunks,
 * and a 16-byte entry (the first key's 8-byte prefix and the blob's
 * address).  When the memory budget is reached it sorts what it holds
 * (a stable merge sort) and writes it to a temporary file as a sorted
 * run; every ART_SORT_FANIN runs of one generation are merged into one
 * run of the next, so few files are open at once.  Temporary files are
 * unlinked as soon as they are made: they vanish when the process ends,
 * however it ends.  At the end the runs, the records still in memory and
 * any already-sorted sources are merged in one pass.  The sort is stable:
 * records with equal keys come out in the order they went in.
 */
#ifndef ART_SORT_H
#define ART_SORT_H

#include <stdbool.h>
#include <stdint.h>

#include "budget.h"
#include "buf.h"
#include "input.h"
#include "record.h"

/* A sort key: a key of the record by name.  The record's strings (source,
 * date, category, title, summary) compare as strings, likes and
 * read_minutes as numbers, "tags" is the number of tags; any other name is
 * an extra key, which compares as its JSON value is: numbers as numbers,
 * strings as strings, anything else by its JSON text.  Numbers come before
 * strings, strings before other values.  Strings compare byte by byte (or,
 * folded, by their case folding: fold.h).  A record without the key comes
 * last, in either direction. */
struct art_sort_key {
	art_str name; /* a view into the text the key was read from */
	int field;    /* the enum art_field of a record key, else -1 */
	bool desc;
};

#define ART_SORT_MAX_KEYS 16
#define ART_SORT_FANIN    32 /* runs merged at once while reading */

struct art_sort_spec {
	struct art_sort_key key[ART_SORT_MAX_KEYS];
	size_t nkeys; /* 0 means by date */
	bool reverse; /* every key the other way */
	bool fold;    /* strings compared case-folded */
};

/* Add the keys of LIST, "KEY[:desc][,KEY[:desc]]..." (":asc" is the
 * default), which must stay valid as long as SPEC.  0, or -1 with ERR
 * saying what is wrong. */
ART_MUST_CHECK int art_sort_add_keys(struct art_sort_spec *spec, const char *list,
                                     struct art_error *err);
/* <0, 0, >0 as record A sorts before, with, or after record B. */
int art_sort_compare(const struct art_sort_spec *spec, const struct art_item *a,
                     const struct art_item *b);

struct art_sorter;

/* TMPDIR is where runs go.  NULL when out of memory. */
ART_MUST_CHECK struct art_sorter *art_sorter_new(const struct art_sort_spec *spec, uint64_t budget,
                                                 const char *tmpdir);
void art_sorter_free(struct art_sorter *s);
/* Take a copy of ITEM, a record, as it was read (art_item_put).  ART_OK,
 * or ART_FAIL with ERR (out of memory, or a temporary file that could not
 * be made or written). */
ART_MUST_CHECK int art_sorter_add(struct art_sorter *s, const struct art_item *item,
                                  struct art_error *err);

/* A source of records already in order: ART_OK with ITEM set (its record
 * valid until the next call), or ART_EOF. */
typedef int art_sort_source_fn(void *ctx, struct art_item *item);
/* Merge the records of NEXT into the output; sources come after records
 * added, in the order given, when keys are equal.  -1 when out of memory. */
ART_MUST_CHECK int art_sorter_add_source(struct art_sorter *s, art_sort_source_fn *next, void *ctx);

/* The next line of output, newline included, in *LINE (valid until the
 * next call).  ART_OK; ART_EOF at the end; ART_BAD when a source turned
 * out not to be in order (ERR says where; once per source; the merge goes
 * on, call again); ART_FAIL with ERR when a temporary file failed. */
ART_MUST_CHECK int art_sorter_next(struct art_sorter *s, art_str *line, struct art_error *err);

/* How many runs have been written to temporary files so far. */
size_t art_sorter_runs(const struct art_sorter *s);

#endif
