/* tags_search.c - scores and the search: the score of a tag by its words
 * (each scored in tags_text.c), its shape and whether it is known; the
 * best split of the line at its points, every split tried when they are
 * few, else by dynamic programming; and, when explaining, the splits
 * weighed and why the winner won.  What the search calls in its loops is
 * here with it, so that it is inlined. */
#include <config.h>

#include "tagger.h"

#include <stdlib.h>

/* A split's score, by reason. */
enum { P_CUTS, P_SPLIT, P_WORDS, P_KNOWN, P_SHAPE, P_COUNT, NPARTS };
static const char *const part_names[NPARTS] = {"cuts",       "broken words", "words",
                                               "known tags", "shape",        "count"};
struct parts {
	int v[NPARTS];
};

/* ---- scores ---- */

/* The explanation is written in many small pieces: each writer returns 0,
 * or -1 when out of memory, and the pieces' results are or-ed together. */
static int bputs(struct art_buf *b, const char *s)
{
	return art_buf_append(b, s, strlen(s));
}

static int put_tenths(struct art_buf *b, int v)
{
	return art_buf_printf(b, "%c%d.%d", v < 0 ? '-' : '+', abs(v) / 10, abs(v) % 10);
}

static int put_quoted(struct art_buf *b, const unsigned char *p, size_t n)
{
	int rc = art_buf_putc(b, '"');
	rc |= art_buf_append(b, p, n);
	rc |= art_buf_putc(b, '"');
	return rc;
}

/* The score of the word [A, B) of the line, saying why in WHY; *RC
 * becomes -1 when out of memory. */
static int word_score_now(const struct art_tagger *t, size_t a, size_t b, struct art_buf *why,
                          int *rc_out)
{
	int rc = 0;
	const char *how;
	const struct tword *c = NULL;
	int s = tags_word_score_at(t, a, b, common_at(t, a, b), &how, &c);
	rc |= art_buf_printf(why, "  %.*s ", (int)(b - a), (const char *)t->p + a);
	rc |= put_tenths(why, s);
	rc |= art_buf_printf(why, " (%s%s", how, c ? " " : "");
	if (c)
		rc |= put_quoted(why, (const unsigned char *)c->w, c->n);
	rc |= art_buf_putc(why, ')');
	*rc_out |= rc;
	return s;
}

/* The word_info of the word in run R of the tag [P_I, P_J), which has that
 * run: the run whole, or cut at P_I or P_J (each looked at once a line),
 * or both (a tag inside a run: looked at once itself). */
int tags_tag_word(struct art_tagger *t, size_t i, size_t j, size_t r)
{
	size_t a = t->pts[i].pos, b = t->pts[j].pos, rs = t->rstart[r], re = t->rend[r];
	bool whole_start = a <= rs, whole_end = b >= re;
	if (whole_start && whole_end)
		return t->rinfo[r];
	int16_t *m = whole_end ? &t->whead[i] : whole_start ? &t->wtail[j] : NULL;
	if (m && *m != NOSCORE)
		return *m;
	int v = tags_word_info_now(t, whole_start ? rs : a, whole_end ? re : b);
	if (m)
		*m = (int16_t)v;
	return v;
}

/* The runs of letters and digits, what is known of them, and where the
 * points are among them (for tag_parts). */
void tags_find_runs(struct art_tagger *t)
{
	size_t r = 0;
	uint64_t before = 0;
	t->rsum[0] = 0;
	t->rcaps[0] = 0;
	for (size_t b = 0; b < t->nb; b++) {
		uint64_t w = t->mword[b];
		for (uint64_t starts = w & ~(w << 1 | before); starts; starts &= starts - 1) {
			size_t s = b * 64 + (size_t)__builtin_ctzll(starts), e = run_end(t, s);
			t->rstart[r] = (uint16_t)s;
			t->rend[r] = (uint16_t)e;
			t->rinfo[r] = (int16_t)tags_word_info_now(t, s, e);
			t->rsum[r + 1] = t->rsum[r] + (t->rinfo[r] >> 2);
			t->rcaps[r + 1] = (uint16_t)(t->rcaps[r] + (cls[t->p[s]] == C_UP && s > 0 &&
			                                            cls[t->p[s - 1]] == C_SPACE));
			r++;
		}
		before = w >> 63;
	}
	t->nruns = r;
	for (size_t k = 0, first = 0, runs = 0; k <= t->m; k++) {
		size_t p = t->pts[k].pos;
		while (first < r && t->rend[first] <= p)
			first++;
		while (runs < r && t->rstart[runs] < p)
			runs++;
		t->pfirst[k] = (uint16_t)first;
		t->pruns[k] = (uint16_t)runs;
	}
}

