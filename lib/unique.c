#include <config.h>

#include "unique.h"

#include <stdlib.h>

#define K1 0x9E3779B97F4A7C15ULL /* odd, from the golden ratio */
#define K2 0xD6E8FEB86659FD93ULL /* odd, with bits spread evenly */

static inline uint64_t step(uint64_t h, uint64_t w)
{
	/* each step is a bijection of h for a given w, and of w for a given
	 * h, so inputs of one length that differ in one word never collide */
	h = (h ^ w) * K1;
	return h ^ (h >> 29);
}

uint64_t art_hash(const void *p, size_t n, uint64_t seed)
{
	const unsigned char *s = p;
	uint64_t h = step(seed, (uint64_t)n * K2);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = step(h, w);
		s += 8;
		n -= 8;
	}
	uint64_t w = 0;
	if (n)
		memcpy(&w, s, n);
	h = step(h, w);
	h *= K2;
	return h ^ (h >> 32);
}

uint64_t art_record_identity(const struct art_record *r)
{
	uint64_t h = art_hash(r->source.p, r->source.n, 0);
	h = art_hash(r->date.p, r->date.n, h);
	return art_hash(r->title.p, r->title.n, h);
}

static size_t slot_of(const struct art_hashset *s, uint64_t h)
{
	size_t mask = s->cap - 1;
	size_t i = (size_t)(h ^ (h >> 32)) & mask;
	while (s->slots[i] != 0 && s->slots[i] != h)
		i = (i + 1) & mask;
	return i;
}

static int grow(struct art_hashset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 1024;
	uint64_t *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	struct art_hashset bigger = {slots, cap, s->n};
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i])
			slots[slot_of(&bigger, s->slots[i])] = s->slots[i];
	free(s->slots);
	*s = bigger;
	return 0;
}

int art_hashset_add(struct art_hashset *s, uint64_t h)
{
	if (h == 0)
		h = 1; /* 0 marks empty slots */
	if (2 * (s->n + 1) > s->cap && grow(s) != 0)
		return -1;
	size_t i = slot_of(s, h);
	if (s->slots[i] == h)
		return 0;
	s->slots[i] = h;
	s->n++;
	return 1;
}

void art_hashset_free(struct art_hashset *s)
{
	free(s->slots);
	s->slots = NULL;
	s->cap = s->n = 0;
}
