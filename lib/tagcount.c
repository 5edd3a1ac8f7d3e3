#include <config.h>

#include "tagcount.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "fold.h"
#include "hash.h"
#include "utf8.h"

#define MAX_COUNT ((int64_t)1 << 53)

/* ---- keys: UTF-8 made valid, letters case-folded ---------------------- */

int art_tag_fold(struct art_buf *out, art_str s, bool fold)
{
	return fold ? art_fold(out, s) : art_utf8_append_valid(out, s);
}

/* S as a key (or, without FOLD, only made valid UTF-8): S itself when that
 * changes nothing, else a copy appended to MEM, which must have room for it
 * (3 bytes a byte) so that earlier views into MEM stay valid. */
static art_str key_of(struct art_buf *mem, art_str s, bool fold)
{
	size_t i = 0;
	while (i < s.n && (unsigned char)s.p[i] < 0x80 && !(fold && s.p[i] >= 'A' && s.p[i] <= 'Z'))
		i++;
	if (i == s.n)
		return s;
	size_t start = mem->len;
	int folded = art_tag_fold(mem, s, fold);
	assert(folded == 0); /* the caller reserved the room */
	(void)folded;
	art_str k = {mem->p + start, mem->len - start};
	if (art_str_eq(k, s)) {
		mem->len = start;
		return s;
	}
	return k;
}

/* ---- the distinct tags of a record ------------------------------------ */

static int cmp_keys(const void *a, const void *b, void *ctx)
{
	const struct art_tagset *s = ctx;
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = art_str_cmp(s->keys[i], s->keys[j]);
	return c ? c : (i > j) - (i < j);
}

/* Drop the later of tags with equal keys, keeping the record's order. */
static int dedupe(struct art_tagset *s)
{
	size_t n = s->n, out = 0;
	if (n <= 16) {
		for (size_t i = 0; i < n; i++) {
			size_t j = 0;
			while (j < out && !art_str_eq(s->keys[j], s->keys[i]))
				j++;
			if (j == out) {
				s->keys[out] = s->keys[i];
				s->shown[out++] = s->shown[i];
			}
		}
		s->n = out;
		return 0;
	}
	size_t *order = art_reallocarray(s->order, n, sizeof *order);
	if (!order)
		return -1;
	s->order = order;
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof *order, cmp_keys, s);
	/* in key order, equal keys are together, the first of the record first */
	unsigned char *drop =
	    (unsigned char *)s->mem.p + s->mem.len; /* room reserved by the caller */
	memset(drop, 0, n);
	for (size_t i = 1, kept = order[0]; i < n; i++) {
		if (art_str_eq(s->keys[order[i]], s->keys[kept]))
			drop[order[i]] = true;
		else
			kept = order[i];
	}
	for (size_t i = 0; i < n; i++) {
		if (drop[i])
			continue;
		s->keys[out] = s->keys[i];
		s->shown[out++] = s->shown[i];
	}
	s->n = out;
	return 0;
}

int art_tagset_fill(struct art_tagset *s, const struct art_record *r, bool fold)
{
	s->n = 0;
	s->mem.len = 0;
	if (r->ntags > s->cap) {
		art_str *shown = art_reallocarray(s->shown, r->ntags, sizeof *shown);
		if (shown)
			s->shown = shown;
		art_str *keys = art_reallocarray(s->keys, r->ntags, sizeof *keys);
		if (keys)
			s->keys = keys;
		if (!shown || !keys)
			return -1;
		s->cap = r->ntags;
	}
	size_t room = r->ntags; /* dedupe's flags */
	for (size_t i = 0; i < r->ntags; i++)
		room += r->tags[i].n * 6;
	if (art_buf_reserve(&s->mem, room) != 0)
		return -1;
	for (size_t i = 0; i < r->ntags; i++) {
		s->shown[i] = key_of(&s->mem, r->tags[i], false);
		/* folded from the tag itself: the fold makes it valid UTF-8 too,
		 * and needs no more room than the tag (3 bytes a byte) */
		s->keys[i] = fold ? key_of(&s->mem, r->tags[i], true) : s->shown[i];
	}
	s->n = r->ntags;
	return dedupe(s);
}

