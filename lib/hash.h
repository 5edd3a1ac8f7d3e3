/* hash.h - the one hash function of libart's hash tables: XXH3, from
 * libxxhash.
 *
 * Every table that hashes keys (duplicate keys of a large JSON object,
 * tag counts, the splitter's known tags, the sources of the HTML report)
 * hashes them with art_hash.  Record identities are not this: they are
 * written into --unseen state files, so their hash is fixed for good
 * (art_id_hash, unique.h).
 */
#ifndef ART_HASH_H
#define ART_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <xxhash.h>

/* A 64-bit hash of N bytes at P, from SEED; a key of several parts is
 * hashed part by part, each seeded with the hash so far. */
static inline uint64_t art_hash(const void *p, size_t n, uint64_t seed)
{
	return XXH3_64bits_withSeed(p, n, seed);
}

#endif
