/* unique.h - telling a record seen before from a new one, in bounded memory.
 *
 * A record's identity is its source, date and title.  The set keeps only a
 * 64-bit hash of each identity (8 bytes in a table at most half full, so
 * 16 to 32 bytes per distinct record), never the records themselves.  Two
 * different identities with the same hash would be taken for one: with n
 * records the chance of that happening at all is about n*n / 2^65 (less
 * than one in 30 million for a million records).
 */
#ifndef ART_UNIQUE_H
#define ART_UNIQUE_H

#include <stdint.h>

#include "buf.h"
#include "record.h"

/* A 64-bit hash of N bytes at P, chained from SEED (0 to start). */
uint64_t art_hash(const void *p, size_t n, uint64_t seed);
/* The hash of a record's source, date and title. */
uint64_t art_record_identity(const struct art_record *r);

struct art_hashset {
	uint64_t *slots; /* 0 marks an empty slot */
	size_t cap, n;
};

/* Add H: 1 when it is new, 0 when it was there already, -1 when out of
 * memory. */
int art_hashset_add(struct art_hashset *s, uint64_t h);
void art_hashset_free(struct art_hashset *s);

/* 1 the first time a record's identity is seen, then 0; -1 out of memory. */
static inline int art_unique_first(struct art_hashset *s, const struct art_record *r)
{
	return art_hashset_add(s, art_record_identity(r));
}

#endif
