/* search.c - the score of a candidate (a tag between two points) by its
 * words (each scored in text.c), its shape and whether it is known, and
 * the best split of the line: the best path through the lattice of its
 * points, every path tried when they are few, else by dynamic
 * programming.  What the search calls in its loops is here or in
 * tagger.h, so that it is inlined. */
#include <config.h>

#include "tagger.h"

#include <stdlib.h>

/* ---- scores ---- */

/* The runs of letters and digits, what is known of them, and where the
 * points are among them (for tag_parts). */
void tags_find_runs(struct art_tagger *t)
{
	size_t r = 0;
	uint64_t before = 0;
	t->srch.rsum[0] = 0;
	t->srch.rcaps[0] = 0;
	for (size_t b = 0; b < t->line.nb; b++) {
		uint64_t w = t->line.mword[b];
		for (uint64_t starts = w & ~(w << 1 | before); starts; starts &= starts - 1) {
			size_t s = b * 64 + (size_t)__builtin_ctzll(starts), e = run_end(t, s);
			t->srch.rstart[r] = (uint16_t)s;
			t->srch.rend[r] = (uint16_t)e;
			t->srch.rinfo[r] = (int16_t)tags_word_info_now(t, s, e);
			t->srch.rsum[r + 1] = t->srch.rsum[r] + (t->srch.rinfo[r] >> 2);
			t->srch.rcaps[r + 1] =
			    (uint16_t)(t->srch.rcaps[r] + (cls[t->line.p[s]] == C_UP && s > 0 &&
			                                   cls[t->line.p[s - 1]] == C_SPACE));
			r++;
		}
		before = w >> 63;
	}
	t->srch.nruns = r;
	for (size_t k = 0, first = 0, runs = 0; k <= t->line.m; k++) {
		size_t p = t->line.pts[k].pos;
		while (first < r && t->srch.rend[first] <= p)
			first++;
		while (runs < r && t->srch.rstart[runs] < p)
			runs++;
		t->srch.pfirst[k] = (uint16_t)first;
		t->srch.pruns[k] = (uint16_t)runs;
	}
}

const struct known *tags_tag_known(const struct art_tagger *t, size_t a, size_t b)
{
	if (!t->line.occ_full) { /* tags_find_known listed them all */
		for (size_t o = 0; o < t->line.nocc; o++)
			if (t->line.occ[o].a == a && t->line.occ[o].e == b)
				return t->line.occ[o].k;
		return NULL;
	}
	if (!(t->kt.klens >> (b - a < 63 ? b - a : 63) & 1))
		return NULL;
	if (b - a > 1) {
		if (!t->kt.kpairs[load2(t->line.p + a)])
			return NULL;
	}
	const char *s = (const char *)t->line.p + a;
	const struct known *k = tags_known_find(t, s, b - a, art_hash(s, b - a, 0));
	return k && usable(k) ? k : NULL;
}

/* The score of the tag [P_I, P_J), worked out once a line.  The searches
 * ask for a score again and again: the answer already known is inline,
 * the work is not. */
static __attribute__((noinline)) int tscore_now(struct art_tagger *t, size_t i, size_t j)
{
	struct tag_parts tp;
	tag_parts(t, i, j, &tp);
	t->srch.tdone[i] |= 1u << j;
	return t->srch.tscore[i * MAXP + j] = tp.words + tp.shape + tp.known;
}

static inline int tscore(struct art_tagger *t, size_t i, size_t j)
{
	if (t->srch.tdone[i] >> j & 1)
		return t->srch.tscore[i * MAXP + j];
	return tscore_now(t, i, j);
}

/* Tags [P_H, P_I) and [P_I, P_J) in ascending byte order? */
static inline bool in_order(const struct art_tagger *t, size_t h, size_t i, size_t j)
{
	size_t a = t->line.pts[h].pos, b = t->line.pts[i].pos, c = t->line.pts[j].pos;
	if (t->line.p[a] != t->line.p[b]) /* mostly */
		return t->line.p[a] < t->line.p[b];
	for (size_t k = 0; a + k < b; k++) {
		if (b + k == c)
			return false; /* the second is a prefix of the first */
		if (t->line.p[a + k] != t->line.p[b + k])
			return t->line.p[a + k] < t->line.p[b + k];
	}
	return true; /* the first is a prefix of the second: shorter goes first */
}

/* The usual number of tags: each count scores by how much rarer it was
 * than the commonest one among the last WINDOW records. */
void tags_count_priors(struct art_tagger *t)
{
	unsigned top = 0;
	for (int k = 1; k <= TMAX; k++)
		if (t->recent.tally[k] > top)
			top = t->recent.tally[k];
	for (int k = 1; k <= TMAX; k++)
		t->srch.cprior[k] = top ? t->tables.rarity[top][t->recent.tally[k]] : 0;
}

/* ---- the search ---- */

static size_t state(const struct art_tagger *t, size_t k, size_t i, size_t j)
{
	size_t m1 = t->line.m + 1;
	return ((k - 1) * m1 + i) * m1 + j;
}

