/* jarray.h - the elements of JSON arrays, one at a time, from text read in
 * pieces of any size.
 *
 * What art-fmt --json writes (and jq -s, and many exports) is one array of
 * records, perhaps on one line of any length.  Only its structure is read
 * here: strings, escapes and nesting, to find where each element begins and
 * ends; each element is then parsed as an NDJSON line is.  Memory stays
 * bounded: an element longer than the limit is skipped and reported.  White
 * space outside strings is left out, so that an element is one compact
 * line, as NDJSON is written.  A file may hold several arrays one after
 * another.
 */
#ifndef ART_JARRAY_H
#define ART_JARRAY_H

#include <stdbool.h>

#include "buf.h"
#include "record.h"

struct art_jarray {
	int state;
	int depth; /* of the element's own brackets */
	bool in_string, escaped, too_long;
	size_t max; /* the longest element kept */
	unsigned long line, elem_line;
	struct art_buf elem;
	art_str in; /* the text being scanned */
	size_t pos;
};

/* Begin before the first array, on line LINE; elements of up to MAX bytes.
 * A (zeroed before its first use) keeps its buffer from one input to the
 * next. */
void art_jarray_init(struct art_jarray *a, unsigned long line, size_t max);
/* Text to scan next: art_jarray_next must have returned ART_MORE. */
void art_jarray_feed(struct art_jarray *a, art_str text);
/* The next element, valid until the next call, with the line it starts
 * on (ART_OK); ART_BAD with *err (line and message) for text that is no
 * part of an array, or an element too long; or ART_MORE when the text fed
 * so far is used up.  -1 when out of memory. */
ART_MUST_CHECK int art_jarray_next(struct art_jarray *a, art_str *elem, unsigned long *line,
                                   struct art_error *err);
/* The input has ended: ART_BAD when an array or element was left open,
 * else ART_OK. */
ART_MUST_CHECK int art_jarray_end(struct art_jarray *a, struct art_error *err);
void art_jarray_free(struct art_jarray *a);

#endif
