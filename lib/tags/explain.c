/* explain.c - --explain-tags: the splits weighed, best first, why the
 * winner beat the runner-up, part by part, and the winner in detail. */
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
	rc |= art_buf_printf(why, "  %.*s ", (int)(b - a), (const char *)t->line.p + a);
	rc |= put_tenths(why, s);
	rc |= art_buf_printf(why, " (%s%s", how, c ? " " : "");
	if (c)
		rc |= put_quoted(why, (const unsigned char *)c->w, c->n);
	rc |= art_buf_putc(why, ')');
	*rc_out |= rc;
	return s;
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
	size_t a = t->line.pts[pi].pos, b = t->line.pts[pj].pos;
	for (size_t i = a; i < b;) { /* the words, as tag_parts takes them */
		if (!is_word(cls[t->line.p[i]])) {
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

/* ---- explaining ---- */

/* The characters on either side of the cut at P, as "g|J". */
static int put_cut(struct art_buf *b, const struct art_tagger *t, size_t p)
{
	int rc = 0;
	size_t a = p - 1, e = p + 1;
	while (a > 0 && cls[t->line.p[a]] == C_CONT)
		a--;
	while (e < t->line.n && cls[t->line.p[e]] == C_CONT)
		e++;
	rc |= art_buf_append(b, t->line.p + a, p - a);
	rc |= art_buf_putc(b, '|');
	rc |= art_buf_append(b, t->line.p + p, e - p);
	return rc;
}

static int put_split(struct art_buf *b, const struct art_tagger *t, const uint8_t *path, size_t n)
{
	int rc = 0;
	for (size_t x = 0; x < n; x++) {
		if (x)
			rc |= bputs(b, " | ");
		size_t a = t->line.pts[path[x]].pos, e = t->line.pts[path[x + 1]].pos;
		rc |= art_buf_append(b, t->line.p + a, e - a);
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
		size_t a = t->line.pts[i].pos, b = t->line.pts[j].pos;
		if (why) {
			rc |= bputs(why, "    ");
			rc |= put_quoted(why, t->line.p + a, b - a);
		}
		if (x > 0) {
			const struct point *pt = &t->line.pts[i];
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
					rc |= put_quoted(why, t->line.p + pt->word_a,
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
	pa->v[P_COUNT] = t->srch.cprior[k];
	if (why) {
		rc |= art_buf_printf(why, "    %zu tag%s ", n, n == 1 ? "" : "s");
		rc |= put_tenths(why, pa->v[P_COUNT]);
		if (t->recent.nwindow)
			rc |= art_buf_printf(why, " (%u of %u recent records had %zu%s)\n",
			                     t->recent.tally[k], t->recent.nwindow, k,
			                     k == TMAX ? " or more" : "");
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
	rc |= put_quoted(b, t->line.p, t->line.n);
	rc |= art_buf_printf(b, ": %zu place%s to cut", t->line.m - 1, t->line.m == 2 ? "" : "s");
	for (size_t k = 1; k < t->line.m; k++) {
		rc |= bputs(b, k == 1 ? ": " : ", ");
		rc |= put_cut(b, t, t->line.pts[k].pos);
		rc |= art_buf_putc(b, ' ');
		rc |= put_tenths(b, t->line.pts[k].prior + t->line.pts[k].split);
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
	rc |= put_quoted(b, t->line.p, t->line.n);
	rc |= bputs(b, ": known tags, one way only:");
	for (size_t x = 0; x < m; x++) {
		rc |= bputs(b, x ? " | " : " ");
		rc |= art_buf_append(b, t->line.p + ends[x], ends[x + 1] - ends[x]);
	}
	rc |= art_buf_putc(b, '\n');
	return rc;
}
