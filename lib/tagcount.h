/* tagcount.h - counting tags: how many records carry each tag, each tag
 * within a group (source, category, year or month), or each pair of tags,
 * as partial sums that add up exactly.
 *
 * A counter takes records (art_tagcount_add_record) or rows of its own
 * NDJSON output (art_tagcount_add_json, to merge partial counts made
 * elsewhere), and keeps one entry per distinct key in a hash table: memory
 * grows with the number of distinct tags, groups or pairs, never with the
 * number of records.  art_tagcount_finish sorts the entries; the rows then
 * come out as NDJSON or as views for other renderings.
 *
 * A tag counts once per record however often the record lists it.  Bytes
 * that are not UTF-8 count as U+FFFD, as the JSON writer shows them.  With
 * folding on, tags that differ only in case are one key, shown as the
 * row's most common spelling (the first in byte order among equals); a row
 * with more than one spelling carries the count of each, so that merging
 * gives the same spellings as counting everything at once.
 *
 * art_tagset gives the distinct tags of one record, and art_put_exploded
 * the long form: one line per tag of a record.
 */
#ifndef ART_TAGCOUNT_H
#define ART_TAGCOUNT_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"
#include "record.h"

enum art_tagcount_mode {
	ART_TC_TAGS,   /* {"tag":..,"count":N} */
	ART_TC_GROUPS, /* {"year":..,"tag":..,"count":N} */
	ART_TC_PAIRS,  /* {"tags":[..,..],"count":N} */
};

enum art_tagcount_group { ART_TC_SOURCE, ART_TC_CATEGORY, ART_TC_YEAR, ART_TC_MONTH };

enum art_tagcount_order {
	ART_TC_BY_COUNT, /* most frequent first, then by the tags in byte order;
	                    groups (in byte order) before all that */
	ART_TC_BY_NAME,  /* by the tags in byte order */
};

/* The name of a group ("year") as --by takes it and rows show it, and the
 * group a name denotes (-1 when none). */
const char *art_tagcount_group_name(enum art_tagcount_group g);
int art_tagcount_group_lookup(const char *name);

struct art_tagcount;

/* NULL when out of memory.  GROUP matters only for ART_TC_GROUPS. */
ART_MUST_CHECK struct art_tagcount *art_tagcount_new(enum art_tagcount_mode mode,
                                                     enum art_tagcount_group group, bool fold);
void art_tagcount_free(struct art_tagcount *tc);

/* Count one record.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_tagcount_add_record(struct art_tagcount *tc, const struct art_record *r);
/* Add one row of a counter's NDJSON output made in the same mode.  0;
 * ART_BAD with ERR saying what is wrong (the counts are left as they
 * were); -1 when out of memory. */
ART_MUST_CHECK int art_tagcount_add_json(struct art_tagcount *tc, const struct art_jobject *o,
                                         struct art_error *err);

/* Sort for output, keeping the first TOP rows (per group with
 * ART_TC_GROUPS; SIZE_MAX keeps all).  Counting may not go on after it.
 * 0, or -1 when out of memory. */
ART_MUST_CHECK int art_tagcount_finish(struct art_tagcount *tc, enum art_tagcount_order order,
                                       size_t top);

struct art_tagrow {
	art_str group;   /* ART_TC_GROUPS: the group's value */
	art_str tags[2]; /* the tag, or the pair in byte order, as shown */
	size_t ntags;    /* 2 for pairs, else 1 */
	int64_t count;
};

size_t art_tagcount_nrows(const struct art_tagcount *tc);
/* Row I (of art_tagcount_nrows) after art_tagcount_finish; its strings are
 * valid until the counter is freed. */
void art_tagcount_row(const struct art_tagcount *tc, size_t i, struct art_tagrow *row);
/* Row I as one line of NDJSON.  0, or -1 when out of memory. */
ART_MUST_CHECK int art_tagcount_put_row(struct art_buf *b, const struct art_tagcount *tc, size_t i);

/* The distinct tags of one record, in the record's order: for each, the
 * tag as written (with bytes that are not UTF-8 as U+FFFD) and its key
 * (the same, case-folded when folding). */
struct art_tagset {
	art_str *shown, *keys;
	size_t n, cap;
	struct art_buf mem;
	size_t *order; /* scratch for records with many tags */
};
/* 0, or -1 when out of memory.  The views are valid until the next fill
 * and as long as R's strings are. */
ART_MUST_CHECK int art_tagset_fill(struct art_tagset *s, const struct art_record *r, bool fold);
void art_tagset_free(struct art_tagset *s);

/* One NDJSON line per distinct tag of R: R's keys in their order, with
 * "tags" replaced by "tag".  O, when R was read from it, gives the keys:
 * all of them as they were read, extra keys too; NULL writes R's eight.
 * A record without tags gives none.  S is scratch.  0, or -1 when out of
 * memory. */
ART_MUST_CHECK int art_put_exploded(struct art_buf *b, const struct art_record *r,
                                    const struct art_jobject *o, struct art_tagset *s);

/* Append S to OUT with bytes that are not UTF-8 replaced by U+FFFD and,
 * when FOLD, case-folded by art_fold (fold.h).  0, or -1 when out of
 * memory. */
ART_MUST_CHECK int art_tag_fold(struct art_buf *out, art_str s, bool fold);

#endif