void art_tagset_free(struct art_tagset *s)
{
	free(s->shown);
	free(s->keys);
	free(s->order);
	art_buf_free(&s->mem);
	memset(s, 0, sizeof *s);
}

/* ---- the long form ---------------------------------------------------- */

#define PUT_LIT(b, lit) art_buf_append((b), (lit), sizeof(lit) - 1)

/* The parts of a line of the long form around the tag: of O's text when
 * the record came as an object, so that its other keys pass through as
 * they were, else of the record as the writer writes it. */
static int put_exploded_head(struct art_buf *b, const struct art_record *r,
                             const struct art_jobject *o, const struct art_jfield *tags)
{
	if (!o)
		return art_json_put_record_head(b, r) | PUT_LIT(b, "\"tag\":");
	return art_json_put_raw(b, (art_str){o->text.p, (size_t)(tags->at - o->text.p)}, o->plain) |
	       PUT_LIT(b, "\"tag\":");
}

static int put_exploded_tail(struct art_buf *b, const struct art_record *r,
                             const struct art_jobject *o, const struct art_jfield *tags)
{
	if (!o)
		return art_json_put_record_tail(b, r);
	const char *after = tags->raw.p + tags->raw.n, *end = o->text.p + o->text.n;
	return art_json_put_raw(b, (art_str){after, (size_t)(end - after)}, o->plain) |
	       art_buf_putc(b, '\n');
}

int art_put_exploded(struct art_buf *b, const struct art_record *r, const struct art_jobject *o,
                     struct art_tagset *s)
{
	if (art_tagset_fill(s, r, false) != 0)
		return -1;
	if (s->n == 0)
		return 0;
	const struct art_jfield *tags = o ? art_jobject_get(o, "tags") : NULL;
	if (o && !tags)
		o = NULL; /* no record: cannot happen */
	/* the head and the tail are the same on every line: written once, copied */
	size_t start = b->len, tail = 0, tail_n = 0;
	int rc = put_exploded_head(b, r, o, tags);
	size_t head = b->len - start;
	for (size_t i = 0; i < s->n && rc == 0; i++) {
		if (i) {
			if (art_buf_reserve(b, head) != 0)
				return -1;
			memcpy(b->p + b->len, b->p + start, head);
			b->len += head;
		}
		rc |= art_json_put_string(b, s->shown[i]);
		if (i == 0) {
			tail = b->len;
			rc |= put_exploded_tail(b, r, o, tags);
			tail_n = b->len - tail;
		} else if (art_buf_reserve(b, tail_n) == 0) {
			memcpy(b->p + b->len, b->p + tail, tail_n);
			b->len += tail_n;
		} else {
			rc = -1;
		}
	}
	return rc ? -1 : 0;
}

/* ---- the counter ------------------------------------------------------ */

/* A distinct key: the tag; the group and the tag; or the pair in byte
 * order.  Its bytes live in the counter's memory, found by offset. */
struct entry {
	uint64_t hash;
	size_t off[2];
	uint32_t len[2];
	uint32_t spellings; /* the first spelling + 1; 0 for none */
	bool swap;          /* after finish: a pair shown the other way round */
	int64_t count;
	art_str show[2]; /* after finish: each part as shown */
};

/* A spelling of part PART (0 or 1) of a key, counted, with folding on. */
struct spelling {
	size_t off;
	uint32_t len;
	uint32_t next; /* + 1 */
	int64_t count;
	int part;
};

