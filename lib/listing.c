#include <config.h>

#include "listing.h"

#include <assert.h>
#include <errno.h>
#include <stdlib.h>

#include "date.h"

/* Where the reader is in a record; report_cut_off names the field due by
 * the order of TITLE to STATS. */
enum { SEEK, TITLE, SUMMARY, TAGS, STATS, CLOSE, MAYBE_SUMMARY };

#define MIDDOT        "\xC2\xB7"
#define NUMBER_MAX    ((int64_t)1 << 53)
#define DATE_TEXT_MAX 24

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

/* The length of the white space at S[I]: space, tab, or what browsers and
 * editors put in their place (U+00A0, U+202F, U+3000); 0 when none. */
static inline size_t space_at(art_str s, size_t i)
{
	const unsigned char *p = (const unsigned char *)s.p + i;
	size_t left = s.n - i;
	if (left >= 1 && p[0] < 0x80) /* mostly */
		return p[0] == ' ' || p[0] == '\t';
	if (left >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (left >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF)
		return 3;
	if (left >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* The number of white space characters skipped at *I. */
static size_t skip_space(art_str s, size_t *i)
{
	size_t n = 0, k;
	while (*i < s.n && (k = space_at(s, *i)) > 0)
		*i += k, n++;
	return n;
}

/* Can white space start with C, end with D?  (Most lines have none at
 * either end, and are seen to in two looks.) */
static inline bool space_may_start(unsigned char c)
{
	return c == ' ' || c == '\t' || c == 0xC2 || c == 0xE2 || c == 0xE3;
}
static inline bool space_may_end(unsigned char c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0xAF || c == 0x80;
}

art_str art_listing_trim(art_str s)
{
	if (s.n == 0 || (!space_may_start((unsigned char)s.p[0]) &&
	                 !space_may_end((unsigned char)s.p[s.n - 1])))
		return s;
	size_t i = 0;
	skip_space(s, &i);
	size_t e = s.n;
	for (;;) { /* every white space character ends in a byte of its own */
		size_t k = e >= 1 && (s.p[e - 1] == ' ' || s.p[e - 1] == '\t') ? 1
		           : e >= 2 && space_at(s, e - 2) == 2                 ? 2
		           : e >= 3 && space_at(s, e - 3) == 3                 ? 3
		                                                               : 0;
		if (k == 0 || e - k < i)
			break;
		e -= k;
	}
	return (art_str){s.p + i, e - i};
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool skip_lit(art_str s, size_t *i, const char *lit)
{
	size_t n = strlen(lit);
	if (s.n - *i < n || memcmp(s.p + *i, lit, n) != 0)
		return false;
	*i += n;
	return true;
}

/* "Mon D, YYYY · Category": a capitalised word, a day, a comma and a
 * four-digit year, then the middle dot.  Whether the day exists is checked
 * later, so "Feb 30, 2025" is a bad record, while a title such as
 * "Java 21 · What changed" is no date line at all.  The shape is read from
 * the start, so most lines are turned down within a few bytes.  White
 * space may be any of space_at's, and may stand around the dot or not.
 * The date goes to DATE as "Mon D, YYYY", the form art_date_from_listing
 * reads, whatever white space the line had. */
static bool is_date_line(art_str s, char date[DATE_TEXT_MAX], art_str *date_text, art_str *category)
{
	if (s.n < 11 || s.p[0] < 'A' || s.p[0] > 'Z')
		return false;
	size_t i = 1, k;
	while (i < s.n && s.p[i] >= 'a' && s.p[i] <= 'z')
		i++;
	size_t month = i;
	if (month > 12 || skip_space(s, &i) == 0)
		return false;
	for (k = i; i < s.n && is_digit(s.p[i]); i++)
		;
	if (i == k || i - k > 2 || i >= s.n || s.p[i] != ',')
		return false;
	art_str day = {s.p + k, i - k};
	i++;
	if (skip_space(s, &i) == 0 || s.n - i < 4)
		return false;
	art_str year = {s.p + i, 4};
	for (k = i + 4; i < k; i++)
		if (!is_digit(s.p[i]))
			return false;
	skip_space(s, &i);
	if (!skip_lit(s, &i, MIDDOT))
		return false;
	skip_space(s, &i);
	/* "Mon D, YYYY", put together by hand: snprintf took an eighth of
	 * art-parse's instructions on generated listings */
	size_t n = 0;
	memcpy(date, s.p, month), n += month;
	date[n++] = ' ';
	memcpy(date + n, day.p, day.n), n += day.n;
	memcpy(date + n, ", ", 2), n += 2;
	memcpy(date + n, year.p, year.n), n += year.n;
	assert(n < DATE_TEXT_MAX); /* at most 12 + 1 + 2 + 2 + 4 bytes */
	*date_text = (art_str){date, n};
	*category = (art_str){s.p + i, s.n - i};
	return true;
}

/* A comma at S[I] that separates thousands: three digits follow, then no
 * fourth. */
static bool thousands_comma(art_str s, size_t i)
{
	if (s.p[i] != ',' || s.n - i < 4)
		return false;
	for (size_t k = i + 1; k < i + 4; k++)
		if (!is_digit(s.p[k]))
			return false;
	return i + 4 == s.n || !is_digit(s.p[i + 4]);
}

/* A count as sites print it: "7", "1,234", "1.2k", "12K", "3M".  0 with *V
 * set; -1 when S[*I] starts no count; -2 when it is one but too large for
 * a record. */
static int count(art_str s, size_t *i, int64_t *v)
{
	size_t start = *i;
	int64_t whole = 0, frac = 0, div = 1, scale = 1;
	for (; *i < s.n; (*i)++) {
		if (is_digit(s.p[*i]))
			whole = whole > NUMBER_MAX ? whole : whole * 10 + (s.p[*i] - '0');
		else if (!(*i > start && thousands_comma(s, *i)))
			break;
	}
	if (*i == start)
		return -1;
	if (s.n - *i >= 2 && s.p[*i] == '.' && is_digit(s.p[*i + 1]))
		for ((*i)++; *i < s.n && is_digit(s.p[*i]) && div < 1000000; (*i)++)
			frac = frac * 10 + (s.p[*i] - '0'), div *= 10;
	if (*i < s.n && (s.p[*i] == 'k' || s.p[*i] == 'K'))
		scale = 1000, (*i)++;
	else if (*i < s.n && s.p[*i] == 'M')
		scale = 1000000, (*i)++;
	if (frac * scale % div != 0)
		return -1; /* "1.5 likes", "1.2345k": no whole number of people */
	if (whole > (NUMBER_MAX - frac * scale / div) / scale)
		return -2;
	*v = whole * scale + frac * scale / div;
	return 0;
}

int art_listing_parse_stats(art_str s, int64_t *likes, int64_t *minutes)
{
	size_t i = 0;
	int r1 = count(s, &i, likes);
	if (r1 == -1 || skip_space(s, &i) == 0 || !skip_lit(s, &i, "like"))
		return -1;
	skip_lit(s, &i, "s");
	skip_space(s, &i);
	if (!skip_lit(s, &i, MIDDOT))
		return -1;
	skip_space(s, &i);
	int r2 = count(s, &i, minutes);
	if (r2 == -1 || skip_space(s, &i) == 0 || !skip_lit(s, &i, "min") ||
	    skip_space(s, &i) == 0 || !skip_lit(s, &i, "read") || i != s.n)
		return -1;
	return (r1 == -2 || r2 == -2) ? -2 : 0;
}

/* Out of memory: what art_listing_feed returns for it. */
static int no_memory(struct art_error *err, unsigned long line)
{
	art_error_set(err, line, "out of memory");
	err->errnum = ENOMEM;
	return ART_FAIL;
}

static int push_window(struct art_listing *l, art_str line, unsigned long lineno)
{
	struct art_buf oldest = l->win[0];
	l->win[0] = l->win[1];
	l->win[1] = oldest;
	l->win_line[0] = l->win_line[1];
	l->win_line[1] = lineno;
	if (l->nwin < 2)
		l->nwin++;
	return art_buf_set(&l->win[1], line);
}

static int bad(struct art_error *err, unsigned long line, const char *what, art_str text)
{
	char shown[ART_EXCERPT_SIZE];
	if (text.p)
		art_error_set(err, line, "%s: \"%s\"", what, art_excerpt(shown, text));
	else
		art_error_set(err, line, "%s", what);
	return ART_BAD;
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
	assert(state <= STATS);
	art_error_set(err, l->start_line, "record cut off before its %s", what[state]);
	l->state = SEEK;
}

/* A date line opens a record; one left open is reported as cut off. */
static int open_record(struct art_listing *l, art_str line, unsigned long lineno, art_str date,
                       art_str category, struct art_error *err)
{
	int rc = ART_MORE;
	if (l->state != SEEK && l->state != CLOSE) {
		report_cut_off(l, source_lines(l), err);
		rc = ART_BAD;
	}
	l->state = SEEK;
	/* a second error on this line waits for the next call */
	struct art_error *e = rc == ART_BAD ? &l->pending_err : err;
	int bad_here = ART_MORE;
	if (l->nwin == 0)
		bad_here = bad(e, lineno, "date line with no source line before it", line);
	else if (art_date_from_listing(date, l->date) != 0)
		bad_here = bad(e, lineno, "not a date", date);
	if (bad_here != ART_MORE) {
		l->nwin = 0;
		l->lost = true; /* the rest of its lines may follow */
		l->pending = rc == ART_BAD;
		return rc == ART_BAD ? rc : bad_here;
	}
	l->lost = false;
	if (art_buf_set(&l->source, art_buf_str(&l->win[1])) != 0 ||
	    art_buf_set(&l->category, category) != 0)
		return no_memory(err, lineno);
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
		return bad(err, lineno, "expected \"N likes " MIDDOT " M min read\"", line);
	if (s == -2)
		return bad(err, lineno, "number out of range", line);
	if (art_tags_split(l->tagger, art_buf_str(&l->tagline), art_buf_str(&l->title),
	                   art_buf_str(&l->summary), &l->split) != 0)
		return no_memory(err, lineno);
	struct art_record *r = &l->rec;
	r->source = art_buf_str(&l->source);
	r->date = (art_str){l->date, sizeof l->date};
	r->category = art_buf_str(&l->category);
	r->title = art_buf_str(&l->title);
	r->summary = art_buf_str(&l->summary);
	r->tags = l->split.tags;
	r->ntags = l->split.n;
	r->likes = likes;
	r->read_minutes = minutes;
	*rec = r;
	l->state = CLOSE;
	return ART_OK;
}

/* Whether a line shaped like a date line opens a record in the state the
 * record is in.  Where a title or summary is due it is that instead: the
 * title always (a record's date line follows its source, never a date
 * line), the summary when a blank line stands before it, as it does on the
 * page; with no blank line, the line before was no title but the source of
 * a record the open one was cut off by. */
static bool opens_record(const struct art_listing *l, bool after_blank)
{
	return l->state != TITLE && !(l->state == SUMMARY && after_blank);
}

/* The field the open record is waiting for, from LINE. */
static int take_field(struct art_listing *l, art_str line, unsigned long lineno,
                      const struct art_record **rec, struct art_error *err)
{
	int64_t likes, minutes;
	bool stats = art_listing_parse_stats(line, &likes, &minutes) != -1;
	struct art_buf *field = NULL;
	switch (l->state) {
	case SEEK:
	case CLOSE:
		if (!stats)
			return ART_MORE;
		/* the end of a record that never started: its date line was
		 * missing or broken beyond recognition (unless that was said) */
		bool said = l->lost;
		l->lost = false;
		return said ? ART_MORE
		            : bad(err, lineno, "likes and read time of a record with no date line",
		                  line);
	case TITLE:
		field = &l->title;
		l->state = SUMMARY;
		break;
	case SUMMARY:
		/* a likes line here ends a record with no summary and no tag
		 * line, unless a blank line follows: then it is the summary */
		field = &l->summary;
		l->state = stats ? MAYBE_SUMMARY : TAGS;
		l->held_line = lineno;
		break;
	case TAGS:
		if (stats) {
			l->state = SEEK;
			return bad(err, lineno, "record lacks its summary or its tag line", line);
		}
		field = &l->tagline;
		l->state = STATS;
		break;
	case STATS:
		return close_record(l, line, lineno, rec, err);
	}
	return art_buf_set(field, line) == 0 ? ART_MORE : no_memory(err, lineno);
}

/* One non-blank line, trimmed. */
static int feed_line(struct art_listing *l, art_str line, unsigned long lineno, bool after_blank,
                     const struct art_record **rec, struct art_error *err)
{
	if (l->state == CLOSE) {
		l->state = SEEK;
		if (art_str_eq(line, art_buf_str(&l->title)))
			return ART_MORE; /* the title again, as link text */
	}
	char text[DATE_TEXT_MAX];
	art_str date, category;
	if (opens_record(l, after_blank) && is_date_line(line, text, &date, &category))
		return open_record(l, line, lineno, date, category, err);
	/* any line may be the source of the next record, a field's line too:
	 * the record it is taken for may be one cut off */
	if (push_window(l, line, lineno) != 0)
		return no_memory(err, lineno);
	return take_field(l, line, lineno, rec, err);
}

/* The line after a summary shaped like a likes line decides what it was. */
static int settle_summary(struct art_listing *l, art_str line, unsigned long lineno,
                          const struct art_record **rec, struct art_error *err)
{
	if (line.n == 0) {
		l->state = TAGS; /* a blank line: it was the summary */
		return ART_MORE;
	}
	bad(err, l->held_line, "record has no summary and no tag line", art_buf_str(&l->summary));
	l->state = CLOSE; /* its title may follow, as link text */
	struct art_error second = {0};
	int rc = feed_line(l, line, lineno, false, rec, &second);
	assert(rc != ART_OK); /* no record ends on its first line */
	if (rc == ART_FAIL) {
		*err = second;
		return rc;
	}
	if (rc == ART_BAD) {
		l->pending = true;
		l->pending_err = second;
	}
	return ART_BAD;
}

int art_listing_feed(struct art_listing *l, art_str line, unsigned long lineno,
                     const struct art_record **rec, struct art_error *err)
{
	line = art_listing_trim(line);
	if (l->state == MAYBE_SUMMARY)
		return settle_summary(l, line, lineno, rec, err);
	bool after_blank = l->blank;
	l->blank = line.n == 0;
	if (line.n == 0)
		return ART_MORE;
	return feed_line(l, line, lineno, after_blank, rec, err);
}

int art_listing_pending(struct art_listing *l, struct art_error *err)
{
	if (!l->pending)
		return ART_OK;
	l->pending = false;
	/* the place and the message; the file is the caller's to set */
	err->line = l->pending_err.line;
	err->errnum = l->pending_err.errnum;
	memcpy(err->msg, l->pending_err.msg, sizeof err->msg);
	return ART_BAD;
}

int art_listing_break(struct art_listing *l, struct art_error *err)
{
	l->nwin = 0;
	l->blank = false;
	if (l->state == MAYBE_SUMMARY) {
		l->state = SEEK;
		return bad(err, l->held_line, "record has no summary and no tag line",
		           art_buf_str(&l->summary));
	}
	if (l->state == SEEK || l->state == CLOSE) {
		l->state = SEEK;
		l->lost = false;
		return ART_OK;
	}
	report_cut_off(l, 0, err);
	l->lost = true; /* the rest of its lines may follow */
	return ART_BAD;
}

void art_listing_reset(struct art_listing *l)
{
	l->nwin = 0;
	l->blank = false;
	l->state = SEEK;
	l->lost = false;
	l->pending = false;
}
