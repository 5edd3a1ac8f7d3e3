/* html.c - one self-contained HTML5 page: inline CSS, no scripts (its
 * Content-Security-Policy allows none), every text escaped and isolated
 * (<bdi> or dir="auto"), so that no right-to-left text reorders the page.
 *
 * Records are listed as the site shows them: source, date and category,
 * the title, the summary, the tags as labels, likes and read time (or the
 * chosen fields, in their order).  Other objects become a table.  At the
 * top: the title, how many articles, from when to when, how many sources
 * and tags, and three pictures in inline SVG (svg.h): the articles per
 * month, the ten most common tags (with a word on the tags tied with the
 * tenth), and those tags month by month.  The top needs every record
 * counted, so the list goes to a spool (memory, then a temporary file)
 * and the counts to tag counters and a count per month (memory bounded by
 * the distinct tags, sources and months).  The page wraps any text at
 * any width, follows the reader's light or dark scheme, and prints.
 */
#include <config.h>

#include "writer.h"

#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>

#include "date.h"
#include "hash.h"
#include "spool.h"
#include "svg.h"
#include "tagcount.h"
#include "unique.h"
#include "utf8.h"

#define TOP_TAGS    10  /* bars of the tag chart, rows of the heatmap */
#define MAX_MONTHS  120 /* the timeline by month up to this, then by year */
#define HEAT_MONTHS 36  /* the heatmap by month up to this, then by year */

struct html {
	struct art_spool list;
	struct art_tagcount *tags, *tags_by_month;
	struct art_hashset sources;
	uint64_t *per_month; /* articles in each month from month_lo */
	int month_lo, month_hi;
	char first[10], last[10]; /* the earliest and latest ISO dates */
	bool records;
};

int art_html_put_text(struct art_buf *b, art_str text)
{
	/* worst case: every byte "&quot;" or a replacement character */
	if (art_buf_reserve(b, 6 * text.n) != 0)
		return -1;
	char *o = b->p + b->len;
	const unsigned char *p = (const unsigned char *)text.p, *end = p + text.n;
	while (p < end) {
		unsigned char c = *p;
		const char *e = NULL;
		switch (c) {
		case '&':
			e = "&amp;";
			break;
		case '<':
			e = "&lt;";
			break;
		case '>':
			e = "&gt;";
			break;
		case '"':
			e = "&quot;";
			break;
		case '\'':
			e = "&#39;";
			break;
		}
		if (e) {
			size_t n = strlen(e);
			memcpy(o, e, n);
			o += n;
			p++;
			continue;
		}
		if (c >= 0x20 && c < 0x7F) {
			*o++ = (char)*p++;
			continue;
		}
		uint32_t cp = 0;
		size_t n = c < 0x80 ? 1 : art_utf8_decode(p, (size_t)(end - p), &cp);
		if (c == '\t' || c == '\n' || c == '\r') {
			*o++ = (char)c;
		} else if (c < 0x80 || n == 0 || (cp >= 0x80 && cp < 0xA0)) {
			/* no control character (nor a broken byte) in an HTML text */
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
		} else {
			memcpy(o, p, n);
			o += n;
		}
		p += n ? n : 1;
	}
	assert((size_t)(o - b->p) - b->len <= 6 * text.n);
	b->len = (size_t)(o - b->p);
	return 0;
}