const struct known *tags_tag_known(const struct art_tagger *t, size_t a, size_t b)
{
	if (!t->occ_full) { /* tags_find_known listed them all */
		for (size_t o = 0; o < t->nocc; o++)
			if (t->occ[o].a == a && t->occ[o].e == b)
				return t->occ[o].k;
		return NULL;
	}
	if (!(t->klens >> (b - a < 63 ? b - a : 63) & 1))
		return NULL;
	if (b - a > 1) {
		if (!t->kpairs[load2(t->p + a)])
			return NULL;
	}
	const char *s = (const char *)t->p + a;
	const struct known *k = tags_known_find(t, s, b - a, hash_bytes(s, b - a));
	return k && usable(k) ? k : NULL;
}

static int known_score(const struct known *k)
{
	if (k->lexicon)
		return W_LEXICON;
	int s = W_LEARNED;
	for (uint32_t c = k->count; c > 1 && s < W_LEARNED_MAX; c /= 2)
		s += 5;
	return s;
}

/* The score of the tag [P_I, P_J) by itself, by reason: its words, its
 * shape, whether it is known (K). */
struct tag_parts {
	int words, shape, known;
	const struct known *k;
};

static inline void tag_parts(struct art_tagger *t, size_t pi, size_t pj, struct tag_parts *tp)
{
	const unsigned char *L = t->p;
	size_t a = t->pts[pi].pos, b = t->pts[pj].pos;
	size_t r1 = t->pfirst[pi], r2 = t->pruns[pj]; /* the runs of the tag: [r1, r2) */
	int words = 0, shape = 0, first = 0, last = 0;
	size_t nwords = r2 > r1 ? r2 - r1 : 0;
	if (nwords) {
		first = last = tags_tag_word(t, pi, pj, r1);
		words = first >> 2;
	}
	if (nwords > 1) {
		last = tags_tag_word(t, pi, pj, r2 - 1);
		words += (last >> 2) + t->rsum[r2 - 1] - t->rsum[r1 + 1];
		if (first & 2 && t->rcaps[r2] > t->rcaps[r1 + 1])
			shape += W_CASE_MIX; /* "end Development" */
	}
	if (b - a == 1)
		shape += cls[L[a]] == C_UP ? W_ONE_CAPITAL : W_ONE_CHAR;
	else if (nwords && is_word(cls[L[a]]) && first & 1)
		shape += W_EDGE_COMMON; /* "of Things" */
	if (nwords > 1 && is_word(cls[L[b - 1]]) && last & 1)
		shape += W_EDGE_COMMON; /* "Internet of" */
	tp->k = t->occ_full || t->known_from[pi] >> pj & 1 ? tags_tag_known(t, a, b) : NULL;
	tp->words = words;
	tp->shape = shape;
	tp->known = tp->k ? known_score(tp->k) : 0;
}

/* The same, adding the parts to PA, and saying why in WHY: 0, or -1 when
 * out of memory. */
static int tag_explain(struct art_tagger *t, size_t pi, size_t pj, struct parts *pa,
                       struct art_buf *why)
{
	int rc = 0;
	struct tag_parts tp;
	tag_parts(t, pi, pj, &tp);
	pa->v[P_WORDS] += tp.words;
	pa->v[P_SHAPE] += tp.shape;
	pa->v[P_KNOWN] += tp.known;
	if (!why)
		return 0;
	size_t a = t->pts[pi].pos, b = t->pts[pj].pos;
	for (size_t i = a; i < b;) { /* the words, as tag_parts takes them */
		if (!is_word(cls[t->p[i]])) {
			i++;
			continue;
		}
		size_t e = run_end(t, i) < b ? run_end(t, i) : b;
		word_score_now(t, i, e, why, &rc);
		i = e;
	}
	if (tp.shape) {
		rc |= bputs(why, "  shape ");
		rc |= put_tenths(why, tp.shape);
	}
	if (tp.k) {
		rc |= art_buf_printf(why, "  %s ", tp.k->lexicon ? "in the lexicon" : "learned");
		rc |= put_tenths(why, tp.known);
		if (!tp.k->lexicon)
			rc |= art_buf_printf(why, " (seen %u time%s)", tp.k->count,
			                     tp.k->count == 1 ? "" : "s");
	}
	return rc;
}

