#include <config.h>

#include "unique.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "json.h"

#define K1 0x9E3779B97F4A7C15ULL /* odd, from the golden ratio */
#define K2 0xD6E8FEB86659FD93ULL /* odd, with bits spread evenly */

static inline uint64_t step(uint64_t h, uint64_t w)
{
	/* each step is a bijection of h for a given w, and of w for a given
	 * h, so inputs of one length that differ in one word never collide */
	h = (h ^ w) * K1;
	return h ^ (h >> 29);
}

uint64_t art_id_hash(const void *p, size_t n, uint64_t seed)
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

/* Values of other types hash from seeds of their own, so that the number
 * 12 and the string "12", or a missing key and "", differ. */
#define K_NUMBER  0x4E554D4245520001ULL
#define K_STRINGS 0x5354524E47530002ULL
#define K_MISSING 0x4D495353494E0003ULL

static uint64_t hash_value(struct art_value v, uint64_t h)
{
	switch (v.type) {
	case ART_V_STRING:
		return art_id_hash(v.str.p, v.str.n, h);
	case ART_V_NUMBER: {
		char digits[ART_JSON_INT_MAX];
		return art_id_hash(digits, art_json_int(digits, v.num), h ^ K_NUMBER);
	}
	case ART_V_STRINGS: {
		uint64_t n = v.nitems;
		h = art_id_hash(&n, sizeof n, h ^ K_STRINGS);
		for (size_t i = 0; i < v.nitems; i++)
			h = art_id_hash(v.items[i].p, v.items[i].n, h);
		return h;
	}
	default:
		return art_id_hash("", 0, h ^ K_MISSING);
	}
}

void art_identity_default(struct art_identity *id)
{
	id->nkeys = 0;
	art_identity_parse(id, "source,date,title");
}

int art_identity_parse(struct art_identity *id, const char *list)
{
	id->nkeys = 0;
	for (const char *p = list;; p++) {
		art_str name = {p, strcspn(p, ",")};
		if (name.n == 0 || id->nkeys == ART_IDENTITY_MAX_KEYS)
			return -1;
		for (size_t i = 0; i < id->nkeys; i++)
			if (art_str_eq(id->key[i].name, name))
				return -1;
		id->key[id->nkeys++] = art_key_named(name);
		p += name.n;
		if (*p == '\0')
			return 0;
	}
}

uint64_t art_identity_hash(const struct art_identity *id, const struct art_record *r)
{
	uint64_t h = 0;
	for (size_t i = 0; i < id->nkeys; i++)
		h = hash_value(art_record_value(r, &id->key[i]), h);
	return h;
}

int art_identity_put_names(struct art_buf *b, const struct art_identity *id)
{
	int rc = art_buf_putc(b, '[');
	for (size_t i = 0; i < id->nkeys && rc == 0; i++) {
		if (i)
			rc = art_buf_putc(b, ',');
		rc = rc ? rc : art_json_put_string(b, id->key[i].name);
	}
	return rc ? rc : art_buf_putc(b, ']');
}

static int put_value(struct art_buf *b, struct art_value v)
{
	switch (v.type) {
	case ART_V_STRING:
		return art_json_put_string(b, v.str);
	case ART_V_NUMBER: {
		char digits[ART_JSON_INT_MAX];
		return art_buf_append(b, digits, art_json_int(digits, v.num));
	}
	default: { /* ART_V_STRINGS */
		int rc = art_buf_putc(b, '[');
		for (size_t i = 0; i < v.nitems && rc == 0; i++) {
			if (i)
				rc = art_buf_putc(b, ',');
			rc = rc ? rc : art_json_put_string(b, v.items[i]);
		}
		return rc ? rc : art_buf_putc(b, ']');
	}
	}
}

int art_identity_put_values(struct art_buf *b, const struct art_identity *id,
                            const struct art_record *r)
{
	int rc = art_buf_putc(b, '{');
	bool first = true;
	for (size_t i = 0; i < id->nkeys && rc == 0; i++) {
		struct art_value v = art_record_value(r, &id->key[i]);
		if (v.type == ART_V_MISSING)
			continue;
		if (!first)
			rc = art_buf_putc(b, ',');
		first = false;
		if (rc == 0)
			rc = art_json_put_string(b, id->key[i].name);
		if (rc == 0)
			rc = art_buf_putc(b, ':');
		if (rc == 0)
			rc = put_value(b, v);
	}
	return rc ? rc : art_buf_putc(b, '}');
}

uint64_t art_record_identity(const struct art_record *r)
{
	uint64_t h = art_id_hash(r->source.p, r->source.n, 0);
	h = art_id_hash(r->date.p, r->date.n, h);
	return art_id_hash(r->title.p, r->title.n, h);
}

static size_t slot_of(const struct art_hashset *s, uint64_t h)
{
	size_t mask = s->cap - 1;
	size_t i = (size_t)(h ^ (h >> 32)) & mask;
	while (s->slots[i] != 0 && s->slots[i] != h)
		i = (i + 1) & mask;
	return i;
}

/* Large tables are probed at random: in huge pages, a probe costs one
 * cache miss, not also a miss of the TLB (a third of the time of -u went
 * there).  Memory that calloc got fresh from the system is not touched
 * yet, so the advice holds from the first write. */
static void *table(size_t n, size_t size)
{
	void *p = calloc(n, size);
	const uintptr_t huge = 2u << 20;
	if (p && n * size >= 2 * huge) {
		uintptr_t from = ((uintptr_t)p + huge - 1) & ~(huge - 1);
		uintptr_t to = ((uintptr_t)p + n * size) & ~(huge - 1);
		madvise((void *)from, to - from, MADV_HUGEPAGE);
	}
	return p;
}

