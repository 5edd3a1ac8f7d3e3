#include <config.h>

#include "tally.h"

#include <stdlib.h>

static uint64_t hash(art_str s)
{
	uint64_t h = 0xcbf29ce484222325u; /* FNV-1a */
	for (size_t i = 0; i < s.n; i++) {
		h ^= (unsigned char)s.p[i];
		h *= 0x100000001b3u;
	}
	return h;
}

static struct art_tally_entry *slot(struct art_tally_entry *slots, size_t cap, art_str key)
{
	size_t i = (size_t)hash(key) & (cap - 1);
	while (slots[i].key.p && !art_str_eq(slots[i].key, key))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct art_tally *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct art_tally_entry *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key.p)
			*slot(slots, cap, t->slots[i].key) = t->slots[i];
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	return 0;
}

int art_tally_add(struct art_tally *t, art_str key)
{
	if ((t->n + 1) * 4 > t->cap * 3 && grow(t) != 0)
		return -1;
	struct art_tally_entry *e = slot(t->slots, t->cap, key);
	if (!e->key.p) {
		char *copy = malloc(key.n ? key.n : 1);
		if (!copy)
			return -1;
		if (key.n)
			memcpy(copy, key.p, key.n);
		e->key = (art_str){copy, key.n};
		t->n++;
	}
	e->count++;
	t->total++;
	return 0;
}

static int by_count(const void *a, const void *b)
{
	const struct art_tally_entry *x = a, *y = b;
	if (x->count != y->count)
		return x->count < y->count ? 1 : -1;
	return art_str_cmp(x->key, y->key);
}

struct art_tally_entry *art_tally_sorted(const struct art_tally *t, size_t *n)
{
	*n = 0;
	if (t->n == 0)
		return NULL;
	struct art_tally_entry *v = malloc(t->n * sizeof *v);
	if (!v)
		return NULL;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].key.p)
			v[(*n)++] = t->slots[i];
	qsort(v, *n, sizeof *v, by_count);
	return v;
}

void art_tally_free(struct art_tally *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free((char *)t->slots[i].key.p);
	free(t->slots);
	memset(t, 0, sizeof *t);
}
