/* known.c - known tags: the table of them (lexicon entries, and tags
 * learned from earlier records, aged out when there are too many), the
 * tagger's making, and the ways to add to it. */
#include <config.h>

#include "tagger.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "lines.h"

/* ---- known tags ---- */

struct known *tags_known_find(const struct art_tagger *t, const char *s, size_t n, uint64_t h)
{
	if (!t->kt.nknown)
		return NULL;
	size_t mask = t->kt.kslot_cap - 1;
	for (size_t i = h & mask; t->kt.kslot[i]; i = (i + 1) & mask) {
		struct known *k = &t->kt.known[t->kt.kslot[i] - 1];
		if (k->hash == h && k->n == n && memcmp(t->kt.kbytes.p + k->off, s, n) == 0)
			return k;
	}
	return NULL;
}

static void known_index(struct art_tagger *t, uint32_t idx)
{
	struct known *k = &t->kt.known[idx];
	size_t mask = t->kt.kslot_cap - 1, i = k->hash & mask;
	while (t->kt.kslot[i])
		i = (i + 1) & mask;
	t->kt.kslot[i] = idx + 1;
	const unsigned char *p = (const unsigned char *)t->kt.kbytes.p + k->off;
	if (k->n > 1)
		t->kt.kpairs[load2(p)] = 1;
	t->kt.klens |= 1ull << (k->n < 63 ? k->n : 63);
	uint32_t *head = k->n == 1  ? &t->kt.kshort
	                 : k->n < 4 ? &t->kt.kpairhead[pair_head_of(p)]
	                            : &t->kt.khead[head_of(p)];
	k->next = *head;
	*head = idx + 1;
}

static int known_reindex(struct art_tagger *t, size_t cap)
{
	uint32_t *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	free(t->kt.kslot);
	t->kt.kslot = slots;
	t->kt.kslot_cap = cap;
	memset(t->kt.khead, 0, sizeof t->kt.khead);
	memset(t->kt.kpairhead, 0, sizeof t->kt.kpairhead);
	memset(t->kt.kpairs, 0, sizeof t->kt.kpairs);
	t->kt.klens = 0;
	t->kt.kshort = 0;
	for (size_t i = 0; i < t->kt.nknown; i++)
		known_index(t, (uint32_t)i);
	return 0;
}

/* Learned tags are many: halve their counts and forget those that reach 0. */
static int known_age(struct art_tagger *t)
{
	struct art_buf bytes = {0};
	size_t kept = 0;
	t->kt.nlearned = 0;
	for (size_t i = 0; i < t->kt.nknown; i++) {
		struct known k = t->kt.known[i];
		if (!k.lexicon && (k.count /= 2) == 0)
			continue;
		if (art_buf_append(&bytes, t->kt.kbytes.p + k.off, k.n) != 0) {
			art_buf_free(&bytes);
			return -1;
		}
		k.off = (uint32_t)(bytes.len - k.n);
		t->kt.known[kept++] = k;
		t->kt.nlearned += !k.lexicon;
	}
	t->kt.nknown = kept;
	art_buf_free(&t->kt.kbytes);
	t->kt.kbytes = bytes;
	return known_reindex(t, t->kt.kslot_cap);
}