static int tscore(struct art_tagger *t, size_t i, size_t j)
{
	int32_t *s = &t->tscore[i * MAXP + j];
	if (!(t->tdone[i] >> j & 1)) {
		struct tag_parts tp;
		tag_parts(t, i, j, &tp);
		*s = tp.words + tp.shape + tp.known;
		t->tdone[i] |= 1u << j;
	}
	return *s;
}

/* Tags [P_H, P_I) and [P_I, P_J) in ascending byte order? */
static inline bool in_order(const struct art_tagger *t, size_t h, size_t i, size_t j)
{
	size_t a = t->pts[h].pos, b = t->pts[i].pos, c = t->pts[j].pos;
	if (t->p[a] != t->p[b]) /* mostly */
		return t->p[a] < t->p[b];
	for (size_t k = 0; a + k < b; k++) {
		if (b + k == c)
			return false; /* the second is a prefix of the first */
		if (t->p[a + k] != t->p[b + k])
			return t->p[a + k] < t->p[b + k];
	}
	return true; /* the first is a prefix of the second: shorter goes first */
}

/* The usual number of tags: each count scores by how much rarer it was
 * than the commonest one among the last WINDOW records. */
void tags_count_priors(struct art_tagger *t)
{
	unsigned top = 0;
	for (int k = 1; k <= TMAX; k++)
		if (t->tally[k] > top)
			top = t->tally[k];
	for (int k = 1; k <= TMAX; k++)
		t->cprior[k] = top ? t->rarity[top][t->tally[k]] : 0;
}

/* ---- the search ---- */

static size_t state(const struct art_tagger *t, size_t k, size_t i, size_t j)
{
	size_t m1 = t->m + 1;
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
	size_t m1 = t->m + 1, need = TMAX * m1 * m1;
	if (need * keep > t->cells_cap) {
		struct cell *c = realloc(t->cells, need * keep * sizeof *c);
		if (!c)
			return -1;
		t->cells = c;
		t->cells_cap = need * keep;
	}
	if (need > t->ncell_cap) {
		uint8_t *nc = realloc(t->ncell, need);
		if (!nc)
			return -1;
		t->ncell = nc;
		t->ncell_cap = need;
	}
	return 0;
}

/* Offer C to state (K, I, J): the splits whose Kth tag is [P_I, P_J). */
static void offer_state(struct art_tagger *t, size_t keep, size_t k, size_t i, size_t j,
                        struct cell c)
{
	size_t st = state(t, k, i, j);
	uint16_t *layers = &t->layers[i * MAXP + j];
	if (!(*layers & 1u << k)) {
		*layers |= (uint16_t)(1u << k);
		t->ncell[st] = 0;
	}
	offer(t->cells + st * keep, &t->ncell[st], keep, c);
}

/* The KEEP best splits of the line into FINAL (best first), for explaining:
 * dynamic programming over (tags so far, last tag), as the order of two
 * tags and the count of tags make a tag's worth depend on more than itself.
 * Splits whose tags are not in ascending byte order are not considered. */