struct art_tagcount {
	enum art_tagcount_mode mode;
	enum art_tagcount_group group;
	bool fold;
	int nparts;
	unsigned tagparts; /* bit P: part P is a tag (folded), not a group */
	enum art_tagcount_order order;
	struct art_buf mem;
	struct entry *e;
	size_t ne, ecap;
	struct spelling *sp;
	size_t nsp, spcap;
	uint32_t *slot; /* entry + 1, or 0 for free; a power of two of them */
	size_t nslot;
	uint32_t *rows;
	size_t nrows;
	struct art_tagcount *all; /* each tag's spellings over all rows */
	/* scratch */
	struct art_tagset set;
	struct art_buf keys;
	struct art_jobject spell;
	struct pending {
		int part;
		art_str s;
		int64_t count;
	} * pend;
	size_t npend, pendcap;
};

static const char *const group_names[] = {"source", "category", "year", "month"};

const char *art_tagcount_group_name(enum art_tagcount_group g)
{
	return group_names[g];
}

int art_tagcount_group_lookup(const char *name)
{
	for (int g = 0; g < 4; g++)
		if (strcmp(name, group_names[g]) == 0)
			return g;
	return -1;
}

struct art_tagcount *art_tagcount_new(enum art_tagcount_mode mode, enum art_tagcount_group group,
                                      bool fold)
{
	struct art_tagcount *tc = calloc(1, sizeof *tc);
	if (!tc)
		return NULL;
	tc->mode = mode;
	tc->group = group;
	tc->fold = fold;
	tc->nparts = mode == ART_TC_TAGS ? 1 : 2;
	tc->tagparts = mode == ART_TC_TAGS ? 1u : mode == ART_TC_GROUPS ? 2u : 3u;
	tc->nslot = 1024;
	tc->slot = calloc(tc->nslot, sizeof *tc->slot);
	if (!tc->slot) {
		free(tc);
		return NULL;
	}
	return tc;
}

void art_tagcount_free(struct art_tagcount *tc)
{
	if (!tc)
		return;
	art_buf_free(&tc->mem);
	free(tc->e);
	free(tc->sp);
	free(tc->slot);
	free(tc->rows);
	art_tagcount_free(tc->all);
	art_tagset_free(&tc->set);
	art_buf_free(&tc->keys);
	art_jobject_free(&tc->spell);
	free(tc->pend);
	free(tc);
}

static art_str at(const struct art_tagcount *tc, size_t off, uint32_t len)
{
	return (art_str){tc->mem.p + off, len};
}

static art_str key_part(const struct art_tagcount *tc, const struct entry *e, int p)
{
	return at(tc, e->off[p], e->len[p]);
}

static uint64_t hash_key(const art_str *k, int nparts)
{
	uint64_t h = 0;
	for (int p = 0; p < nparts; p++)
		h = art_hash(k[p].p, k[p].n, h);
	return h;
}

static bool same_key(const struct art_tagcount *tc, const struct entry *e, const art_str *k)
{
	for (int p = 0; p < tc->nparts; p++)
		if (!art_str_eq(key_part(tc, e, p), k[p]))
			return false;
	return true;
}

/* The slot of key K: where its entry is, or the free slot it would take. */
static size_t find_slot(const struct art_tagcount *tc, const art_str *k, uint64_t h)
{
	size_t mask = tc->nslot - 1, i = h & mask;
	while (tc->slot[i]) {
		const struct entry *e = &tc->e[tc->slot[i] - 1];
		if (e->hash == h && same_key(tc, e, k))
			break;
		i = (i + 1) & mask;
	}
	return i;
}

static int grow_slots(struct art_tagcount *tc)
{
	size_t n = tc->nslot * 2;
	uint32_t *slot = calloc(n, sizeof *slot);
	if (!slot)
		return -1;
	for (size_t j = 0; j < tc->ne; j++) {
		size_t i = tc->e[j].hash & (n - 1);
		while (slot[i])
			i = (i + 1) & (n - 1);
		slot[i] = (uint32_t)(j + 1);
	}
	free(tc->slot);
	tc->slot = slot;
	tc->nslot = n;
	return 0;
}

