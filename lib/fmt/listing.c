/* listing.c - records back as the text of a saved listing page, which
 * art-parse reads into the same records: the page header (its count the
 * records written), then each record as the site prints it, its tags in
 * the site's order (ascending bytes) and run together.  The header comes
 * first but its count is known last, so the records go to a spool.
 *
 * A record the listing cannot hold is refused rather than written so that
 * it would read back as something else: a source, title or summary that
 * is blank, or no tags; and any record that art-parse (without a lexicon)
 * would read otherwise, such as tags that the splitter would merge.  Each
 * record written is read back to know: by a reader of listings with a
 * tagger of its own, which learns only from the records written, as
 * art-parse's will.  A line end inside a field becomes a space, and white
 * space at either end of a line is no part of it: a field is compared
 * after both.
 */
#include <config.h>

#include "writer.h"

#include <inttypes.h>
#include <stdlib.h>

#include "date.h"
#include "listing.h"
#include "spool.h"

static bool blank(art_str s)
{
	for (size_t i = 0; i < s.n; i++)
		if (s.p[i] != ' ' && s.p[i] != '\t' && s.p[i] != '\n' && s.p[i] != '\r')
			return false;
	return true;
}

/* S on one line: line ends become spaces. */
static int put_line(struct art_buf *b, art_str s, bool newline)
{
	size_t at = b->len;
	if (art_buf_append_text(b, s) != 0)
		return -1;
	for (size_t i = at; i < b->len; i++)
		if (b->p[i] == '\n' || b->p[i] == '\r')
			b->p[i] = ' ';
	return newline ? art_buf_putc(b, '\n') : 0;
}

int art_listing_put_record(struct art_buf *b, const struct art_record *r, const char **why)
{
	char date[16];
	*why = blank(r->source)                         ? "its source is blank"
	       : blank(r->title)                        ? "its title is blank"
	       : blank(r->summary)                      ? "its summary is blank"
	       : r->ntags == 0                          ? "it has no tags"
	       : art_date_to_listing(r->date, date) < 0 ? "its date is not a date"
	                                                : NULL;
	if (*why)
		return 1;
	int rc = put_line(b, r->source, true) | put_line(b, r->source, true);
	rc |= art_buf_printf(b, "%s \xC2\xB7 ", date) | put_line(b, r->category, true);
	rc |= art_buf_putc(b, '\n') | put_line(b, r->title, true) | art_buf_putc(b, '\n');
	rc |= put_line(b, r->summary, true) | art_buf_putc(b, '\n');
	for (size_t i = 0; i < r->ntags; i++)
		rc |= put_line(b, r->tags[i], false);
	rc |= art_buf_printf(b, "\n%" PRId64 " like%s \xC2\xB7 %" PRId64 " min read\n", r->likes,
	                     r->likes == 1 ? "" : "s", r->read_minutes);
	rc |= put_line(b, r->title, true);
	return rc ? -1 : 0;
}

int art_listing_put_header(struct art_buf *b, unsigned long count)
{
	return art_buf_printf(b, "Tagged articles\n%lu article%s\nPage 1 of 1\n", count,
	                      count == 1 ? "" : "s");
}

struct listing_state {
	struct art_spool spool;
	struct art_tagger *tagger; /* the reader's: learns from records written */
	struct art_listing reader;
	art_str *tags; /* the record's tags in byte order */
	size_t tags_cap;
	struct art_buf want, said; /* a field as it should read back; a message */
};

static int start(struct art_writer *w)
{
	struct listing_state *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	w->state = s;
	art_spool_init(&s->spool, w->opt.spool_limit ? w->opt.spool_limit : ART_SPOOL_LIMIT);
	s->tagger = art_tagger_new();
	if (!s->tagger)
		return -1;
	art_tagger_hold(s->tagger, true);
	art_listing_init(&s->reader, s->tagger);
	return 0;
}

static int cmp_tags(const void *a, const void *b)
{
	return art_str_cmp(*(const art_str *)a, *(const art_str *)b);
}

/* R's tags in the site's order, in s->tags.  0, or -1 when out of memory. */
static int sort_tags(struct listing_state *s, const struct art_record *r)
{
	if (art_grow(&s->tags, &s->tags_cap, r->ntags, sizeof *s->tags, 8) != 0)
		return -1;
	if (r->ntags)
		memcpy(s->tags, r->tags, r->ntags * sizeof *s->tags);
	qsort(s->tags, r->ntags, sizeof *s->tags, cmp_tags);
	return 0;
}

/* Does the field READ say what WROTE does, as the listing can: line ends
 * as spaces, white space at either end dropped?  -1 when out of memory. */
static int same_field(struct listing_state *s, art_str wrote, art_str read)
{
	s->want.len = 0;
	if (put_line(&s->want, wrote, false) != 0)
		return -1;
	return art_str_eq(art_listing_trim(art_buf_str(&s->want)), read);
}

