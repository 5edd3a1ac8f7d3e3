/* filter.h - the tests art-filter applies to a record.
 *
 * Fill a struct art_filter with what to look for (every test given must
 * pass), compile it once, then ask about each record.  Tags, sources and
 * categories compare as whole strings; with icase they compare without
 * regard to case, folded character by character as the locale's LC_CTYPE
 * says, and the regular expressions (POSIX extended, matched against the
 * title and the summary) are compiled with REG_ICASE.  Cheap tests run
 * first and jq expressions last, so an expression only runs on records
 * that passed every other test.
 */
#ifndef ART_FILTER_H
#define ART_FILTER_H

#include <regex.h>
#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "jqexpr.h"
#include "record.h"

enum art_filter_list {
	ART_FL_TAG,      /* the record has every one of these tags */
	ART_FL_ANY_TAG,  /* ... at least one of these */
	ART_FL_NOT_TAG,  /* ... none of these */
	ART_FL_SOURCE,   /* its source is one of these */
	ART_FL_CATEGORY, /* its category is one of these */
	ART_FL_REGEX,    /* every regex matches its title or its summary */
	ART_FL_JQ,       /* every jq expression selects it */
	ART_FL_N
};

struct art_filter_strings {
	art_str *v;
	size_t n, cap;
};

struct art_filter {
	struct art_filter_strings list[ART_FL_N];
	bool icase;
	bool invert;                           /* keep what does not match */
	char since[10], until[10];             /* YYYY-MM-DD, inclusive; "" when not given */
	int64_t min_read, max_read, min_likes; /* -1, INT64_MAX, -1 when not given */
	/* filled by art_filter_compile */
	regex_t *re;
	size_t nre;
	struct art_jq **jq;
	size_t njq;
	struct art_buf subject; /* the text a regex runs on, NUL-terminated */
};

void art_filter_init(struct art_filter *f);
/* Add TEXT (a NUL-terminated string the caller keeps) to a list; -1 when
 * out of memory. */
ART_MUST_CHECK int art_filter_add(struct art_filter *f, enum art_filter_list which,
                                  const char *text);
/* Set the bound of --since (WHICH 's') or --until ('u') from DATE as
 * art_date_bound takes it, TODAY (YYYY-MM-DD) the day "today" means: a
 * month or a year from its first day for --since, to its last for
 * --until.  -1 when DATE is none of the forms. */
ART_MUST_CHECK int art_filter_set_date(struct art_filter *f, int which, const char *date,
                                       const char today[10]);
/* DST (not initialised) with SRC's tests, not yet compiled: a thread of
 * its own compiles its own copy.  -1 when out of memory. */
ART_MUST_CHECK int art_filter_copy(struct art_filter *dst, const struct art_filter *src);
/* Compile the regular expressions and jq expressions.  0, or -1 with a
 * message naming the expression in ERR. */
ART_MUST_CHECK int art_filter_compile(struct art_filter *f, struct art_error *err);
/* 1 keep, 0 drop (after -v), -1 when a jq expression failed on the
 * record (jq's message in ERR).  ITEM must be a record; jq expressions see
 * every key of it. */
ART_MUST_CHECK int art_filter_match(struct art_filter *f, const struct art_item *item,
                                    struct art_error *err);
void art_filter_free(struct art_filter *f);

#endif