static int store(struct art_tagcount *tc, art_str s, size_t *off)
{
	*off = tc->mem.len;
	return art_buf_append(&tc->mem, s.p, s.n);
}

/* The entry of key K, made when new: its index, or -1 when out of memory. */
static long find_or_add(struct art_tagcount *tc, const art_str *k)
{
	uint64_t h = hash_key(k, tc->nparts);
	size_t i = find_slot(tc, k, h);
	if (tc->slot[i])
		return (long)tc->slot[i] - 1;
	if (tc->ne == UINT32_MAX - 1)
		return -1;
	if (art_grow(&tc->e, &tc->ecap, tc->ne + 1, sizeof *tc->e, 256) != 0)
		return -1;
	struct entry *e = &tc->e[tc->ne];
	memset(e, 0, sizeof *e);
	e->hash = h;
	for (int p = 0; p < tc->nparts; p++) {
		if (store(tc, k[p], &e->off[p]) != 0)
			return -1;
		e->len[p] = (uint32_t)k[p].n;
	}
	tc->slot[i] = (uint32_t)++tc->ne;
	if (tc->ne * 2 > tc->nslot && grow_slots(tc) != 0)
		return -1;
	return (long)tc->ne - 1;
}

static int add_spelling(struct art_tagcount *tc, size_t idx, int part, art_str s, int64_t n)
{
	struct entry *e = &tc->e[idx];
	for (uint32_t j = e->spellings; j; j = tc->sp[j - 1].next) {
		struct spelling *sp = &tc->sp[j - 1];
		if (sp->part == part && art_str_eq(at(tc, sp->off, sp->len), s)) {
			sp->count += n;
			return 0;
		}
	}
	if (tc->nsp == UINT32_MAX - 1)
		return -1;
	if (art_grow(&tc->sp, &tc->spcap, tc->nsp + 1, sizeof *tc->sp, 256) != 0)
		return -1;
	struct spelling *sp = &tc->sp[tc->nsp];
	if (art_str_eq(key_part(tc, e, part), s))
		sp->off = e->off[part];
	else if (store(tc, s, &sp->off) != 0)
		return -1;
	sp->len = (uint32_t)s.n;
	sp->count = n;
	sp->part = part;
	sp->next = e->spellings;
	e->spellings = (uint32_t)++tc->nsp;
	return 0;
}

/* Count key K, spelled SHOWN, N times. */
static int add_key(struct art_tagcount *tc, const art_str *k, const art_str *shown, int64_t n)
{
	long idx = find_or_add(tc, k);
	if (idx < 0)
		return -1;
	tc->e[idx].count += n;
	if (tc->fold)
		for (int p = 0; p < tc->nparts; p++)
			if ((tc->tagparts >> p & 1) &&
			    add_spelling(tc, (size_t)idx, p, shown[p], n) != 0)
				return -1;
	return 0;
}

static art_str group_of(const struct art_tagcount *tc, const struct art_record *r)
{
	switch (tc->group) {
	case ART_TC_SOURCE:
		return r->source;
	case ART_TC_CATEGORY:
		return r->category;
	case ART_TC_YEAR:
		return (art_str){r->date.p, r->date.n < 4 ? r->date.n : 4};
	case ART_TC_MONTH:
		break;
	}
	return (art_str){r->date.p, r->date.n < 7 ? r->date.n : 7};
}

