/* tally.h - counting strings: how often each distinct string was seen.
 *
 * A hash table that owns a copy of each distinct string, so its memory is
 * bounded by the distinct strings, not by how many were counted.  The
 * counts come out sorted, most common first.
 */
#ifndef ART_TALLY_H
#define ART_TALLY_H

#include <stdint.h>

#include "buf.h"

struct art_tally_entry {
	art_str key;
	uint64_t count;
};

struct art_tally {
	struct art_tally_entry *slots;
	size_t cap, n; /* cap is 0 or a power of two */
	uint64_t total;
};

/* Count KEY once more.  0, or -1 when out of memory. */
int art_tally_add(struct art_tally *t, art_str key);
/* The entries, most common first, equal counts in byte order of their
 * keys; *n is set to their number.  The array is the caller's to free()
 * (the keys stay the tally's).  NULL when out of memory or empty. */
struct art_tally_entry *art_tally_sorted(const struct art_tally *t, size_t *n);
void art_tally_free(struct art_tally *t);

#endif