static const char style[] =
    ":root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--line:#d1d9e0;"
    "--accent:#0969da;--chip:#ddf4ff;--chip-fg:#0550ae;--empty:#eff2f5}\n"
    "@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;"
    "--line:#3d444d;--accent:#4493f8;--chip:#12325a;--chip-fg:#a5d6ff;--empty:#161b22}}\n"
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;"
    "color:var(--fg);background:var(--bg);max-width:54rem;margin:0 auto;padding:1.5rem 1rem 3rem;"
    "overflow-wrap:anywhere}\n"
    "h1{font-size:1.75rem;line-height:1.25;margin:0 0 .25rem}\n"
    ".counts{color:var(--muted);margin:0 0 1.5rem}\n"
    ".counts strong{color:var(--fg);font-variant-numeric:tabular-nums}\n"
    ".pictures{display:grid;gap:1.5rem;margin:0 0 2rem}\n"
    "figure{margin:0;min-width:0}\n"
    "figcaption{font-weight:600;margin-bottom:.5rem}\n"
    "figure p{color:var(--muted);font-size:.875rem;margin:.25rem 0 0}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "svg text{font:14px system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto "
    "Sans\",sans-serif;fill:var(--fg)}\n"
    "svg .tick,svg .count{fill:var(--muted);font-size:12px}\n"
    "svg .bar{fill:var(--accent)}\n"
    "svg .heat{fill:var(--accent)}\n"
    "svg .heat0{fill:var(--empty)}\n"
    "svg .axis,svg .grid{stroke:var(--line);stroke-width:1}\n"
    "svg .grid{stroke-dasharray:3 3}\n"
    "ol.records{list-style:none;margin:0;padding:0}\n"
    "ol.records>li{border-top:1px solid var(--line);padding:1rem 0}\n"
    ".meta{color:var(--muted);font-size:.875rem;margin:0}\n"
    "h2{font-size:1.125rem;line-height:1.35;margin:.25rem 0}\n"
    ".summary{margin:.25rem 0 .5rem}\n"
    "ul.tags{list-style:none;display:flex;flex-wrap:wrap;gap:.375rem;margin:0 0 .5rem;padding:0}\n"
    "ul.tags li{background:var(--chip);color:var(--chip-fg);border-radius:1rem;padding:0 .625rem;"
    "font-size:.8125rem;max-width:100%}\n"
    "table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
    "th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}\n"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
    "@media print{:root{--fg:#000;--muted:#444;--bg:#fff;--line:#999;--accent:#555;--chip:#fff;"
    "--chip-fg:#000;--empty:#f2f2f2}\n"
    "body{max-width:none;padding:0;font-size:11pt}\n"
    "ul.tags li{border:1px solid #999}\n"
    "figure,ol.records>li,tr{break-inside:avoid}\n"
    "h1,h2,figcaption{break-after:avoid}}\n";

static int put_lit(struct art_buf *b, const char *s)
{
	return art_buf_append(b, s, strlen(s));
}

static int put_count(struct art_buf *b, uint64_t n, const char *one, const char *many)
{
	return art_buf_printf(b, "<strong>%" PRIu64 "</strong> %s", n, n == 1 ? one : many);
}

static bool is_meta(int field)
{
	return field == ART_F_SOURCE || field == ART_F_DATE || field == ART_F_CATEGORY ||
	       field == ART_F_LIKES || field == ART_F_READ_MINUTES;
}

static int put_meta(struct art_buf *b, const struct art_record *r, int field)
{
	char listing[16];
	switch (field) {
	case ART_F_SOURCE:
		return put_lit(b, "<bdi class=\"source\">") | art_html_put_text(b, r->source) |
		       put_lit(b, "</bdi>");
	case ART_F_DATE:
		if (art_date_to_listing(r->date, listing) < 0)
			return put_lit(b, "<bdi>") | art_html_put_text(b, r->date) |
			       put_lit(b, "</bdi>");
		return put_lit(b, "<time datetime=\"") | art_html_put_text(b, r->date) |
		       art_buf_printf(b, "\">%s</time>", listing);
	case ART_F_CATEGORY:
		return put_lit(b, "<bdi class=\"category\">") | art_html_put_text(b, r->category) |
		       put_lit(b, "</bdi>");
	case ART_F_LIKES:
		return art_buf_printf(b, "%" PRId64 " like%s", r->likes, r->likes == 1 ? "" : "s");
	default:
		return art_buf_printf(b, "%" PRId64 " min read", r->read_minutes);
	}
}

/* A record as the site shows it: runs of short fields on one line. */
static int put_card(struct art_writer *w, struct art_buf *b, const struct art_record *r)
{
	int rc = put_lit(b, "<li>\n");
	bool meta = false;
	for (size_t i = 0; i < w->cols.n; i++) {
		int f = w->cols.col[i].field;
		if (is_meta(f)) {
			rc |= put_lit(b, meta ? " &middot; " : "<p class=\"meta\">");
			meta = true;
			rc |= put_meta(b, r, f);
			continue;
		}
		if (meta)
			rc |= put_lit(b, "</p>\n");
		meta = false;
		if (f == ART_F_TITLE) {
			rc |= put_lit(b, "<h2 dir=\"auto\">") | art_html_put_text(b, r->title) |
			      put_lit(b, "</h2>\n");
		} else if (f == ART_F_SUMMARY) {
			rc |= put_lit(b, "<p class=\"summary\" dir=\"auto\">") |
			      art_html_put_text(b, r->summary) | put_lit(b, "</p>\n");
		} else if (f == ART_F_TAGS && r->ntags) {
			rc |= put_lit(b, "<ul class=\"tags\">");
			for (size_t t = 0; t < r->ntags; t++)
				rc |= put_lit(b, "<li dir=\"auto\">") |
				      art_html_put_text(b, r->tags[t]) | put_lit(b, "</li>");
			rc |= put_lit(b, "</ul>\n");
		}
	}
	if (meta)
		rc |= put_lit(b, "</p>\n");
	return rc | put_lit(b, "</li>\n");
}

static int put_row(struct art_writer *w, struct art_buf *b, bool head)
{
	int rc = put_lit(b, "<tr>");
	for (size_t i = 0; i < w->cols.n; i++) {
		rc |= put_lit(b, head                     ? "<th dir=\"auto\">"
		                 : w->cols.col[i].numeric ? "<td class=\"num\" dir=\"auto\">"
		                                          : "<td dir=\"auto\">");
		rc |= art_html_put_text(b, w->row[i]);
		rc |= put_lit(b, head ? "</th>" : "</td>");
	}
	return rc | put_lit(b, "</tr>\n");
}

static int start(struct art_writer *w)
{
	struct html *h = calloc(1, sizeof *h);
	if (!h)
		return -1;
	w->state = h;
	art_spool_init(&h->list, w->opt.spool_limit ? w->opt.spool_limit : ART_SPOOL_LIMIT);
	h->records = w->cols.records || w->cols.n == 0;
	h->month_lo = -1;
	if (h->records) {
		h->tags = art_tagcount_new(ART_TC_TAGS, ART_TC_SOURCE, false);
		h->tags_by_month = art_tagcount_new(ART_TC_GROUPS, ART_TC_MONTH, false);
		return h->tags && h->tags_by_month
		           ? put_lit(&h->list.buf, "<ol class=\"records\">\n")
		           : -1;
	}
	art_writer_names(w);
	return put_lit(&h->list.buf, "<table>\n<thead>\n") | put_row(w, &h->list.buf, true) |
	       put_lit(&h->list.buf, "</thead>\n<tbody>\n");
}

/* One more article in MONTH: the count per month grows to take it in. */
static int count_month(struct html *h, int month)
{
	if (h->month_lo < 0) {
		h->per_month = calloc(1, sizeof *h->per_month);
		if (!h->per_month)
			return -1;
		h->month_lo = h->month_hi = month;
	}
	int lo = month < h->month_lo ? month : h->month_lo;
	int hi = month > h->month_hi ? month : h->month_hi;
	if (lo != h->month_lo || hi != h->month_hi) {
		uint64_t *grown = calloc((size_t)(hi - lo + 1), sizeof *grown);
		if (!grown)
			return -1;
		memcpy(grown + (h->month_lo - lo), h->per_month,
		       (size_t)(h->month_hi - h->month_lo + 1) * sizeof *grown);
		free(h->per_month);
		h->per_month = grown;
		h->month_lo = lo;
		h->month_hi = hi;
	}
	h->per_month[month - h->month_lo]++;
	return 0;
}

/* What the top of the page tells of R: its tags, month, date, source. */
static int count_record(struct html *h, const struct art_record *r)
{
	if (art_tagcount_add_record(h->tags, r) != 0 ||
	    art_tagcount_add_record(h->tags_by_month, r) != 0 ||
	    art_hashset_add(&h->sources, art_hash(r->source.p, r->source.n, 0)) < 0)
		return -1;
	if (!art_date_is_iso(r->date))
		return 0;
	if (h->month_lo < 0 || memcmp(r->date.p, h->first, 10) < 0)
		memcpy(h->first, r->date.p, 10);
	if (h->month_lo < 0 || memcmp(r->date.p, h->last, 10) > 0)
		memcpy(h->last, r->date.p, 10);
	return count_month(h, art_svg_month(r->date));
}

static int put(struct art_writer *w, const struct art_item *item, struct art_error *err)
{
	struct html *h = w->state;
	struct art_buf *b = &h->list.buf;
	if (h->records) {
		const struct art_record *r = item->rec;
		if (!r) {
			struct art_record ignored;
			struct art_error why;
			int bad = art_record_from_json(&ignored, item->obj, &why);
			assert(bad != 0); /* called again only for its message */
			(void)bad;
			art_error_set(err, item->line, "not a record (%s)", why.msg);
			return ART_BAD;
		}
		if (count_record(h, r) != 0 || put_card(w, b, r) != 0)
			return ART_FAIL;
	} else if (art_writer_row(w, item) != 0 || put_row(w, b, false) != 0) {
		return ART_FAIL;
	}
	if (art_spool_settle(&h->list) != 0) {
		w->err = h->list.err;
		return ART_FAIL;
	}
	return ART_OK;
}

static int put_date(struct art_buf *b, const char iso[10])
{
	char listing[16];
	art_str d = {iso, 10};
	int n = art_date_to_listing(d, listing);
	assert(n > 0); /* a record's date is a real day */
	(void)n;
	return put_lit(b, "<time datetime=\"") | art_buf_append(b, iso, 10) |
	       art_buf_printf(b, "\">%s</time>", listing);
}

/* Under the title: articles, the dates they span, sources and tags. */
static int put_counts(struct art_writer *w, struct html *h, struct art_buf *b)
{
	int rc = put_lit(b, "<p class=\"counts\">");
	if (!h->records)
		return rc | put_count(b, w->written, "row", "rows") | put_lit(b, "</p>\n");
	rc |= put_count(b, w->written, "article", "articles");
	if (h->month_lo >= 0) {
		rc |= put_lit(b, " &middot; ") | put_date(b, h->first);
		if (memcmp(h->first, h->last, 10) != 0)
			rc |= put_lit(b, " &ndash; ") | put_date(b, h->last);
	}
	rc |= put_lit(b, " &middot; ") | put_count(b, h->sources.n, "source", "sources");
	rc |= put_lit(b, " &middot; ");
	return rc | put_count(b, art_tagcount_nrows(h->tags), "tag", "tags") | put_lit(b, "</p>\n");
}

static int put_timeline(struct html *h, struct art_buf *b)
{
	if (h->month_lo < 0)
		return 0;
	struct art_periods p = art_svg_periods(h->month_lo, h->month_hi, MAX_MONTHS);
	uint64_t *count = calloc(p.n, sizeof *count);
	if (!count)
		return -1;
	for (int m = h->month_lo; m <= h->month_hi; m++) {
		long i = art_svg_period_of(&p, m);
		if (i >= 0)
			count[i] += h->per_month[m - h->month_lo];
	}
	int rc = art_buf_printf(b, "<figure>\n<figcaption>Articles per %s</figcaption>\n",
	                        p.years ? "year" : "month");
	rc |= art_svg_timeline(b, &p, count);
	free(count);
	return rc | put_lit(b, "</figure>\n");
}

/* The most common tags, and how many more are tied with the last shown. */
static size_t top_tags(struct html *h, struct art_svg_bar *bars, size_t *tied)
{
	size_t n = art_tagcount_nrows(h->tags), shown = n < TOP_TAGS ? n : TOP_TAGS;
	struct art_tagrow row;
	for (size_t i = 0; i < shown; i++) {
		art_tagcount_row(h->tags, i, &row);
		bars[i] = (struct art_svg_bar){row.tags[0], (uint64_t)row.count};
	}
	*tied = 0;
	for (size_t i = shown; i < n; i++, ++*tied) {
		art_tagcount_row(h->tags, i, &row);
		if ((uint64_t)row.count != bars[shown - 1].count)
			break;
	}
	return shown;
}

static int put_tag_chart(struct art_buf *b, const struct art_svg_bar *bars, size_t n, size_t tied)
{
	int rc = put_lit(b, "<figure>\n<figcaption>The most common tags</figcaption>\n");
	rc |= art_svg_bar_chart(b, bars, n, "article");
	if (tied)
		rc |= art_buf_printf(b, "<p>+%zu more with %" PRIu64 " article%s</p>\n", tied,
		                     bars[n - 1].count, bars[n - 1].count == 1 ? "" : "s");
	return rc | put_lit(b, "</figure>\n");
}

/* The top tags over time: a row per tag, a cell per month or year. */
static int put_heatmap(struct html *h, struct art_buf *b, const struct art_svg_bar *bars, size_t n)
{
	if (h->month_lo < 0 || n == 0)
		return 0;
	struct art_periods p = art_svg_periods(h->month_lo, h->month_hi, HEAT_MONTHS);
	uint64_t *count = calloc(n * p.n, sizeof *count);
	art_str labels[TOP_TAGS];
	if (!count)
		return -1;
	for (size_t t = 0; t < n; t++)
		labels[t] = bars[t].label;
	struct art_tagrow row;
	for (size_t i = 0; i < art_tagcount_nrows(h->tags_by_month); i++) {
		art_tagcount_row(h->tags_by_month, i, &row);
		long at = art_svg_period_of(&p, art_svg_month(row.group));
		for (size_t t = 0; t < n && at >= 0; t++)
			if (art_str_eq(row.tags[0], labels[t]))
				count[t * p.n + (size_t)at] += (uint64_t)row.count;
	}
	int rc = art_buf_printf(b, "<figure>\n<figcaption>The top tags by %s</figcaption>\n",
	                        p.years ? "year" : "month");
	rc |= art_svg_heatmap(b, labels, n, &p, count);
	free(count);
	return rc | put_lit(b, "</figure>\n");
}

static int put_pictures(struct html *h, struct art_buf *b)
{
	struct art_svg_bar bars[TOP_TAGS];
	size_t tied, n = top_tags(h, bars, &tied);
	if (h->month_lo < 0 && n == 0)
		return 0;
	int rc = put_lit(b, "<section class=\"pictures\">\n") | put_timeline(h, b);
	if (n)
		rc |= put_tag_chart(b, bars, n, tied) | put_heatmap(h, b, bars, n);
	return rc | put_lit(b, "</section>\n");
}

static int finish(struct art_writer *w)
{
	struct html *h = w->state;
	struct art_buf *b = &w->out->buf;
	const char *given = w->opt.title ? w->opt.title : h->records ? "Articles" : "Report";
	art_str title = {given, strlen(given)};
	int rc =
	    put_lit(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
	               "'none'; style-src 'unsafe-inline'\">\n<meta name=\"viewport\" "
	               "content=\"width=device-width, initial-scale=1\">\n"
	               "<meta name=\"color-scheme\" content=\"light dark\">\n");
	rc |= put_lit(b, "<title>") | art_html_put_text(b, title);
	rc |=
	    art_buf_printf(b, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header>\n", style);
	rc |= put_lit(b, "<h1 dir=\"auto\">") | art_html_put_text(b, title) | put_lit(b, "</h1>\n");
	if (h->records && (art_tagcount_finish(h->tags, ART_TC_BY_COUNT, SIZE_MAX) != 0 ||
	                   art_tagcount_finish(h->tags_by_month, ART_TC_BY_COUNT, SIZE_MAX) != 0))
		return -1;
	rc |= put_counts(w, h, b) | put_lit(b, "</header>\n");
	if (h->records)
		rc |= put_pictures(h, b);
	rc |= put_lit(b, "<main>\n");
	rc |= put_lit(&h->list.buf, h->records ? "</ol>\n" : "</tbody>\n</table>\n");
	if (rc != 0)
		return -1;
	art_out_ready(w->out);
	if (art_spool_copy(&h->list, w->out) != 0) {
		w->err = h->list.err;
		return -1;
	}
	return put_lit(b, "</main>\n</body>\n</html>\n");
}

static void html_free(struct art_writer *w)
{
	struct html *h = w->state;
	if (!h)
		return;
	art_spool_free(&h->list);
	art_tagcount_free(h->tags);
	art_tagcount_free(h->tags_by_month);
	art_hashset_free(&h->sources);
	free(h->per_month);
	free(h);
	w->state = NULL;
}

const struct art_writer_class art_html_writer = {
    .name = "html",
    .tag_sep = ", ",
    .start = start,
    .put = put,
    .finish = finish,
    .free = html_free,
};