int art_tagcount_add_record(struct art_tagcount *tc, const struct art_record *r)
{
	struct art_tagset *s = &tc->set;
	if (art_tagset_fill(s, r, tc->fold) != 0)
		return -1;
	if (tc->mode == ART_TC_TAGS) {
		for (size_t i = 0; i < s->n; i++)
			if (add_key(tc, &s->keys[i], &s->shown[i], 1) != 0)
				return -1;
	} else if (tc->mode == ART_TC_GROUPS) {
		art_str g = group_of(tc, r);
		tc->keys.len = 0;
		if (art_buf_reserve(&tc->keys, g.n * 3) != 0)
			return -1;
		g = key_of(&tc->keys, g, false);
		for (size_t i = 0; i < s->n; i++) {
			art_str k[2] = {g, s->keys[i]}, shown[2] = {g, s->shown[i]};
			if (add_key(tc, k, shown, 1) != 0)
				return -1;
		}
	} else {
		for (size_t i = 0; i < s->n; i++) {
			for (size_t j = i + 1; j < s->n; j++) {
				bool swap = art_str_cmp(s->keys[i], s->keys[j]) > 0;
				size_t a = swap ? j : i, b = swap ? i : j;
				art_str k[2] = {s->keys[a], s->keys[b]};
				art_str shown[2] = {s->shown[a], s->shown[b]};
				if (add_key(tc, k, shown, 1) != 0)
					return -1;
			}
		}
	}
	return 0;
}

/* ---- merging rows of output ------------------------------------------- */