int tags_known_add(struct art_tagger *t, const char *s, size_t n, bool lexicon, bool confirmed)
{
	uint64_t h = art_hash(s, n, 0);
	struct known *k = tags_known_find(t, s, n, h);
	if (k) {
		if (lexicon)
			k->lexicon = true;
		else if (k->count < UINT32_MAX)
			k->count++;
		k->confirmed |= confirmed;
		return 0;
	}
	if (!lexicon && t->kt.nlearned >= LEARNED_MAX)
		while (t->kt.nlearned >= LEARNED_MAX / 2)
			if (known_age(t) != 0)
				return -1;
	if (n > UINT32_MAX || t->kt.kbytes.len > UINT32_MAX - n)
		return -1;
	if (art_grow(&t->kt.known, &t->kt.known_cap, t->kt.nknown + 1, sizeof *t->kt.known, 64) !=
	    0)
		return -1;
	if ((t->kt.nknown + 1) * 2 > t->kt.kslot_cap &&
	    known_reindex(t, t->kt.kslot_cap ? t->kt.kslot_cap * 2 : 256) != 0)
		return -1;
	if (art_buf_append(&t->kt.kbytes, s, n) != 0)
		return -1;
	unsigned char pre[8] = {0}, mask[8] = {0};
	memcpy(pre, s, n < 8 ? n : 8);
	memset(mask, 0xFF, n < 8 ? n : 8);
	t->kt.known[t->kt.nknown] = (struct known){.off = (uint32_t)(t->kt.kbytes.len - n),
	                                           .n = (uint32_t)n,
	                                           .count = !lexicon,
	                                           .lexicon = lexicon,
	                                           .confirmed = confirmed,
	                                           .hash = h,
	                                           .pre = load8(pre),
	                                           .mask = load8(mask)};
	known_index(t, (uint32_t)t->kt.nknown++);
	t->kt.nlearned += !lexicon;
	t->kt.kgen++;
	return 0;
}

/* ---- the tagger ---- */

/* 10 * log2(num / den) for num >= den > 0, rounded down. */
static int log2_tenths(unsigned num, unsigned den)
{
	int r = 0;
	while (num >= 2 * den) {
		den *= 2;
		r += 10;
	}
	double x = (double)num / den, p = 1;
	for (int i = 0; i < 10; i++)
		p *= x;
	int k = 0;
	while (k < 9 && p >= (double)(2u << k))
		k++;
	return r + k;
}

struct art_tagger *art_tagger_new(void)
{
	struct art_tagger *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	tags_text_init(t);
	for (unsigned top = 1; top <= WINDOW; top++)
		for (unsigned c = 0; c <= top; c++)
			t->tables.rarity[top][c] =
			    (int8_t)(-W_COUNT * log2_tenths(2 * top + 1, 2 * c + 1) / 10);
	for (int c = 0; c < 256; c++)
		t->tables.low[c] = (unsigned char)lower((unsigned char)c);
	return t;
}

void art_tagger_free(struct art_tagger *t)
{
	if (!t)
		return;
	free(t->ctx.words);
	free(t->ctx.text);
	free(t->kt.known);
	free(t->kt.kslot);
	art_buf_free(&t->kt.kbytes);
	free(t->srch.cells);
	free(t->srch.ncell);
	free(t);
}

void art_tagger_explain(struct art_tagger *t, bool on)
{
	t->explain = on;
}

void art_tagger_hold(struct art_tagger *t, bool hold)
{
	t->hold = hold;
	t->held.kind = HELD_NONE;
}

int art_tagger_add(struct art_tagger *t, art_str tag, enum art_tag_kind kind)
{
	tag = trim(tag);
	if (!tag.n)
		return 0;
	return tags_known_add(t, tag.p, tag.n, kind == ART_TAG_LEXICON, true);
}

int art_tagger_load(struct art_tagger *t, const char *path, struct art_error *err)
{
	struct art_lines lines;
	err->file = path;
	err->line = 0;
	if (art_lines_open(&lines, path) != 0) {
		err->errnum = errno;
		snprintf(err->msg, sizeof err->msg, "%s", strerror(errno));
		return ART_FAIL;
	}
	int rc = ART_OK;
	art_str line;
	for (;;) {
		int r = art_lines_next(&lines, &line);
		if (r == ART_EOF)
			break;
		if (r == ART_OK && art_tagger_add(t, line, ART_TAG_LEXICON) == 0)
			continue;
		err->errnum = r == ART_FAIL ? lines.err : r == ART_OK ? ENOMEM : 0;
		err->line = r == ART_FAIL ? 0 : lines.lineno;
		if (err->errnum)
			snprintf(err->msg, sizeof err->msg, "%s", strerror(err->errnum));
		else
			snprintf(err->msg, sizeof err->msg, "line longer than %u bytes",
			         (unsigned)ART_LINE_MAX);
		rc = ART_FAIL;
		break;
	}
	art_lines_close(&lines);
	return rc;
}
