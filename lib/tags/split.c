/* split.c - art_tags_split, which takes a line through the parts of the
 * splitter (tagger.h tells how they fit), and learning from its splits:
 * the tag counts of recent records and the tags seen cleanly. */
#include <config.h>

#include "tags.h"

#include <stdlib.h>

#include "tagger.h"

/* ---- learning ---- */

/* Is the edge of a tag at point K clear: an end of the line, or a likely
 * kind of cut that breaks no word? */
static bool clear_edge(const struct art_tagger *t, size_t k)
{
	return k == 0 || k == t->line.m || (t->line.pts[k].prior > 0 && t->line.pts[k].split == 0);
}

/* Remember the split's tag count, and the tags seen cleanly: with clear
 * edges.  Such a tag is confirmed when it is known already or has a word in
 * the text; else it counts once it is seen so again. */
static void tally_count(struct art_tagger *t, size_t n)
{
	size_t k = n < TMAX ? n : TMAX;
	if (t->recent.nwindow == WINDOW)
		t->recent.tally[t->recent.window[t->recent.wnext]]--;
	else
		t->recent.nwindow++;
	t->recent.window[t->recent.wnext] = (uint8_t)k;
	t->recent.wnext = (t->recent.wnext + 1) % WINDOW;
	t->recent.tally[k]++;
}

static int learn(struct art_tagger *t, const uint8_t *path, size_t n)
{
	tally_count(t, n);
	unsigned long kgen = t->kt.kgen;
	for (size_t x = 0; x < n; x++) {
		if (!clear_edge(t, path[x]) || !clear_edge(t, path[x + 1]))
			continue;
		size_t a = t->line.pts[path[x]].pos, b = t->line.pts[path[x + 1]].pos;
		const struct known *known = tags_tag_known(t, a, b);
		if (known &&
		    t->kt.kgen == kgen) { /* as tags_known_add does, without looking for it */
			struct known *kn = &t->kt.known[known - t->kt.known];
			if (kn->count < UINT32_MAX)
				kn->count++;
			kn->confirmed = true;
			continue;
		}
		bool seen = known != NULL;
		for (size_t r = t->srch.pfirst[path[x]]; r < t->srch.pruns[path[x + 1]] && !seen;
		     r++)
			seen = tags_tag_word(t, path[x], path[x + 1], r) >> 2 > 0;
		if (tags_known_add(t, (const char *)t->line.p + a, b - a, false, seen) != 0)
			return -1;
	}
	return 0;
}

/* Count the tags of a known run as the search's split would be counted. */
static void learn_run(struct art_tagger *t, struct known **tags, size_t m)
{
	tally_count(t, m);
	for (size_t x = 0; x < m; x++)
		if (!tags[x]->lexicon && tags[x]->count < UINT32_MAX)
			tags[x]->count++;
}

int art_tagger_learn(struct art_tagger *t)
{
	struct tag_held *h = &t->held;
	int rc = 0;
	if (h->kind == HELD_RUN)
		learn_run(t, h->run, h->n);
	else if (h->kind == HELD_PATH)
		rc = learn(t, h->path, h->n);
	h->kind = HELD_NONE;
	return rc;
}

/* ---- splitting ---- */

static int push(struct art_tagsplit *s, art_str tag)
{
	if (art_grow(&s->tags, &s->cap, s->n + 1, sizeof *s->tags, 8) != 0)
		return -1;
	s->tags[s->n++] = tag;
	return 0;
}

int art_tags_split(struct art_tagger *t, art_str line, art_str title, art_str summary,
                   struct art_tagsplit *split)
{
	split->n = 0;
	t->held.kind = HELD_NONE;
	split->explain.len = 0;
	line = trim(line);
	if (line.n == 0)
		return 0;
	if (line.n > SPLIT_MAX)
		return push(split, line);
	t->line.p = t->line.copy;
	t->line.n = line.n;
	t->line.nb = line.n / 64 + 1;
	memcpy(t->line.copy, line.p, line.n);
	memset(t->line.copy + line.n, 0, t->line.nb * 64 + 8 - line.n);
	uint16_t ends[MAXP + 1];
	struct known *known[MAXP];
	size_t m = t->kt.nknown ? tags_known_run(t, ends, known) : 0;
	if (m) {
		for (size_t x = 0; x < m; x++)
			if (push(split, (art_str){line.p + ends[x], ends[x + 1] - ends[x]}) != 0)
				return -1;
		if (t->explain && tags_explain_run(t, ends, m, &split->explain) != 0)
			return -1;
		if (!t->hold) {
			learn_run(t, known, m);
			return 0;
		}
		t->held = (struct tag_held){.kind = HELD_RUN, .n = m};
		memcpy(t->held.run, known, m * sizeof *known);
		return 0;
	}
	memset(t->line.fold + t->line.nb * 64, 0, 32);
	tags_prepare_line(t);
	if (tags_ctx_build(t, title, summary) != 0)
		return -1;
	t->line.nocc = 0;
	t->line.occ_full = false;
	if (t->kt.nknown)
		tags_find_known(t);
	tags_lock_known(t);
	tags_find_cuts(t);
	tags_collect_points(t);
	tags_find_runs(t);
	tags_count_priors(t);

	uint8_t path[MAXP + 1];
	size_t n;
	if (t->explain) {
		struct cell fin[KEEP_EXPLAIN];
		uint8_t nfin;
		if (tags_search(t, KEEP_EXPLAIN, fin, &nfin) != 0)
			return -1;
		n = tags_trace_path(t, KEEP_EXPLAIN, &fin[0], path);
		if (tags_explain(t, fin, nfin, &split->explain) != 0)
			return -1;
	} else {
		n = tags_search_few(t, path);
	}
	for (size_t x = 0; x < n; x++) {
		size_t a = t->line.pts[path[x]].pos, b = t->line.pts[path[x + 1]].pos;
		if (push(split, (art_str){line.p + a, b - a}) != 0)
			return -1;
	}
	if (!t->hold)
		return learn(t, path, n);
	t->held.kind = HELD_PATH;
	t->held.n = n;
	memcpy(t->held.path, path, n + 1);
	return 0;
}

void art_tagsplit_free(struct art_tagsplit *s)
{
	free(s->tags);
	art_buf_free(&s->explain);
	memset(s, 0, sizeof *s);
}