static void offer(struct cell *list, uint8_t *n, size_t keep, struct cell c)
{
	size_t at = *n;
	while (at > 0 && list[at - 1].key < c.key)
		at--;
	if (at >= keep)
		return;
	for (size_t i = *n < keep ? *n : keep - 1; i > at; i--)
		list[i] = list[i - 1];
	list[at] = c;
	if (*n < keep)
		(*n)++;
}

static int grow_cells(struct art_tagger *t, size_t keep)
{
	size_t m1 = t->line.m + 1, need = TMAX * m1 * m1;
	if (art_grow(&t->srch.cells, &t->srch.cells_cap, need * keep, sizeof *t->srch.cells,
	             need * keep) != 0)
		return -1;
	return art_grow(&t->srch.ncell, &t->srch.ncell_cap, need, 1, need);
}

/* Offer C to state (K, I, J): the splits whose Kth tag is [P_I, P_J). */
static void offer_state(struct art_tagger *t, size_t keep, size_t k, size_t i, size_t j,
                        struct cell c)
{
	size_t st = state(t, k, i, j);
	uint16_t *layers = &t->srch.layers[i * MAXP + j];
	if (!(*layers & 1u << k)) {
		*layers |= (uint16_t)(1u << k);
		t->srch.ncell[st] = 0;
	}
	offer(t->srch.cells + st * keep, &t->srch.ncell[st], keep, c);
}

/* The KEEP best splits of the line into FINAL (best first), for explaining:
 * dynamic programming over (tags so far, last tag), as the order of two
 * tags and the count of tags make a tag's worth depend on more than itself.
 * Splits whose tags are not in ascending byte order are not considered. */
int tags_search(struct art_tagger *t, size_t keep, struct cell *final, uint8_t *nfinal)
{
	size_t m = t->line.m;
	if (grow_cells(t, keep) != 0)
		return -1;
	memset(t->srch.tdone, 0, (m + 1) * sizeof *t->srch.tdone);
	memset(t->srch.layers, 0, (m + 1) * MAXP * sizeof *t->srch.layers);
	*nfinal = 0;
	for (size_t j = 1; j <= m; j++) {
		int s = tscore(t, 0, j);
		offer_state(t, keep, 1, 0, j,
		            (struct cell){.key = (int64_t)s * SCORE_KEY - TAG_KEY, .score = s});
		for (size_t i = 1; i < j; i++) {
			int add = INT32_MIN;
			int64_t addkey = 0;
			for (size_t h = 0; h < i; h++) {
				unsigned layers = t->srch.layers[h * MAXP + i];
				if (!layers || !in_order(t, h, i, j))
					continue;
				if (add == INT32_MIN) {
					add = tscore(t, i, j) + t->line.pts[i].prior +
					      t->line.pts[i].split;
					addkey =
					    (int64_t)add * SCORE_KEY - TAG_KEY + t->line.pts[i].pos;
				}
				for (; layers; layers &= layers - 1) {
					size_t k = (size_t)__builtin_ctz(layers);
					size_t from = state(t, k, h, i);
					for (uint8_t r = 0; r < t->srch.ncell[from]; r++) {
						const struct cell *c =
						    &t->srch.cells[from * keep + r];
						offer_state(t, keep, k < TMAX ? k + 1 : TMAX, i, j,
						            (struct cell){
						                .key = c->key + addkey,
						                .score = c->score + add,
						                .ft = (uint8_t)k,
						                .fi = (uint8_t)h,
						                .fr = r,
						            });
					}
				}
			}
		}
	}
	for (size_t i = 0; i < m; i++) {
		unsigned layers = t->srch.layers[i * MAXP + m];
		for (size_t k = 1; k <= TMAX; k++) {
			if (!(layers >> k & 1))
				continue;
			size_t st = state(t, k, i, m);
			for (uint8_t r = 0; r < t->srch.ncell[st]; r++) {
				struct cell c = t->srch.cells[st * keep + r];
				c.key += (int64_t)t->srch.cprior[k] * SCORE_KEY;
				c.score += t->srch.cprior[k];
				c.ft = (uint8_t)k; /* the final state itself */
				c.fi = (uint8_t)i;
				c.fr = r;
				offer(final, nfinal, keep, c);
			}
		}
	}
	return 0;
}

/* The best split of the line, as tags_search finds it but quicker, keeping
 * one split per state: the same states, offers in the same order, the same
 * tie-breaks, so the winner is the same.  Its points, start to end, go to
 * PATH[0..n]; returns n. */