static int bad(struct art_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(struct art_error *err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return ART_BAD;
}

static int get_string(const struct art_jobject *o, const char *key, art_str *s,
                      struct art_error *err)
{
	const struct art_jfield *f = art_jobject_get(o, key);
	if (!f)
		return bad(err, "missing key \"%s\"", key);
	if (f->type != ART_J_STRING)
		return bad(err, "\"%s\" must be a string", key);
	*s = f->str;
	return 0;
}

static int get_count(const struct art_jfield *f, const char *what, int64_t *n,
                     struct art_error *err)
{
	if (f->type != ART_J_NUMBER || art_json_whole_number(f->raw, n) != 0 || *n == 0)
		return bad(err, "%s must be a whole number from 1 to 2^53", what);
	return 0;
}

static int push_pending(struct art_tagcount *tc, int part, art_str s, int64_t n)
{
	if (art_grow(&tc->pend, &tc->pendcap, tc->npend + 1, sizeof *tc->pend, 16) != 0)
		return -1;
	tc->pend[tc->npend++] = (struct pending){part, s, n};
	return 0;
}

/* The "spellings" of a row with key K into tc->pend, checked: each a case
 * variant of a tag of the row, and each tag's spellings adding up to N. */
static int read_spellings(struct art_tagcount *tc, const struct art_jfield *f, const art_str *k,
                          int64_t n, struct art_error *err)
{
	/* the parser's own message gives way to this one */
	if (f->type != ART_J_OBJECT || art_json_parse(&tc->spell, f->raw, err) != 0)
		return bad(err, "\"spellings\" must be an object of counts");
	int64_t sum[2] = {0, 0};
	for (size_t i = 0; i < tc->spell.nfields; i++) {
		const struct art_jfield *s = &tc->spell.fields[i];
		int64_t c;
		if (get_count(s, "a count in \"spellings\"", &c, err) != 0)
			return ART_BAD;
		art_str shown = key_of(&tc->keys, s->key, false);
		art_str folded = key_of(&tc->keys, s->key, true);
		int p = 0;
		while (p < tc->nparts && !((tc->tagparts >> p & 1) && art_str_eq(folded, k[p])))
			p++;
		if (p == tc->nparts)
			return bad(err, "\"spellings\": \"%.*s\" is no spelling of the row's tag",
			           (int)(s->key.n > 40 ? 40 : s->key.n), s->key.p);
		sum[p] += c;
		if (sum[p] > n)
			break;
		if (push_pending(tc, p, shown, c) != 0)
			return -1;
	}
	for (int p = 0; p < tc->nparts; p++)
		if ((tc->tagparts >> p & 1) && sum[p] != n)
			return bad(err, "\"spellings\" do not add up to \"count\"");
	return 0;
}

int art_tagcount_add_json(struct art_tagcount *tc, const struct art_jobject *o,
                          struct art_error *err)
{
	art_str part[2] = {{NULL, 0}, {NULL, 0}};
	const struct art_jfield *f;
	int rc = 0;
	if (tc->mode == ART_TC_TAGS) {
		rc = get_string(o, "tag", &part[0], err);
	} else if (tc->mode == ART_TC_GROUPS) {
		rc = get_string(o, group_names[tc->group], &part[0], err);
		if (rc == 0)
			rc = get_string(o, "tag", &part[1], err);
	} else {
		f = art_jobject_get(o, "tags");
		if (!f)
			return bad(err, "missing key \"tags\"");
		if (f->type != ART_J_ARRAY || !f->strings || f->nitems != 2)
			return bad(err, "\"tags\" must be an array of two strings");
		part[0] = o->items[f->item0];
		part[1] = o->items[f->item0 + 1];
	}
	if (rc != 0)
		return rc;
	int64_t n;
	if (!(f = art_jobject_get(o, "count")))
		return bad(err, "missing key \"count\"");
	if (get_count(f, "\"count\"", &n, err) != 0)
		return ART_BAD;
	const struct art_jfield *spellings = art_jobject_get(o, "spellings");
	if (spellings && !tc->fold)
		return bad(err, "\"spellings\" come from counting with case ignored");

	/* the keys; room for every string of the row, made valid and folded */
	tc->keys.len = 0;
	size_t room = (part[0].n + part[1].n + (spellings ? spellings->raw.n : 0)) * 6;
	if (art_buf_reserve(&tc->keys, room) != 0)
		return -1;
	art_str shown[2], k[2];
	for (int p = 0; p < tc->nparts; p++) {
		shown[p] = key_of(&tc->keys, part[p], false);
		k[p] = tc->fold && (tc->tagparts >> p & 1) ? key_of(&tc->keys, part[p], true)
		                                           : shown[p];
	}
	if (tc->mode == ART_TC_PAIRS) {
		int c = art_str_cmp(k[0], k[1]);
		if (c == 0)
			return bad(err, "\"tags\" must be two different tags");
		if (c > 0) {
			art_str t = k[0];
			k[0] = k[1], k[1] = t;
			t = shown[0];
			shown[0] = shown[1], shown[1] = t;
		}
	}
	uint64_t h = hash_key(k, tc->nparts);
	size_t i = find_slot(tc, k, h);
	if (tc->slot[i] && tc->e[tc->slot[i] - 1].count > MAX_COUNT - n)
		return bad(err, "the count would exceed 2^53");

	tc->npend = 0;
	if (!tc->fold)
		return add_key(tc, k, shown, n);
	if (!spellings) {
		for (int p = 0; p < tc->nparts; p++)
			if ((tc->tagparts >> p & 1) && push_pending(tc, p, shown[p], n) != 0)
				return -1;
	} else if ((rc = read_spellings(tc, spellings, k, n, err)) != 0) {
		return rc;
	}
	long idx = find_or_add(tc, k);
	if (idx < 0)
		return -1;
	tc->e[idx].count += n;
	for (size_t j = 0; j < tc->npend; j++)
		if (add_spelling(tc, (size_t)idx, tc->pend[j].part, tc->pend[j].s,
		                 tc->pend[j].count) != 0)
			return -1;
	return 0;
}

/* ---- output ----------------------------------------------------------- */

/* Part P of E as shown, in the order shown. */
static art_str shown_part(const struct entry *e, int p)
{
	return e->show[e->swap ? 1 - p : p];
}

static art_str spelling_of(const struct art_tagcount *tc, uint32_t j)
{
	return at(tc, tc->sp[j - 1].off, tc->sp[j - 1].len);
}

/* Sort the spellings of E into byte order (by insertion: there are few). */
static void sort_spellings(struct art_tagcount *tc, struct entry *e)
{
	uint32_t sorted = 0;
	for (uint32_t j = e->spellings; j;) {
		uint32_t next = tc->sp[j - 1].next, *link = &sorted;
		while (*link && art_str_cmp(spelling_of(tc, *link), spelling_of(tc, j)) < 0)
			link = &tc->sp[*link - 1].next;
		tc->sp[j - 1].next = *link;
		*link = j;
		j = next;
	}
	e->spellings = sorted;
}

/* The most common spelling of part P of E, the first in byte order among
 * equals (the list is sorted). */
static art_str best_spelling(const struct art_tagcount *tc, const struct entry *e, int p)
{
	uint32_t best = 0;
	for (uint32_t j = e->spellings; j; j = tc->sp[j - 1].next)
		if (tc->sp[j - 1].part == p &&
		    (!best || tc->sp[j - 1].count > tc->sp[best - 1].count))
			best = j;
	return best ? spelling_of(tc, best) : key_part(tc, e, p);
}

/* Choose how each part of each entry is shown.  Without folding, as it is.
 * With folding, a tag is shown as its most common spelling over all rows,
 * so that it is spelled alike in every group and pair: the spellings of
 * the rows are added up per tag in a counter of their own. */
static int choose_shown(struct art_tagcount *tc)
{
	for (size_t i = 0; i < tc->ne; i++) {
		struct entry *e = &tc->e[i];
		sort_spellings(tc, e);
		e->swap = false;
		for (int p = 0; p < tc->nparts; p++)
			e->show[p] = key_part(tc, e, p);
	}
	if (!tc->fold)
		return 0;
	art_tagcount_free(tc->all);
	struct art_tagcount *all = tc->all = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, true);
	if (!all)
		return -1;
	for (size_t i = 0; i < tc->ne; i++) {
		const struct entry *e = &tc->e[i];
		for (uint32_t j = e->spellings; j; j = tc->sp[j - 1].next) {
			art_str k = key_part(tc, e, tc->sp[j - 1].part), s = spelling_of(tc, j);
			if (add_key(all, &k, &s, tc->sp[j - 1].count) != 0)
				return -1;
		}
	}
	for (size_t i = 0; i < all->ne; i++)
		sort_spellings(all, &all->e[i]);
	for (size_t i = 0; i < tc->ne; i++) {
		struct entry *e = &tc->e[i];
		for (int p = 0; p < tc->nparts; p++) {
			if (!(tc->tagparts >> p & 1))
				continue;
			size_t slot = find_slot(all, &e->show[p], hash_key(&e->show[p], 1));
			if (all->slot[slot])
				e->show[p] = best_spelling(all, &all->e[all->slot[slot] - 1], 0);
		}
		/* a pair is shown in the byte order of its spellings */
		e->swap = tc->mode == ART_TC_PAIRS && art_str_cmp(e->show[0], e->show[1]) > 0;
	}
	return 0;
}