static int resize(struct art_hashset *s, size_t cap, bool values)
{
	uint64_t *slots = table(cap, sizeof *slots);
	uint32_t *vals = values ? table(cap, sizeof *vals) : NULL;
	if (!slots || (values && !vals)) {
		free(slots);
		free(vals);
		return -1;
	}
	struct art_hashset bigger = {slots, vals, cap, s->n};
	for (size_t i = 0; i < s->cap; i++) {
		if (!s->slots[i])
			continue;
		size_t j = slot_of(&bigger, s->slots[i]);
		slots[j] = s->slots[i];
		if (values)
			vals[j] = s->vals[i];
	}
	free(s->slots);
	free(s->vals);
	*s = bigger;
	return 0;
}

static int grow(struct art_hashset *s, bool values)
{
	return resize(s, s->cap ? s->cap * 2 : 1024, values);
}

int art_hashset_reserve(struct art_hashset *s, size_t n, bool values)
{
	size_t cap = s->cap ? s->cap : 1024;
	while (cap < 2 * n && cap <= SIZE_MAX / 4)
		cap *= 2;
	return cap > s->cap ? resize(s, cap, values) : 0;
}

/* The slot of H, added when new (*added set).  -1 when out of memory. */
static ptrdiff_t insert(struct art_hashset *s, uint64_t h, bool values, bool *added)
{
	if (h == 0)
		h = 1; /* 0 marks empty slots */
	if (2 * (s->n + 1) > s->cap && grow(s, values) != 0)
		return -1;
	size_t i = slot_of(s, h);
	*added = s->slots[i] != h;
	if (*added) {
		s->slots[i] = h;
		s->n++;
	}
	return (ptrdiff_t)i;
}

int art_hashset_add(struct art_hashset *s, uint64_t h)
{
	bool added;
	return insert(s, h, false, &added) < 0 ? -1 : added;
}

int art_hashset_put(struct art_hashset *s, uint64_t h, uint32_t v, uint32_t *old)
{
	bool added;
	ptrdiff_t i = insert(s, h, true, &added);
	if (i < 0)
		return -1;
	if (added)
		s->vals[i] = v;
	else
		*old = s->vals[i];
	return added;
}

void art_hashset_free(struct art_hashset *s)
{
	free(s->slots);
	free(s->vals);
	*s = (struct art_hashset){0};
}

/* ---- keeping one copy of each record ---- */

#define KNOWN UINT32_MAX /* the value of identities known from an earlier run */

void art_unique_init(struct art_unique *u, enum art_keep keep, uint64_t budget)
{
	memset(u, 0, sizeof *u);
	u->keep = keep;
	art_spool_init(&u->lines, budget < SIZE_MAX ? (size_t)budget : SIZE_MAX);
}

int art_unique_known(struct art_unique *u, uint64_t id)
{
	uint32_t old;
	return u->keep == ART_KEEP_FIRST ? art_hashset_add(&u->set, id)
	                                 : art_hashset_put(&u->set, id, KNOWN, &old);
}

int art_unique_reserve(struct art_unique *u, size_t n)
{
	return art_hashset_reserve(&u->set, n, u->keep == ART_KEEP_LAST);
}

static int fail(struct art_error *err, int errnum, const char *what)
{
	art_error_set(err, 0, "%s: %s", what, strerror(errnum));
	return -1;
}

/* LINE at the end of the spool: its entry in *E. */
static int hold(struct art_unique *u, art_str line, struct art_unique_entry *e,
                struct art_error *err)
{
	if (line.n > UINT32_MAX)
		return fail(err, EFBIG, "a record to hold");
	*e = (struct art_unique_entry){art_spool_size(&u->lines), (uint32_t)line.n};
	if (art_buf_append(&u->lines.buf, line.p, line.n) != 0)
		return fail(err, ENOMEM, "holding records");
	if (art_spool_settle(&u->lines) != 0)
		return fail(err, u->lines.err, "temporary file");
	return 0;
}

int art_unique_offer(struct art_unique *u, uint64_t id, art_str line, struct art_error *err)
{
	if (u->keep == ART_KEEP_FIRST) {
		int added = art_hashset_add(&u->set, id);
		return added < 0 ? fail(err, ENOMEM, "unique records") : added;
	}
	if (u->nheld == u->cap) {
		size_t cap = u->cap ? 2 * u->cap : 1024;
		void *p = cap < KNOWN ? art_reallocarray(u->held, cap, sizeof *u->held) : NULL;
		if (!p)
			return fail(err, ENOMEM, "unique records");
		u->held = p;
		u->cap = cap;
	}
	uint32_t old = 0;
	int added = art_hashset_put(&u->set, id, (uint32_t)u->nheld, &old);
	if (added < 0)
		return fail(err, ENOMEM, "unique records");
	if (!added && old == KNOWN)
		return 0;
	struct art_unique_entry *e = &u->held[added ? u->nheld : old];
	if (hold(u, line, e, err) != 0)
		return -1;
	u->nheld += (size_t)added;
	return added;
}

int art_unique_next(struct art_unique *u, art_str *line, struct art_error *err)
{
	if (u->next == u->nheld)
		return ART_EOF;
	struct art_unique_entry e = u->held[u->next++];
	if (art_spool_read(&u->lines, e.off, e.len, &u->scratch, line) != 0)
		return fail(err, u->lines.err, "temporary file"), ART_FAIL;
	return ART_OK;
}

void art_unique_free(struct art_unique *u)
{
	art_hashset_free(&u->set);
	free(u->held);
	art_spool_free(&u->lines);
	art_buf_free(&u->scratch);
	memset(u, 0, sizeof *u);
}
