#include <config.h>

#include "listing.h"

#include <stdlib.h>

#include "date.h"

enum { SEEK, TITLE, SUMMARY, TAGS, STATS, CLOSE };

#define MIDDOT     " \xC2\xB7 "
#define NUMBER_MAX ((int64_t)1 << 53)

void art_listing_init(struct art_listing *l, struct art_tagger *tagger)
{
	memset(l, 0, sizeof *l);
	l->tagger = tagger;
}

void art_listing_free(struct art_listing *l)
{
	struct art_buf *bufs[] = {&l->win[0], &l->win[1],  &l->source, &l->category,
	                          &l->title,  &l->summary, &l->tagline};
	for (size_t i = 0; i < sizeof bufs / sizeof *bufs; i++)
		art_buf_free(bufs[i]);
	art_tagsplit_free(&l->split);
}

static bool is_blank(art_str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] != ' ' && s.p[i] != '\t')
			return false;
	return true;
}

/* "Mon D, YYYY · Category": a capitalised word, a day, a comma and a
 * four-digit year, then the middle dot.  Whether the day exists is checked
 * later, so "Feb 30, 2025" is a bad record, while a title such as
 * "Java 21 · What changed" is no date line at all.  The shape is read from
 * the start, so most lines are turned down within a few bytes. */
static bool is_date_line(art_str s, art_str *date, art_str *category)
{
	if (s.n < 12 || s.p[0] < 'A' || s.p[0] > 'Z')
		return false;
	size_t i = 1, k;
	while (i < s.n && s.p[i] >= 'a' && s.p[i] <= 'z')
		i++;
	if (i >= s.n || s.p[i++] != ' ')
		return false;
	for (k = i; i < s.n && s.p[i] >= '0' && s.p[i] <= '9'; i++)
		;
	if (i == k || s.n - i < 6 || s.p[i] != ',' || s.p[i + 1] != ' ')
		return false;
	for (i += 2, k = i + 4; i < k; i++)
		if (s.p[i] < '0' || s.p[i] > '9')
			return false;
	if (s.n - i < sizeof MIDDOT - 1 || memcmp(s.p + i, MIDDOT, sizeof MIDDOT - 1) != 0)
		return false;
	*date = (art_str){s.p, i};
	const char *c = s.p + i + sizeof MIDDOT - 1;
	*category = (art_str){c, (size_t)(s.p + s.n - c)};
	return true;
}

static int number(art_str s, size_t *i, int64_t *v)
{
	size_t start = *i;
	int64_t x = 0;
	while (*i < s.n && s.p[*i] >= '0' && s.p[*i] <= '9') {
		if (x <= NUMBER_MAX)
			x = x * 10 + (s.p[*i] - '0');
		(*i)++;
	}
	if (*i == start)
		return -1;
	*v = x;
	return x > NUMBER_MAX ? -2 : 0;
}

static bool skip_lit(art_str s, size_t *i, const char *lit)
{
	size_t n = strlen(lit);
	if (s.n - *i < n || memcmp(s.p + *i, lit, n) != 0)
		return false;
	*i += n;
	return true;
}

int art_listing_parse_stats(art_str s, int64_t *likes, int64_t *minutes)
{
	size_t i = 0;
	int r1 = number(s, &i, likes);
	if (r1 == -1 || !skip_lit(s, &i, " like"))
		return -1;
	skip_lit(s, &i, "s");
	if (!skip_lit(s, &i, MIDDOT))
		return -1;
	int r2 = number(s, &i, minutes);
	if (r2 == -1 || !skip_lit(s, &i, " min read") || i != s.n)
		return -1;
	return (r1 == -2 || r2 == -2) ? -2 : 0;
}

static void push_window(struct art_listing *l, art_str line, unsigned long lineno)
{
	struct art_buf oldest = l->win[0];
	l->win[0] = l->win[1];
	l->win[1] = oldest;
	l->win_line[0] = l->win_line[1];
	l->win_line[1] = lineno;
	art_buf_set(&l->win[1], line);
	if (l->nwin < 2)
		l->nwin++;
}

static int bad(struct art_error *err, unsigned long line, const char *what, art_str text)
{
	char shown[ART_EXCERPT_SIZE];
	if (text.p)
		art_error_set(err, line, "%s: \"%s\"", what, art_excerpt(shown, text));
	else
		art_error_set(err, line, "%s", what);
	return ART_LISTING_BAD;
}

/* How many of the window's lines are the source of the record that a date
 * line now opens: the source is printed twice, but once is enough. */
static int source_lines(const struct art_listing *l)
{
	if (l->nwin == 2 && art_str_eq(art_buf_str(&l->win[0]), art_buf_str(&l->win[1])))
		return 2;
	return l->nwin;
}

/* Report the record left open as cut off, naming what it lacked.  When a
 * new record opens, the lines of its source were taken as fields of the
 * open one, which therefore ended that many fields earlier. */
static void report_cut_off(struct art_listing *l, int taken, struct art_error *err)
{
	static const char *const what[] = {"", "title", "summary", "tag line",
	                                   "likes and read time"};
	int state = l->state - taken;
	if (state < TITLE)
		state = TITLE;
	art_error_set(err, l->start_line, "record cut off before its %s", what[state]);
	l->state = SEEK;
}