/* What of R the record READ says otherwise, or NULL when nothing. */
static const char *differs(struct listing_state *s, const struct art_record *r,
                           const struct art_record *read, int *rc)
{
	static const char *const fields[] = {"source", "category", "title", "summary"};
	const art_str wrote[] = {r->source, r->category, r->title, r->summary},
	              got[] = {read->source, read->category, read->title, read->summary};
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		int same = same_field(s, wrote[f], got[f]);
		if (same < 0)
			*rc = -1;
		if (same <= 0)
			return fields[f];
	}
	if (!art_str_eq(r->date, read->date))
		return "date";
	if (r->likes != read->likes || r->read_minutes != read->read_minutes)
		return "likes or read time";
	if (r->ntags != read->ntags)
		return "tags";
	for (size_t i = 0; i < r->ntags; i++)
		if (!art_str_eq(r->tags[i], read->tags[i]))
			return "tags";
	return NULL;
}

/* The tags READ has, as a message quotes them: "A", "B". */
static const char *quoted_tags(struct listing_state *s, const struct art_record *read)
{
	char shown[ART_EXCERPT_SIZE];
	s->said.len = 0;
	for (size_t i = 0; i < read->ntags; i++)
		if (art_buf_printf(&s->said, "%s\"%s\"", i ? ", " : "",
		                   art_excerpt(shown, read->tags[i])) != 0)
			return "(out of memory)";
	return art_buf_putc(&s->said, '\0') == 0 ? s->said.p : "(out of memory)";
}

/* Read back the record R written as TEXT, saying in ERR (at LINE) how it
 * would read otherwise.  ART_OK, ART_BAD, or ART_FAIL when out of memory. */
static int read_back(struct listing_state *s, const struct art_record *r, art_str text,
                     unsigned long line, struct art_error *err)
{
	const struct art_record *read = NULL;
	struct art_error why;
	int got = ART_MORE;
	art_listing_reset(&s->reader);
	for (const char *p = text.p, *end = text.p + text.n; p < end && !read;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		art_str l = {p, (size_t)((nl ? nl : end) - p)};
		p = nl ? nl + 1 : end;
		got = art_listing_feed(&s->reader, l, line, &read, &why);
		if (got == ART_FAIL)
			return ART_FAIL;
		if (got == ART_BAD)
			break;
	}
	if (!read) {
		art_error_set(err, line,
		              "cannot be written as a listing: it would not read back%s%s",
		              got == ART_BAD ? ": " : "", got == ART_BAD ? why.msg : "");
		return ART_BAD;
	}
	int rc = 0;
	const char *field = differs(s, r, read, &rc);
	if (rc != 0)
		return ART_FAIL;
	if (!field)
		return art_tagger_learn(s->tagger) == 0 ? ART_OK : ART_FAIL;
	if (strcmp(field, "tags") == 0)
		art_error_set(err, line,
		              "cannot be written as a listing: its tags would read back as %s",
		              quoted_tags(s, read));
	else
		art_error_set(err, line,
		              "cannot be written as a listing: its %s would read back otherwise",
		              field);
	return ART_BAD;
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	struct listing_state *s = w->state;
	struct art_buf *b = &s->spool.buf;
	if (sort_tags(s, item->rec) != 0)
		return ART_FAIL;
	struct art_record r = *item->rec;
	r.tags = s->tags;
	const char *why;
	size_t at = b->len;
	int rc = art_listing_put_record(b, &r, &why);
	if (rc == 1) {
		art_error_set(err, item->line, "cannot be written as a listing: %s", why);
		return ART_BAD;
	}
	if (rc == 0)
		rc = read_back(s, &r, (art_str){b->p + at, b->len - at}, item->line, err);
	else
		rc = ART_FAIL;
	if (rc != ART_OK) {
		b->len = at;
		return rc;
	}
	if (art_spool_settle(&s->spool) != 0) {
		w->err = s->spool.err;
		return ART_FAIL;
	}
	return ART_OK;
}

static int finish(struct art_writer *w)
{
	struct listing_state *s = w->state;
	if (art_listing_put_header(&w->out->buf, w->written) != 0)
		return -1;
	if (art_spool_copy(&s->spool, w->out) != 0) {
		w->err = s->spool.err;
		return -1;
	}
	return 0;
}

static void listing_free(struct art_writer *w)
{
	struct listing_state *s = w->state;
	if (!s)
		return;
	art_spool_free(&s->spool);
	if (s->tagger)
		art_listing_free(&s->reader);
	art_tagger_free(s->tagger);
	free(s->tags);
	art_buf_free(&s->want);
	art_buf_free(&s->said);
	free(s);
	w->state = NULL;
}

const struct art_writer_class art_listing_writer = {
    .name = "listing",
    .tag_sep = "",
    .records_only = true,
    .start = start,
    .put = put,
    .finish = finish,
    .free = listing_free,
};