static int cmp_rows(const void *a, const void *b, void *ctx)
{
	const struct art_tagcount *tc = ctx;
	const struct entry *x = &tc->e[*(const uint32_t *)a], *y = &tc->e[*(const uint32_t *)b];
	int c;
	if (tc->mode == ART_TC_GROUPS && (c = art_str_cmp(key_part(tc, x, 0), key_part(tc, y, 0))))
		return c;
	if (tc->order == ART_TC_BY_COUNT && x->count != y->count)
		return x->count > y->count ? -1 : 1;
	for (int p = tc->mode == ART_TC_GROUPS; p < tc->nparts; p++)
		if ((c = art_str_cmp(shown_part(x, p), shown_part(y, p))))
			return c;
	return 0;
}

int art_tagcount_finish(struct art_tagcount *tc, enum art_tagcount_order order, size_t top)
{
	if (choose_shown(tc) != 0)
		return -1;
	free(tc->rows);
	tc->rows = malloc((tc->ne ? tc->ne : 1) * sizeof *tc->rows);
	if (!tc->rows)
		return -1;
	for (size_t i = 0; i < tc->ne; i++)
		tc->rows[i] = (uint32_t)i;
	tc->order = order;
	qsort_r(tc->rows, tc->ne, sizeof *tc->rows, cmp_rows, tc);
	tc->nrows = 0;
	size_t in_group = 0;
	for (size_t i = 0; i < tc->ne; i++) {
		if (tc->mode == ART_TC_GROUPS && i > 0 &&
		    !art_str_eq(key_part(tc, &tc->e[tc->rows[i]], 0),
		                key_part(tc, &tc->e[tc->rows[i - 1]], 0)))
			in_group = 0;
		if (in_group++ < top)
			tc->rows[tc->nrows++] = tc->rows[i];
	}
	return 0;
}