/* A date line opens a record; one left open is reported as cut off. */
static int open_record(struct art_listing *l, art_str line, unsigned long lineno, art_str date,
                       art_str category, struct art_error *err)
{
	int rc = ART_LISTING_NONE;
	struct art_error second = {0};
	if (l->state != SEEK && l->state != CLOSE) {
		report_cut_off(l, source_lines(l), err);
		rc = ART_LISTING_BAD;
	}
	l->state = SEEK;
	struct art_error *e = rc == ART_LISTING_BAD ? &second : err;
	int bad_here = ART_LISTING_NONE;
	if (l->nwin == 0)
		bad_here = bad(e, lineno, "date line with no source line before it", line);
	else if (art_date_from_listing(date, l->date) != 0)
		bad_here = bad(e, lineno, "not a date", date);
	if (bad_here != ART_LISTING_NONE) {
		l->nwin = 0;
		l->lost = true; /* the rest of its lines may follow */
		if (rc == ART_LISTING_BAD) {
			l->pending = true;
			l->pending_err = second;
			return rc;
		}
		return bad_here;
	}
	l->lost = false;
	art_buf_set(&l->source, art_buf_str(&l->win[1]));
	art_buf_set(&l->category, category);
	l->start_line = l->win_line[2 - source_lines(l)];
	l->nwin = 0;
	l->state = TITLE;
	return rc;
}

static int close_record(struct art_listing *l, art_str line, unsigned long lineno,
                        const struct art_record **rec, struct art_error *err)
{
	int64_t likes, minutes;
	int s = art_listing_parse_stats(line, &likes, &minutes);
	l->state = SEEK;
	l->lost = s != 0; /* when this was not its likes line, that may follow */
	if (s == -1)
		return bad(err, lineno, "expected \"N likes \xC2\xB7 M min read\"", line);
	if (s == -2)
		return bad(err, lineno, "number out of range", line);
	if (art_tags_split(l->tagger, art_buf_str(&l->tagline), art_buf_str(&l->title),
	                   art_buf_str(&l->summary), &l->split) != 0)
		return bad(err, lineno, "out of memory", (art_str){0});
	struct art_record *r = &l->rec;
	r->source = art_buf_str(&l->source);
	r->date = (art_str){l->date, 10};
	r->category = art_buf_str(&l->category);
	r->title = art_buf_str(&l->title);
	r->summary = art_buf_str(&l->summary);
	r->tags = l->split.tags;
	r->ntags = l->split.n;
	r->likes = likes;
	r->read_minutes = minutes;
	*rec = r;
	l->state = CLOSE;
	return ART_LISTING_RECORD;
}

int art_listing_feed(struct art_listing *l, art_str line, unsigned long lineno,
                     const struct art_record **rec, struct art_error *err)
{
	if (is_blank(line))
		return ART_LISTING_NONE;
	art_str date, category;
	if (is_date_line(line, &date, &category))
		return open_record(l, line, lineno, date, category, err);
	int state = l->state;
	if (state == CLOSE) {
		l->state = SEEK;
		if (art_str_eq(line, art_buf_str(&l->title)))
			return ART_LISTING_NONE; /* the title again, as link text */
	}
	push_window(l, line, lineno);
	int64_t likes, minutes;
	if ((state == SEEK || state == CLOSE) &&
	    art_listing_parse_stats(line, &likes, &minutes) != -1) {
		/* the end of a record that never started: its date line was
		 * missing or broken beyond recognition (unless that was said) */
		bool said = l->lost;
		l->lost = false;
		if (!said)
			return bad(err, lineno, "likes and read time of a record with no date line",
			           line);
		return ART_LISTING_NONE;
	}
	if ((state == SUMMARY || state == TAGS) &&
	    art_listing_parse_stats(line, &likes, &minutes) != -1) {
		l->state = SEEK;
		return bad(err, lineno,
		           state == SUMMARY ? "record has no summary and no tag line"
		                            : "record lacks its summary or its tag line",
		           line);
	}
	switch (state) {
	case TITLE:
		art_buf_set(&l->title, line);
		l->state = SUMMARY;
		break;
	case SUMMARY:
		art_buf_set(&l->summary, line);
		l->state = TAGS;
		break;
	case TAGS:
		art_buf_set(&l->tagline, line);
		l->state = STATS;
		break;
	case STATS:
		return close_record(l, line, lineno, rec, err);
	}
	return ART_LISTING_NONE;
}

int art_listing_pending(struct art_listing *l, struct art_error *err)
{
	if (!l->pending)
		return ART_LISTING_NONE;
	l->pending = false;
	/* the place and the message; the file is the caller's to set */
	err->line = l->pending_err.line;
	err->errnum = l->pending_err.errnum;
	memcpy(err->msg, l->pending_err.msg, sizeof err->msg);
	return ART_LISTING_BAD;
}

int art_listing_break(struct art_listing *l, struct art_error *err)
{
	l->nwin = 0;
	if (l->state == SEEK || l->state == CLOSE) {
		l->state = SEEK;
		l->lost = false;
		return ART_LISTING_NONE;
	}
	report_cut_off(l, 0, err);
	l->lost = true; /* the rest of its lines may follow */
	return ART_LISTING_BAD;
}