static size_t search_best(struct art_tagger *t, uint8_t *path)
{
	size_t m = t->line.m, m1 = m + 1;
	int64_t *best = t->srch.best;
	uint8_t *from = t->srch.from;
	memset(t->srch.tdone, 0, (m + 1) * sizeof *t->srch.tdone);
	memset(t->srch.layers, 0, (m + 1) * MAXP * sizeof *t->srch.layers);
#define AT(k, i, j) (((k)*m1 + (i)) * m1 + (j))
	for (size_t j = 1; j <= m; j++) {
		best[AT(1, 0, j)] = (int64_t)tscore(t, 0, j) * SCORE_KEY - TAG_KEY;
		t->srch.layers[j] = 1u << 1;
		for (size_t i = 1; i < j; i++) {
			int64_t addkey = INT64_MIN;
			uint16_t *to = &t->srch.layers[i * MAXP + j];
			for (size_t h = 0; h < i; h++) {
				unsigned layers = t->srch.layers[h * MAXP + i];
				if (!layers || !in_order(t, h, i, j))
					continue;
				if (addkey == INT64_MIN) {
					const struct point *pt = &t->line.pts[i];
					int add = tscore(t, i, j) + pt->prior + pt->split;
					addkey =
					    (int64_t)add * SCORE_KEY - TAG_KEY + t->line.pts[i].pos;
				}
				for (; layers; layers &= layers - 1) {
					size_t k = (size_t)__builtin_ctz(layers);
					size_t nk = k < TMAX ? k + 1 : TMAX;
					int64_t key = best[AT(k, h, i)] + addkey;
					size_t st = AT(nk, i, j);
					if (!(*to >> nk & 1) || key > best[st]) {
						*to |= (uint16_t)(1u << nk);
						best[st] = key;
						from[st * 2] = (uint8_t)k;
						from[st * 2 + 1] = (uint8_t)h;
					}
				}
			}
		}
	}
	int64_t top = 0;
	size_t tk = 0, ti = 0;
	for (size_t i = 0; i < m; i++)
		for (unsigned layers = t->srch.layers[i * MAXP + m]; layers; layers &= layers - 1) {
			size_t k = (size_t)__builtin_ctz(layers);
			int64_t key = best[AT(k, i, m)] + (int64_t)t->srch.cprior[k] * SCORE_KEY;
			if (!tk || key > top) {
				top = key;
				tk = k;
				ti = i;
			}
		}
	uint8_t rev[MAXP + 1];
	size_t n = 0, k = tk, i = ti, j = m;
	rev[n++] = (uint8_t)j;
	for (;;) {
		rev[n++] = (uint8_t)i;
		if (i == 0)
			break;
		size_t st = AT(k, i, j);
		j = i;
		k = from[st * 2];
		i = from[st * 2 + 1];
	}
#undef AT
	for (size_t x = 0; x < n; x++)
		path[x] = rev[n - 1 - x];
	return n - 1;
}

/* The best split of a line of few points, found by trying every split:
 * their keys are the sums search_best makes, so when one split has the
 * highest key, it is the one search_best finds; when two tie, search_best
 * decides (by the order it looks at them), as it does for more points. */
size_t tags_search_few(struct art_tagger *t, uint8_t *path)
{
	size_t m = t->line.m;
	if (m > 5)
		return search_best(t, path);
	memset(t->srch.tdone, 0, (m + 1) * sizeof *t->srch.tdone);
	int64_t top = 0;
	uint32_t best = 0, nbest = 0; /* the best split, as its cuts; how many have its key */
	for (uint32_t cuts = 0; cuts < 1u << (m - 1); cuts++) {
		uint32_t rest = cuts << 1 | 1u << m; /* the points after the first tag's start */
		size_t h = 0, i = 0, ntags = 0;
		int64_t key = 0;
		for (; rest; rest &= rest - 1, ntags++) {
			size_t j = (size_t)__builtin_ctz(rest);
			if (i > 0 && !in_order(t, h, i, j))
				break;
			int add = tscore(t, i, j);
			if (i > 0)
				add += t->line.pts[i].prior + t->line.pts[i].split;
			key +=
			    (int64_t)add * SCORE_KEY - TAG_KEY + (i > 0 ? t->line.pts[i].pos : 0);
			h = i;
			i = j;
		}
		if (rest)
			continue; /* out of order */
		key += (int64_t)t->srch.cprior[ntags < TMAX ? ntags : TMAX] * SCORE_KEY;
		if (!nbest || key > top) {
			top = key;
			best = cuts;
			nbest = 1;
		} else if (key == top) {
			nbest++;
		}
	}
	if (nbest != 1)
		return search_best(t, path);
	size_t n = 0;
	path[n++] = 0;
	for (uint32_t rest = best << 1 | 1u << m; rest; rest &= rest - 1)
		path[n++] = (uint8_t)__builtin_ctz(rest);
	return n - 1;
}

/* The points of a split found by tags_search, start to end: PATH[0..n]. */
size_t tags_trace_path(const struct art_tagger *t, size_t keep, const struct cell *fin,
                       uint8_t *path)
{
	uint8_t rev[MAXP];
	size_t n = 0, k = fin->ft, i = fin->fi, j = t->line.m, r = fin->fr;
	rev[n++] = (uint8_t)j;
	for (;;) {
		rev[n++] = (uint8_t)i;
		if (i == 0)
			break;
		const struct cell *c = &t->srch.cells[state(t, k, i, j) * keep + r];
		j = i;
		k = c->ft;
		i = c->fi;
		r = c->fr;
	}
	for (size_t x = 0; x < n; x++)
		path[x] = rev[n - 1 - x];
	return n - 1;
}
