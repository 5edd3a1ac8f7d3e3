/* listing.c - records back as the text of a saved listing page, which
 * art-parse reads into the same records: the page header (its count the
 * records written), then each record as the site prints it.  The header
 * comes first but its count is known last, so the records go to a spool.
 *
 * A record the listing cannot hold is refused rather than written so that
 * it would read back as something else: a source, title or summary that
 * is blank, or no tags.  A line end inside a field becomes a space.
 */
#include <config.h>

#include "writer.h"

#include <inttypes.h>
#include <stdlib.h>

#include "date.h"
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
	if (art_buf_append(b, s.p, s.n) != 0)
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

static int start(struct art_writer *w)
{
	struct art_spool *s = calloc(1, sizeof *s);
	if (!s)
		return -1;
	art_spool_init(s, w->opt.spool_limit ? w->opt.spool_limit : ART_SPOOL_LIMIT);
	w->state = s;
	return 0;
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	struct art_spool *s = w->state;
	const char *why;
	size_t at = s->buf.len;
	int rc = art_listing_put_record(&s->buf, item->rec, &why);
	if (rc == 1) {
		art_error_set(err, item->line, "cannot be written as a listing: %s", why);
		return ART_BAD;
	}
	if (rc != 0) {
		s->buf.len = at;
		return ART_FAIL;
	}
	if (art_spool_settle(s) != 0) {
		w->err = s->err;
		return ART_FAIL;
	}
	return ART_OK;
}

static int finish(struct art_writer *w)
{
	struct art_spool *s = w->state;
	if (art_listing_put_header(&w->out->buf, w->written) != 0)
		return -1;
	if (art_spool_copy(s, w->out) != 0) {
		w->err = s->err;
		return -1;
	}
	return 0;
}

static void listing_free(struct art_writer *w)
{
	struct art_spool *s = w->state;
	if (!s)
		return;
	art_spool_free(s);
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
