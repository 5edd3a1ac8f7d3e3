/* unique.h - telling a record seen before from a new one, in bounded memory.
 *
 * A record's identity is the values of some of its keys (by default its
 * source, date and title).  The set keeps only a 64-bit hash of each
 * identity (8 bytes in a table at most half full, so 16 to 32 bytes per
 * distinct record; 24 to 48 with a value each), never the records
 * themselves.  Two different identities with the same hash would be taken
 * for one: with n records the chance of that happening at all is about
 * n*n / 2^65 (less than one in 30 million for a million records).
 *
 * To keep the last copy of each record in the place of the first (art-filter
 * --keep=last), struct art_unique holds the records: their lines go to a
 * spool (memory up to a budget, then a temporary file), and each distinct
 * record has a 16-byte entry saying where its latest copy is.
 */
#ifndef ART_UNIQUE_H
#define ART_UNIQUE_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "record.h"
#include "fmt/spool.h"

/* The hash of record identities: 64 bits of N bytes at P, chained from
 * SEED (0 to start).  Identities are written into --unseen state files
 * (art(7)), so this function never changes: it is not art_hash (hash.h),
 * which the hash tables use. */
uint64_t art_id_hash(const void *p, size_t n, uint64_t seed);

#define ART_IDENTITY_MAX_KEYS 16
/* The keys whose values make a record's identity. */
struct art_identity {
	struct art_key key[ART_IDENTITY_MAX_KEYS];
	size_t nkeys;
};
/* The identity of art-filter -u: source, date, title. */
void art_identity_default(struct art_identity *id);
/* Keys from a comma-separated LIST of names (which must outlive ID).  0, or
 * -1 when a name is empty, given twice, or there are too many. */
int art_identity_parse(struct art_identity *id, const char *list);
/* The hash of R's values of the keys. */
uint64_t art_identity_hash(const struct art_identity *id, const struct art_record *r);
/* The keys as a JSON array of their names, and R's values of them as a
 * JSON object (missing keys left out).  -1 when out of memory. */
int art_identity_put_names(struct art_buf *b, const struct art_identity *id);
int art_identity_put_values(struct art_buf *b, const struct art_identity *id,
                            const struct art_record *r);
/* The hash of a record's source, date and title. */
uint64_t art_record_identity(const struct art_record *r);

struct art_hashset {
	uint64_t *slots; /* 0 marks an empty slot */
	uint32_t *vals;  /* a value per slot, in sets filled by art_hashset_put */
	size_t cap, n;
};

/* Add H: 1 when it is new, 0 when it was there already, -1 when out of
 * memory. */
ART_MUST_CHECK int art_hashset_add(struct art_hashset *s, uint64_t h);
/* The same for a set of hashes with values: H new is added with V; H there
 * already keeps its value, set in *OLD. */
ART_MUST_CHECK int art_hashset_put(struct art_hashset *s, uint64_t h, uint32_t v, uint32_t *old);
/* Make room for N hashes in all, so that adding them moves none (a set of
 * values when VALUES).  -1 when out of memory. */
ART_MUST_CHECK int art_hashset_reserve(struct art_hashset *s, size_t n, bool values);
void art_hashset_free(struct art_hashset *s);

/* 1 the first time a record's identity is seen, then 0; -1 out of memory. */
static inline ART_MUST_CHECK int art_unique_first(struct art_hashset *s, const struct art_record *r)
{
	return art_hashset_add(s, art_record_identity(r));
}

enum art_keep { ART_KEEP_FIRST, ART_KEEP_LAST };

struct art_unique_entry {
	uint64_t off; /* the latest copy's line in the spool */
	uint32_t len;
};

struct art_unique {
	enum art_keep keep;
	struct art_hashset set; /* ART_KEEP_LAST: the value is the entry's index */
	struct art_unique_entry *held;
	size_t nheld, cap, next;
	struct art_spool lines;
	struct art_buf scratch;
};

/* BUDGET is the memory the held lines may take before they go to a
 * temporary file (ART_KEEP_LAST only). */
void art_unique_init(struct art_unique *u, enum art_keep keep, uint64_t budget);
/* An identity written before (by an earlier run): records that have it
 * are dropped.  -1 when out of memory. */
int art_unique_known(struct art_unique *u, uint64_t id);
/* Room for N identities known or offered.  -1 when out of memory. */
int art_unique_reserve(struct art_unique *u, size_t n);
/* A record of identity ID that passed.  1 when its identity is new, else
 * 0.  ART_KEEP_FIRST: 1 means "write it now", and LINE is not used.
 * ART_KEEP_LAST: LINE, the record's NDJSON line with its newline, is held
 * in the place of its first copy (replacing what was held there), unless
 * the identity is known.  -1 with ERR when out of memory or the temporary
 * file failed. */
int art_unique_offer(struct art_unique *u, uint64_t id, art_str line, struct art_error *err);
/* ART_KEEP_LAST, after the last offer: the held lines in order, one a call
 * in *LINE (valid until the next call).  ART_OK, ART_EOF, or ART_FAIL with
 * ERR. */
int art_unique_next(struct art_unique *u, art_str *line, struct art_error *err);
void art_unique_free(struct art_unique *u);

#endif