int tags_search(struct art_tagger *t, size_t keep, struct cell *final, uint8_t *nfinal)
{
	size_t m = t->m;
	if (grow_cells(t, keep) != 0)
		return -1;
	memset(t->tdone, 0, (m + 1) * sizeof *t->tdone);
	memset(t->layers, 0, (m + 1) * MAXP * sizeof *t->layers);
	*nfinal = 0;
	for (size_t j = 1; j <= m; j++) {
		int s = tscore(t, 0, j);
		offer_state(t, keep, 1, 0, j,
		            (struct cell){.key = (int64_t)s * SCORE_KEY - TAG_KEY, .score = s});
		for (size_t i = 1; i < j; i++) {
			int add = INT32_MIN;
			int64_t addkey = 0;
			for (size_t h = 0; h < i; h++) {
				unsigned layers = t->layers[h * MAXP + i];
				if (!layers || !in_order(t, h, i, j))
					continue;
				if (add == INT32_MIN) {
					add = tscore(t, i, j) + t->pts[i].prior + t->pts[i].split;
					addkey = (int64_t)add * SCORE_KEY - TAG_KEY + t->pts[i].pos;
				}
				for (; layers; layers &= layers - 1) {
					size_t k = (size_t)__builtin_ctz(layers);
					size_t from = state(t, k, h, i);
					for (uint8_t r = 0; r < t->ncell[from]; r++) {
						const struct cell *c = &t->cells[from * keep + r];
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
		unsigned layers = t->layers[i * MAXP + m];
		for (size_t k = 1; k <= TMAX; k++) {
			if (!(layers >> k & 1))
				continue;
			size_t st = state(t, k, i, m);
			for (uint8_t r = 0; r < t->ncell[st]; r++) {
				struct cell c = t->cells[st * keep + r];
				c.key += (int64_t)t->cprior[k] * SCORE_KEY;
				c.score += t->cprior[k];
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
	size_t m = t->m, m1 = m + 1;
	int64_t *best = t->best;
	uint8_t *from = t->from;
	memset(t->tdone, 0, (m + 1) * sizeof *t->tdone);
	memset(t->layers, 0, (m + 1) * MAXP * sizeof *t->layers);
#define AT(k, i, j) (((k)*m1 + (i)) * m1 + (j))
	for (size_t j = 1; j <= m; j++) {
		best[AT(1, 0, j)] = (int64_t)tscore(t, 0, j) * SCORE_KEY - TAG_KEY;
		t->layers[j] = 1u << 1;
		for (size_t i = 1; i < j; i++) {
			int64_t addkey = INT64_MIN;
			uint16_t *to = &t->layers[i * MAXP + j];
			for (size_t h = 0; h < i; h++) {
				unsigned layers = t->layers[h * MAXP + i];
				if (!layers || !in_order(t, h, i, j))
					continue;
				if (addkey == INT64_MIN) {
					const struct point *pt = &t->pts[i];
					int add = tscore(t, i, j) + pt->prior + pt->split;
					addkey = (int64_t)add * SCORE_KEY - TAG_KEY + t->pts[i].pos;
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
		for (unsigned layers = t->layers[i * MAXP + m]; layers; layers &= layers - 1) {
			size_t k = (size_t)__builtin_ctz(layers);
			int64_t key = best[AT(k, i, m)] + (int64_t)t->cprior[k] * SCORE_KEY;
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
	size_t m = t->m;
	if (m > 5)
		return search_best(t, path);
	memset(t->tdone, 0, (m + 1) * sizeof *t->tdone);
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
				add += t->pts[i].prior + t->pts[i].split;
			key += (int64_t)add * SCORE_KEY - TAG_KEY + (i > 0 ? t->pts[i].pos : 0);
			h = i;
			i = j;
		}
		if (rest)
			continue; /* out of order */
		key += (int64_t)t->cprior[ntags < TMAX ? ntags : TMAX] * SCORE_KEY;
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
	size_t n = 0, k = fin->ft, i = fin->fi, j = t->m, r = fin->fr;
	rev[n++] = (uint8_t)j;
	for (;;) {
		rev[n++] = (uint8_t)i;
		if (i == 0)
			break;
		const struct cell *c = &t->cells[state(t, k, i, j) * keep + r];
		j = i;
		k = c->ft;
		i = c->fi;
		r = c->fr;
	}
	for (size_t x = 0; x < n; x++)
		path[x] = rev[n - 1 - x];
	return n - 1;
}

/* ---- explaining ---- */

/* The characters on either side of the cut at P, as "g|J". */
static int put_cut(struct art_buf *b, const struct art_tagger *t, size_t p)
{
	int rc = 0;
	size_t a = p - 1, e = p + 1;
	while (a > 0 && cls[t->p[a]] == C_CONT)
		a--;
	while (e < t->n && cls[t->p[e]] == C_CONT)
		e++;
	rc |= art_buf_append(b, t->p + a, p - a);
	rc |= art_buf_putc(b, '|');
	rc |= art_buf_append(b, t->p + p, e - p);
	return rc;
}

static int put_split(struct art_buf *b, const struct art_tagger *t, const uint8_t *path, size_t n)
{
	int rc = 0;
	for (size_t x = 0; x < n; x++) {
		if (x)
			rc |= bputs(b, " | ");
		size_t a = t->pts[path[x]].pos, e = t->pts[path[x + 1]].pos;
		rc |= art_buf_append(b, t->p + a, e - a);
	}
	return rc;
}

/* Score the split PATH[0..n] again, by reason, saying why when WHY; *RC
 * becomes -1 when out of memory. */
static int rescore(struct art_tagger *t, const uint8_t *path, size_t n, struct parts *pa,
                   struct art_buf *why, int *rc_out)
{
	int rc = 0;
	memset(pa, 0, sizeof *pa);
	for (size_t x = 0; x < n; x++) {
		size_t i = path[x], j = path[x + 1];
		size_t a = t->pts[i].pos, b = t->pts[j].pos;
		if (why) {
			rc |= bputs(why, "    ");
			rc |= put_quoted(why, t->p + a, b - a);
		}
		if (x > 0) {
			const struct point *pt = &t->pts[i];
			pa->v[P_CUTS] += pt->prior;
			pa->v[P_SPLIT] += pt->split;
			if (why) {
				rc |= bputs(why, "  cut ");
				rc |= put_cut(why, t, a);
				rc |= art_buf_putc(why, ' ');
				rc |= put_tenths(why, pt->prior);
				rc |= art_buf_printf(why, " (%s)", cut_kinds[pt->why].what);
				if (pt->split) {
					rc |= bputs(why, "  breaks ");
					rc |= put_quoted(why, t->p + pt->word_a,
					                 pt->word_b - pt->word_a);
					rc |= art_buf_putc(why, ' ');
					rc |= put_tenths(why, pt->split);
				}
			}
		}
		rc |= tag_explain(t, i, j, pa, why);
		if (why)
			rc |= art_buf_putc(why, '\n');
	}
	size_t k = n < TMAX ? n : TMAX;
	pa->v[P_COUNT] = t->cprior[k];
	if (why) {
		rc |= art_buf_printf(why, "    %zu tag%s ", n, n == 1 ? "" : "s");
		rc |= put_tenths(why, pa->v[P_COUNT]);
		if (t->nwindow)
			rc |=
			    art_buf_printf(why, " (%u of %u recent records had %zu%s)\n",
			                   t->tally[k], t->nwindow, k, k == TMAX ? " or more" : "");
		else
			rc |= bputs(why, " (no records before)\n");
	}
	int sum = 0;
	for (int i = 0; i < NPARTS; i++)
		sum += pa->v[i];
	*rc_out |= rc;
	return sum;
}

int tags_explain(struct art_tagger *t, const struct cell *fin, uint8_t nfin, struct art_buf *b)
{
	int rc = 0;
	rc |= bputs(b, "tags ");
	rc |= put_quoted(b, t->p, t->n);
	rc |= art_buf_printf(b, ": %zu place%s to cut", t->m - 1, t->m == 2 ? "" : "s");
	for (size_t k = 1; k < t->m; k++) {
		rc |= bputs(b, k == 1 ? ": " : ", ");
		rc |= put_cut(b, t, t->pts[k].pos);
		rc |= art_buf_putc(b, ' ');
		rc |= put_tenths(b, t->pts[k].prior + t->pts[k].split);
	}
	rc |= art_buf_putc(b, '\n');
	uint8_t path[KEEP_EXPLAIN][MAXP + 1];
	size_t len[KEEP_EXPLAIN] = {0};
	struct parts pa[KEEP_EXPLAIN];
	for (uint8_t r = 0; r < nfin; r++) {
		len[r] = tags_trace_path(t, KEEP_EXPLAIN, &fin[r], path[r]);
		rescore(t, path[r], len[r], &pa[r], NULL, &rc);
		rc |= art_buf_printf(b, "  %u. ", r + 1);
		rc |= put_tenths(b, fin[r].score);
		rc |= bputs(b, "  ");
		rc |= put_split(b, t, path[r], len[r]);
		rc |= art_buf_putc(b, '\n');
	}
	if (nfin > 1) {
		rc |= bputs(b, "  1 beats 2 by ");
		rc |= put_tenths(b, fin[0].score - fin[1].score);
		if (fin[0].score == fin[1].score)
			rc |= bputs(b, len[0] < len[1] ? ", a tie won by having fewer tags"
			                               : ", a tie won by cutting further right");
		const char *sep = ": ";
		for (int i = 0; i < NPARTS; i++)
			if (pa[0].v[i] != pa[1].v[i]) {
				rc |= art_buf_printf(b, "%s%s ", sep, part_names[i]);
				rc |= put_tenths(b, pa[0].v[i] - pa[1].v[i]);
				sep = ", ";
			}
		rc |= art_buf_putc(b, '\n');
	}
	rc |= bputs(b, "  1 in detail:\n");
	struct parts dummy;
	rescore(t, path[0], len[0], &dummy, b, &rc);
	return rc;
}

int tags_explain_run(const struct art_tagger *t, const uint16_t *ends, size_t m, struct art_buf *b)
{
	int rc = 0;
	rc |= bputs(b, "tags ");
	rc |= put_quoted(b, t->p, t->n);
	rc |= bputs(b, ": known tags, one way only:");
	for (size_t x = 0; x < m; x++) {
		rc |= bputs(b, x ? " | " : " ");
		rc |= art_buf_append(b, t->p + ends[x], ends[x + 1] - ends[x]);
	}
	rc |= art_buf_putc(b, '\n');
	return rc;
}
