#include <config.h>

#include "filter.h"

#include <stdio.h>
#include <stdlib.h>

#include "date.h"
#include "fold.h"
#include "utf8.h"

void art_filter_init(struct art_filter *f)
{
	memset(f, 0, sizeof *f);
	f->min_read = -1;
	f->max_read = INT64_MAX;
	f->min_likes = -1;
}

int art_filter_add(struct art_filter *f, enum art_filter_list which, const char *text)
{
	struct art_filter_strings *l = &f->list[which];
	if (art_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v, 4) != 0)
		return -1;
	l->v[l->n++] = (art_str){text, strlen(text)};
	return 0;
}

int art_filter_set_date(struct art_filter *f, int which, const char *date, const char today[10])
{
	return art_date_bound(date, which == 'u', today, which == 's' ? f->since : f->until);
}

int art_filter_copy(struct art_filter *dst, const struct art_filter *src)
{
	*dst = *src; /* the settings; the lists and what compiling makes are its own */
	dst->re = NULL;
	dst->nre = 0;
	dst->jq = NULL;
	dst->njq = 0;
	dst->subject = (struct art_buf){0};
	for (int i = 0; i < ART_FL_N; i++)
		dst->list[i] = (struct art_filter_strings){0};
	for (int i = 0; i < ART_FL_N; i++)
		for (size_t k = 0; k < src->list[i].n; k++)
			if (art_filter_add(dst, (enum art_filter_list)i, src->list[i].v[k].p) !=
			    0) {
				art_filter_free(dst);
				return -1;
			}
	return 0;
}

int art_filter_compile(struct art_filter *f, struct art_error *err)
{
	const struct art_filter_strings *res = &f->list[ART_FL_REGEX], *jqs = &f->list[ART_FL_JQ];
	if (res->n && !(f->re = calloc(res->n, sizeof *f->re)))
		return art_error_msg(err, "out of memory"), -1;
	if (jqs->n && !(f->jq = calloc(jqs->n, sizeof *f->jq)))
		return art_error_msg(err, "out of memory"), -1;
	int flags = REG_EXTENDED | REG_NOSUB | (f->icase ? REG_ICASE : 0);
	for (; f->nre < res->n; f->nre++) {
		int rc = regcomp(&f->re[f->nre], res->v[f->nre].p, flags);
		if (rc != 0) {
			char msg[160];
			regerror(rc, &f->re[f->nre], msg, sizeof msg);
			art_error_msg(err, "invalid regular expression '%s': %s", res->v[f->nre].p,
			              msg);
			return -1;
		}
	}
	for (; f->njq < jqs->n; f->njq++)
		if (!(f->jq[f->njq] = art_jq_compile(jqs->v[f->njq].p, err)))
			return -1;
	return 0;
}

void art_filter_free(struct art_filter *f)
{
	for (size_t i = 0; i < f->nre; i++)
		regfree(&f->re[i]);
	for (size_t i = 0; i < f->njq; i++)
		art_jq_free(f->jq[i]);
	free(f->re);
	free(f->jq);
	art_buf_free(&f->subject);
	for (int i = 0; i < ART_FL_N; i++)
		free(f->list[i].v);
	art_filter_init(f);
}

static bool same(const struct art_filter *f, art_str a, art_str b)
{
	return f->icase ? art_str_eq_fold(a, b) : art_str_eq(a, b);
}

static bool one_of(const struct art_filter *f, art_str s, const struct art_filter_strings *l)
{
	for (size_t i = 0; i < l->n; i++)
		if (same(f, s, l->v[i]))
			return true;
	return false;
}

static bool has_tag(const struct art_filter *f, const struct art_record *r, art_str tag)
{
	for (size_t i = 0; i < r->ntags; i++)
		if (same(f, r->tags[i], tag))
			return true;
	return false;
}

static bool tags_match(const struct art_filter *f, const struct art_record *r)
{
	const struct art_filter_strings *all = &f->list[ART_FL_TAG],
	                                *any = &f->list[ART_FL_ANY_TAG],
	                                *none = &f->list[ART_FL_NOT_TAG];
	for (size_t i = 0; i < all->n; i++)
		if (!has_tag(f, r, all->v[i]))
			return false;
	for (size_t i = 0; i < none->n; i++)
		if (has_tag(f, r, none->v[i]))
			return false;
	if (any->n == 0)
		return true;
	for (size_t i = 0; i < any->n; i++)
		if (has_tag(f, r, any->v[i]))
			return true;
	return false;
}

/* Does RE match S, NUL-terminated, of N bytes?  REG_STARTEND bounds the
 * match, so a NUL inside the text is matched as a character. */
static bool regex_matches(const regex_t *re, const char *s, size_t n)
{
#ifdef REG_STARTEND
	regmatch_t m = {.rm_so = 0, .rm_eo = (regoff_t)n};
	return regexec(re, s, 1, &m, REG_STARTEND) == 0;
#else
	(void)n;
	return regexec(re, s, 0, NULL, 0) == 0;
#endif
}

/* 1 when every regex matches the title or the summary, -1 when out of
 * memory.  regexec wants NUL-terminated text even with REG_STARTEND
 * (sanitizers' interceptors measure it with strlen), and record strings
 * are slices of the input line: both are copied once, each followed by a
 * NUL, for all the regexes. */
static int regexes_match(struct art_filter *f, const struct art_record *r)
{
	struct art_buf *b = &f->subject;
	art_buf_clear(b);
	if (art_buf_append(b, r->title.p, r->title.n) < 0 || art_buf_putc(b, '\0') < 0 ||
	    art_buf_append(b, r->summary.p, r->summary.n) < 0 || art_buf_putc(b, '\0') < 0)
		return -1;
	const char *title = b->p, *summary = b->p + r->title.n + 1;
	for (size_t i = 0; i < f->nre; i++)
		if (!regex_matches(&f->re[i], title, r->title.n) &&
		    !regex_matches(&f->re[i], summary, r->summary.n))
			return 0;
	return 1;
}

/* Every test but the regular and jq expressions. */
static bool cheap_match(const struct art_filter *f, const struct art_record *r)
{
	if (f->since[0] && art_str_cmp(r->date, (art_str){f->since, 10}) < 0)
		return false;
	if (f->until[0] && art_str_cmp(r->date, (art_str){f->until, 10}) > 0)
		return false;
	if (r->read_minutes < f->min_read || r->read_minutes > f->max_read ||
	    r->likes < f->min_likes)
		return false;
	if (f->list[ART_FL_SOURCE].n && !one_of(f, r->source, &f->list[ART_FL_SOURCE]))
		return false;
	if (f->list[ART_FL_CATEGORY].n && !one_of(f, r->category, &f->list[ART_FL_CATEGORY]))
		return false;
	return tags_match(f, r);
}

int art_filter_match(struct art_filter *f, const struct art_item *item, struct art_error *err)
{
	const struct art_record *r = item->rec;
	int keep = cheap_match(f, r);
	if (keep && f->nre && (keep = regexes_match(f, r)) < 0)
		return art_error_msg(err, "out of memory"), -1;
	for (size_t i = 0; keep && i < f->njq; i++) {
		int rc = art_jq_select_item(f->jq[i], item, err);
		if (rc < 0)
			return -1;
		keep = rc == 1;
	}
	return keep != f->invert;
}