size_t art_tagcount_nrows(const struct art_tagcount *tc)
{
	return tc->nrows;
}

void art_tagcount_row(const struct art_tagcount *tc, size_t i, struct art_tagrow *row)
{
	const struct entry *e = &tc->e[tc->rows[i]];
	memset(row, 0, sizeof *row);
	row->count = e->count;
	if (tc->mode == ART_TC_GROUPS) {
		row->group = key_part(tc, e, 0);
		row->tags[0] = shown_part(e, 1);
		row->ntags = 1;
	} else {
		for (int p = 0; p < tc->nparts; p++)
			row->tags[p] = shown_part(e, p);
		row->ntags = (size_t)tc->nparts;
	}
}

/* Whether E's spellings are more than one spelling of each tag, the one
 * shown: then the row carries them, so that merging rows loses nothing. */
static bool has_spellings(const struct art_tagcount *tc, const struct entry *e)
{
	int seen[2] = {0, 0};
	for (uint32_t j = e->spellings; j; j = tc->sp[j - 1].next) {
		int p = tc->sp[j - 1].part;
		if (++seen[p] > 1 || !art_str_eq(spelling_of(tc, j), e->show[p]))
			return true;
	}
	return false;
}

int art_tagcount_put_row(struct art_buf *b, const struct art_tagcount *tc, size_t i)
{
	struct art_tagrow row;
	art_tagcount_row(tc, i, &row);
	const struct entry *e = &tc->e[tc->rows[i]];
	int rc = 0;
	if (tc->mode == ART_TC_PAIRS) {
		rc |= PUT_LIT(b, "{\"tags\":[");
		rc |= art_json_put_string(b, row.tags[0]);
		rc |= art_buf_putc(b, ',');
		rc |= art_json_put_string(b, row.tags[1]);
		rc |= art_buf_putc(b, ']');
	} else {
		if (tc->mode == ART_TC_GROUPS) {
			rc |= art_buf_printf(b, "{\"%s\":", group_names[tc->group]);
			rc |= art_json_put_string(b, row.group);
			rc |= PUT_LIT(b, ",\"tag\":");
		} else {
			rc |= PUT_LIT(b, "{\"tag\":");
		}
		rc |= art_json_put_string(b, row.tags[0]);
	}
	rc |= art_buf_printf(b, ",\"count\":%lld", (long long)row.count);
	if (has_spellings(tc, e)) {
		rc |= PUT_LIT(b, ",\"spellings\":{");
		for (uint32_t j = e->spellings; j; j = tc->sp[j - 1].next) {
			const struct spelling *sp = &tc->sp[j - 1];
			if (j != e->spellings)
				rc |= art_buf_putc(b, ',');
			rc |= art_json_put_string(b, at(tc, sp->off, sp->len));
			rc |= art_buf_printf(b, ":%lld", (long long)sp->count);
		}
		rc |= art_buf_putc(b, '}');
	}
	rc |= PUT_LIT(b, "}\n");
	return rc ? -1 : 0;
}
